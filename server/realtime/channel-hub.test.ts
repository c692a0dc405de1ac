import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client.js';
import { ChannelHub } from './channel-hub.js';

/** A database handle whose LISTEN is counted and whose NOTIFY is delivered in-process. */
function fakeDatabase() {
  const listeners = new Map<string, (payload: string) => void>();
  let listens = 0;
  let stops = 0;
  const database = {
    listen: async (channel: string, onPayload: (payload: string) => void) => {
      listens++;
      listeners.set(channel, onPayload);
      return async () => {
        stops++;
        listeners.delete(channel);
      };
    },
  } as unknown as DatabaseHandle;
  return { database, notify: (channel: string, payload: string) => listeners.get(channel)?.(payload), counts: () => ({ listens, stops }) };
}

describe('channel hub', () => {
  it('shares one LISTEN among all subscribers of a channel and stops it after the last one leaves', async () => {
    const fake = fakeDatabase();
    const hub = new ChannelHub(fake.database);
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await hub.subscribe('room', (payload) => a.push(payload));
    const stopB = await hub.subscribe('room', (payload) => b.push(payload));
    expect(fake.counts()).toEqual({ listens: 1, stops: 0 });
    fake.notify('room', 'een');
    await stopA();
    fake.notify('room', 'twee');
    expect(a).toEqual(['een']);
    expect(b).toEqual(['een', 'twee']);
    expect(fake.counts().stops).toBe(0);
    await stopB();
    expect(fake.counts()).toEqual({ listens: 1, stops: 1 });
    expect(hub.subscriberCount('room')).toBe(0);
    // A new subscriber after that listens anew.
    const stopC = await hub.subscribe('room', () => undefined);
    expect(fake.counts().listens).toBe(2);
    await stopC();
  });
});
