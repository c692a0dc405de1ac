import type { nl } from './nl.js';

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog must have: the Dutch catalog's keys with any string values. */
export type Catalog = Widen<typeof nl>;

/** Some keys required, the rest optional: a section that other branches may still extend. */
type Translated<T, K extends keyof T> = Pick<T, K> & Partial<T>;

/**
 * The part of the core catalog the public pages show (shell, navigation, errors, form messages): French,
 * Arabic and Ukrainian translate it (decision 021); every other key falls back to Dutch (i18next
 * fallbackLng). Error codes and common words a public page can show are required; codes other modules
 * add later are optional, so a new module does not have to translate them into every language at once.
 */
export interface PublicCatalog {
  app: Catalog['app'];
  nav: Catalog['nav'];
  common: Translated<Catalog['common'], 'error' | 'backHome' | 'notFoundTitle' | 'notFound' | 'retry' | 'close' | 'cancel' | 'yes' | 'no'>;
  errors: Translated<
    Catalog['errors'],
    'VALIDATION_FAILED' | 'NOT_FOUND' | 'ROUTE_NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL' | 'NETWORK' | 'RATE_LIMITED' | 'PAYLOAD_TOO_LARGE'
  >;
  validation: Translated<Catalog['validation'], 'required' | 'invalidType' | 'tooSmallNumber' | 'tooBigNumber' | 'integer' | 'date' | 'enum' | 'invalid' | 'format' | 'unknownKeys'>;
}
