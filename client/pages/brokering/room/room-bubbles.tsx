import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSnapshot } from '../../../../common/schemas/workshops.js';
import { packHalfDisc } from '../../network/bubble-pack';
import { sectorStyle } from '../../../components/sector-style';
import { useSectors } from '../../network/network-common';
import '../../network/network.css';

const R = 120;
const PAD = 8;
type Bubble = RoomSnapshot['bubbles'][number];
type Partner = Bubble['partners'][number];
const weight = (partner: Partner) => partner.times;

/** One municipality of the room's bubble scheme: chosen partners packed, cultural on top (the network map's layout). */
function RoomBubble({ bubble }: { bubble: Bubble }) {
  const sectors = useSectors();
  const packed = useMemo(
    () => [...packHalfDisc(bubble.partners.filter((p) => p.cultural), weight, R, true), ...packHalfDisc(bubble.partners.filter((p) => !p.cultural), weight, R, false)],
    [bubble],
  );
  const size = 2 * (R + PAD);
  return (
    <figure className="bubble-card room-bubble">
      <figcaption className="bubble-card__title">{bubble.municipality.name}</figcaption>
      <svg className="bubble-scheme" viewBox={`${-R - PAD} ${-R - PAD} ${size} ${size}`} width="100%" aria-hidden="true">
        <circle r={R} fill="#ffffff" stroke="#1f3a5f" strokeWidth={3} />
        <line x1={-R} x2={R} y1={0} y2={0} stroke="#6b6b6b" strokeDasharray="4 4" />
        {packed.map(({ item, x, y, r }) => {
          const style = sectorStyle(sectors, item.sectorKey);
          return (
            <g key={item.key}>
              {style.shape === 'square' ? <rect x={x - r * 0.75} y={y - r * 0.75} width={r * 1.5} height={r * 1.5} fill={style.colour} /> : <circle cx={x} cy={y} r={r} fill={style.colour} />}
              {r >= 16 ? (
                <text x={x} y={y} dy="0.35em" textAnchor="middle" className="bubble-scheme__code" fontSize={Math.min(14, r * 0.7)}>
                  {style.code}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="plain-list room-bubble__names">
        {bubble.partners.map((partner) => (
          <li key={partner.key}>
            {partner.name}
            {partner.times > 1 ? ` ×${partner.times}` : ''}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The bubble scheme filling with the partners chosen on the cards, one bubble per municipality. */
export function RoomBubbles({ bubbles }: { bubbles: Bubble[] }) {
  const { t } = useTranslation();
  if (bubbles.length === 0) return <p className="room-empty">{t('workshops.room.noBubbles')}</p>;
  return (
    <div className="bubble-grid room-bubbles">
      {bubbles.map((bubble) => (
        <RoomBubble key={bubble.municipality.nisCode} bubble={bubble} />
      ))}
    </div>
  );
}
