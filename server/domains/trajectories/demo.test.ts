import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from '../demo/seed-demo.js';
import { TRAJECTORY_STAGES, type Monitoring } from '../../../common/schemas/trajectories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
}, 120_000);
afterAll(async () => t.close());

const base = '/api/regions/westhoek/trajectories';
const login = (email: string, password: string) => new ApiClient(t.app).login(email, password);
type List = { participants: { id: string; code: string; stage: string; handover: { from: { name: string } | null; note: string } | null }[] };

describe('the Westhoek trajectories demo', () => {
  it('has two coaches with pseudonymous participants in every stage, one handed over with a note', async () => {
    const rows = await t.database.raw.query<{ count: number }>(`SELECT count(*)::int AS count FROM trajectory_participants p JOIN regions r ON r.id = p.region_id WHERE r.slug = 'westhoek'`);
    expect(rows).toEqual([{ count: 25 }]);
    const first = ((await (await login('coach@demo.regiekamer.be', 'regiekamer-coach')).get(`${base}/participants`)).json() as List).participants;
    const second = ((await (await login('coach2@demo.regiekamer.be', 'regiekamer-coach2')).get(`${base}/participants`)).json() as List).participants;
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(second.length).toBeGreaterThanOrEqual(8);
    expect(first.map((p) => p.code)).toContain('TR-K7M2QA');
    expect(new Set([...first, ...second].map((p) => p.stage))).toEqual(new Set(TRAJECTORY_STAGES.filter((stage) => stage !== 'verwijzing')));
    const handedOver = second.filter((p) => p.handover);
    expect(handedOver).toEqual([expect.objectContaining({ code: 'TR-F7A2PV', handover: expect.objectContaining({ from: expect.objectContaining({ name: 'Chaima Coach' }) }) })]);
    expect(first.map((p) => p.code)).not.toContain('TR-F7A2PV');
  });

  it('gives the monitoring real figures: several stages and municipalities of five or more', async () => {
    const figures = (await (await login('regisseur@demo.regiekamer.be', 'regiekamer-admin')).get(`${base}/monitoring`)).json() as Monitoring;
    expect(figures.totals.participants).toBe(25);
    expect(figures.perStage.filter((row) => row.participants !== null && row.participants >= 5).length).toBeGreaterThanOrEqual(4);
    expect(figures.perMunicipality.filter((row) => row.participants !== null && row.participants >= 5).length).toBeGreaterThanOrEqual(3);
    expect(figures.totals.hours).toBeGreaterThan(300);
    expect(figures.unassigned.map((row) => row.code).sort()).toEqual(['TR-R5H8EZ', 'TR-V2K4QN']);
  });

  it('shows the coach who else read a record: the library read its inbox', async () => {
    const coach = await login('coach@demo.regiekamer.be', 'regiekamer-coach');
    const amina = ((await coach.get(`${base}/participants`)).json() as List).participants.find((p) => p.code === 'TR-K7M2QA')!;
    const { reads } = (await coach.get(`${base}/participants/${amina.id}/reads`)).json() as { reads: { reader: { name: string } | null; source: string }[] };
    expect(reads).toEqual(expect.arrayContaining([expect.objectContaining({ reader: expect.objectContaining({ name: 'Bea Bibliotheek' }), source: 'inbox' })]));
  });
});
