import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../use-api';
import { Notice } from '../../components/notice';
import { useMatchingCatalog } from './use-matching-catalog';
import { matchingPaths } from './matching-paths';
import './matching.css';

/** One suggested connection to draw: the two actors (by id) and the reasons, for the text list. */
export interface SuggestedEdge {
  a: { id: string; name: string };
  b: { id: string; name: string };
  reasons: string[];
}

const EDGE_LIMIT = 20;

/** The region's strongest unmet pairs, loaded only while the layer is switched on (regisseur). */
export function useSuggestedEdges(slug: string, enabled: boolean): { edges: SuggestedEdge[]; error: string | undefined; loading: boolean } {
  const result = useApi(enabled ? '/api/regions/{slug}/matches/region' : null, { params: { path: { slug }, query: { limit: EDGE_LIMIT } } });
  return { edges: result.data?.items ?? [], error: result.error?.message, loading: result.loading };
}

/**
 * The switch for the graph's suggested edges, their legend entry, and the same pairs as text (the
 * canvas is an image for assistive technology, so the list says what the dashed lines show).
 */
export function SuggestedEdgesPanel(props: { slug: string; enabled: boolean; onToggle: (enabled: boolean) => void; edges: SuggestedEdge[]; error?: string; loading: boolean }) {
  const ready = useMatchingCatalog();
  return ready ? <Panel {...props} /> : null;
}

function Panel({ slug, enabled, onToggle, edges, error, loading }: { slug: string; enabled: boolean; onToggle: (enabled: boolean) => void; edges: SuggestedEdge[]; error?: string; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="graph-suggested" className="graph-suggested">
      <h2 id="graph-suggested">{t('matching.graph.list')}</h2>
      <div className="checkbox">
        <input id="graph-suggested-toggle" type="checkbox" checked={enabled} onChange={(event) => onToggle(event.target.checked)} />
        <label htmlFor="graph-suggested-toggle">{t('matching.graph.toggle')}</label>
      </div>
      <p className="graph-suggested__legend">
        <svg width="36" height="12" aria-hidden="true" focusable="false">
          <line x1="1" y1="6" x2="35" y2="6" className="graph-suggested__swatch" />
        </svg>
        {t('matching.graph.legend')}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div role="status">{enabled && !loading && !error ? <p className="muted">{t('matching.graph.loaded', { count: edges.length })}</p> : null}</div>
      {enabled && edges.length > 0 ? (
        <>
          <ol className="graph-suggested__list">
            {edges.map((edge) => (
              <li key={`${edge.a.id}/${edge.b.id}`} title={edge.reasons.join('; ')}>
                {edge.a.name} ↔ {edge.b.name}
              </li>
            ))}
          </ol>
          <p>
            <Link to={matchingPaths.regionSuggestions(slug)}>{t('matching.graph.listLink')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
