import type { nl } from './nl.js';

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every catalog must have: the Dutch catalog's keys with any string values. */
export type Catalog = Widen<typeof nl>;
