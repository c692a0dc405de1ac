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

export interface DomainCatalogLoaders {
  nl: () => Promise<object>;
  en: () => Promise<object>;
}

/** Domain name (the catalog's top-level key, also the `t('<domain>.…')` prefix) → its loaders. */
export const domainCatalogLoaders: Record<string, DomainCatalogLoaders> = {};
domainCatalogLoaders.participation = {
  nl: () => import('./participation.js').then((m) => m.participationNl),
  en: () => import('./participation-en.js').then((m) => m.participationEn),
};
