import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from '../demo/seed-demo.js';
import { demoUsers } from '../demo/demo-data.js';

// The demo makes every buddy view meaningful: two programmes with volunteers and duos, a coordinator who
// sees their own pool, a coach with suggestions, and a learning network with intervision topics.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

const login = (email: string) => new ApiClient(t.app).login(email, demoUsers.find((user) => user.email === email)!.password);

describe('the buddies demo of the Westhoek', () => {
  it('has two programmes with volunteers and current duos, and a learning network with its intervision topics', async () => {
    const admin = await login('regisseur@demo.regiekamer.be');
    const overview = (await admin.get('/api/regions/westhoek/buddies')).json() as {
      programmes: { id: string; name: string; volunteers: number; activeDuos: number }[];
      learningNetwork: { name: string; meetings: { topics: string[]; startsAt: string }[] } | null;
    };
    expect(overview.programmes.map((programme) => programme.name)).toEqual(['Albatros', 'Sociaal Huis Diksmuide']);
    for (const programme of overview.programmes) {
      expect(programme.volunteers).toBeGreaterThanOrEqual(5);
      expect(programme.activeDuos).toBeGreaterThanOrEqual(2);
    }
    expect(overview.learningNetwork?.name).toBe('Lerend netwerk buddywerkingen');
    expect(overview.learningNetwork?.meetings.length).toBe(2);
    expect(overview.learningNetwork?.meetings.every((meeting) => meeting.topics.length >= 2)).toBe(true);
    // One past and one coming intervision.
    expect(overview.learningNetwork?.meetings.some((meeting) => Date.parse(meeting.startsAt) > Date.now())).toBe(true);
  });

  it('gives the coordinator of Albatros their own pool with duos and meetings, by code', async () => {
    const coordinator = await login('buddywerking@demo.regiekamer.be');
    const overview = (await coordinator.get('/api/regions/westhoek/buddies')).json() as { programmes: { id: string; name: string; mayManage: boolean }[] };
    expect(overview.programmes.map((programme) => [programme.name, programme.mayManage])).toEqual([['Albatros', true]]);
    const detail = (await coordinator.get(`/api/regions/westhoek/buddies/programmes/${overview.programmes[0]!.id}`)).json() as { pool: unknown[]; duos: { participantCode: string; meetings: unknown[] }[] };
    expect(detail.pool.length).toBeGreaterThanOrEqual(5);
    expect(detail.duos.length).toBeGreaterThanOrEqual(3);
    expect(detail.duos.every((duo) => /^TR-/.test(duo.participantCode) && duo.meetings.length > 0)).toBe(true);
  });

  it('suggests buddies with reasons to the coach for a participant without one', async () => {
    const coach = await login('coach@demo.regiekamer.be');
    const participants = (await coach.get('/api/regions/westhoek/trajectories/participants')).json() as { participants: { id: string; code: string }[] };
    const unpaired = participants.participants.find((participant) => participant.code === 'TR-G6U9RT');
    expect(unpaired, 'the demo participant TR-G6U9RT').toBeDefined();
    const { suggestions, currentDuo } = (await coach.get(`/api/regions/westhoek/buddies/suggestions/${unpaired!.id}`)).json() as { suggestions: { reasons: unknown[] }[]; currentDuo: unknown };
    expect(currentDuo).toBeNull();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]!.reasons.length).toBeGreaterThan(0);
  });
});
