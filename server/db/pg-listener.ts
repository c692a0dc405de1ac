import pg from 'pg';

export type NotificationListener = (payload: string) => void;

/**
 * LISTEN on a PostgreSQL server through one dedicated connection per process, shared by every channel
 * (a pooled connection would lose its LISTENs when it goes back to the pool). When the connection
 * drops it is reopened and every channel listened to again, so subscribers keep receiving.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly listeners = new Map<string, Set<NotificationListener>>();
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** Subscribes to a channel; resolves once the LISTEN is in place, with a function that unsubscribes. */
  async listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>> {
    let set = this.listeners.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    if (first) {
      const client = await this.connection();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    return async () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size > 0) return;
      this.listeners.delete(channel);
      if (this.client && !this.closed) await this.client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      for (const listener of this.listeners.get(message.channel) ?? []) listener(message.payload ?? '');
    });
    client.on('error', (error) => {
      console.warn(`PostgreSQL LISTEN-verbinding verbroken: ${error.message}`);
      if (this.client === client) this.client = null;
      void client.end().catch(() => {});
      if (!this.closed && this.listeners.size > 0) setTimeout(() => void this.relisten(), 1000).unref();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async relisten(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.connection();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      setTimeout(() => void this.relisten(), 2000).unref();
    }
  }
}
