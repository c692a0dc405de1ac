import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.js';
import { createTestDatabase } from '../test/test-database.js';
import { regionFactory } from '../test/factories.js';
import { readThrough, type CounterReading } from './counter-cache.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** A counter the test moves by hand, and a compute that counts its calls and returns what it is given. */
function source(initial: CounterReading) {
  const state = { counter: initial, computed: 0 };
  return {
    state,
    counter: () => Promise.resolve(state.counter),
    compute: (value: unknown) => () => {
      state.computed += 1;
      return Promise.resolve(value);
    },
  };
}

async function storedBody(namespace: string, key: string): Promise<string | undefined> {
  const [row] = await database.raw.query<{ body: string }>('SELECT body FROM counter_cache WHERE namespace = $1 AND key = $2', [namespace, key]);
  return row?.body;
}

describe('readThrough', () => {
  it('serves the stored value while the counter is unchanged', async () => {
    const key = `${randomUUID()}:view`;
    const { state, counter, compute } = source(3);
    const first = await readThrough(database.raw, { namespace: 'test', key, counter, compute: compute({ total: 7 }) });
    expect(first).toMatchObject({ value: { total: 7 }, hit: false });
    const second = await readThrough(database.raw, { namespace: 'test', key, counter, compute: compute({ total: 8 }) });
    expect(second).toMatchObject({ value: { total: 7 }, hit: true });
    expect(second.etag).toBe(first.etag);
    expect(state.computed).toBe(1);
    // Another namespace with the same key is another entry.
    expect((await readThrough(database.raw, { namespace: 'other-test', key, counter, compute: compute({ total: 9 }) })).value).toEqual({ total: 9 });
  });

  it('computes again once the counter moves, with a new entity tag', async () => {
    const key = `${randomUUID()}:view`;
    const { state, counter, compute } = source([1n, 5]);
    const first = await readThrough(database.raw, { namespace: 'test', key, counter, compute: compute('eerste') });
    state.counter = [1n, 6];
    const second = await readThrough(database.raw, { namespace: 'test', key, counter, compute: compute('tweede') });
    expect(second).toMatchObject({ value: 'tweede', hit: false });
    expect(second.etag).not.toBe(first.etag);
    expect(second.etag).toBe(`W/"test-${key}-1.6"`);
    expect(await storedBody('test', key)).toBe('"tweede"');
    expect((await readThrough(database.raw, { namespace: 'test', key, counter, compute: compute('derde') })).value).toBe('tweede');
    expect(state.computed).toBe(2);
  });

  it('keeps the newer entry when a slower writer that read an older counter finishes last', async () => {
    const key = `${randomUUID()}:view`;
    const { state, counter } = source(1);
    let release: (value: string) => void = () => undefined;
    const slowValue = new Promise<string>((resolve) => (release = resolve));
    let slowStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (slowStarted = resolve));
    // The slow writer reads counter 1 and is still computing when the data changes.
    const slow = readThrough(database.raw, {
      namespace: 'test',
      key,
      counter,
      compute: () => {
        slowStarted();
        return slowValue;
      },
    });
    await started;
    state.counter = 2;
    const fast = await readThrough(database.raw, { namespace: 'test', key, counter, compute: () => Promise.resolve('nieuw') });
    expect(fast.value).toBe('nieuw');
    release('oud');
    expect((await slow).value).toBe('oud');
    expect(await storedBody('test', key)).toBe('"nieuw"');
    const next = await readThrough(database.raw, { namespace: 'test', key, counter, compute: () => Promise.resolve('opnieuw berekend') });
    expect(next).toMatchObject({ value: 'nieuw', hit: true });
  });

  it('stores text as given with encode and decode', async () => {
    const key = `${randomUUID()}:text`;
    const { counter, compute } = source(null);
    const options = { namespace: 'test', key, counter, encode: (text: string) => text, decode: (text: string) => text };
    await readThrough(database.raw, { ...options, compute: compute('{"a":1}') as () => Promise<string> });
    expect(await storedBody('test', key)).toBe('{"a":1}');
    const again = await readThrough(database.raw, { ...options, compute: compute('{"a":2}') as () => Promise<string> });
    expect(again).toMatchObject({ value: '{"a":1}', hit: true, etag: `W/"test-${key}-0"` });
  });

  it('refuses a counter that is not a whole number', async () => {
    await expect(readThrough(database.raw, { namespace: 'test', key: 'x', counter: () => Promise.resolve('1.5'), compute: () => Promise.resolve(1) })).rejects.toThrow(
      /non-negative integer/,
    );
  });

  it('drops the entries of a region that is deleted', async () => {
    const region = await regionFactory(database.db, { slug: `cache-${randomUUID().slice(0, 8)}` });
    const key = `${region.id}:graph:member`;
    await readThrough(database.raw, { namespace: 'network-view', key, counter: () => Promise.resolve(1), compute: () => Promise.resolve({ nodes: [] }) });
    expect(await storedBody('network-view', key)).toBe('{"nodes":[]}');
    await database.raw.query('DELETE FROM regions WHERE id = $1', [region.id]);
    expect(await storedBody('network-view', key)).toBeUndefined();
  });
});
