// The newsletter (seed 000, actions 50–51): a draft composed from the network's activity, edited by the
// regisseur, previewed, sent to the subscribers as a job, and kept as an archive with a web version.
import { and, asc, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TFunction } from 'i18next';
import type { DatabaseHandle, Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import { enqueueJob } from '../../jobs/queue.js';
import type { Mailer } from '../accounts/mailer.js';
import type { Role } from '../accounts/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import { offers } from '../catalog/schema.js';
import { actors, relations } from '../network/schema.js';
import { planActions, planMilestones, plans } from '../plans/schema.js';
import { regions } from '../regions/schema.js';
import { formatDate } from '../../../common/format.js';
import type { DigestItem, Newsletter, newsletterInputSchema, newsletterUpdateSchema } from '../../../common/schemas/cooperative.js';
import type { z } from 'zod';
import { decisions, newActors, type DigestSource } from './communication.js';
import { steeringGroupMembers } from './members.js';
import { coopNewsletterDeliveries, coopNewsletters, coopNotificationSettings, coopOutbox } from './schema.js';
import { assertUuid, conflict, type Executor } from './shared.js';

export const NEWSLETTER_SEND_JOB = 'cooperative.newsletter-send';
const DRAFT_ITEMS_PER_SOURCE = 5;

type NewsletterRow = typeof coopNewsletters.$inferSelect;

const newRelations: DigestSource = async (db, region, from, to, t) => {
  const source = alias(actors, 'source_actor');
  const target = alias(actors, 'target_actor');
  const rows = await db
    .select({ sourceId: relations.sourceActorId, createdAt: relations.createdAt, from: source.name, to: target.name })
    .from(relations)
    .innerJoin(source, eq(source.id, relations.sourceActorId))
    .innerJoin(target, eq(target.id, relations.targetActorId))
    .where(and(eq(relations.regionId, region.id), eq(source.isPublic, true), eq(target.isPublic, true), gte(relations.createdAt, from), lt(relations.createdAt, to)))
    .orderBy(desc(relations.createdAt))
    .limit(20);
  return rows.map((row) => ({ kind: 'relation', title: t('cooperative.newsletter.newRelation', { from: row.from, to: row.to }) as string, text: '', url: `/r/${region.slug}/netwerk/actoren/${row.sourceId}`, date: row.createdAt.toISOString() }));
};

const publishedOffers: DigestSource = async (db, region, from, to, t) => {
  const rows = await db
    .select({ id: offers.id, title: offers.title, description: offers.description, createdAt: offers.createdAt })
    .from(offers)
    .where(and(eq(offers.regionId, region.id), eq(offers.status, 'published'), gte(offers.createdAt, from), lt(offers.createdAt, to)))
    .orderBy(desc(offers.createdAt))
    .limit(20);
  return rows.map((row) => ({ kind: 'offer', title: t('cooperative.newsletter.offerPublished', { title: row.title }) as string, text: row.description.slice(0, 300), url: `/r/${region.slug}/aanbod/${row.id}`, date: row.createdAt.toISOString() }));
};

/** Milestones have no change time of their own: a reached ('behaald') milestone counts when its end date falls in the period. */
const milestonesReached: DigestSource = async (db, region, from, to, t) => {
  const rows = await db
    .select({ title: planMilestones.title, endDate: planMilestones.endDate, planId: plans.id, actionId: planActions.id, actionNumber: planActions.number, actionTitle: planActions.title })
    .from(planMilestones)
    .innerJoin(plans, eq(plans.id, planMilestones.planId))
    .innerJoin(planActions, eq(planActions.id, planMilestones.actionId))
    .where(
      and(
        eq(plans.regionId, region.id),
        ne(plans.status, 'ontwerp'),
        eq(planMilestones.status, 'behaald'),
        gte(planMilestones.endDate, from.toISOString().slice(0, 10)),
        lt(planMilestones.endDate, to.toISOString().slice(0, 10)),
      ),
    )
    .orderBy(asc(planMilestones.endDate))
    .limit(20);
  return rows.map((row) => ({
    kind: 'milestone',
    title: t('cooperative.newsletter.milestoneReached', { title: row.title }) as string,
    text: `${row.actionNumber} ${row.actionTitle}`,
    url: `/r/${region.slug}/plannen/${row.planId}/acties/${row.actionId}`,
    date: row.endDate,
  }));
};

/** What a newsletter reports on: new actors and relations, published offers, plan milestones reached, decisions taken. */
export const NEWSLETTER_SOURCES: DigestSource[] = [newActors, newRelations, publishedOffers, milestonesReached, decisions];

function present(row: NewsletterRow, slug: string): Newsletter {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    items: row.items,
    status: row.status,
    audience: row.audience,
    sentAt: row.sentAt?.toISOString() ?? null,
    recipientCount: row.recipientCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    jobId: row.jobId,
    webPath: `/r/${slug}/cooperatie/nieuwsbrief/${row.id}`,
  };
}

