import type { DatabaseHandle } from '../db/client.js';

type Subscriber = (payload: string) => void;

interface ChannelState {
  subscribers: Set<Subscriber>;
  /** Resolves once the process LISTENs on the channel; holds the function that stops listening. */
  listening: Promise<() => Promise<void>>;
}

/**
 * One LISTEN per channel per process, fanned out to every connected client of that process: a room
 * with 200 open screens costs one database connection's worth of listening, not 200. Several
 * instances on one PostgreSQL each hold their own LISTEN, so a NOTIFY from any instance reaches all.
 */
export class ChannelHub {
  private readonly channels = new Map<string, ChannelState>();

  constructor(private readonly database: DatabaseHandle) {}

  /** Calls `onPayload` for every NOTIFY on `channel` until the returned function is called. Resolves once listening. */
  async subscribe(channel: string, onPayload: Subscriber): Promise<() => Promise<void>> {
    let state = this.channels.get(channel);
    if (!state) {
      const subscribers = new Set<Subscriber>();
      const listening = this.database.listen(channel, (payload) => {
        for (const subscriber of subscribers) subscriber(payload);
      });
      state = { subscribers, listening };
      this.channels.set(channel, state);
      listening.catch(() => this.channels.delete(channel));
    }
    state.subscribers.add(onPayload);
    try {
      await state.listening;
    } catch (error) {
      state.subscribers.delete(onPayload);
      throw error;
    }
    const current = state;
    return async () => {
      current.subscribers.delete(onPayload);
      if (current.subscribers.size > 0 || this.channels.get(channel) !== current) return;
      this.channels.delete(channel);
      const stop = await current.listening;
      await stop();
    };
  }

  /** How many clients of this process follow a channel (for tests and diagnostics). */
  subscriberCount(channel: string): number {
    return this.channels.get(channel)?.subscribers.size ?? 0;
  }

  /** Stops every LISTEN of this hub (on shutdown). */
  async close(): Promise<void> {
    const states = [...this.channels.values()];
    this.channels.clear();
    await Promise.all(states.map(async (state) => (await state.listening.catch(() => async () => undefined))()));
  }
}

const hubs = new WeakMap<DatabaseHandle, ChannelHub>();

/** The process's hub for a database handle (created on first use). */
export function channelHub(database: DatabaseHandle): ChannelHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = new ChannelHub(database);
    hubs.set(database, hub);
  }
  return hub;
}
