import { parseEnv, type Env } from './config/env.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { migrate } from './db/migrate.js';

/** Reads the environment and opens the configured database (PGlite data dir or PostgreSQL). */
export async function openConfiguredDatabase(env: Env = parseEnv()): Promise<{ env: Env; database: DatabaseHandle }> {
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.REGIEKAMER_DATA_DIR });
  return { env, database };
}

/** Opens and migrates: what every server start and most CLI commands do first. */
export async function openMigratedDatabase(env?: Env): Promise<{ env: Env; database: DatabaseHandle; applied: string[] }> {
  const opened = await openConfiguredDatabase(env);
  try {
    const applied = await migrate(opened.database);
    return { ...opened, applied };
  } catch (error) {
    await opened.database.close();
    throw error;
  }
}

/** Describes where the data lives, for start-up messages. */
export function describeDatabase(env: Env): string {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return `PostgreSQL op ${url.host}${url.pathname}`;
  }
  return `ingebouwde PostgreSQL (PGlite) in ${env.REGIEKAMER_DATA_DIR}`;
}
