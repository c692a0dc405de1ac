import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client.js';

/**
 * A fresh, migrated database for one test file: PGlite in memory from the run's snapshot, or a
 * PostgreSQL database cloned from the run's template (dropped again on close).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const config = inject('testDatabase');
  if (config.kind === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(config.snapshotPath)]) });
  }
  const name = `${config.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: config.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${config.template}`);
  await admin.end();
  const url = new URL(config.adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: config.adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
