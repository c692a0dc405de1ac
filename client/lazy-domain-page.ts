import { lazy, type ComponentType } from 'react';
import { loadDomainCatalog } from './i18n';

/**
 * A lazily loaded page of a domain whose messages are not on the first page: the page's code and the
 * domain's catalog load together, so the page never renders a missing key.
 * Usage in app.tsx: `lazyDomainPage('lending', () => import('./pages/lending/items-page').then((m) => ({ default: m.ItemsPage })))`.
 */
export function lazyDomainPage(domain: string, load: () => Promise<{ default: ComponentType }>) {
  return lazy(() => Promise.all([load(), loadDomainCatalog(domain)]).then(([page]) => page));
}
