import { lazy } from 'react';
import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const ActorListPage = lazy(() => import('./actor-list-page').then((m) => ({ default: m.ActorListPage })));
const ActorFormPage = lazy(() => import('./actor-form-page').then((m) => ({ default: m.ActorFormPage })));
const ActorPage = lazyDomainPage('plans', () => import('./actor-page').then((m) => ({ default: m.ActorPage })));
const BubblePage = lazy(() => import('./bubble-page').then((m) => ({ default: m.BubblePage })));
const GraphPage = lazy(() => import('./graph-page').then((m) => ({ default: m.GraphPage })));
const CoveragePage = lazy(() => import('./coverage-page').then((m) => ({ default: m.CoveragePage })));
const ImportPage = lazy(() => import('./import-page').then((m) => ({ default: m.ImportPage })));

/** The network pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'netwerk', page: ActorListPage },
    { path: 'netwerk/nieuw', page: ActorFormPage },
    { path: 'netwerk/actoren/:actorId', page: ActorPage },
    { path: 'netwerk/actoren/:actorId/bewerken', page: ActorFormPage },
    { path: 'netwerk/bollenschema', page: BubblePage },
    { path: 'netwerk/grafiek', page: GraphPage },
    { path: 'netwerk/dekking', page: CoveragePage },
    { path: 'netwerk/importeren', page: ImportPage },
  ],
};
