import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import ExcelJS from 'exceljs';
import { lastTwelveMonths, monitoringFigures, monitoringXlsx, suppressGroups, suppressMeasures } from './monitoring.js';
import { figureParticipantFactory, type FigureParticipant } from './monitoring-factories.js';
import { actorFactory } from '../network/factories.js';
import { offerFactory } from '../catalog/factories.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
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

  it('counts cells hidden with their row, and shows a measure only where its people are shown', () => {
    // The first row is hidden already: its 3 together with the 2 would still be fewer than five, so the 6 goes too.
    expect(suppressGroups([1, 2, 6, 9], [true])).toEqual([null, null, null, 9]);
    expect(suppressGroups([7, 6], [true])).toEqual([null, 6]);
    expect(suppressGroups([3, 6], [true])).toEqual([null, null]);
    // The 3 people behind 30 hours are hidden, and the 6 with them (3 alone could be worked out).
    expect(suppressMeasures([6, 3, 8], [120, 30, 50])).toEqual([null, null, 50]);
    expect(suppressMeasures([0, 5], [0, 12])).toEqual([0, 12]);
  });

  it('names the last twelve months, oldest first, across a new year', () => {
    const months = lastTwelveMonths('2026-02-10');
    expect(months).toHaveLength(12);
    expect([months[0], months[10], months[11]]).toEqual(['2025-03', '2026-01', '2026-02']);
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
    expect(response.statusCode, response.body).toBe(200);
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
    expect(Object.values(figures.totals).every((value) => value === null)).toBe(true);
    expect(Object.keys(figures.totals)).toHaveLength(12);
    expect(figures.perMunicipality).toEqual([expect.objectContaining({ participants: null, hours: null })]);
  });
});

/** Every count of people in the figures: each must be hidden, zero, or a group of five or more. */
const PEOPLE_KEYS = new Set(['participants', 'intakes', 'placed', 'referrals', 'reached40', 'uitpas', 'uitpasUsed', 'continuing']);
function smallGroupsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => smallGroupsIn(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      PEOPLE_KEYS.has(key) && typeof inner === 'number' && inner > 0 && inner < 5 ? [`${path}.${key}=${inner}`] : smallGroupsIn(inner, `${path}.${key}`),
    );
  }
  return [];
}

