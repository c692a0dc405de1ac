import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { suppressGroups } from './monitoring.js';
import { readTable } from '../../tabular/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('suppressing small groups', () => {
  it('hides groups under five, and one more while the hidden ones would add up to fewer than five', () => {
    expect(suppressGroups([6, 5, 7])).toEqual([6, 5, 7]);
    expect(suppressGroups([6, 0, 7])).toEqual([6, 0, 7]);
    // 2 alone could be worked out from the total: the smallest shown group goes with it.
    expect(suppressGroups([6, 2, 5])).toEqual([6, null, null]);
    expect(suppressGroups([3, 2, 9])).toEqual([null, null, 9]);
    expect(suppressGroups([4])).toEqual([null]);
  });
});

describe('the figures', () => {
  async function setUp(counts: Record<string, number>) {
    const slug = `cijfers-${randomUUID().slice(0, 8)}`;
    await regionFactory(t.database.db, { slug, municipalities: Object.keys(counts) });
    const emails: Record<string, string> = {};
    for (const role of ['admin', 'steering', 'coach', 'trajectbegeleider', 'viewer'] as const) emails[role] = (await userFactory(t.database.db, { regionSlug: slug, role })).email;
    const coach = await new ApiClient(t.app).login(emails.coach!, TEST_PASSWORD);
    let n = 0;
    for (const [nis, count] of Object.entries(counts)) {
      for (let i = 0; i < count; i++) {
        const response = await coach.post(`/api/regions/${slug}/trajectories/participants`, { firstName: `Persoon${n++}`, municipalityNis: nis, inburgeraarStatus: 'verplicht', referredOn: '2026-09-01', uitpasKansentarief: i % 2 === 0, consentGiven: true });
        expect(response.statusCode, response.body).toBe(201);
      }
    }
    const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
    return { url: `/api/regions/${slug}/trajectories/monitoring`, as };
  }

  it('shows no names and no group under five, folding small municipalities together', async () => {
    const { url, as } = await setUp({ '33011': 6, '33021': 2, '32003': 3 });
    const response = await (await as('steering')).get(url);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Persoon');
    const figures = response.json() as { totals: { participants: number; uitpas: number | null }; perMunicipality: { municipalityName: string; participants: number | null }[]; perStage: { stage: string; participants: number | null }[]; unassigned: unknown[] };
    expect(figures.totals.participants).toBe(11);
    expect(figures.perMunicipality).toEqual([expect.objectContaining({ municipalityName: 'Ieper', participants: 6 }), expect.objectContaining({ municipalityName: '', participants: 5 })]);
    expect(figures.perStage.find((row) => row.stage === 'verwijzing')!.participants).toBe(11);
    // 6 of 11 with UiTPAS, 5 without: both groups big enough.
    expect(figures.totals.uitpas).toBe(6);
    expect(figures.unassigned).toEqual([]);
    // Only four first visits: no waiting time yet; the fifth makes the median (10, 20, 30, 40, 50 days → 30).
    const waiting = async () => ((await (await as('admin')).get(url)).json() as { totals: { waitingDays: number | null } }).totals.waitingDays;
    const coach = await as('coach');
    const participants = ((await coach.get(url.replace('/monitoring', '/participants'))).json() as { participants: { id: string }[] }).participants;
    for (const [index, participant] of participants.slice(0, 5).entries()) {
      if (index === 4) expect(await waiting()).toBeNull();
      const day = String(11 + index * 10).padStart(2, '0');
      const response = await coach.post(`${url.replace('/monitoring', '/participants')}/${participant.id}/steps`, { kind: 'eerste-bezoek', happenedOn: index < 2 ? `2026-09-${day}` : `2026-10-${String(index * 10 - 19).padStart(2, '0')}` });
      expect(response.statusCode).toBe(200);
    }
    expect(await waiting()).toBe(30);
    const xlsx = await (await as('admin')).get(`${url}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = (await readTable(xlsx.rawPayload, 'cijfers.xlsx')).map((row) => row.cells.join('|'));
    expect(cells).toEqual(expect.arrayContaining(['Deelnemers|11']));
    expect(cells.join('\n')).not.toContain('Persoon');
    for (const role of ['coach', 'trajectbegeleider', 'viewer']) expect((await (await as(role)).get(url)).statusCode, role).toBe(403);
  });

  it('shows nothing countable below five participants in all', async () => {
    const { url, as } = await setUp({ '33011': 3 });
    const figures = (await (await as('admin')).get(url)).json() as { totals: Record<string, number | null>; perMunicipality: { participants: number | null; hours: number | null }[] };
    expect(Object.values(figures.totals)).toEqual([null, null, null, null, null, null, null]);
    expect(figures.perMunicipality).toEqual([expect.objectContaining({ participants: null, hours: null })]);
  });
});
