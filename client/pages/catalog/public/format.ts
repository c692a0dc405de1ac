import { localeDirection, type Locale } from '../../../../common/i18n/index.js';

const TIME_ZONE = 'Europe/Brussels';

/** A date and time as a reader of this language says it ("za 5 dec., 14:00"), in Belgian time. */
export function formatWhen(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(value));
}

/** A day without time ("zaterdag 5 december 2026"). */
export function formatDay(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(value));
}

/** Only the time of day ("14:00"). */
export function formatTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(value));
}

const WEEKDAY_INDEX = { monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6 } as const;

/** A weekday's name in the reader's language (1 January 2024 was a Monday). */
export function weekdayName(day: keyof typeof WEEKDAY_INDEX, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAY_INDEX[day])));
}

/** A language's name in the reader's language (contact persons' languages are ISO codes). */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Attributes for a text in another language than the page (a Dutch title on an Arabic page). */
export function textLanguage(textLocale: Locale, pageLocale: Locale): { lang?: string; dir?: 'rtl' | 'ltr' } {
  return textLocale === pageLocale ? {} : { lang: textLocale, dir: localeDirection(textLocale) };
}

