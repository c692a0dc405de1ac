import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; snapshotPath: string }
      | { kind: 'postgresql'; adminUrl: string; template: string; prefix: string };
  }
}

/**
 * Migrates once per run: a PGlite snapshot every test file starts from, or (with TEST_DATABASE_URL)
 * a PostgreSQL template database that every test file clones into a database of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const prefix = `rk_test_${randomBytes(4).toString('hex')}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const handle = await openDatabase({ databaseUrl: templateUrl.toString() });
    await migrate(handle);
    await handle.close();
    await admin.end();
    project.provide('testDatabase', { kind: 'postgresql', adminUrl: url, template, prefix });
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
      for (const row of rows) await cleanup.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await cleanup.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'regiekamer-test-'));
  const handle = await openDatabase({});
  await migrate(handle);
  const snapshot = await handle.dumpDataDir!();
  const snapshotPath = join(dir, 'migrated.tar');
  writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  await handle.close();
  project.provide('testDatabase', { kind: 'pglite', snapshotPath });
  return async () => rmSync(dir, { recursive: true, force: true });
}
