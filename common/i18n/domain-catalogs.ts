/**
 * Catalogs of the domains that are not on the first page (brokering, catalog, lending, cooperative …).
 * Each domain keeps `<domain>.ts` (Dutch) and `<domain>-en.ts` (same keys, typed with DomainCatalog) and
 * names their loaders in its entry of common/domains.ts. The server and tests get them through
 * all-catalogs.ts; the client loads a domain's catalog with its page chunk (client/i18n.ts
 * loadDomainCatalog), so a new domain adds nothing to the first page's JavaScript.
 */
import type { Widen } from './catalog-type.js';
import { DOMAIN_LIST, type CatalogLoaders } from '../domains.js';

/** The shape another language's catalog of a domain must have: the Dutch keys with any strings. */
export type DomainCatalog<T> = Widen<T>;

/** Catalog key (the catalog's top-level key, also the `t('<key>.…')` prefix) → its loaders. */
export const domainCatalogLoaders: Readonly<Record<string, CatalogLoaders>> = Object.fromEntries(
  DOMAIN_LIST.flatMap((entry) => (entry.messages ? [[entry.messages.key, entry.messages.loaders] as const] : [])),
);
