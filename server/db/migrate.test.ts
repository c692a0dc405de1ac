import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOMAINS } from '../domains/registry.js';
import { migrate, appliedMigrations, listMigrations } from './migrate.js';
import { createTestDatabase } from '../test/test-database.js';
import type { DatabaseHandle } from './client.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('migrations', () => {
  it('are all applied and a second run applies nothing', async () => {
    expect(await appliedMigrations(database.raw)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(database)).toEqual([]);
  });

  it('create every table and column the Drizzle schema declares', async () => {
    const tables = registeredTables();
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const name = getTableName(table);
      const rows = await database.raw.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [name],
      );
      const actual = new Set(rows.map((row) => row.column_name));
      const declared = Object.values(getTableColumns(table)).map((column) => column.name);
      expect(declared.filter((column) => !actual.has(column)), `columns of ${name} missing in SQL`).toEqual([]);
    }
  });

  it('know every table of every schema file through a registered module (common/domains.ts)', async () => {
    const registered = new Set(registeredTables());
    const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
    const schemaFiles = readdirSync(serverDir, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|[/-])schema\.ts$/.test(file) && !file.includes('node_modules'));
    expect(schemaFiles.length).toBeGreaterThan(10);
    for (const file of schemaFiles) {
      const exported = (await import(pathToFileURL(join(serverDir, file)).href)) as Record<string, unknown>;
      for (const table of pgTables(exported)) expect(registered.has(table), `${getTableName(table)} of server/${relative(serverDir, join(serverDir, file))} is in no module's tables`).toBe(true);
    }
  });

  it('load the reference data: 18 Westhoek municipalities and the 22 toolkit sectors', async () => {
    const [municipalities] = await database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM municipalities');
    expect(municipalities?.n).toBe(18);
    const sectors = await database.raw.query<{ key: string; cultural: boolean }>('SELECT key, cultural FROM sectors ORDER BY position');
    expect(sectors).toHaveLength(22);
    expect(sectors.find((s) => s.key === 'erfgoed')?.cultural).toBe(true);
    expect(sectors.find((s) => s.key === 'welzijn')?.cultural).toBe(false);
    const [ieper] = await database.raw.query<{ postal_codes: string[] }>("SELECT postal_codes FROM municipalities WHERE name = 'Ieper'");
    expect(ieper?.postal_codes).toEqual(['8900', '8902', '8904', '8906', '8908']);
  });
});

function pgTables(values: Record<string, unknown>): PgTable[] {
  return Object.values(values).filter((value): value is PgTable => is(value, PgTable));
}

/** The tables every registered module declares. */
function registeredTables(): PgTable[] {
  return DOMAINS.flatMap((domain) => pgTables((domain.tables ?? {}) as Record<string, unknown>));
}
