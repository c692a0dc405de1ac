import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BubbleScheme } from '../../../common/schemas/network.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { SectorMark } from '../../components/sector-mark';
import { sectorStyle } from '../../components/sector-style';
import { NetworkNav, networkPaths } from './network-common';
import { packHalfDisc } from './bubble-pack';

const R = 120;
const PAD = 8;
// Names inside the bubble from this radius on; the largest bubbles on screen carry their name, the rest a code.
const NAME_RADIUS = 17;

type SchemeActor = BubbleScheme['municipalities'][number]['cultural'][number];
type Municipality = BubbleScheme['municipalities'][number];

// An actor without relations still gets a visible bubble; growth slows down so one hub does not crowd out the rest.
const weight = (actor: SchemeActor) => 1 + Math.sqrt(actor.relations);

function shorten(name: string, r: number): string {
  const room = Math.max(3, Math.floor((2 * r * 0.9) / 5.4));
  return name.length <= room ? name : `${name.slice(0, room - 1)}…`;
}

/** One municipality: its circle with the packed cultural (top) and non-cultural (bottom) actors. */
function MunicipalityBubble({ municipality, sectors, slug }: { municipality: Municipality; sectors: BubbleScheme['sectors']; slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const bubbles = useMemo(
    () => [...packHalfDisc(municipality.cultural, weight, R, true), ...packHalfDisc(municipality.nonCultural, weight, R, false)],
    [municipality],
  );
  const shown = bubbles.find((bubble) => bubble.item.id === active) ?? null;
  const size = 2 * (R + PAD);
  const title = `${municipality.name}${municipality.own ? ` (${t('network.bubbles.own')})` : ''}`;
  return (
    <figure className={`bubble-card${municipality.own ? ' bubble-card--own' : ''}`}>
      <figcaption className="bubble-card__title">{title}</figcaption>
      <svg
        className="bubble-scheme"
        role="group"
        aria-label={t('network.bubbles.actorsIn', { name: municipality.name })}
        viewBox={`${-R - PAD} ${-R - PAD} ${size} ${size}`}
        width="100%"
      >
        <circle r={R} fill="#ffffff" stroke={municipality.own ? '#1f3a5f' : '#6b6b6b'} strokeWidth={municipality.own ? 4 : 2} />
        <line x1={-R} x2={R} y1={0} y2={0} stroke="#6b6b6b" strokeDasharray="4 4" />
        <text x={-R + 4} y={-5} className="bubble-scheme__half" aria-hidden="true">
          {t('network.bubbles.top')}
        </text>
        <text x={-R + 4} y={14} className="bubble-scheme__half" aria-hidden="true">
          {t('network.bubbles.bottom')}
        </text>
        {bubbles.map(({ item: actor, x, y, r }) => {
          const style = sectorStyle(sectors, actor.sector);
          const sectorName = sectors.find((s) => s.key === actor.sector)?.name ?? actor.sector;
          const side = r * 1.5;
          // The code and name are drawn beside the link, not in it: its accessible name is the full name and sector.
          return (
            <g key={actor.id}>
              <a
                href={networkPaths.actor(slug, actor.id)}
                aria-label={`${actor.name} (${sectorName})`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(networkPaths.actor(slug, actor.id));
                }}
                onFocus={() => setActive(actor.id)}
                onBlur={() => setActive((old) => (old === actor.id ? null : old))}
                onMouseEnter={() => setActive(actor.id)}
                onMouseLeave={() => setActive((old) => (old === actor.id ? null : old))}
                className="bubble-scheme__actor"
              >
                {style.shape === 'square' ? (
                  <rect x={x - side / 2} y={y - side / 2} width={side} height={side} rx={Math.min(3, r / 4)} fill={style.colour} />
                ) : (
                  <circle cx={x} cy={y} r={r} fill={style.colour} />
                )}
              </a>
              {r >= 3.5 ? (
                <text x={x} y={r >= NAME_RADIUS ? y - r * 0.22 : y} dy="0.35em" textAnchor="middle" className="bubble-scheme__code" fontSize={Math.min(12, r * 0.8)} aria-hidden="true">
                  {style.code}
                </text>
              ) : null}
              {r >= NAME_RADIUS ? (
                <text x={x} y={y + r * 0.32} dy="0.35em" textAnchor="middle" className="bubble-scheme__name" aria-hidden="true">
                  {shorten(actor.name, style.shape === 'square' ? side / 2 : r)}
                </text>
              ) : null}
            </g>
          );
        })}
        {shown ? <BubbleLabel name={shown.item.name} x={shown.x} y={shown.y} r={shown.r} /> : null}
      </svg>
    </figure>
  );
}

/** The name of the hovered or focused actor above its bubble, kept inside the picture. */
function BubbleLabel({ name, x, y, r }: { name: string; x: number; y: number; r: number }) {
  const width = Math.min(2 * R, name.length * 6.6 + 12);
  const left = Math.max(-R - PAD, Math.min(x - width / 2, R + PAD - width));
  const above = y - r - 24 > -R - PAD;
  const top = above ? y - r - 24 : y + r + 4;
  return (
    <g className="bubble-scheme__label" aria-hidden="true" pointerEvents="none">
      <rect x={left} y={top} width={width} height={20} rx={4} fill="#1b2330" />
      <text x={left + width / 2} y={top + 10} dy="0.35em" textAnchor="middle" fill="#ffffff">
        {shorten(name, width / 2)}
      </text>
    </g>
  );
}

/** The bollenschema: one bubble per municipality, cultural actors on top, non-cultural below; with a table alternative. */
export function BubblePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const scheme = useApi('/api/regions/{slug}/network/bubbles', { params: { path: { slug: region.slug } } });
  const data = scheme.data;

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
          <div className="bubble-grid">
            {data.municipalities.map((municipality) => (
              <MunicipalityBubble key={municipality.nisCode} municipality={municipality} sectors={data.sectors} slug={region.slug} />
            ))}
          </div>
          <h2>{t('network.bubbles.legend')}</h2>
          <ul className="plain-list bubble-legend">
            {data.sectors
              .filter((sector) => data.municipalities.some((m) => [...m.cultural, ...m.nonCultural].some((a) => a.sector === sector.key)))
              .map((sector) => (
                <li key={sector.key}>
                  <SectorMark style={sectorStyle(data.sectors, sector.key)} />
                  {sector.name}
                  {/* "Andere (cultureel)" already says which half it belongs to. */}
                  {/\(.*\)$/.test(sector.name) ? null : ` (${t(sector.cultural ? 'network.ui.cultural' : 'network.ui.nonCultural')})`}
                </li>
              ))}
          </ul>
          <h2 id="bubble-table">{t('network.bubbles.tableTitle')}</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="bubble-table">
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
          </div>
        </>
      ) : (
        <p>{t('network.ui.loading')}</p>
      )}
    </Page>
  );
}
