import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import type { RegionRow } from '../../http/access.js';
import { runNextJob } from '../../jobs/queue.js';
import { actors, relations } from '../network/schema.js';
import { offers } from '../catalog/schema.js';
import { deliverNewsletter, NEWSLETTER_SEND_JOB } from './newsletter.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { coopOutbox } from './schema.js';

let t: TestApp;
let region: RegionRow;
let slug = '';
let base = '';
const emails: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// A region of its own per test: an admin, two members (one turned the newsletter off) and some activity.
beforeEach(async () => {
  slug = `nieuws-${randomUUID().slice(0, 8)}`;
  base = `/api/regions/${slug}/cooperative/newsletters`;
  region = await regionFactory(t.database.db, { slug });
  for (const role of ['admin', 'viewer', 'editor'] as const) emails[role] = (await userFactory(t.database.db, { regionSlug: slug, role })).email;
  const db = t.database.db;
  const [fanfare, bib] = await db
    .insert(actors)
    .values([
      { regionId: region.id, name: 'Fanfare De Eendracht' },
      { regionId: region.id, name: 'Bibliotheek Ieper' },
    ])
    .returning({ id: actors.id });
  await db.insert(relations).values({ regionId: region.id, sourceActorId: fanfare!.id, targetActorId: bib!.id, type: 'samenwerking' });
  await db.insert(offers).values({ regionId: region.id, title: 'Voorleesuur voor peuters', status: 'published' });
  await db.insert(offers).values({ regionId: region.id, title: 'Nog niet klaar', status: 'draft' });
});

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);

async function draft(admin: ApiClient) {
  const response = await admin.post(base, { days: 30 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; title: string; version: number; items: { kind: string; title: string; text: string; url: string | null; date: string | null }[]; status: string };
}

describe('newsletter', () => {
  it('composes a draft from the network’s recent activity', async () => {
    const issue = await draft(await as('admin'));
    expect(issue.status).toBe('concept');
    const titles = issue.items.map((item) => item.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Nieuw op de netwerkkaart: Fanfare De Eendracht', 'Nieuwe samenwerking: Fanfare De Eendracht en Bibliotheek Ieper', 'Nieuw aanbod: Voorleesuur voor peuters']),
    );
    expect(titles).not.toContain('Nieuw aanbod: Nog niet klaar');
  });

  it('lets the admin edit and preview a draft, hides drafts from members, and answers 409 on a stale version', async () => {
    const admin = await as('admin');
    const issue = await draft(admin);
    const chosen = [{ ...issue.items.find((item) => item.kind === 'offer')!, text: 'Elke woensdag in de bib.' }];
    const saved = await admin.request('PUT', `${base}/${issue.id}`, { title: 'Nieuws uit de regio', intro: 'Dag iedereen,', audience: 'publiek', items: chosen, version: issue.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await admin.request('PUT', `${base}/${issue.id}`, { title: 'Oud', intro: '', items: [], version: issue.version });
    expect(stale.statusCode).toBe(409);
    const bad = await admin.request('PUT', `${base}/${issue.id}`, { title: '', items: [], version: issue.version + 1 });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { path: string }[] } }).error.fields.map((field) => field.path)).toContain('title');
    const preview = (await admin.get(`${base}/${issue.id}`)).json() as { mail: { subject: string; text: string } };
    expect(preview.mail.subject).toContain('Nieuws uit de regio');
    expect(preview.mail.text).toContain('Elke woensdag in de bib.');
    expect(preview.mail.text).toMatch(new RegExp(`/r/${slug}/cooperatie/nieuwsbrief/${issue.id}`));
    const viewer = await as('viewer');
    expect((await viewer.get(`${base}/${issue.id}`)).statusCode).toBe(404);
    expect(((await viewer.get(base)).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('sends to the subscribers as a job, once, and then archives it for members or the public', async () => {
    const admin = await as('admin');
    const viewer = await as('viewer');
    expect((await viewer.request('PUT', `/api/regions/${slug}/cooperative/notification-settings`, { weeklyDigest: true, meetingInvitations: true, newsletter: false })).statusCode).toBe(200);
    const issue = await draft(admin);
    const sent = await admin.post(`${base}/${issue.id}/send`, { version: issue.version });
    expect(sent.statusCode, sent.body).toBe(202);
    // Sending claimed the draft: a second send and an edit are refused.
    expect((await admin.post(`${base}/${issue.id}/send`, { version: issue.version })).statusCode).toBe(409);
    expect((await admin.request('PUT', `${base}/${issue.id}`, { title: 'Te laat', items: [], version: issue.version + 1 })).statusCode).toBe(409);
    while (await runNextJob(t.database, 'test', [NEWSLETTER_SEND_JOB])) {
      // Runs the send job (and any left by other tests) to the end.
    }
    const logged = await t.database.db.select().from(coopOutbox).where(eq(coopOutbox.regionId, region.id));
    expect(logged.map((row) => row.recipient).sort()).toEqual([emails.admin, emails.editor].sort());
    expect(logged.every((row) => row.kind === 'nieuwsbrief')).toBe(true);
    // A retried job (e.g. after a crash) mails no one twice.
    const again = await deliverNewsletter(t.database.db, t.app.ctx.mailer, { newsletterId: issue.id, recipients: 'leden', baseUrl: 'http://regiekamer.test' }, translatorFor('nl'));
    expect(again).toEqual({ sent: 0, recipients: 2 });
    expect(await t.database.db.select().from(coopOutbox).where(eq(coopOutbox.regionId, region.id))).toHaveLength(2);
    const archived = (await admin.get(`${base}/${issue.id}`)).json() as { status: string; recipientCount: number; sentAt: string | null };
    expect(archived).toMatchObject({ status: 'verzonden', recipientCount: 2 });
    // Members-only by default: members read it, the public does not.
    expect((await viewer.get(`${base}/${issue.id}`)).statusCode).toBe(200);
    expect((await new ApiClient(t.app).get(`${base}/${issue.id}`)).statusCode).toBe(404);
    expect(((await new ApiClient(t.app).get(base)).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('lets the public read a public issue once sent, and no one from another region edit it', async () => {
    const admin = await as('admin');
    const issue = await draft(admin);
    const saved = (await admin.request('PUT', `${base}/${issue.id}`, { title: 'Publiek nummer', intro: '', audience: 'publiek', items: [], version: issue.version })).json() as { version: number };
    expect((await admin.post(`${base}/${issue.id}/send`, { version: saved.version })).statusCode).toBe(202);
    while (await runNextJob(t.database, 'test', [NEWSLETTER_SEND_JOB])) {
      // Runs the send job to the end.
    }
    const anonymous = new ApiClient(t.app);
    const page = await anonymous.get(`${base}/${issue.id}`);
    expect(page.statusCode).toBe(200);
    expect((page.json() as { title: string; mail: unknown }).title).toBe('Publiek nummer');
    expect((page.json() as { mail: unknown }).mail).toBeNull();
    await regionFactory(t.database.db, { slug: `${slug}-b` });
    const outsider = await new ApiClient(t.app).login((await userFactory(t.database.db, { regionSlug: `${slug}-b`, role: 'admin' })).email, TEST_PASSWORD);
    expect((await outsider.post(base, { days: 7 })).statusCode).toBe(403);
  });
});
