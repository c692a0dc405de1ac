import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../use-api';
import { Notice } from '../../components/notice';
import { useMatchingCatalog } from './use-matching-catalog';
import './matching.css';

export interface MatchSuggestionsProps {
  slug: string;
  /** The reference actor: excluded from the suggestions, borders measured from it; alone, its own needs are used. */
  actorId?: string;
  /** A need (limitation) to find partners for whose strengths answer it. */
  need?: string;
  /** A strength to find partners for whose needs it answers (used when no need is given). */
  strength?: string;
  /** Shows a "Kies" button per suggestion and calls this with the chosen actor. */
  onPick?: (actor: { id: string; name: string }) => void;
}

/**
 * Suggested partners for a need, a strength or an actor's own needs, each with its reasons
 * (the matching engine's GET /api/regions/{slug}/matches). Reusable: the partner-card picker uses it.
 */
export function MatchSuggestions(props: MatchSuggestionsProps) {
  const ready = useMatchingCatalog();
  return ready ? <SuggestionList {...props} /> : null;
}

function SuggestionList({ slug, actorId, need, strength, onPick }: MatchSuggestionsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = (need ?? '').trim() || undefined;
  const other = text ? undefined : (strength ?? '').trim() || undefined;
  const hasInput = Boolean(actorId || (text && text.length >= 2) || (other && other.length >= 2));
  const query = { actor: actorId, need: text && text.length >= 2 ? text : undefined, strength: other && other.length >= 2 ? other : undefined, limit: 8 };
  const { data, error, loading } = useApi(hasInput ? '/api/regions/{slug}/matches' : null, { params: { path: { slug }, query } });

  if (!hasInput) return null;
  return (
    <section className="match-suggestions" aria-labelledby={headingId} aria-busy={loading}>
      <h3 id={headingId} className="match-suggestions__title">
        {t('matching.suggestions.title')}
      </h3>
      {loading ? (
        <p className="muted" role="status">
          {t('matching.suggestions.loading')}
        </p>
      ) : null}
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      {data && data.items.length === 0 ? <p className="muted">{t('matching.suggestions.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <ol className="match-list">
          {data.items.map((item) => (
            <li key={item.actor.id} className="match-card">
              <div className="match-card__head">
                <span className="match-card__name">{item.actor.name}</span>
                <span className="match-card__meta">
                  {[item.actor.municipality?.name, item.actor.sectors[0]?.name].filter(Boolean).join(' · ')}
                </span>
              </div>
              <ul className="match-card__badges" aria-label={t('matching.suggestions.why')}>
                <li className="match-badge">{t('matching.suggestions.score', { score: item.score.toFixed(2) })}</li>
                {item.bovenlokaal ? <li className="match-badge match-badge--border">{t('matching.suggestions.bovenlokaal')}</li> : null}
                {item.grensverleggend ? <li className="match-badge match-badge--border">{t('matching.suggestions.grensverleggend')}</li> : null}
                {item.alreadyPartners ? <li className="match-badge match-badge--partner">{t('matching.suggestions.alreadyPartners')}</li> : null}
              </ul>
              <ul className="match-card__reasons">
                {item.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              {onPick ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('matching.suggestions.pickLabel', { name: item.actor.name })}
                  onClick={() => onPick({ id: item.actor.id, name: item.actor.name })}
                >
                  {t('matching.suggestions.pick')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
