import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { DatabaseHandle, RawSql } from './client.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works; it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_ID = 4_242_017;

/** The migration files in the order they apply (their numeric prefix). */
export function listMigrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, file), 'utf8') }));
}

/**
 * Applies pending forward-only migrations in one transaction. An advisory lock makes several
 * server instances starting at once migrate one after the other instead of racing.
 */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  const migrations = listMigrations();
  return handle.rawTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const unknown = [...applied].filter((name) => !migrations.some((migration) => migration.name === name));
    if (unknown.length > 0) {
      throw new Error(
        `De databank bevat migraties die deze versie niet kent (${unknown.join(', ')}). Gebruik een nieuwere versie van Regiekamer.`,
      );
    }
    const appliedNow: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      appliedNow.push(migration.name);
    }
    return appliedNow;
  });
}

/** Names of the migrations recorded in the database (pass a transaction's RawSql to read inside it). */
export async function appliedMigrations(sql: RawSql): Promise<string[]> {
  const exists = await sql.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!exists[0]?.present) return [];
  return (await sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((row) => row.name);
}
