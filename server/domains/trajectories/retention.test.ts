import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory } from '../../test/factories.js';
import { erasePersonalFieldsAfterRetention } from './retention.js';
import { actorFactory } from '../network/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function participant(regionId: string, firstName: string, evaluatedOn: string | null): Promise<string> {
  const [row] = await t.database.raw.query<{ id: string }>(
    `INSERT INTO trajectory_participants (region_id, code, first_name, municipality_nis, languages, inburgeraar_status, referred_on, referral_note, stage)
     VALUES ($1, $2, $3, '33011', '{ar}', 'verplicht', '2024-01-01', 'Nota over ' || $3, 'evaluatie') RETURNING id`,
    [regionId, `TR-${randomUUID().slice(0, 6).toUpperCase()}`, firstName],
  );
  const id = row!.id;
  await t.database.raw.query(`INSERT INTO trajectory_steps (participant_id, kind, happened_on, note) VALUES ($1, 'intake', '2024-01-10', 'Gesprek met ' || $2)`, [id, firstName]);
  if (evaluatedOn) await t.database.raw.query(`INSERT INTO trajectory_steps (participant_id, kind, happened_on, note) VALUES ($1, 'evaluatie', $2, 'Evaluatie')`, [id, evaluatedOn]);
  await t.database.raw.query(`INSERT INTO trajectory_placements (region_id, participant_id, offer_title, expectations) VALUES ($1, $2, 'Taalcafé', 'Verwachting voor ' || $3)`, [regionId, id, firstName]);
  return id;
}

describe('retention', () => {
  it('erases personal fields 12 months after the evaluation, keeps the rest, logs without content, and only once', async () => {
    const region = await regionFactory(t.database.db, { slug: `bewaring-${randomUUID().slice(0, 8)}` });
    const old = await participant(region.id, 'Oudenaam', '2025-01-15');
    const recent = await participant(region.id, 'Recentnaam', '2025-06-01');
    const ongoing = await participant(region.id, 'Lopendnaam', null);
    // A buddy duo of the old participant with what they did together (buddy network).
    const actorId = await actorFactory(t.database.db, region.id, { name: 'Buddywerking' });
    const [programme] = await t.database.raw.query<{ id: string }>('INSERT INTO buddy_programmes (region_id, actor_id) VALUES ($1, $2) RETURNING id', [region.id, actorId]);
    const [volunteer] = await t.database.raw.query<{ id: string }>("INSERT INTO buddy_volunteers (region_id, programme_id, first_name, municipality_nis) VALUES ($1, $2, 'Griet', '33011') RETURNING id", [region.id, programme!.id]);
    const [duo] = await t.database.raw.query<{ id: string }>("INSERT INTO buddy_duos (region_id, volunteer_id, participant_id, status, started_on) VALUES ($1, $2, $3, 'afgerond', '2024-02-01') RETURNING id", [region.id, volunteer!.id, old]);
    await t.database.raw.query("INSERT INTO buddy_duo_meetings (duo_id, met_on, activity) VALUES ($1, '2024-02-08', 'Met Oudenaam naar de markt')", [duo!.id]);
    expect(await erasePersonalFieldsAfterRetention(t.database, '2026-03-01')).toBe(1);
    expect(await t.database.raw.query('SELECT met_on::text, activity FROM buddy_duo_meetings WHERE duo_id = $1', [duo!.id])).toEqual([{ met_on: '2024-02-08', activity: '' }]);
    const [erased] = await t.database.raw.query<{ first_name: string | null; languages: string[]; referral_note: string; code: string; personal_data_erased_at: unknown }>('SELECT * FROM trajectory_participants WHERE id = $1', [old]);
    expect(erased).toMatchObject({ first_name: null, languages: [], referral_note: '' });
    expect(erased!.personal_data_erased_at).not.toBeNull();
    const everything = JSON.stringify(await t.database.raw.query(`SELECT p.*, s.note, pl.expectations FROM trajectory_participants p JOIN trajectory_steps s ON s.participant_id = p.id JOIN trajectory_placements pl ON pl.participant_id = p.id WHERE p.id = $1`, [old]));
    expect(everything).not.toContain('Oudenaam');
    // The placement itself stays for the figures.
    expect(await t.database.raw.query('SELECT offer_title FROM trajectory_placements WHERE participant_id = $1', [old])).toEqual([{ offer_title: 'Taalcafé' }]);
    for (const [id, name] of [[recent, 'Recentnaam'], [ongoing, 'Lopendnaam']] as const) {
      expect((await t.database.raw.query<{ first_name: string }>('SELECT first_name FROM trajectory_participants WHERE id = $1', [id]))[0]!.first_name).toBe(name);
    }
    const audit = await t.database.raw.query<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_log WHERE entity_id = $1`, [old]);
    expect(audit).toEqual([{ action: 'retention-erase', changes: {} }]);
    expect(await erasePersonalFieldsAfterRetention(t.database, '2026-03-01')).toBe(0);
  });

  it("uses each region's own retention period: 6 months in one region, the default 12 in another", async () => {
    const short = await regionFactory(t.database.db, { slug: `kort-${randomUUID().slice(0, 8)}` });
    const standard = await regionFactory(t.database.db, { slug: `standaard-${randomUUID().slice(0, 8)}` });
    await t.database.raw.query(`INSERT INTO trajectory_settings (region_id, purpose, retention_months) VALUES ($1, 'Opvolging', 6)`, [short.id]);
    // Evaluated seven months before 2026-03-01: past six months, within twelve.
    const shortSeven = await participant(short.id, 'Kortzeven', '2025-08-01');
    const shortFive = await participant(short.id, 'Kortvijf', '2025-10-01');
    const standardSeven = await participant(standard.id, 'Standaardzeven', '2025-08-01');
    const standardThirteen = await participant(standard.id, 'Standaarddertien', '2025-02-01');
    await erasePersonalFieldsAfterRetention(t.database, '2026-03-01');
    const firstNames = async (id: string) => (await t.database.raw.query<{ first_name: string | null }>('SELECT first_name FROM trajectory_participants WHERE id = $1', [id]))[0]!.first_name;
    expect(await firstNames(shortSeven)).toBeNull();
    expect(await firstNames(shortFive)).toBe('Kortvijf');
    expect(await firstNames(standardSeven)).toBe('Standaardzeven');
    expect(await firstNames(standardThirteen)).toBeNull();
    // Erased everywhere it was written, and the log says only that it happened.
    for (const [id, name] of [[shortSeven, 'Kortzeven'], [standardThirteen, 'Standaarddertien']] as const) {
      const everything = JSON.stringify(await t.database.raw.query(`SELECT p.*, s.note, pl.expectations FROM trajectory_participants p JOIN trajectory_steps s ON s.participant_id = p.id JOIN trajectory_placements pl ON pl.participant_id = p.id WHERE p.id = $1`, [id]));
      expect(everything).not.toContain(name);
      const audit = await t.database.raw.query<{ action: string; changes: unknown; region_id: string }>(`SELECT action, changes, region_id FROM audit_log WHERE entity_id = $1`, [id]);
      expect(audit).toEqual([{ action: 'retention-erase', changes: {}, region_id: id === shortSeven ? short.id : standard.id }]);
    }
    expect(await t.database.raw.query(`SELECT 1 FROM audit_log WHERE entity_id = ANY($1::text[])`, [[shortFive, standardSeven]])).toEqual([]);
  });
});
