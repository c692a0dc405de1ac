import { createI18n, resolveLocale, type Locale } from '../common/i18n/index.js';

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
 * Dutch first: only an explicit earlier choice (or the account's language, applied by the session)
 * switches to English; the browser's language is deliberately not consulted.
 */
export const i18n = createI18n(resolveLocale(storedLocale()));

export function currentLocale(): Locale {
  return resolveLocale(i18n.language);
}

/** Switches the interface language, remembers it on this device and updates <html lang>. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered on this device; the switch itself still works.
  }
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

document.documentElement.lang = currentLocale();
