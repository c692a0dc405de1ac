/**
 * Catalogs of the domains that are not on the first page (brokering, catalog, lending, cooperative …).
 * Each domain keeps `<domain>.ts` (Dutch) and `<domain>-en.ts` (same keys, typed with DomainCatalog) and
 * adds one entry here. The server and tests get them statically through all-catalogs.ts;
 * the client loads a domain's catalog with its page chunk (client/i18n.ts loadDomainCatalog), so a new
 * domain adds nothing to the first page's JavaScript.
 */
import type { Widen } from './catalog-type.js';

/** The shape another language's catalog of a domain must have: the Dutch keys with any strings. */
export type DomainCatalog<T> = Widen<T>;

/** Dutch and English for every domain; French, Arabic and Ukrainian only for domains with public pages. */
export interface DomainCatalogLoaders {
  nl: () => Promise<object>;
  en: () => Promise<object>;
  fr?: () => Promise<object>;
  ar?: () => Promise<object>;
  uk?: () => Promise<object>;
}

/** Domain name (the catalog's top-level key, also the `t('<domain>.…')` prefix) → its loaders. */
export const domainCatalogLoaders: Record<string, DomainCatalogLoaders> = {};
// Plans left the first page too: the region overview and actor list do not need its messages.
domainCatalogLoaders.plans = { nl: () => import('./plans.js').then((m) => m.plansNl), en: () => import('./plans-en.js').then((m) => m.plansEn) };
domainCatalogLoaders.brokering = { nl: () => import('./brokering.js').then((m) => m.brokeringNl), en: () => import('./brokering-en.js').then((m) => m.brokeringEn) };
domainCatalogLoaders.matching = { nl: () => import('./matching.js').then((m) => m.matchingNl), en: () => import('./matching-en.js').then((m) => m.matchingEn) };

domainCatalogLoaders.workshops = {
  nl: () => import('./workshops.js').then((m) => m.workshopsNl),
  en: () => import('./workshops-en.js').then((m) => m.workshopsEn),
};

domainCatalogLoaders.lending = { nl: () => import('./lending.js').then((m) => m.lendingNl), en: () => import('./lending-en.js').then((m) => m.lendingEn) };
domainCatalogLoaders.catalog = {
  nl: () => import('./catalog.js').then((m) => m.catalogNl),
  en: () => import('./catalog-en.js').then((m) => m.catalogEn),
};
domainCatalogLoaders.catalogPublic = {
  nl: () => import('./catalog-public.js').then((m) => m.catalogPublicNl),
  en: () => import('./catalog-public-en.js').then((m) => m.catalogPublicEn),
  fr: () => import('./catalog-public-fr.js').then((m) => m.catalogPublicFr),
  ar: () => import('./catalog-public-ar.js').then((m) => m.catalogPublicAr),
  uk: () => import('./catalog-public-uk.js').then((m) => m.catalogPublicUk),
};

domainCatalogLoaders.cooperative = { nl: () => import('./cooperative.js').then((m) => m.cooperativeNl.cooperative), en: () => import('./cooperative-en.js').then((m) => m.cooperativeEn.cooperative) };
domainCatalogLoaders.participation = {
  nl: () => import('./participation.js').then((m) => m.participationNl),
  en: () => import('./participation-en.js').then((m) => m.participationEn),
};
domainCatalogLoaders.trajectories = {
  nl: () => import('./trajectories.js').then((m) => m.trajectoriesNl),
  en: () => import('./trajectories-en.js').then((m) => m.trajectoriesEn),
};
domainCatalogLoaders.buddies = { nl: () => import('./buddies.js').then((m) => m.buddiesNl), en: () => import('./buddies-en.js').then((m) => m.buddiesEn) };
