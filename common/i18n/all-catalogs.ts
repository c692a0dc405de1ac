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
import { participationNl } from './participation.js';
import { participationEn } from './participation-en.js';
import { createI18nWith, DEFAULT_LOCALE, type Locale } from './index.js';
import { plansNl } from './plans.js';
import { plansEn } from './plans-en.js';
import { brokeringNl } from './brokering.js';
import { brokeringEn } from './brokering-en.js';
import { matchingNl } from './matching.js';
import { matchingEn } from './matching-en.js';
import { workshopsNl } from './workshops.js';
import { workshopsEn } from './workshops-en.js';
import { lendingNl } from './lending.js';
import { lendingEn } from './lending-en.js';
import { catalogNl } from './catalog.js';
import { catalogEn } from './catalog-en.js';
import { catalogPublicNl } from './catalog-public.js';
import { catalogPublicEn } from './catalog-public-en.js';
import { catalogPublicFr } from './catalog-public-fr.js';
import { catalogPublicAr } from './catalog-public-ar.js';
import { catalogPublicUk } from './catalog-public-uk.js';
import { cooperativeNl } from './cooperative.js';
import { cooperativeEn } from './cooperative-en.js';
import { trajectoriesNl } from './trajectories.js';
import { trajectoriesEn } from './trajectories-en.js';
import { buddiesNl } from './buddies.js';
import { buddiesEn } from './buddies-en.js';

/** Each domain's catalogs by language; a new domain adds its imports and its entries. */
const domainCatalogs: Record<Locale, Record<string, object>> = {
  nl: { plans: plansNl, brokering: brokeringNl, matching: matchingNl, workshops: workshopsNl, lending: lendingNl, catalog: catalogNl, catalogPublic: catalogPublicNl },
  en: { plans: plansEn, brokering: brokeringEn, matching: matchingEn, workshops: workshopsEn, lending: lendingEn, catalog: catalogEn, catalogPublic: catalogPublicEn },
  // French, Arabic and Ukrainian cover the public pages; i18next falls back to Dutch for the rest.
  fr: { catalogPublic: catalogPublicFr },
  ar: { catalogPublic: catalogPublicAr },
  uk: { catalogPublic: catalogPublicUk },
};
domainCatalogs.nl.cooperative = cooperativeNl.cooperative;
domainCatalogs.en.cooperative = cooperativeEn.cooperative;
domainCatalogs.nl.participation = participationNl;
domainCatalogs.en.participation = participationEn;
domainCatalogs.nl.trajectories = trajectoriesNl;
domainCatalogs.en.trajectories = trajectoriesEn;
domainCatalogs.nl.buddies = buddiesNl;
domainCatalogs.en.buddies = buddiesEn;

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
