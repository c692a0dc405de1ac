/**
 * The one list of Regiekamer's modules. Every module (platform or domain) is registered here, once:
 * - the server loads `server/<server>/module.ts` (routes, tables, demo seeding, CLI commands, setup);
 * - the browser loads `client/pages/<client>/domain-pages.tsx` (its routes) and shows `navigation`
 *   in the header and on the region's overview;
 * - `messages` are the module's lazily loaded message catalogs (the client fetches them with its pages;
 *   the server and tests get all of them through common/i18n/all-catalogs.ts).
 * A new domain adds its own folders and one entry here (decision 033). The file holds data and lazy
 * imports only, so both the server and the first page's JavaScript can import it.
 */

/** A catalog loader per language: Dutch and English always, French, Arabic and Ukrainian for public pages. */
export interface CatalogLoaders {
  nl: () => Promise<object>;
  en: () => Promise<object>;
  fr?: () => Promise<object>;
  ar?: () => Promise<object>;
  uk?: () => Promise<object>;
}

/** One registered module. */
export interface DomainEntry {
  /** Unique name; the server module's `name` must match it. */
  name: string;
  /** Folder of its `module.ts`, relative to `server/` (e.g. `domains/lending`). */
  server: string;
  /** Folder of its `domain-pages.tsx`, relative to `client/pages/`, when it has pages outside the core. */
  client?: string;
  /**
   * Its place in the region's navigation: the Dutch URL segment. The label and the overview's intro are
   * first-page text, the core catalog's `nav.<name>` and `region.modulesIntro.<name>` (a test checks them).
   */
  navigation?: { segment: string };
  /** Its message catalogs: `key` is the top-level key (the `t('<key>.…')` prefix). */
  messages?: { key: string; loaders: CatalogLoaders };
}

/**
 * In route-registration order (also the order of the OpenAPI document and of `npx regiekamer help`);
 * entries with `navigation` appear in the navigation in this order.
 */
export const DOMAIN_LIST: readonly DomainEntry[] = [
  { name: 'health', server: 'domains/health' },
  { name: 'reference', server: 'domains/reference' },
  { name: 'regions', server: 'domains/regions' },
  { name: 'accounts', server: 'domains/accounts' },
  { name: 'audit', server: 'domains/audit' },
  { name: 'search', server: 'search' },
  { name: 'jobs', server: 'jobs' },
  // The network's messages are on the first page (region overview, actor list): they live in the core catalog.
  { name: 'network', server: 'domains/network', client: 'network', navigation: { segment: 'netwerk' } },
  {
    name: 'brokering',
    server: 'domains/brokering',
    client: 'brokering',
    navigation: { segment: 'makelaardij' },
    messages: { key: 'brokering', loaders: { nl: () => import('./i18n/brokering.js').then((m) => m.brokeringNl), en: () => import('./i18n/brokering-en.js').then((m) => m.brokeringEn) } },
  },
  {
    name: 'matching',
    server: 'domains/matching',
    client: 'matching',
    messages: { key: 'matching', loaders: { nl: () => import('./i18n/matching.js').then((m) => m.matchingNl), en: () => import('./i18n/matching-en.js').then((m) => m.matchingEn) } },
  },
  {
    name: 'brokering-room',
    server: 'domains/brokering/room',
    client: 'brokering/room',
    messages: { key: 'workshops', loaders: { nl: () => import('./i18n/workshops.js').then((m) => m.workshopsNl), en: () => import('./i18n/workshops-en.js').then((m) => m.workshopsEn) } },
  },
  {
    name: 'plans',
    server: 'domains/plans',
    client: 'plans',
    navigation: { segment: 'plannen' },
    messages: { key: 'plans', loaders: { nl: () => import('./i18n/plans.js').then((m) => m.plansNl), en: () => import('./i18n/plans-en.js').then((m) => m.plansEn) } },
  },
  {
    name: 'catalog',
    server: 'domains/catalog',
    client: 'catalog/admin',
    navigation: { segment: 'aanbod' },
    messages: { key: 'catalog', loaders: { nl: () => import('./i18n/catalog.js').then((m) => m.catalogNl), en: () => import('./i18n/catalog-en.js').then((m) => m.catalogEn) } },
  },
  {
    name: 'catalog-public',
    server: 'domains/catalog/public',
    client: 'catalog/public',
    messages: {
      key: 'catalogPublic',
      loaders: {
        nl: () => import('./i18n/catalog-public.js').then((m) => m.catalogPublicNl),
        en: () => import('./i18n/catalog-public-en.js').then((m) => m.catalogPublicEn),
        fr: () => import('./i18n/catalog-public-fr.js').then((m) => m.catalogPublicFr),
        ar: () => import('./i18n/catalog-public-ar.js').then((m) => m.catalogPublicAr),
        uk: () => import('./i18n/catalog-public-uk.js').then((m) => m.catalogPublicUk),
      },
    },
  },
  {
    name: 'lending',
    server: 'domains/lending',
    client: 'lending',
    navigation: { segment: 'uitleendienst' },
    messages: { key: 'lending', loaders: { nl: () => import('./i18n/lending.js').then((m) => m.lendingNl), en: () => import('./i18n/lending-en.js').then((m) => m.lendingEn) } },
  },
  {
    name: 'cooperative',
    server: 'domains/cooperative',
    client: 'cooperative',
    navigation: { segment: 'cooperatie' },
    messages: {
      key: 'cooperative',
      loaders: { nl: () => import('./i18n/cooperative.js').then((m) => m.cooperativeNl.cooperative), en: () => import('./i18n/cooperative-en.js').then((m) => m.cooperativeEn.cooperative) },
    },
  },
  {
    name: 'participation',
    server: 'domains/participation',
    client: 'participation',
    messages: {
      key: 'participation',
      loaders: { nl: () => import('./i18n/participation.js').then((m) => m.participationNl), en: () => import('./i18n/participation-en.js').then((m) => m.participationEn) },
    },
  },
  {
    name: 'trajectories',
    server: 'domains/trajectories',
    client: 'trajectories',
    navigation: { segment: 'trajecten' },
    messages: {
      key: 'trajectories',
      loaders: { nl: () => import('./i18n/trajectories.js').then((m) => m.trajectoriesNl), en: () => import('./i18n/trajectories-en.js').then((m) => m.trajectoriesEn) },
    },
  },
  {
    name: 'buddies',
    server: 'domains/buddies',
    client: 'buddies',
    messages: { key: 'buddies', loaders: { nl: () => import('./i18n/buddies.js').then((m) => m.buddiesNl), en: () => import('./i18n/buddies-en.js').then((m) => m.buddiesEn) } },
  },
];

/** The modules shown in a region's navigation, in list order: `key` is the entry's name (the catalog keys' suffix). */
export const NAVIGATION_ENTRIES = DOMAIN_LIST.flatMap((entry) => (entry.navigation ? [{ key: entry.name, segment: entry.navigation.segment }] : []));
