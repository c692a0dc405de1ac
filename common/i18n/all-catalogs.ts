/**
 * Every catalog of every language, domains included, for the server and tests (which have no
 * first-page budget). The client never imports this file: it starts with core Dutch and loads the
 * rest on demand (client/i18n.ts).
 */
import type { i18n, TFunction } from 'i18next';
import { nl } from './nl.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { ar } from './ar.js';
import { uk } from './uk.js';
import { createI18nWith, DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from './index.js';
import { domainCatalogLoaders } from './domain-catalogs.js';

/**
 * Each domain's catalogs by language, loaded once from the loaders its entry in common/domains.ts names
 * (a top-level await: every importer sees them complete). French, Arabic and Ukrainian cover the public
 * pages; i18next falls back to Dutch for the rest.
 */
async function loadDomainCatalogs(): Promise<Record<Locale, Record<string, object>>> {
  const byLocale = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, {} as Record<string, object>])) as Record<Locale, Record<string, object>>;
  for (const [key, loaders] of Object.entries(domainCatalogLoaders)) {
    for (const locale of SUPPORTED_LOCALES) {
      const load = loaders[locale];
      if (load) byLocale[locale][key] = await load();
    }
  }
  return byLocale;
}

const domainCatalogs = await loadDomainCatalogs();

export const catalogs: Record<Locale, object> = {
  nl: { ...nl, ...domainCatalogs.nl },
  en: { ...en, ...domainCatalogs.en },
  // French, Arabic and Ukrainian cover the public pages; i18next falls back to Dutch for the rest.
  fr: { ...fr, ...domainCatalogs.fr },
  ar: { ...ar, ...domainCatalogs.ar },
  uk: { ...uk, ...domainCatalogs.uk },
};

/** Creates an independent i18next instance with every catalog (server: one per process; tests). */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  return createI18nWith(locale, catalogs);
}

let serverInstance: i18n | undefined;

/** Returns a translate function for a locale, sharing one i18next instance. */
export function translatorFor(locale: Locale): TFunction {
  serverInstance ??= createI18n(DEFAULT_LOCALE);
  return serverInstance.getFixedT(locale);
}
