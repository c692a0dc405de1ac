import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from '../plans/factories.js';
import { actors } from '../network/schema.js';
import { planActions, planChangeProposals, planChanges } from '../plans/schema.js';
import type { RegionRow } from '../../http/access.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { cofinancingShares, steeringGroupMembers } from './service.js';
import { sendWeeklyDigests } from './communication.js';
import { coopDecisions, coopOutbox } from './schema.js';

let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};
const ids: Record<string, string> = {};

let slug = '';
let base = '';

beforeAll(async () => {
  t = await createTestApp();
  await regionFactory(t.database.db, { slug: 'coop-andere' });
  emails.outsider = (await userFactory(t.database.db, { regionSlug: 'coop-andere', role: 'admin' })).email;
});

// A region of its own for every test, with one member per role: no test sees another's cooperants or meetings.
beforeEach(async () => {
  slug = `coop-${randomUUID().slice(0, 8)}`;
  base = `/api/regions/${slug}/cooperative`;
  region = await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021', '33016'] });
  for (const role of ['admin', 'editor', 'steering', 'viewer'] as const) {
    const user = await userFactory(t.database.db, { regionSlug: slug, role, name: `Naam ${role}` });
    emails[role] = user.email;
    ids[role] = user.userId;
  }
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);

async function municipalActor(name: string, nis: string): Promise<string> {
  const [row] = await t.database.db.insert(actors).values({ regionId: region.id, name, kind: 'lokaal-bestuur', municipalityNis: nis }).returning({ id: actors.id });
  return row!.id;
}

/** Three municipal cooperants (Ieper, Poperinge, Mesen) and a steering group; returns the member ids. */
async function setUpCooperative(admin: ApiClient): Promise<{ members: string[]; bodyId: string }> {
  const overview = (await admin.get(base)).json() as { members: { id: string }[]; bodies: { id: string; kind: string }[] };
  if (overview.members.length) return { members: overview.members.map((m) => m.id), bodyId: overview.bodies.find((b) => b.kind === 'stuurgroep')!.id };
  const members: string[] = [];
  for (const [name, nis] of [['Stad Ieper', '33011'], ['Stad Poperinge', '33021'], ['Stad Mesen', '33016']] as const) {
    const response = await admin.post(`${base}/members`, { actorId: await municipalActor(name, nis), memberSince: '2020-01-01' });
    expect(response.statusCode).toBe(201);
    members.push((response.json() as { id: string }).id);
  }
  const body = await admin.post(`${base}/bodies`, {
    kind: 'stuurgroep',
    name: 'Stuurgroep',
    quorum: 2,
    members: [
      { userId: ids.steering, role: 'secretaris', memberId: members[0] },
      { userId: ids.admin, role: 'voorzitter' },
      { userId: ids.viewer, role: 'lid' },
    ],
  });
  expect(body.statusCode).toBe(201);
  return { members, bodyId: (body.json() as { id: string }).id };
}

describe('cooperants and groups', () => {
  it('lets admins manage, members read, others nothing', async () => {
    const admin = await as('admin');
    const { members } = await setUpCooperative(admin);
    const overview = (await (await as('viewer')).get(base)).json() as { members: { actorName: string; municipalityName: string }[]; canManage: boolean; candidates: unknown };
    expect(overview.members.map((m) => m.actorName)).toEqual(['Stad Ieper', 'Stad Mesen', 'Stad Poperinge']);
    expect(overview.members[0]!.municipalityName).toBe('Ieper');
    expect(overview.canManage).toBe(false);
    expect(overview.candidates).toBeNull();
    expect((await (await as('steering')).post(`${base}/members`, { actorId: await municipalActor('X', '33011'), memberSince: '2020-01-01' })).statusCode).toBe(403);
    expect((await (await as('outsider')).get(base)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(base)).statusCode).toBe(401);
    expect((await admin.delete(`${base}/members/${members[0]}`.replace(slug, 'coop-andere'))).statusCode).toBe(403);
    const steering = await steeringGroupMembers(t.database.db, region.id);
    expect(steering.map((member) => [member.userId, member.role])).toContainEqual([ids.steering, 'secretaris']);
  });

  it('answers bad input with 400 and a Dutch reason per field', async () => {
    const admin = await as('admin');
    const response = await admin.post(`${base}/bodies`, { kind: 'werkgroep', name: '', members: [] });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields).toContainEqual({ path: 'name', message: expect.stringMatching(/verplicht|invullen/i) });
    await setUpCooperative(admin);
    const again = await admin.post(`${base}/bodies`, { kind: 'stuurgroep', name: 'Tweede stuurgroep', members: [] });
    expect(again.statusCode).toBe(400);
    expect((again.json() as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toBe('De regio heeft al een stuurgroep.');
  });
});

describe('co-financing', () => {
  it('computes contributions per key that sum exactly to the budget, with received and open amounts', async () => {
    const admin = await as('admin');
    const { members } = await setUpCooperative(admin);
    const created = await admin.post(`${base}/financing`, { year: 2031, budgetCents: 1_000_001, keyKind: 'inwoners' });
    expect(created.statusCode).toBe(201);
    const year = created.json() as { id: string; version: number; rows: { memberId: string; actorName: string; inhabitants: number; shareCents: number }[]; totals: { shareCents: number } };
    expect(year.totals.shareCents).toBe(1_000_001);
    const ieper = year.rows.find((row) => row.actorName === 'Stad Ieper')!;
    expect(ieper.inhabitants).toBe(35420);
    // 35420 / (35420 + 19860 + 1060) of the budget
    expect(Math.abs(ieper.shareCents - (1_000_001 * 35420) / 56340)).toBeLessThan(1);

    const shares = await admin.request('PUT', `${base}/financing/${year.id}/shares`, {
      version: year.version,
      rows: members.map((memberId, index) => ({ memberId, fixedCents: [500_000, 300_000, 200_001][index], receivedCents: index === 0 ? 100_000 : 0, receivedOn: index === 0 ? '2031-03-01' : null })),
    });
    expect(shares.statusCode).toBe(200);
    const afterShares = shares.json() as { version: number; totals: { receivedCents: number; openCents: number } };
    expect(afterShares.totals.receivedCents).toBe(100_000);
    expect(afterShares.totals.openCents).toBe(900_001);

    for (const [keyKind, weights] of [['gelijk', undefined], ['vast', undefined], ['mix', { equal: 30, inhabitants: 50, fixed: 20 }]] as const) {
      const current = (await admin.get(`${base}/financing/${year.id}`)).json() as { version: number };
      const updated = await admin.request('PUT', `${base}/financing/${year.id}`, { version: current.version, budgetCents: 1_000_001, keyKind, ...(weights ? { weights } : {}) });
      expect(updated.statusCode).toBe(200);
      const body = updated.json() as { totals: { shareCents: number }; rows: { shareCents: number }[] };
      expect(body.totals.shareCents).toBe(1_000_001);
      if (keyKind === 'gelijk') expect(body.rows.map((row) => row.shareCents).sort()).toEqual([333_333, 333_334, 333_334]);
      if (keyKind === 'vast') expect(body.rows.map((row) => row.shareCents).sort((a, b) => a - b)).toEqual([200_001, 300_000, 500_000]);
    }
    const stale = await admin.request('PUT', `${base}/financing/${year.id}`, { version: 1, budgetCents: 5, keyKind: 'gelijk' });
    expect(stale.statusCode).toBe(409);

    const weightsShares = await cofinancingShares(t.database.db, region.id, 2031);
    expect([...weightsShares.values()].reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 6);

    const xlsx = await (await as('viewer')).get(`${base}/financing/${year.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await as('viewer')).post(`${base}/financing`, { year: 2032, budgetCents: 1, keyKind: 'gelijk' })).statusCode).toBe(403);
  });
});

describe('meetings', () => {
  async function meetingWithProposal() {
    const admin = await as('admin');
    const { bodyId } = await setUpCooperative(admin);
    const plan = await planFactory(t.database.db, region, { status: 'goedgekeurd', title: `Plan ${Math.random()}` });
    const [action] = await t.database.db.select().from(planActions).where(eq(planActions.planId, plan.id)).limit(1);
    const proposal = await admin.post(`/api/regions/${slug}/plans/${plan.id}/actions/${action!.id}/proposals`, { changes: { description: 'Nieuwe omschrijving na de stuurgroep' }, reason: 'Afgesproken' });
    expect(proposal.statusCode).toBe(201);
    const proposalId = (proposal.json() as { id: string }).id;
    const meeting = await admin.post(`${base}/meetings`, {
      bodyId,
      title: 'Stuurgroep',
      startsAt: '2031-05-04T14:00:00+02:00',
      endsAt: '2031-05-04T16:00:00+02:00',
      location: 'Stadhuis',
      agenda: [
        { title: 'Voorstel', linkKind: 'voorstel', linkRef: proposalId },
        { title: 'Nota', linkKind: 'document', linkRef: 'https://example.org/nota.pdf' },
      ],
    });
    expect(meeting.statusCode).toBe(201);
    return { admin, plan, action: action!, proposalId, meetingId: (meeting.json() as { id: string }).id };
  }

  it('saves minutes with optimistic versions: a stale save is 409 with the other text', async () => {
    const { meetingId } = await meetingWithProposal();
    const secretary = await as('steering');
    const first = await secretary.request('PUT', `${base}/meetings/${meetingId}/minutes`, { minutes: 'Eerste tekst', minutesVersion: 1 });
    expect(first.statusCode).toBe(200);
    expect((first.json() as { minutesVersion: number }).minutesVersion).toBe(2);
    const other = await (await as('admin')).request('PUT', `${base}/meetings/${meetingId}/minutes`, { minutes: 'Andere tekst', minutesVersion: 1 });
    expect(other.statusCode).toBe(409);
    expect((other.json() as { error: { details: { current: { minutes: string; minutesUpdatedBy: string } } } }).error.details.current).toMatchObject({ minutes: 'Eerste tekst', minutesUpdatedBy: 'Naam steering' });
    expect((await (await as('viewer')).request('PUT', `${base}/meetings/${meetingId}/minutes`, { minutes: 'x', minutesVersion: 2 })).statusCode).toBe(403);
  });

  it('approving a proposal records the proposal decision, the plan history and the minutes in one go', async () => {
    const { meetingId, proposalId, action, plan } = await meetingWithProposal();
    const secretary = await as('steering');
    expect((await (await as('admin')).post(`${base}/meetings/${meetingId}/decisions`, { text: 'x' })).statusCode).toBe(403);
    const decision = await secretary.post(`${base}/meetings/${meetingId}/decisions`, { text: 'Het voorstel wordt goedgekeurd.', proposalId, outcome: 'goedgekeurd', minutes: 'Tekst tijdens de vergadering', minutesVersion: 1 });
    expect(decision.statusCode).toBe(201);
    const body = decision.json() as { reference: string; number: number; proposal: { outcome: string } };
    expect(body.reference).toMatch(/^2031\/\d+$/);
    expect(body.proposal.outcome).toBe('goedgekeurd');
    const [proposal] = await t.database.db.select().from(planChangeProposals).where(eq(planChangeProposals.id, proposalId));
    expect(proposal!.status).toBe('goedgekeurd');
    expect(proposal!.decisionComment).toContain(body.reference);
    const history = await t.database.db.select().from(planChanges).where(eq(planChanges.proposalId, proposalId));
    expect(history).toHaveLength(1);
    const [changed] = await t.database.db.select().from(planActions).where(eq(planActions.id, action.id));
    expect(changed!.description).toBe('Nieuwe omschrijving na de stuurgroep');
    const meeting = (await secretary.get(`${base}/meetings/${meetingId}`)).json() as { minutes: string; minutesVersion: number; decisions: { id: string }[]; agenda: { linkHref: string | null }[] };
    expect(meeting.minutes).toContain('Tekst tijdens de vergadering');
    expect(meeting.minutes).toContain(`Besluit ${body.reference}: Het voorstel wordt goedgekeurd.`);
    expect(meeting.minutesVersion).toBe(2);
    expect(meeting.decisions).toHaveLength(1);
    expect(meeting.agenda[0]!.linkHref).toBe(`/r/${slug}/plannen/${plan.id}`);

    // Deciding the same proposal again fails, and nothing of the second decision stays behind.
    const before = (await t.database.db.select().from(coopDecisions).where(eq(coopDecisions.meetingId, meetingId))).length;
    const again = await secretary.post(`${base}/meetings/${meetingId}/decisions`, { text: 'Nog eens', proposalId });
    expect(again.statusCode).toBe(409);
    expect((await t.database.db.select().from(coopDecisions).where(eq(coopDecisions.meetingId, meetingId))).length).toBe(before);
    const after = (await secretary.get(`${base}/meetings/${meetingId}`)).json() as { minutes: string };
    expect(after.minutes).not.toContain('Nog eens');
  });

  it('numbers decisions per year', async () => {
    const { meetingId } = await meetingWithProposal();
    const secretary = await as('steering');
    const a = (await secretary.post(`${base}/meetings/${meetingId}/decisions`, { text: 'Een' })).json() as { number: number };
    const b = (await secretary.post(`${base}/meetings/${meetingId}/decisions`, { text: 'Twee' })).json() as { number: number };
    expect(b.number).toBe(a.number + 1);
  });

  it('tracks attendance and quorum, hides members-only minutes from the public, mails iCal invitations', async () => {
    const { meetingId, admin } = await meetingWithProposal();
    const attendance = await admin.request('PUT', `${base}/meetings/${meetingId}/attendance`, { rows: [{ userId: ids.steering, status: 'aanwezig' }] });
    expect((attendance.json() as { quorum: unknown }).quorum).toEqual({ needed: 2, present: 1, reached: false });
    const done = await admin.request('PUT', `${base}/meetings/${meetingId}/attendance`, { rows: [{ userId: ids.admin, status: 'aanwezig' }] });
    expect((done.json() as { quorum: { reached: boolean } }).quorum.reached).toBe(true);
    expect((await admin.request('PUT', `${base}/meetings/${meetingId}/attendance`, { rows: [{ userId: ids.editor, status: 'aanwezig' }] })).statusCode).toBe(400);

    const anonymous = (await new ApiClient(t.app).get(`${base}/meetings/${meetingId}`)).json() as { minutes: string | null; attendance: unknown[] };
    expect(anonymous.minutes).toBeNull();
    expect(anonymous.attendance).toEqual([]);
    expect((await new ApiClient(t.app).get(`${base}/meetings/${meetingId}/minutes.pdf`)).statusCode).toBe(404);
    const pdf = await (await as('viewer')).get(`${base}/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    t.sentMail.length = 0;
    const sent = await admin.post(`${base}/meetings/${meetingId}/invitations`);
    expect(sent.json()).toEqual({ sent: 3, delivered: false });
    const mail = t.sentMail.find((candidate) => candidate.to === emails.steering)!;
    expect(mail.subject).toContain('Uitnodiging Stuurgroep');
    const ics = mail.attachments![0]!;
    expect(ics.filename).toBe('uitnodiging.ics');
    expect(ics.content).toContain('BEGIN:VEVENT');
    expect(ics.content).toContain(`UID:meeting-${meetingId}@regiekamer.test`);
    expect(ics.content).toContain('DTSTART:20310504T120000Z');
    expect(ics.content).toContain('METHOD:REQUEST');
    const outbox = (await admin.get(`${base}/outbox`)).json() as { delivered: boolean; items: { recipient: string; attachmentNames: string[] }[] };
    expect(outbox.delivered).toBe(false);
    expect(outbox.items.find((item) => item.recipient === emails.steering)!.attachmentNames).toEqual(['uitnodiging.ics']);
  });

  it('edits a meeting and an action point with versions (409 when stale) and offers the plan actions to link', async () => {
    const { admin, action, meetingId } = await meetingWithProposal();
    const detail = (await admin.get(`${base}/meetings/${meetingId}`)).json() as { version: number; planActionOptions: { id: string }[] };
    expect(detail.planActionOptions.map((option) => option.id)).toContain(action.id);
    expect(((await (await as('viewer')).get(`${base}/meetings/${meetingId}`)).json() as { planActionOptions: unknown[] }).planActionOptions).toEqual([]);
    // The page's buttons follow the policy table: minutes by admin and steering group, decisions by the steering group only.
    for (const [role, flags] of [['admin', { canEdit: true, canDecide: false }], ['steering', { canEdit: true, canDecide: true }], ['viewer', { canEdit: false, canDecide: false }]] as const) {
      expect((await (await as(role)).get(`${base}/meetings/${meetingId}`)).json(), role).toMatchObject(flags);
    }
    const edit = { title: 'Stuurgroep (verplaatst)', startsAt: '2031-05-11T14:00:00+02:00', endsAt: '2031-05-11T16:00:00+02:00', location: '', videoUrl: 'https://meet.example.org/sg', agenda: [{ title: 'Enig punt' }] };
    const changed = await admin.request('PUT', `${base}/meetings/${meetingId}`, { ...edit, version: detail.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as { agenda: { title: string }[]; videoUrl: string }).agenda.map((item) => item.title)).toEqual(['Enig punt']);
    const stale = await admin.request('PUT', `${base}/meetings/${meetingId}`, { ...edit, title: 'Oud', version: detail.version });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { details: { current: { title: string } } } }).error.details.current.title).toBe('Stuurgroep (verplaatst)');

    const point = await admin.post(`${base}/meetings/${meetingId}/action-points`, { description: 'Offerte opvragen', assigneeUserId: ids.steering, dueOn: '2031-06-01', planActionId: action.id });
    expect(point.statusCode, point.body).toBe(201);
    const pointId = (point.json() as { id: string }).id;
    const body = { description: 'Offerte opvragen', assigneeUserId: ids.steering, dueOn: '2031-06-01', planActionId: action.id, status: 'klaar' };
    expect((await admin.request('PUT', `${base}/action-points/${pointId}`, { ...body, version: 1 })).statusCode).toBe(200);
    expect((await admin.request('PUT', `${base}/action-points/${pointId}`, { ...body, status: 'open', version: 1 })).statusCode).toBe(409);
    const points = ((await admin.get(`${base}/meetings/${meetingId}`)).json() as { actionPoints: { status: string; planAction: { id: string } | null }[] }).actionPoints;
    expect(points).toEqual([expect.objectContaining({ status: 'klaar', planAction: expect.objectContaining({ id: action.id }) })]);
  });

  it('answers 409 with the current year when shares are saved on a stale version', async () => {
    const admin = await as('admin');
    const { members } = await setUpCooperative(admin);
    const year = (await admin.post(`${base}/financing`, { year: 2031, budgetCents: 300_000, keyKind: 'vast' })).json() as { id: string; version: number };
    const rows = members.map((memberId, index) => ({ memberId, fixedCents: (index + 1) * 100_000, receivedCents: 0 }));
    expect((await admin.request('PUT', `${base}/financing/${year.id}/shares`, { version: year.version, rows })).statusCode).toBe(200);
    const stale = await admin.request('PUT', `${base}/financing/${year.id}/shares`, { version: year.version, rows: rows.map((row) => ({ ...row, fixedCents: 1 })) });
    expect(stale.statusCode).toBe(409);
    const current = (stale.json() as { error: { details: { current: { version: number; rows: { fixedCents: number }[] } } } }).error.details.current;
    expect(current.version).toBe(year.version + 1);
    expect(current.rows.map((row) => row.fixedCents).sort()).toEqual([100_000, 200_000, 300_000]);
  });

  it('rejects agenda links outside the region and dates in the wrong order', async () => {
    const admin = await as('admin');
    const { bodyId } = await setUpCooperative(admin);
    const response = await admin.post(`${base}/meetings`, {
      bodyId,
      title: 'X',
      startsAt: '2031-05-04T14:00:00+02:00',
      endsAt: '2031-05-04T12:00:00+02:00',
      agenda: [{ title: 'Y', linkKind: 'actie', linkRef: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: { path: string; message: string }[] } }).error.fields).toContainEqual({ path: 'endsAt', message: 'Het einde ligt vóór het begin.' });
  });
});

