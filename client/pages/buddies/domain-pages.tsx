import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const BuddiesPage = lazyDomainPage(['buddies', 'trajectories'], () => import('./buddies-page').then((m) => ({ default: m.BuddiesPage })));
const BuddyProgrammePage = lazyDomainPage(['buddies', 'trajectories'], () => import('./programme-page').then((m) => ({ default: m.ProgrammePage })));

/** The buddies pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'trajecten/buddies', page: BuddiesPage },
    { path: 'trajecten/buddies/:programmeId', page: BuddyProgrammePage },
  ],
};
