import { lazy, type ComponentType } from 'react';
import { loadDomainCatalog } from './i18n';

/**
 * A lazily loaded page of a domain whose messages are not on the first page: the page's code and the
 * domain's catalog load together, so the page never renders a missing key.
 * Usage in app.tsx: `lazyDomainPage('lending', () => import('./pages/lending/items-page').then((m) => ({ default: m.ItemsPage })))`;
 * a page that also shows another domain's messages names both: `lazyDomainPage(['buddies', 'trajectories'], …)`.
 */
export function lazyDomainPage(domain: string | readonly string[], load: () => Promise<{ default: ComponentType }>) {
  const domains = typeof domain === 'string' ? [domain] : domain;
  return lazy(() => Promise.all([load(), ...domains.map((name) => loadDomainCatalog(name))]).then(([page]) => page));
}
