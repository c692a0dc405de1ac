import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const PlansListPage = lazyDomainPage('plans', () => import('./plans-list-page').then((m) => ({ default: m.PlansListPage })));
const PlanImportPage = lazyDomainPage('plans', () => import('./import-page').then((m) => ({ default: m.PlanImportPage })));
const PlanPage = lazyDomainPage('plans', () => import('./plan-page').then((m) => ({ default: m.PlanPage })));
const PlanBudgetPage = lazyDomainPage('plans', () => import('./budget-page').then((m) => ({ default: m.PlanBudgetPage })));
const PlanTimelinePage = lazyDomainPage('plans', () => import('./timeline-page').then((m) => ({ default: m.PlanTimelinePage })));
const PlanSpreidingPage = lazyDomainPage('plans', () => import('./spreiding-page').then((m) => ({ default: m.PlanSpreidingPage })));
const PlanVersionsPage = lazyDomainPage('plans', () => import('./versions-page').then((m) => ({ default: m.PlanVersionsPage })));
const PlanTablePage = lazyDomainPage('plans', () => import('./table-page').then((m) => ({ default: m.PlanTablePage })));
const PlanProposalsPage = lazyDomainPage('plans', () => import('./proposals-page').then((m) => ({ default: m.PlanProposalsPage })));
const PlanPartnersPage = lazyDomainPage('plans', () => import('./partners-page').then((m) => ({ default: m.PlanPartnersPage })));
const PlanIndicatorsPage = lazyDomainPage('plans', () => import('./indicators-page').then((m) => ({ default: m.PlanIndicatorsPage })));
const ActionPage = lazyDomainPage('plans', () => import('./action-page').then((m) => ({ default: m.ActionPage })));

/** The plans pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'plannen', page: PlansListPage },
    { path: 'plannen/importeren', page: PlanImportPage },
    { path: 'plannen/:planId', page: PlanPage },
    { path: 'plannen/:planId/budget', page: PlanBudgetPage },
    { path: 'plannen/:planId/tijdlijn', page: PlanTimelinePage },
    { path: 'plannen/:planId/spreiding', page: PlanSpreidingPage },
    { path: 'plannen/:planId/versies', page: PlanVersionsPage },
    { path: 'plannen/:planId/tabel', page: PlanTablePage },
    { path: 'plannen/:planId/voorstellen', page: PlanProposalsPage },
    { path: 'plannen/:planId/partners', page: PlanPartnersPage },
    { path: 'plannen/:planId/indicatoren', page: PlanIndicatorsPage },
    { path: 'plannen/:planId/acties/:actionId', page: ActionPage },
  ],
};
