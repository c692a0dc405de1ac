import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory } from '../../test/factories.js';
import { erasePersonalFieldsAfterRetention } from './retention.js';

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
    expect(await erasePersonalFieldsAfterRetention(t.database, '2026-03-01')).toBe(1);
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
});
