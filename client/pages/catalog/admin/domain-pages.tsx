import { lazyDomainPage } from '../../../lazy-domain-page';
import type { DomainPages } from '../../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const CatalogOfferListPage = lazyDomainPage('catalog', () => import('./offer-list-page').then((m) => ({ default: m.OfferListPage })));
const CatalogOfferFormPage = lazyDomainPage('catalog', () => import('./offer-form-page').then((m) => ({ default: m.OfferFormPage })));
const CatalogImportPage = lazyDomainPage('catalog', () => import('./import-page').then((m) => ({ default: m.OfferImportPage })));
const CatalogCoveragePage = lazyDomainPage('catalog', () => import('./coverage-page').then((m) => ({ default: m.CatalogCoveragePage })));
const CatalogSettingsPage = lazyDomainPage('catalog', () => import('./settings-page').then((m) => ({ default: m.CatalogSettingsPage })));

/** The catalog admin pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'aanbod/beheer', page: CatalogOfferListPage },
    { path: 'aanbod/beheer/nieuw', page: CatalogOfferFormPage },
    { path: 'aanbod/beheer/importeren', page: CatalogImportPage },
    { path: 'aanbod/beheer/dekking', page: CatalogCoveragePage },
    { path: 'aanbod/beheer/uitdatabank', page: CatalogSettingsPage },
    { path: 'aanbod/beheer/:offerId', page: CatalogOfferFormPage },
  ],
};
