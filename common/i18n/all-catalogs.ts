/**
 * Every catalog of every language, domains included, for the server and tests (which have no
 * first-page budget). The client never imports this file: it starts with core Dutch and loads the
 * rest on demand (client/i18n.ts).
 */
import type { i18n, TFunction } from 'i18next';
import { nl } from './nl.js';
import { en } from './en.js';
import { participationNl } from './participation.js';
import { participationEn } from './participation-en.js';
import { createI18nWith, DEFAULT_LOCALE, type Locale } from './index.js';

/** Each domain's catalogs by language; a new domain adds its two imports and one entry. */
const domainCatalogs: Record<Locale, Record<string, object>> = {
  nl: {},
  en: {},
};
domainCatalogs.nl.participation = participationNl;
domainCatalogs.en.participation = participationEn;

export const catalogs: Record<Locale, object> = {
  nl: { ...nl, ...domainCatalogs.nl },
  en: { ...en, ...domainCatalogs.en },
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
