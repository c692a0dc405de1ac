import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client.js';
import { migrate } from './migrate.js';
import { BackupError, createBackup, decodeBackup, encodeBackup, restoreBackup } from './backup.js';
import { createTestDatabase } from '../test/test-database.js';
import { regionFactory, userFactory } from '../test/factories.js';
import { seedDemo } from '../domains/demo/seed-demo.js';

async function fingerprint(handle: DatabaseHandle) {
  return handle.raw.query(
    `SELECT
       (SELECT json_agg(json_build_object('slug', slug, 'name', name, 'description', description, 'version', version) ORDER BY slug) FROM regions) AS regions,
       (SELECT json_agg(json_build_object('email', email, 'hash', password_hash) ORDER BY email) FROM users) AS users,
       (SELECT json_agg(json_build_object('r', region_id, 'n', nis_code) ORDER BY region_id, nis_code) FROM region_municipalities) AS municipalities,
       (SELECT count(*)::int FROM memberships) AS memberships,
       (SELECT count(*)::int FROM audit_log) AS audit`,
  );
}

let source: DatabaseHandle;

beforeAll(async () => {
  // The source is always embedded PGlite; the target is the suite's backend (PGlite or PostgreSQL),
  // so the PostgreSQL run proves a PGlite backup restores into a server.
  source = await openDatabase({});
  await migrate(source);
  await seedDemo(source.db);
  const region = await regionFactory(source.db, { slug: 'back-up-regio', description: 'Met “aanhalingstekens”, € en é' });
  await userFactory(source.db, { regionSlug: region.slug, role: 'editor' });
});
afterAll(async () => source.close());

describe('backup and restore', () => {
  it('leaves the participants’ personal fields out unless asked for, keeping codes and hours', async () => {
    const plain = await createBackup(source);
    const participants = plain.tables.find((table) => table.name === 'trajectory_participants')!.rows;
    expect(plain.personalData).toBe(false);
    expect(participants.length).toBeGreaterThan(5);
    expect(participants.every((row) => row.first_name === null && row.referral_note === '')).toBe(true);
    expect(participants.map((row) => row.code)).toContain('TR-K7M2QA');
    expect(JSON.stringify(plain.tables.find((table) => table.name === 'trajectory_placements')!.rows)).not.toContain('aanspreekpunt');
    expect(plain.tables.find((table) => table.name === 'trajectory_hours')!.rows.length).toBeGreaterThan(20);
    const full = await createBackup(source, { withPersonalData: true });
    expect(full.personalData).toBe(true);
    expect(full.tables.find((table) => table.name === 'trajectory_participants')!.rows.map((row) => row.first_name)).toContain('Amina');
    // The buddy volunteers' names and what the duos did stay out too; the pool and the duos themselves stay.
    const rowsOf = (document: typeof plain, name: string) => document.tables.find((table) => table.name === name)!.rows;
    expect(rowsOf(plain, 'buddy_volunteers').length).toBeGreaterThan(5);
    expect(rowsOf(plain, 'buddy_volunteers').every((row) => row.first_name === 'Buddy')).toBe(true);
    expect(rowsOf(plain, 'buddy_duo_meetings').every((row) => row.activity === '')).toBe(true);
    expect(rowsOf(plain, 'buddy_duos').length).toBeGreaterThan(5);
    expect(rowsOf(full, 'buddy_volunteers').map((row) => row.first_name)).toContain('Rania');
    expect(rowsOf(full, 'buddy_duo_meetings').map((row) => row.activity)).toContain('Kennismaking');
  });

  it('round-trips every row into an empty database of the other kind', async () => {
    const bytes = encodeBackup(await createBackup(source, { withPersonalData: true }));
    const target = await createTestDatabase();
    try {
      const result = await restoreBackup(target, decodeBackup(bytes), { force: false });
      expect(result.rows).toBeGreaterThan(20);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
    } finally {
      await target.close();
    }
  });

  it('refuses a non-empty database unless forced, and then replaces its data', async () => {
    const document = await createBackup(source, { withPersonalData: true });
    const target = await createTestDatabase();
    try {
      await regionFactory(target.db, { slug: 'bestaande-regio' });
      await expect(restoreBackup(target, document, { force: false })).rejects.toThrow(BackupError);
      // The refusal wrote nothing.
      const [kept] = await target.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM regions WHERE slug = 'bestaande-regio'");
      expect(kept?.n).toBe(1);
      await restoreBackup(target, document, { force: true });
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
    } finally {
      await target.close();
    }
  });

  it('rejects files that are not a backup, or come from a newer version', () => {
    expect(() => decodeBackup(Buffer.from('hallo'))).toThrow(/geen Regiekamer-back-up/);
    expect(() => decodeBackup(Buffer.from(JSON.stringify({ format: 'iets-anders' })))).toThrow(/onbekend formaat/);
    expect(() => decodeBackup(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(/beschadigde gzip/);
  });

  it('refuses a backup made by a newer version and leaves the database untouched', async () => {
    const document = { ...(await createBackup(source)), migrations: ['9999_toekomst'] };
    const target = await createTestDatabase();
    try {
      await expect(restoreBackup(target, document, { force: true })).rejects.toThrow(/nieuwere versie/);
      const [row] = await target.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
      expect(row?.n).toBe(0);
    } finally {
      await target.close();
    }
  });
});
