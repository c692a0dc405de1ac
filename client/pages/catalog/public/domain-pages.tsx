import { Navigate, useParams } from 'react-router';
import { lazyDomainPage } from '../../../lazy-domain-page';
import type { DomainPages } from '../../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const PublicCatalogPage = lazyDomainPage('catalogPublic', () => import('./public-catalog-page').then((m) => ({ default: m.PublicCatalogPage })));
const PublicOfferPage = lazyDomainPage('catalogPublic', () => import('./offer-page').then((m) => ({ default: m.PublicOfferPage })));

/** The short public address of a region's catalog (/aanbod/<regio>), for posters and flyers. */
function ShortCatalogAddress() {
  const { slug = '' } = useParams();
  return <Navigate to={`/r/${slug}/aanbod`} replace />;
}

/** The catalog public pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  top: [
    { path: 'aanbod/:slug', page: ShortCatalogAddress },
    { path: 'r/:slug/aanbod', page: PublicCatalogPage },
    { path: 'r/:slug/aanbod/:offerId', page: PublicOfferPage },
  ],
};