describe('weekly digest', () => {
  it('mails members what happened last week once, respecting their settings', async () => {
    const digestRegion = await regionFactory(t.database.db, { slug: 'digest-regio' });
    const wants = await userFactory(t.database.db, { regionSlug: 'digest-regio', role: 'viewer' });
    const refuses = await userFactory(t.database.db, { regionSlug: 'digest-regio', role: 'viewer' });
    const client = await new ApiClient(t.app).login(refuses.email, TEST_PASSWORD);
    expect((await client.request('PUT', '/api/regions/digest-regio/cooperative/notification-settings', { weeklyDigest: false, meetingInvitations: true, newsletter: true })).statusCode).toBe(200);
    const now = new Date('2031-06-11T09:00:00Z');
    await t.database.db.insert(actors).values({ regionId: digestRegion.id, name: 'Nieuwe fanfare', createdAt: new Date('2031-06-03T10:00:00Z') });
    t.sentMail.length = 0;
    const result = await sendWeeklyDigests(t.database.db, t.app.ctx.mailer, { now, baseUrl: 'http://regiekamer.test', t: translatorFor('nl') });
    expect(result.regions).toBeGreaterThanOrEqual(1);
    const mails = t.sentMail.filter((mail) => mail.to === wants.email || mail.to === refuses.email);
    expect(mails.map((mail) => mail.to)).toEqual([wants.email]);
    expect(mails[0]!.text).toContain('Nieuw op de netwerkkaart: Nieuwe fanfare');
    const again = await sendWeeklyDigests(t.database.db, t.app.ctx.mailer, { now, baseUrl: 'http://regiekamer.test', t: translatorFor('nl') });
    expect(t.sentMail.filter((mail) => mail.to === wants.email)).toHaveLength(1);
    expect(again.mails).toBe(0);
    const logged = await t.database.db.select().from(coopOutbox).where(eq(coopOutbox.recipient, wants.email));
    expect(logged.map((row) => row.kind)).toEqual(['digest']);
  });
});