describe('the figures on a known data set', () => {
  const IEPER = '33011';
  const POPERINGE = '33021';
  const DIKSMUIDE = '32003';
  const TODAY = '2026-11-15';

  /**
   * 20 participants: Ieper 10 (referred in September, 7 placed in October at a UiTPAS offer of an arts
   * organisation, 5 of them 40 hours), Poperinge 6 (October, placed in November at a sports club, 8 hours
   * each), and Diksmuide 4 (August, placed in November with a youth organisation): the group of four.
   */
  async function knownRegion() {
    const slug = `bekend-${randomUUID().slice(0, 8)}`;
    const region = await regionFactory(t.database.db, { slug, municipalities: [IEPER, POPERINGE, DIKSMUIDE] });
    const db = t.database.db;
    const arts = await actorFactory(db, region.id, { name: 'Kunstencentrum', sectors: ['kunsten'] });
    const sport = await actorFactory(db, region.id, { name: 'Sportclub', municipality: POPERINGE, sectors: ['sport', 'jeugd'] });
    const youth = await actorFactory(db, region.id, { name: 'Jeugdhuis Diksmuide', municipality: DIKSMUIDE, sectors: ['jeugd'] });
    const artsOffer = await offerFactory(db, region.id, { title: 'Atelier', organizerActorId: arts, municipalityNis: IEPER, uitpas: true });
    const sportOffer = await offerFactory(db, region.id, { title: 'Zwemmen', organizerActorId: sport, municipalityNis: POPERINGE });
    const youthOffer = await offerFactory(db, region.id, { title: 'Spelnamiddag', organizerActorId: youth, municipalityNis: DIKSMUIDE });
    const people: FigureParticipant[] = [];
    const waits = [10, 12, 14, 16, 18, 20, 40];
    for (let i = 0; i < 10; i++) {
      const placed = i < 7;
      people.push({
        municipalityNis: IEPER,
        referredOn: '2026-09-01',
        stage: 'deelname',
        uitpasKansentarief: true,
        intakeOn: '2026-09-05',
        continuesAfter: i < 5 ? true : null,
        ...(placed ? { firstVisitOn: new Date(Date.UTC(2026, 8, 1 + waits[i]!)).toISOString().slice(0, 10), placement: { offerId: artsOffer, organizerActorId: arts, acceptedOn: '2026-10-02', hours: i < 5 ? 40 : 10, attendedOn: '2026-10-20' } } : {}),
      });
    }
    for (let i = 0; i < 6; i++) {
      people.push({ municipalityNis: POPERINGE, referredOn: '2026-10-01', stage: 'evaluatie', intakeOn: '2026-10-03', continuesAfter: i < 5 ? false : null, placement: { offerId: sportOffer, organizerActorId: sport, acceptedOn: '2026-11-02', hours: 8 } });
    }
    for (let i = 0; i < 4; i++) {
      people.push({ municipalityNis: DIKSMUIDE, referredOn: '2026-08-03', stage: 'eerste-bezoek', intakeOn: '2026-08-10', placement: { offerId: youthOffer, organizerActorId: youth, acceptedOn: '2026-11-05', hours: 5 } });
    }
    for (const person of people) await figureParticipantFactory(db, region.id, person);
    return region;
  }

  it('gives the known answers, with the group of four hidden everywhere', async () => {
    const region = await knownRegion();
    const figures = await monitoringFigures(t.database.db, region, { withAssignment: false, today: TODAY });
    expect(figures.totals).toEqual({
      participants: 20,
      placements: 17,
      hours: 5 * 40 + 2 * 10 + 6 * 8 + 4 * 5,
      reached40: 5,
      reached40Share: 25,
      uitpas: 10,
      uitpasShare: 50,
      uitpasUsed: 7,
      continuing: 5,
      continuingShare: 50,
      // Referral 01/09 → first visit after 10, 12, 14, 16, 18, 20 and 40 days.
      waitingDays: 16,
      waitingDaysAverage: 18.6,
    });
    // Diksmuide's four are hidden, and Poperinge with them: otherwise 20 − 10 − 6 would give the four away.
    expect(figures.perMunicipality).toEqual([
      { municipalityName: 'Ieper', participants: 10, intakes: 10, placed: 7, hours: 220 },
      { municipalityName: '', participants: 10, intakes: 10, placed: 10, hours: 68 },
    ]);
    expect(figures.perMonth.map((row) => row.month)).toEqual(lastTwelveMonths(TODAY));
    const month = (yyyymm: string) => figures.perMonth.find((row) => row.month === yyyymm);
    // August's four referrals are hidden, October's six with them; September stands alone.
    expect(month('2026-08')).toEqual({ month: '2026-08', referrals: null, intakes: null, placements: 0, hours: 0 });
    expect(month('2026-09')).toEqual({ month: '2026-09', referrals: 10, intakes: 10, placements: 0, hours: 0 });
    expect(month('2026-10')).toEqual({ month: '2026-10', referrals: null, intakes: null, placements: 7, hours: 220 });
    expect(month('2026-11')).toEqual({ month: '2026-11', referrals: 0, intakes: 0, placements: 10, hours: 68 });
    expect(month('2025-12')).toEqual({ month: '2025-12', referrals: 0, intakes: 0, placements: 0, hours: 0 });
    expect(figures.perStage.filter((row) => row.participants !== 0)).toEqual([
      { stage: 'eerste-bezoek', participants: null },
      { stage: 'deelname', participants: 10 },
      { stage: 'evaluatie', participants: null },
    ]);
    expect(figures.offersPerMunicipality).toEqual([{ name: 'Ieper', participants: 7, offers: 1 }, { name: '', participants: 10, offers: 2 }]);
    // The sports club's first sector (sport) counts, not its second (jeugd).
    expect(figures.offersPerSector).toEqual([{ name: 'Kunsten', participants: 7, offers: 1 }, { name: '', participants: 10, offers: 2 }]);

    // Nowhere in the JSON or the XLSX a group of fewer than five, nor the name of the group of four.
    expect(smallGroupsIn(figures)).toEqual([]);
    const json = JSON.stringify(figures);
    expect(json).not.toContain('Diksmuide');
    expect(json).not.toMatch(/[:[,]4[,\]}]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await monitoringXlsx(figures, translatorFor('nl'))) as unknown as ExcelJS.Buffer);
    const cells: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cijfers over de trajecten', 'Per gemeente', 'Per stap', 'Per maand (laatste 12 maanden)', 'Gebruikt aanbod per gemeente', 'Gebruikt aanbod per sector']);
    expect(cells).toEqual(expect.arrayContaining(['Ieper', 10, 220, 'Kunsten', '09/2026', 'Bereikten 40 uur', 25]));
    expect(cells.filter((value) => value === 4 || value === '4')).toEqual([]);
    expect(cells.filter((value) => typeof value === 'string' && /Diksmuide|Jeugd/.test(value))).toEqual([]);
  });

  it('shows the group once it grows to five, without hiding its neighbour', async () => {
    const region = await knownRegion();
    const offer = await offerFactory(t.database.db, region.id, { title: 'Nog een', municipalityNis: DIKSMUIDE });
    await figureParticipantFactory(t.database.db, region.id, { municipalityNis: DIKSMUIDE, referredOn: '2026-08-20', stage: 'eerste-bezoek', placement: { offerId: offer, organizerActorId: null, acceptedOn: '2026-11-06' } });
    const figures = await monitoringFigures(t.database.db, region, { withAssignment: false, today: TODAY });
    expect(figures.perMunicipality.map((row) => [row.municipalityName, row.participants])).toEqual([['Ieper', 10], ['Poperinge', 6], ['Diksmuide', 5]]);
    expect(figures.perMonth.find((row) => row.month === '2026-08')!.referrals).toBe(5);
    expect(smallGroupsIn(figures)).toEqual([]);
  });
});
