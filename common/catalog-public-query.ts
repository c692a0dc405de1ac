import type { Locale } from './i18n/index.js';

const TIME_ZONE = 'Europe/Brussels';

/** Offers per page of the public list. */
export const PUBLIC_OFFERS_PAGE_SIZE = 20;

/** Today and six days on, as Belgian calendar days (YYYY-MM-DD). */
export function thisWeek(now = new Date()): { from: string; to: string } {
  const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(now.getTime() + offset * 86_400_000));
  return { from: day(0), to: day(6) };
}

/**
 * The offers query of the public catalog for the filters in its address. The page asks the API with it,
 * and the server builds the same URL to embed the first view's results in the HTML (server/http/spa-shell.ts).
 */
export function publicOfferQuery(params: URLSearchParams, locale: Locale, view: 'list' | 'map', now = new Date()) {
  const municipality = params.get('municipality') ?? '';
  const radius = params.get('radiusKm') ?? '';
  const lat = params.get('lat');
  const lon = params.get('lon');
  const when = params.get('when') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  // A radius with a municipality means "near this municipality"; without a radius, in it.
  return {
    q: params.get('q') ?? undefined,
    ...(lat && lon ? { lat: Number(lat), lon: Number(lon), radiusKm: Number(radius || 10) } : {}),
    ...(!lat && municipality && radius ? { near: municipality, radiusKm: Number(radius) } : {}),
    ...(!lat && municipality && !radius ? { municipality } : {}),
    maxLanguageIcons: params.get('maxLanguageIcons') ? Number(params.get('maxLanguageIcons')) : undefined,
    free: params.get('free') === 'true' ? ('true' as const) : undefined,
    uitpas: params.get('uitpas') === 'true' ? ('true' as const) : undefined,
    kids: params.get('kids') === 'true' ? ('true' as const) : undefined,
    theme: params.get('theme') ?? undefined,
    ...(when === 'week' ? thisWeek(now) : when === 'range' ? { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined } : {}),
    lang: locale,
    limit: view === 'map' ? 100 : PUBLIC_OFFERS_PAGE_SIZE,
    offset: view === 'map' ? 0 : offset,
  };
}
