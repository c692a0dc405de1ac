import i18next, { type i18n } from 'i18next';

/**
 * The interface languages. Dutch and English cover every page; French, Arabic and Ukrainian cover the
 * public pages and the shell they show (PublicCatalog), other pages fall back to Dutch (decision 021).
 */
export const SUPPORTED_LOCALES = ['nl', 'en', 'fr', 'ar', 'uk'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** The languages an account can store (users.locale); the public-only ones are remembered on the device. */
export const ACCOUNT_LOCALES = ['nl', 'en'] as const;
export type AccountLocale = (typeof ACCOUNT_LOCALES)[number];

/** Is this a language an account can store? */
export function isAccountLocale(locale: string): locale is AccountLocale {
  return (ACCOUNT_LOCALES as readonly string[]).includes(locale);
}

/** Each language's own name, so its speakers recognise it whatever the interface language is. */
export const LOCALE_NAMES: Record<Locale, string> = { nl: 'Nederlands', en: 'English', fr: 'Français', ar: 'العربية', uk: 'Українська' };

/** The writing direction of a language (Arabic is written right to left). */
export function localeDirection(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}


/** Picks the first supported locale from an Accept-Language header or a stored preference. */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
      if (tag && (SUPPORTED_LOCALES as readonly string[]).includes(tag)) return tag as Locale;
    }
  }
  return DEFAULT_LOCALE;
}

/** Catalogs to start an i18next instance with, by locale. */
export type CatalogSet = Partial<Record<Locale, object>>;

/**
 * Creates an i18next instance with only the given catalogs: the client starts with Dutch and loads
 * another language when it is chosen, so the first page does not carry every language.
 */
export function createI18nWith(locale: Locale, loaded: CatalogSet): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: Object.fromEntries(Object.entries(loaded).map(([language, translation]) => [language, { translation }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

/** The cookie in which the browser remembers the chosen language, so the server can embed the first view in it. */
export const LOCALE_COOKIE = 'rk_locale';
