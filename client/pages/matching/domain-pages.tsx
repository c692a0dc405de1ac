import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const RegionMatchesPage = lazyDomainPage('matching', () => import('./region-matches-page').then((m) => ({ default: m.RegionMatchesPage })));

/** The matching pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'makelaardij/suggesties', page: RegionMatchesPage },
  ],
};
