import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { NetworkNav, networkPaths, sectorColor } from './network-common';

const R = 120;
const DOT = 7;
const GAP = 17;

/** Points on a grid inside a half disc (top: y < 0, bottom: y > 0), nearest the centre line first. */
function halfDiscPoints(count: number, top: boolean): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let row = 0; points.length < count && row < 40; row++) {
    const y = (row + 0.8) * GAP;
    if (y + DOT > R) break;
    const half = Math.sqrt(R * R - (y + DOT) * (y + DOT)) - DOT;
    const slots = Math.max(1, Math.floor((2 * half) / GAP) + 1);
    for (let i = 0; i < slots && points.length < count; i++) {
      points.push({ x: -half + (slots === 1 ? half : (i * 2 * half) / (slots - 1)), y: top ? -y : y });
    }
  }
  return points;
}

/** The bollenschema: one bubble per municipality, cultural actors on top, non-cultural below; with a table alternative. */
export function BubblePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const scheme = useApi('/api/regions/{slug}/network/bubbles', { params: { path: { slug: region.slug } } });
  const data = scheme.data;
  const columns = 3;
  const cell = 2 * R + 60;

  return (
    <Page title={t('network.bubbles.title')} regionName={region.name} lead={<p>{t('network.bubbles.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin={roleIn(region.slug) === 'admin'} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('network.bubbles.print')}
        </button>
      </div>
      {scheme.error ? <Notice kind="error">{scheme.error.message}</Notice> : null}
      {data ? (
        <>
          <svg
            className="bubble-scheme"
            role="group"
            aria-label={t('network.bubbles.title')}
            viewBox={`0 0 ${columns * cell} ${Math.ceil(data.municipalities.length / columns) * (cell + 20)}`}
            width="100%"
          >
            {data.municipalities.map((municipality, index) => {
              const cx = (index % columns) * cell + cell / 2;
              const cy = Math.floor(index / columns) * (cell + 20) + R + 40;
              const top = halfDiscPoints(municipality.cultural.length, true);
              const bottom = halfDiscPoints(municipality.nonCultural.length, false);
              const dots = [
                ...municipality.cultural.map((actor, i) => ({ actor, point: top[i] })),
                ...municipality.nonCultural.map((actor, i) => ({ actor, point: bottom[i] })),
              ].filter((dot) => dot.point);
              return (
                <g key={municipality.nisCode} role="group" aria-label={t('network.bubbles.actorsIn', { name: municipality.name })}>
                  <text x={cx} y={cy - R - 14} textAnchor="middle" className="bubble-scheme__title">
                    {municipality.name}
                    {municipality.own ? ` (${t('network.bubbles.own')})` : ''}
                  </text>
                  <circle cx={cx} cy={cy} r={R} fill="#ffffff" stroke={municipality.own ? '#1f3a5f' : '#6b6b6b'} strokeWidth={municipality.own ? 4 : 2} />
                  <line x1={cx - R} x2={cx + R} y1={cy} y2={cy} stroke="#6b6b6b" strokeDasharray="4 4" />
                  <text x={cx} y={cy - 4} textAnchor="middle" className="bubble-scheme__half" aria-hidden="true">
                    {t('network.bubbles.top')}
                  </text>
                  <text x={cx} y={cy + 14} textAnchor="middle" className="bubble-scheme__half" aria-hidden="true">
                    {t('network.bubbles.bottom')}
                  </text>
                  {dots.map(({ actor, point }) => {
                    const sectorName = data.sectors.find((s) => s.key === actor.sector)?.name ?? actor.sector;
                    return (
                      <a
                        key={actor.id}
                        href={networkPaths.actor(region.slug, actor.id)}
                        aria-label={`${actor.name} (${sectorName})`}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(networkPaths.actor(region.slug, actor.id));
                        }}
                        className="bubble-scheme__actor"
                      >
                        <title>{`${actor.name} — ${sectorName}`}</title>
                        <circle cx={cx + point!.x} cy={cy + point!.y} r={DOT} fill={sectorColor(data.sectors, actor.sector)} stroke="#ffffff" strokeWidth={1.5} />
                      </a>
                    );
                  })}
                </g>
              );
            })}
          </svg>
          <h2>{t('network.bubbles.legend')}</h2>
          <ul className="plain-list bubble-legend">
            {data.sectors
              .filter((sector) => data.municipalities.some((m) => [...m.cultural, ...m.nonCultural].some((a) => a.sector === sector.key)))
              .map((sector) => (
                <li key={sector.key}>
                  <svg width="14" height="14" aria-hidden="true">
                    <circle cx="7" cy="7" r="6" fill={sectorColor(data.sectors, sector.key)} />
                  </svg>{' '}
                  {sector.name} ({t(sector.cultural ? 'network.ui.cultural' : 'network.ui.nonCultural')})
                </li>
              ))}
          </ul>
          <h2 id="bubble-table">{t('network.bubbles.tableTitle')}</h2>
          <table className="table" aria-labelledby="bubble-table">
            <thead>
              <tr>
                <th scope="col">{t('network.ui.municipality')}</th>
                <th scope="col">{t('network.bubbles.top')}</th>
                <th scope="col">{t('network.bubbles.bottom')}</th>
              </tr>
            </thead>
            <tbody>
              {data.municipalities.map((municipality) => (
                <tr key={municipality.nisCode}>
                  <th scope="row">{municipality.name}</th>
                  {[municipality.cultural, municipality.nonCultural].map((list, i) => (
                    <td key={i}>
                      {list.length === 0
                        ? t('network.bubbles.none')
                        : list.map((actor, j) => (
                            <span key={actor.id}>
                              {j > 0 ? ', ' : ''}
                              <Link to={networkPaths.actor(region.slug, actor.id)}>{actor.name}</Link>
                            </span>
                          ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t('network.ui.loading')}</p>
      )}
    </Page>
  );
}
