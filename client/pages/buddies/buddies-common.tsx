import { useTranslation } from 'react-i18next';
import '../trajectories/trajectories.css';
import './buddies.css';

/** The buddy pages live inside the trajectories module: /r/:slug/trajecten/buddies. */
export const BUDDIES_SEGMENT = 'trajecten/buddies';

/** Why a volunteer fits (or what to watch out for), as the suggestions and duos give them. */
export function Reasons({ reasons }: { reasons: { kind: 'plus' | 'min'; text: string }[] }) {
  const { t } = useTranslation();
  if (!reasons.length) return null;
  return (
    <ul className="traject-reasons" aria-label={t('buddies.duos.why')}>
      {reasons.map((reason) => (
        <li key={reason.text} className={reason.kind === 'min' ? 'traject-reason--min' : undefined}>
          {reason.kind === 'min' ? '⚠ ' : '✓ '}
          {reason.text}
        </li>
      ))}
    </ul>
  );
}
