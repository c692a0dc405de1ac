import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { createTestDatabase } from '../test/test-database.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function nextPayload(handle: DatabaseHandle, channel: string): Promise<{ payload: Promise<string>; stop: () => Promise<void> }> {
  let resolvePayload: (payload: string) => void = () => {};
  const payload = new Promise<string>((resolve) => {
    resolvePayload = resolve;
  });
  return handle.listen(channel, (received) => resolvePayload(received)).then((stop) => ({ payload, stop }));
}

describe('LISTEN/NOTIFY on the database handle', () => {
  it('delivers a notification to a listener of the channel, and nothing after it stops', async () => {
    const received: string[] = [];
    const stop = await database.listen('test_channel', (payload) => received.push(payload));
    const first = await nextPayload(database, 'test_channel');
    await database.notify('test_channel', JSON.stringify({ step: 2 }));
    expect(JSON.parse(await first.payload)).toEqual({ step: 2 });
    await first.stop();
    await stop();
    await database.notify('test_channel', 'na het stoppen');
    await database.raw.query('SELECT 1');
    expect(received).toEqual([JSON.stringify({ step: 2 })]);
  });

  it('a notification sent inside a transaction arrives only when it commits', async () => {
    const received: string[] = [];
    const stop = await database.listen('tx_channel', (payload) => received.push(payload));
    const later = await nextPayload(database, 'tx_channel');
    await expect(
      database.rawTransaction(async (tx) => {
        await tx.query("SELECT pg_notify('tx_channel', 'teruggedraaid')");
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await database.rawTransaction(async (tx) => {
      await tx.query("SELECT pg_notify('tx_channel', 'vastgelegd')");
    });
    expect(await later.payload).toBe('vastgelegd');
    await later.stop();
    await stop();
    expect(received).toEqual(['vastgelegd']);
  });

  it.runIf(inject('testDatabase').kind === 'postgresql')('reaches a listener on another connection pool (another instance)', async () => {
    const config = inject('testDatabase');
    if (config.kind !== 'postgresql') return;
    const url = await database.raw.query<{ db: string }>('SELECT current_database() AS db');
    const other = await openDatabase({ databaseUrl: config.adminUrl.replace(/\/[^/]*$/, `/${url[0]!.db}`) });
    try {
      const next = await nextPayload(other, 'instances');
      await database.notify('instances', 'van instantie A');
      expect(await next.payload).toBe('van instantie A');
      await next.stop();
    } finally {
      await other.close();
    }
  });
});
