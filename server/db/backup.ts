import { gunzipSync, gzipSync } from 'node:zlib';
import type { DatabaseHandle, RawSql } from './client.js';
import { appliedMigrations, listMigrations } from './migrate.js';

/**
 * A portable backup: the rows of every table as JSON, in foreign-key order, with the migrations
 * they belong to. Being plain data (not a PGlite data dir or a pg_dump), it restores into PGlite
 * and PostgreSQL alike.
 */
export interface BackupDocument {
  format: 'regiekamer-backup';
  version: 1;
  createdAt: string;
  database: string;
  migrations: string[];
  /** Whether trajectory participants' personal fields are in it (only when asked for; decision 027). */
  personalData?: boolean;
  tables: { name: string; rows: Record<string, unknown>[] }[];
}

// Secrets that must not outlive their context: restoring them would revive logins and reset links.
// Derived data (caches, change counters) is rebuilt by the triggers and the first read after a restore.
const EPHEMERAL_TABLES = new Set(['schema_migrations', 'sessions', 'login_attempts', 'password_reset_tokens', 'plan_content_versions', 'counter_cache', 'jobs']);
// Reference data that migrations load; a restore merges into it instead of replacing it.
const REFERENCE_TABLES = new Set(['municipalities', 'sectors']);
const INSERT_CHUNK = 2000;
// Personal fields of trajectory participants (decision 027) and what a default backup writes instead:
// the pseudonymous code, stages and hours stay, so the figures survive a restore.
const PERSONAL_FIELDS: Record<string, Record<string, unknown>> = {
  trajectory_participants: { first_name: null, languages: [], referral_note: '' },
  trajectory_steps: { note: '' },
  trajectory_placements: { expectations: '', partner_message: '' },
  // Buddy volunteers are people too (decision 030); the pool's size and the duos stay for the figures.
  buddy_volunteers: { first_name: 'Buddy' },
  buddy_duo_meetings: { activity: '' },
};

export class BackupError extends Error {}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Tables of the public schema, parents before children. */
async function tablesInDependencyOrder(sql: RawSql): Promise<string[]> {
  const tables = (
    await sql.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname",
    )
  ).map((row) => row.name);
  const edges = await sql.query<{ child: string; parent: string }>(
    "SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pl ON pl.oid = k.confrelid JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'",
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const edge of edges) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

/** Reads the whole database into a backup document; participants' personal fields only with `withPersonalData`. */
export async function createBackup(handle: DatabaseHandle, options: { withPersonalData?: boolean } = {}): Promise<BackupDocument> {
  return handle.rawTransaction(async (tx) => {
    // One snapshot for all tables, so the backup is consistent even while the server runs.
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (await tablesInDependencyOrder(tx)).filter((table) => !EPHEMERAL_TABLES.has(table));
    const result: BackupDocument['tables'] = [];
    for (const table of tables) {
      const [row] = await tx.query<{ rows: Record<string, unknown>[] | string }>(
        `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${quoteIdent(table)} t`,
      );
      const rows = typeof row?.rows === 'string' ? (JSON.parse(row.rows) as Record<string, unknown>[]) : (row?.rows ?? []);
      const blank = options.withPersonalData ? undefined : PERSONAL_FIELDS[table];
      result.push({ name: table, rows: blank ? rows.map((values) => ({ ...values, ...blank })) : rows });
    }
    return {
      format: 'regiekamer-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      database: handle.kind,
      migrations: await appliedMigrations(tx),
      personalData: options.withPersonalData === true,
      tables: result,
    };
  });
}

/** Serialises a backup as gzip-compressed JSON. */
export function encodeBackup(document: BackupDocument): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(document)));
}

/** Parses a backup file (gzip or plain JSON) and checks it is one of ours. */
export function decodeBackup(bytes: Buffer): BackupDocument {
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    throw new BackupError('Het bestand is geen leesbare Regiekamer-back-up (beschadigde gzip).');
  }
  let document: BackupDocument;
  try {
    document = JSON.parse(text) as BackupDocument;
  } catch {
    throw new BackupError('Het bestand is geen Regiekamer-back-up (geen geldige JSON).');
  }
  if (document?.format !== 'regiekamer-backup' || document.version !== 1 || !Array.isArray(document.tables)) {
    throw new BackupError('Het bestand is geen Regiekamer-back-up (onbekend formaat).');
  }
  return document;
}

/** True when the database holds any user data (regions or users). */
export async function hasUserData(sql: RawSql): Promise<boolean> {
  const [row] = await sql.query<{ present: boolean }>(
    'SELECT (EXISTS (SELECT 1 FROM regions) OR EXISTS (SELECT 1 FROM users)) AS present',
  );
  return Boolean(row?.present);
}

/**
 * Restores a backup into a migrated database in one transaction: all or nothing.
 * Refuses a non-empty database unless force is set, and a backup from a newer version.
 */
export async function restoreBackup(handle: DatabaseHandle, document: BackupDocument, options: { force: boolean }): Promise<{ tables: number; rows: number }> {
  const known = new Set(listMigrations().map((migration) => migration.name));
  const newer = document.migrations.filter((name) => !known.has(name));
  if (newer.length > 0) {
    throw new BackupError(`De back-up komt van een nieuwere versie van Regiekamer (migraties ${newer.join(', ')}). Werk eerst bij.`);
  }
  return handle.rawTransaction(async (tx) => {
    if (!options.force && (await hasUserData(tx))) {
      throw new BackupError('De databank is niet leeg. Gebruik --force om alle huidige gegevens te vervangen door de back-up.');
    }
    const tables = await tablesInDependencyOrder(tx);
    const toClear = tables.filter((table) => !REFERENCE_TABLES.has(table) && table !== 'schema_migrations');
    if (toClear.length > 0) await tx.exec(`TRUNCATE ${toClear.map(quoteIdent).join(', ')} CASCADE`);

    const present = new Set(tables);
    let rowCount = 0;
    let tableCount = 0;
    const byName = new Map(document.tables.map((table) => [table.name, table.rows]));
    for (const table of tables) {
      const rows = byName.get(table);
      if (!rows || rows.length === 0 || EPHEMERAL_TABLES.has(table) || !present.has(table)) continue;
      const writable = new Set(
        (
          await tx.query<{ name: string }>(
            "SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''",
            [quoteIdent(table)],
          )
        ).map((row) => row.name),
      );
      // Only columns both sides know: new columns get their defaults, dropped ones are ignored.
      const columns = Object.keys(rows[0]!).filter((column) => writable.has(column));
      const list = columns.map(quoteIdent).join(', ');
      const conflict = REFERENCE_TABLES.has(table) ? ' ON CONFLICT DO NOTHING' : '';
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const chunk = rows.slice(start, start + INSERT_CHUNK);
        await tx.query(
          `INSERT INTO ${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)${conflict}`,
          [JSON.stringify(chunk)],
        );
      }
      rowCount += rows.length;
      tableCount += 1;
    }
    // Serial/identity columns continue after the restored ids.
    const sequences = await tx.query<{ table_name: string; column_name: string; seq: string }>(
      "SELECT c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq FROM information_schema.columns c WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL",
    );
    for (const sequence of sequences) {
      await tx.query(
        `SELECT setval($1, coalesce((SELECT max(${quoteIdent(sequence.column_name)}) FROM ${quoteIdent(sequence.table_name)}), 0) + 1, false)`,
        [sequence.seq],
      );
    }
    return { tables: tableCount, rows: rowCount };
  });
}
