// Communication: notification settings, the weekly digest (a scheduled job) and the outbox of sent mails.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Mailer } from '../accounts/mailer.js';
import { memberships, users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { planChanges, plans } from '../plans/schema.js';
import { regions } from '../regions/schema.js';
import { formatDate } from '../../../common/format.js';
import type { DigestItem } from '../../../common/schemas/cooperative.js';
import type { TFunction } from 'i18next';
import { coopBodies, coopDecisions, coopDigests, coopMeetings, coopNotificationSettings, coopOutbox } from './schema.js';
import type { Executor } from './shared.js';

type RegionRef = { id: string; slug: string };

/** One source of digest items: what happened in a region between two moments. Other domains' sources are appended to DIGEST_SOURCES. */
export type DigestSource = (db: Executor, region: RegionRef, from: Date, to: Date, t: TFunction) => Promise<DigestItem[]>;

export const newActors: DigestSource = async (db, region, from, to, t) => {
  const rows = await db
    .select({ id: actors.id, name: actors.name, createdAt: actors.createdAt })
    .from(actors)
    .where(and(eq(actors.regionId, region.id), eq(actors.isPublic, true), gte(actors.createdAt, from), lt(actors.createdAt, to)))
    .orderBy(desc(actors.createdAt))
    .limit(20);
  return rows.map((row) => ({ kind: 'actor', title: t('cooperative.digest.newActor', { name: row.name }) as string, text: '', url: `/r/${region.slug}/netwerk/actoren/${row.id}`, date: row.createdAt.toISOString() }));
};

const planChangeCounts: DigestSource = async (db, region, from, to, t) => {
  const rows = await db
    .select({ planId: plans.id, title: plans.title, changes: sql<number>`count(*)::int` })
    .from(planChanges)
    .innerJoin(plans, eq(plans.id, planChanges.planId))
    .where(and(eq(plans.regionId, region.id), sql`${plans.status} <> 'ontwerp'`, gte(planChanges.createdAt, from), lt(planChanges.createdAt, to)))
    .groupBy(plans.id, plans.title);
  return rows.map((row) => ({ kind: 'plan', title: t('cooperative.digest.planChanged', { title: row.title, count: Number(row.changes) }) as string, text: '', url: `/r/${region.slug}/plannen/${row.planId}`, date: null }));
};

export const decisions: DigestSource = async (db, region, from, to, t) => {
  const rows = await db
    .select({ year: coopDecisions.year, number: coopDecisions.number, text: coopDecisions.text, meetingId: coopDecisions.meetingId, createdAt: coopDecisions.createdAt })
    .from(coopDecisions)
    .innerJoin(coopMeetings, eq(coopMeetings.id, coopDecisions.meetingId))
    .where(and(eq(coopDecisions.regionId, region.id), eq(coopMeetings.minutesPublic, true), gte(coopDecisions.createdAt, from), lt(coopDecisions.createdAt, to)));
  return rows.map((row) => ({
    kind: 'decision',
    title: t('cooperative.decisions.reference', { reference: `${row.year}/${row.number}` }) as string,
    text: row.text,
    url: `/r/${region.slug}/cooperatie/vergaderingen/${row.meetingId}`,
    date: row.createdAt.toISOString(),
  }));
};

const upcomingMeetings: DigestSource = async (db, region, _from, to, t) => {
  const until = new Date(to.getTime() + 14 * 86_400_000);
  const rows = await db
    .select({ id: coopMeetings.id, title: coopMeetings.title, startsAt: coopMeetings.startsAt, body: coopBodies.name })
    .from(coopMeetings)
    .innerJoin(coopBodies, eq(coopBodies.id, coopMeetings.bodyId))
    .where(and(eq(coopMeetings.regionId, region.id), gte(coopMeetings.startsAt, to), lt(coopMeetings.startsAt, until)));
  return rows.map((row) => ({
    kind: 'meeting',
    title: t('cooperative.digest.meeting', { body: row.body, date: formatDate(row.startsAt) }) as string,
    text: row.title,
    url: `/r/${region.slug}/cooperatie/vergaderingen/${row.id}`,
    date: row.startsAt.toISOString(),
  }));
};

/** Where digest and newsletter items come from; a domain with news (polls, offers) appends its source here. */
export const DIGEST_SOURCES: DigestSource[] = [newActors, planChangeCounts, decisions, upcomingMeetings];

/** Everything the sources report for a region in a period. */
export async function collectDigestItems(db: Executor, region: RegionRef, from: Date, to: Date, t: TFunction): Promise<DigestItem[]> {
  const lists = await Promise.all(DIGEST_SOURCES.map((source) => source(db, region, from, to, t)));
  return lists.flat();
}

/** The Monday (UTC) of the week a moment falls in, as yyyy-mm-dd. */
export function weekStart(moment: Date): string {
  const day = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** A user's notification settings in a region (all on until they change them). */
export async function getNotificationSettings(db: Executor, userId: string, regionId: string) {
  const [row] = await db.select().from(coopNotificationSettings).where(and(eq(coopNotificationSettings.userId, userId), eq(coopNotificationSettings.regionId, regionId)));
  return { weeklyDigest: row?.weeklyDigest ?? true, meetingInvitations: row?.meetingInvitations ?? true, newsletter: row?.newsletter ?? true };
}

/** Stores a user's notification settings in a region. */
export async function setNotificationSettings(db: Executor, userId: string, regionId: string, settings: { weeklyDigest: boolean; meetingInvitations: boolean; newsletter: boolean }) {
  await db
    .insert(coopNotificationSettings)
    .values({ userId, regionId, ...settings })
    .onConflictDoUpdate({ target: [coopNotificationSettings.userId, coopNotificationSettings.regionId], set: { ...settings, updatedAt: new Date() } });
  return settings;
}

/**
 * Sends the weekly digest of every region to its members who want it: the week before `now`'s week.
 * Once per region and week (coop_digests is unique on it), so a re-run or a second instance sends nothing;
 * a region with nothing to report gets no mail.
 */
export async function sendWeeklyDigests(db: Db, mailer: Mailer, options: { now: Date; baseUrl: string; t: TFunction }): Promise<{ regions: number; mails: number }> {
  const to = new Date(`${weekStart(options.now)}T00:00:00Z`);
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const week = from.toISOString().slice(0, 10);
  let regionCount = 0;
  let mails = 0;
  for (const region of await db.select({ id: regions.id, slug: regions.slug, name: regions.name }).from(regions)) {
    const items = await collectDigestItems(db, region, from, to, options.t);
    if (items.length === 0) continue;
    const claimed = await db.insert(coopDigests).values({ regionId: region.id, weekStart: week, itemCount: items.length, recipientCount: 0 }).onConflictDoNothing().returning();
    if (claimed.length === 0) continue;
    const recipients = await db
      .select({ userId: users.id, email: users.email, weeklyDigest: coopNotificationSettings.weeklyDigest })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(coopNotificationSettings, and(eq(coopNotificationSettings.userId, users.id), eq(coopNotificationSettings.regionId, region.id)))
      .where(eq(memberships.regionId, region.id));
    const subject = options.t('cooperative.mail.digestSubject', { region: region.name, date: formatDate(from) }) as string;
    const text = [
      options.t('cooperative.mail.digestIntro', { region: region.name, from: formatDate(from), to: formatDate(new Date(to.getTime() - 86_400_000)) }) as string,
      '',
      ...items.map((item) => `• ${item.title}${item.text ? ` — ${item.text}` : ''}${item.url ? `\n  ${options.baseUrl}${item.url}` : ''}`),
      '',
      options.t('cooperative.mail.digestSettings', { url: `${options.baseUrl}/r/${region.slug}/cooperatie/instellingen` }) as string,
    ].join('\n');
    let sent = 0;
    for (const recipient of recipients) {
      if (recipient.weeklyDigest === false) continue;
      await mailer.send({ to: recipient.email, subject, text });
      await db.insert(coopOutbox).values({ regionId: region.id, kind: 'digest', recipient: recipient.email, subject, body: text, delivered: mailer.configured });
      sent += 1;
    }
    await db.update(coopDigests).set({ recipientCount: sent }).where(eq(coopDigests.id, claimed[0]!.id));
    regionCount += 1;
    mails += sent;
  }
  return { regions: regionCount, mails };
}

/** The latest mails the domain sent in a region (for the admin; the only place they are visible without SMTP). */
export async function listOutbox(db: Executor, regionId: string) {
  const rows = await db.select().from(coopOutbox).where(eq(coopOutbox.regionId, regionId)).orderBy(desc(coopOutbox.createdAt)).limit(100);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
