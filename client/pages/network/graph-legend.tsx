import { useTranslation } from 'react-i18next';
import { SectorMark } from '../../components/sector-mark';
import { sectorStyle } from '../../components/sector-style';

/** The graph's legend: each sector present with its mark (colour, shape, code), then the rings and what size means. */
export function GraphLegend({ sectors, present }: { sectors: { key: string; name: string }[]; present: { key: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="graph-legend" className="graph-legend">
      <h2 id="graph-legend">{t('network.graph.legend')}</h2>
      <ul className="plain-list">
        {present.map((sector) => (
          <li key={sector.key}>
            <SectorMark style={sectorStyle(sectors, sector.key)} size={20} />
            {sector.name}
          </li>
        ))}
        <li>
          <span className="graph-legend__dot graph-legend__dot--broker" aria-hidden="true" />
          {t('network.graph.legendBroker')}
        </li>
        <li>
          <span className="graph-legend__dot graph-legend__dot--isolated" aria-hidden="true" />
          {t('network.graph.legendIsolated')}
        </li>
        <li>
          <span className="graph-legend__dot graph-legend__dot--selected" aria-hidden="true" />
          {t('network.graph.legendSelected')}
        </li>
        <li>{t('network.graph.legendSize')}</li>
        <li>{t('network.graph.legendCode')}</li>
      </ul>
    </section>
  );
}
