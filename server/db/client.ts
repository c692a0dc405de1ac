import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { resolve } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PgListener } from './pg-listener.js';

// Queries name their tables (each domain's schema.ts); Drizzle's relational query API is not used, so no schema is passed.
export type Db = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** Plain SQL access for migrations, backups and other set-based work Drizzle does not model. */
export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Db;
  raw: RawSql;
  /** Runs fn inside one transaction on one connection (raw SQL). */
  rawTransaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
  /**
   * LISTEN: calls onPayload for every NOTIFY on the channel (from any instance on this database);
   * resolves once listening, with a function that stops. Live updates (SSE) and job wake-ups use it.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** NOTIFY a channel (pg_notify; inside a transaction it is delivered on commit). Payload < 8000 bytes. */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory (test snapshots). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use a PostgreSQL server. */
  databaseUrl?: string;
  /** Directory for PGlite; omitted means in memory (tests). */
  dataDir?: string;
  /** A PGlite data-dir dump (tarball) to start from, used by tests to skip migrations. */
  loadDataDir?: Blob;
}

/** Opens PGlite (embedded) or a PostgreSQL pool behind one Drizzle handle. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  const release = dataDir ? acquireDataDirLock(resolve(dataDir)) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dataDir ? resolve(dataDir) : undefined,
      loadDataDir,
      extensions: { pg_trgm, unaccent, btree_gist },
    });
  } catch (error) {
    release();
    throw error;
  }
  const raw: RawSql = {
    exec: async (text) => {
      await client.exec(text);
    },
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
  };
  return {
    kind: 'pglite',
    db: drizzlePglite(client) as unknown as Db,
    raw,
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (text) => {
            await tx.exec(text);
          },
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
    dumpDataDir: () => client.dumpDataDir('none'),
    listen: async (channel, onPayload) => {
      const stop = await client.listen(channel, onPayload);
      return async () => {
        await stop();
      };
    },
    notify: async (channel, payload) => {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover, admin) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL-verbinding verbroken: ${error.message}`));
  // Fail at start-up, not on the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const listener = new PgListener(url);
  const raw: RawSql = {
    exec: async (text) => {
      await pool.query(text);
    },
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
  };
  return {
    kind: 'postgresql',
    db: drizzlePg(pool) as unknown as Db,
    raw,
    rawTransaction: async (fn) => {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn({
          exec: async (text) => {
            await connection.query(text);
          },
          query: async <T>(text: string, params?: unknown[]) => (await connection.query(text, params)).rows as T[],
        });
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    notify: async (channel, payload) => {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}
