import { createI18nWith, DEFAULT_LOCALE, LOCALE_COOKIE, localeDirection, resolveLocale, type Locale } from '../common/i18n/index.js';
import { nl } from '../common/i18n/nl.js';
import { domainCatalogLoaders } from '../common/i18n/domain-catalogs.js';

const STORAGE_KEY = 'regiekamer.locale';

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings); the default language then applies.
    return null;
  }
}

/**
 * Dutch first: only an explicit earlier choice on this device (or the account's language, applied by
 * the session) switches to another language; the browser's language is deliberately not consulted.
 */
export const i18n = createI18nWith(DEFAULT_LOCALE, { nl });

// Dutch ships with the first page; other languages are separate chunks, fetched once when chosen.
const catalogLoaders: Record<Exclude<Locale, 'nl'>, () => Promise<object>> = {
  en: () => import('../common/i18n/en.js').then((module) => module.en),
  fr: () => import('../common/i18n/fr.js').then((module) => module.fr),
  ar: () => import('../common/i18n/ar.js').then((module) => module.ar),
  uk: () => import('../common/i18n/uk.js').then((module) => module.uk),
};

// Domains whose catalog a page asked for; a language chosen later loads theirs too.
const loadedDomains = new Set<string>();

async function addDomainBundle(domain: string, locale: Locale): Promise<void> {
  const loaders = domainCatalogLoaders[domain];
  if (!loaders) throw new Error(`unknown domain catalog: ${domain}`);
  if (i18n.getResource(locale, 'translation', domain) !== undefined) return;
  // A domain without public pages has no French, Arabic or Ukrainian: its pages show Dutch (fallbackLng).
  const load = loaders[locale];
  if (!load) return;
  const catalog = await load();
  i18n.addResourceBundle(locale, 'translation', { [domain]: catalog }, true, true);
}

/**
 * Loads a domain's messages (Dutch, and the current language) before its page renders: pages of
 * domains outside the first page call it from their lazy import in app.tsx.
 */
export async function loadDomainCatalog(domain: string): Promise<void> {
  loadedDomains.add(domain);
  const locale = currentLocale();
  await addDomainBundle(domain, 'nl');
  if (locale !== 'nl') await addDomainBundle(domain, locale);
}

/** Makes sure a language's catalog is loaded (Dutch always is), with the domains already in use. */
async function loadCatalog(locale: Locale): Promise<void> {
  if (locale !== 'nl' && !i18n.hasResourceBundle(locale, 'translation')) {
    i18n.addResourceBundle(locale, 'translation', await catalogLoaders[locale](), true, true);
  }
  for (const domain of loadedDomains) await addDomainBundle(domain, locale);
}

/** The language cookie, which the server reads too (also where storage is blocked). */
function cookieLocale(): string | null {
  const match = new RegExp(`(?:^|; )${LOCALE_COOKIE}=([a-z]{2})`).exec(document.cookie);
  return match?.[1] ?? null;
}

/**
 * Starts in the language chosen earlier on this device, loading its catalog before the first render;
 * a page the server rendered starts in the language it was rendered in, so hydration finds the same text.
 */
export async function startLocale(serverRenderedIn?: string): Promise<void> {
  const locale = resolveLocale(serverRenderedIn ?? storedLocale() ?? cookieLocale());
  if (locale === DEFAULT_LOCALE) return markDocumentLanguage();
  try {
    await loadCatalog(locale);
    await i18n.changeLanguage(locale);
  } catch {
    // Offline or the chunk is gone after a deploy: the interface stays Dutch rather than blank.
  }
  markDocumentLanguage();
}

/** <html lang dir>: screen readers pronounce the right language, and Arabic runs right to left. */
function markDocumentLanguage(): void {
  // The server-side renderer (client/ssr-entry.tsx) has no document; it writes <html lang dir> itself.
  if (typeof document === 'undefined') return;
  const locale = currentLocale();
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
}

export function currentLocale(): Locale {
  return resolveLocale(i18n.language);
}

/** Renders in this language on the server (client/ssr-entry.tsx): its catalogs loaded, nothing remembered. */
export async function switchLocaleForServerRender(locale: Locale): Promise<void> {
  await loadCatalog(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this device; the switch itself still works.
  }
  // The server reads the cookie to embed the first view in this language (server/http/spa-shell.ts).
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  await loadCatalog(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  markDocumentLanguage();
}
