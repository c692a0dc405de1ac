import type { RawSql } from '../db/client.js';

/**
 * The change counters a cached value was derived from, read in one statement. Each counter only grows
 * (triggers bump it on every write), so a later reading is never smaller: that is what lets a writer
 * tell an older entry from a newer one. A missing counter reads as 0.
 */
export type CounterReading = bigint | number | string | null | readonly (bigint | number | string | null)[];

export interface ReadThroughOptions<T> {
  /** What kind of value this is (`network-view`, `plan-detail`); one namespace per use. */
  namespace: string;
  /** Which value of that kind; begins with its owner's id and `:` so the entry goes away with the owner (migration 0035). */
  key: string;
  /** Reads the counters now, before computing, so a write in between leaves an entry that is already outdated. */
  counter: () => Promise<CounterReading>;
  compute: () => Promise<T>;
  /** Stored text of a value; JSON by default. */
  encode?: (value: T) => string;
  decode?: (body: string) => T;
}

export interface CachedValue<T> {
  value: T;
  /** Names this value: namespace, key and counters. Equal tags mean the same value. */
  tag: string;
  /** A weak HTTP entity tag of `tag`. */
  etag: string;
  /** Whether the value came from the cache (false: computed by this call). */
  hit: boolean;
}

function counterText(reading: CounterReading): string[] {
  const values = Array.isArray(reading) ? reading : [reading as bigint | number | string | null];
  return values.map((value) => {
    const text = String(value ?? 0);
    if (!/^\d+$/.test(text)) throw new Error(`A cache counter must be a non-negative integer, not ${text}`);
    return text;
  });
}

/**
 * Returns the value stored for namespace and key while its counters are unchanged, else computes and
 * stores it. Every instance shares the entries; concurrent writers keep the one with the newest counters.
 */
export async function readThrough<T>(raw: RawSql, options: ReadThroughOptions<T>): Promise<CachedValue<T>> {
  const { namespace, key } = options;
  const counter = counterText(await options.counter());
  const tag = `${namespace}-${key}-${counter.join('.')}`;
  const found = { tag, etag: `W/"${tag}"` };
  const [row] = await raw.query<{ body: string }>('SELECT body FROM counter_cache WHERE namespace = $1 AND key = $2 AND counter = $3::bigint[]', [
    namespace,
    key,
    counter,
  ]);
  if (row) return { value: options.decode ? options.decode(row.body) : (JSON.parse(row.body) as T), hit: true, ...found };
  const value = await options.compute();
  const body = options.encode ? options.encode(value) : JSON.stringify(value);
  // Arrays compare element by element; readings of growing counters are ordered, so "greater" is "newer".
  await raw.query(
    `INSERT INTO counter_cache (namespace, key, counter, body) VALUES ($1, $2, $3::bigint[], $4)
     ON CONFLICT (namespace, key) DO UPDATE SET counter = EXCLUDED.counter, body = EXCLUDED.body, computed_at = now()
     WHERE counter_cache.counter < EXCLUDED.counter`,
    [namespace, key, counter, body],
  );
  return { value, hit: false, ...found };
}
