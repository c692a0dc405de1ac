import { useEffect, useState } from 'react';
import { i18n, loadDomainCatalog } from '../../i18n';

/**
 * True once the matching catalog is loaded. The matching components are also used on other domains'
 * pages (the partner-card picker, the network graph), whose lazy page loaded only their own catalog.
 */
export function useMatchingCatalog(): boolean {
  const [ready, setReady] = useState(() => i18n.exists('matching.suggestions.title'));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadDomainCatalog('matching').then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}