/** Whether a viewer may read an issue: drafts only admins, members-only issues members, public issues everyone. */
function mayRead(row: NewsletterRow, role: Role | null): boolean {
  if (memberCan({ role }, 'coop.manage')) return true;
  if (row.status !== 'verzonden') return false;
  return row.audience === 'publiek' || role !== null;
}

/** The archive: every issue for admins, sent ones for members, public sent ones for everyone (newest first). */
export async function listNewsletters(db: Executor, region: RegionRow, role: Role | null): Promise<Newsletter[]> {
  const rows = await db.select().from(coopNewsletters).where(eq(coopNewsletters.regionId, region.id)).orderBy(desc(coopNewsletters.createdAt));
  return rows.filter((row) => mayRead(row, role)).map((row) => present(row, region.slug));
}

async function newsletterRow(db: Executor, regionId: string, id: string): Promise<NewsletterRow> {
  assertUuid(id);
  const [row] = await db.select().from(coopNewsletters).where(and(eq(coopNewsletters.id, id), eq(coopNewsletters.regionId, regionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The mail subscribers get: subject and plain text with every item's link and the web version. */
export function newsletterMail(newsletter: Pick<Newsletter, 'title' | 'intro' | 'items' | 'webPath'>, region: { name: string; slug: string }, baseUrl: string, t: TFunction): { subject: string; text: string } {
  const lines = [newsletter.title, '', ...(newsletter.intro.trim() ? [newsletter.intro.trim(), ''] : [])];
  for (const item of newsletter.items) {
    lines.push(`■ ${item.title}`);
    if (item.text.trim()) lines.push(item.text.trim());
    if (item.url) lines.push(item.url.startsWith('/') ? `${baseUrl}${item.url}` : item.url);
    lines.push('');
  }
  lines.push(t('cooperative.newsletter.mailFooter', { url: `${baseUrl}${newsletter.webPath}`, settings: `${baseUrl}/r/${region.slug}/cooperatie/instellingen` }) as string);
  return { subject: `${region.name}: ${newsletter.title}`, text: lines.join('\n') };
}

/** One issue as the viewer may see it (404 otherwise); admins get the mail preview too. */
export async function getNewsletter(db: Executor, region: RegionRow, id: string, role: Role | null, baseUrl: string, t: TFunction) {
  const row = await newsletterRow(db, region.id, id);
  if (!mayRead(row, role)) throw new AppError('NOT_FOUND');
  const newsletter = present(row, region.slug);
  const canManage = memberCan({ role }, 'coop.manage');
  return { ...newsletter, mail: canManage ? newsletterMail(newsletter, region, baseUrl, t) : null, canManage };
}

/** Composes a draft from what happened in the region in the last `days` days; the regisseur edits it afterwards. */
export async function composeNewsletterDraft(db: Db, region: RegionRow, days: number, userId: string, t: TFunction, now = new Date()): Promise<Newsletter> {
  const from = new Date(now.getTime() - days * 86_400_000);
  const lists = await Promise.all(NEWSLETTER_SOURCES.map((source) => source(db, region, from, now, t)));
  // A newsletter is read, not searched: the newest few of each kind; the regisseur adds or removes.
  const items: DigestItem[] = lists.flatMap((list) => list.slice(0, DRAFT_ITEMS_PER_SOURCE));
  const [row] = await db
    .insert(coopNewsletters)
    .values({ regionId: region.id, title: t('cooperative.newsletter.defaultTitle', { region: region.name, date: formatDate(now) }) as string, intro: '', items, createdBy: userId })
    .returning();
  await recordChange(db, { regionId: region.id, userId, entityType: 'coop_newsletter', entityId: row!.id, action: 'create' });
  return present(row!, region.slug);
}

/** Changes a draft: title, intro, audience, the chosen items in their order (optimistic version; a sent issue is 409). */
export async function updateNewsletter(db: Db, region: RegionRow, id: string, input: z.infer<typeof newsletterUpdateSchema>, userId: string): Promise<Newsletter> {
  const before = await newsletterRow(db, region.id, id);
  const fields: z.infer<typeof newsletterInputSchema> = { title: input.title, intro: input.intro, audience: input.audience, items: input.items };
  const [row] = await db
    .update(coopNewsletters)
    .set({ ...fields, version: input.version + 1 })
    .where(and(eq(coopNewsletters.id, id), eq(coopNewsletters.version, input.version), eq(coopNewsletters.status, 'concept')))
    .returning();
  if (!row) throw conflict(present(before, region.slug));
  await recordChange(db, { regionId: region.id, userId, entityType: 'coop_newsletter', entityId: id, action: 'update', changes: { title: { before: before.title, after: row.title } } });
  return present(row, region.slug);
}

/**
 * Sends a draft: claims it ('verzenden', so it can no longer change or be sent twice; 409 when stale or
 * already sent) and enqueues the job that mails the subscribers.
 */
export async function sendNewsletter(database: DatabaseHandle, region: RegionRow, id: string, input: { version: number; recipients: 'leden' | 'stuurgroep' }, options: { userId: string; baseUrl: string }) {
  const db = database.db;
  const before = await newsletterRow(db, region.id, id);
  const [claimed] = await db
    .update(coopNewsletters)
    .set({ status: 'verzenden', version: input.version + 1 })
    .where(and(eq(coopNewsletters.id, id), eq(coopNewsletters.version, input.version), eq(coopNewsletters.status, 'concept')))
    .returning();
  if (!claimed) throw conflict(present(before, region.slug));
  const jobId = await enqueueJob(database, { kind: NEWSLETTER_SEND_JOB, regionId: region.id, createdBy: options.userId, payload: { newsletterId: id, recipients: input.recipients, baseUrl: options.baseUrl } });
  await db.update(coopNewsletters).set({ jobId }).where(eq(coopNewsletters.id, id));
  await recordChange(db, { regionId: region.id, userId: options.userId, entityType: 'coop_newsletter', entityId: id, action: 'update', changes: { status: { before: 'concept', after: 'verzenden' } } });
  return { jobId, status: 'verzenden' as const };
}

/** The subscribers: the region's members (or the steering group) who did not turn the newsletter off. */
async function subscribers(db: Executor, regionId: string, recipients: 'leden' | 'stuurgroep'): Promise<{ userId: string; email: string }[]> {
  const rows = await db
    .select({ userId: users.id, email: users.email, newsletter: coopNotificationSettings.newsletter })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(coopNotificationSettings, and(eq(coopNotificationSettings.userId, users.id), eq(coopNotificationSettings.regionId, regionId)))
    .where(eq(memberships.regionId, regionId))
    .orderBy(asc(users.email));
  let wanted = rows.filter((row) => row.newsletter !== false);
  if (recipients === 'stuurgroep') {
    const steering = new Set((await steeringGroupMembers(db, regionId)).map((member) => member.userId));
    wanted = wanted.filter((row) => steering.has(row.userId));
  }
  return wanted.map(({ userId, email }) => ({ userId, email }));
}

/**
 * The send job: mails every subscriber once. Each delivery row commits with its mail (a failing mail
 * rolls its row back, so the retry sends it); a retried job skips those already mailed.
 */
export async function deliverNewsletter(db: Db, mailer: Mailer, payload: { newsletterId: string; recipients: 'leden' | 'stuurgroep'; baseUrl: string }, t: TFunction): Promise<{ sent: number; recipients: number }> {
  const [row] = await db.select().from(coopNewsletters).where(eq(coopNewsletters.id, payload.newsletterId));
  if (!row) return { sent: 0, recipients: 0 };
  const [region] = await db.select({ id: regions.id, name: regions.name, slug: regions.slug }).from(regions).where(eq(regions.id, row.regionId));
  const mail = newsletterMail(present(row, region!.slug), region!, payload.baseUrl, t);
  const people = await subscribers(db, row.regionId, payload.recipients);
  let sent = 0;
  for (const person of people) {
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(coopNewsletterDeliveries).values({ newsletterId: row.id, userId: person.userId }).onConflictDoNothing().returning();
      if (inserted.length === 0) return;
      await mailer.send({ to: person.email, subject: mail.subject, text: mail.text });
      await tx.insert(coopOutbox).values({ regionId: row.regionId, kind: 'nieuwsbrief', recipient: person.email, subject: mail.subject, body: mail.text, delivered: mailer.configured });
      sent += 1;
    });
  }
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(coopNewsletterDeliveries).where(eq(coopNewsletterDeliveries.newsletterId, row.id));
  await db.update(coopNewsletters).set({ status: 'verzonden', sentAt: row.sentAt ?? new Date(), recipientCount: Number(count) }).where(eq(coopNewsletters.id, row.id));
  return { sent, recipients: Number(count) };
}
