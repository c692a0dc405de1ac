import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { municipalities } from '../reference/schema.js';
import { planActions, planChangeProposals, planFunding, plans } from '../plans/schema.js';

// Migrations 0052–0054 (cooperative governance, inhabitants, communication).

export const MEMBERSHIP_KINDS = ['volwaardig', 'geassocieerd', 'waarnemer'] as const;
export const BODY_KINDS = ['stuurgroep', 'werkgroep'] as const;
export const BODY_ROLES = ['voorzitter', 'secretaris', 'lid'] as const;
export const FINANCING_KEYS = ['gelijk', 'inwoners', 'vast', 'mix'] as const;
export const AGENDA_LINK_KINDS = ['voorstel', 'actie', 'peiling', 'document'] as const;
export const ATTENDANCE_STATUSES = ['aanwezig', 'verontschuldigd', 'afwezig'] as const;
export const ACTION_POINT_STATUSES = ['open', 'bezig', 'klaar'] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];
export type BodyKind = (typeof BODY_KINDS)[number];
export type BodyRole = (typeof BODY_ROLES)[number];
export type FinancingKey = (typeof FINANCING_KEYS)[number];
export type AgendaLinkKind = (typeof AGENDA_LINK_KINDS)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type ActionPointStatus = (typeof ACTION_POINT_STATUSES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const regionId = () =>
  uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' });

export const coopMembers = pgTable('coop_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  actorId: uuid('actor_id')
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' }),
  membershipKind: text('membership_kind').$type<MembershipKind>().notNull().default('volwaardig'),
  memberSince: date('member_since').notNull(),
  municipalityNis: text('municipality_nis').references(() => municipalities.nisCode),
  representativeUserId: uuid('representative_user_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const coopBodies = pgTable('coop_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  kind: text('kind').$type<BodyKind>().notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  quorum: integer('quorum'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const coopBodyMembers = pgTable(
  'coop_body_members',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => coopBodies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<BodyRole>().notNull().default('lid'),
    memberId: uuid('member_id').references(() => coopMembers.id, { onDelete: 'set null' }),
  },
  (table) => [primaryKey({ columns: [table.bodyId, table.userId] })],
);

export const coopFinancingYears = pgTable('coop_financing_years', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  year: integer('year').notNull(),
  budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
  keyKind: text('key_kind').$type<FinancingKey>().notNull().default('gelijk'),
  weightEqual: integer('weight_equal').notNull().default(0),
  weightInhabitants: integer('weight_inhabitants').notNull().default(0),
  weightFixed: integer('weight_fixed').notNull().default(0),
  planFundingId: uuid('plan_funding_id').references(() => planFunding.id, { onDelete: 'set null' }),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const coopFinancingShares = pgTable(
  'coop_financing_shares',
  {
    yearId: uuid('year_id')
      .notNull()
      .references(() => coopFinancingYears.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => coopMembers.id, { onDelete: 'cascade' }),
    fixedCents: bigint('fixed_cents', { mode: 'number' }).notNull().default(0),
    receivedCents: bigint('received_cents', { mode: 'number' }).notNull().default(0),
    receivedOn: date('received_on'),
  },
  (table) => [primaryKey({ columns: [table.yearId, table.memberId] })],
);

export const municipalityInhabitants = pgTable(
  'municipality_inhabitants',
  {
    nisCode: text('nis_code')
      .notNull()
      .references(() => municipalities.nisCode),
    year: integer('year').notNull(),
    inhabitants: integer('inhabitants').notNull(),
    source: text('source').notNull(),
  },
  (table) => [primaryKey({ columns: [table.nisCode, table.year] })],
);

export const coopMeetings = pgTable('coop_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  bodyId: uuid('body_id')
    .notNull()
    .references(() => coopBodies.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  location: text('location').notNull().default(''),
  videoUrl: text('video_url'),
  minutesPublic: boolean('minutes_public').notNull().default(false),
  minutes: text('minutes').notNull().default(''),
  minutesVersion: integer('minutes_version').notNull().default(1),
  minutesUpdatedBy: uuid('minutes_updated_by').references(() => users.id, { onDelete: 'set null' }),
  minutesUpdatedAt: timestamp('minutes_updated_at', { withTimezone: true }),
  invitationsSentAt: timestamp('invitations_sent_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const coopAgendaItems = pgTable('coop_agenda_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => coopMeetings.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  linkKind: text('link_kind').$type<AgendaLinkKind>(),
  linkRef: text('link_ref'),
});

export const coopAttendance = pgTable(
  'coop_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coopMeetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<AttendanceStatus>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId] })],
);

export const coopDecisions = pgTable('coop_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => coopMeetings.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  text: text('text').notNull(),
  proposalId: uuid('proposal_id').references(() => planChangeProposals.id, { onDelete: 'set null' }),
  proposalOutcome: text('proposal_outcome').$type<'goedgekeurd' | 'afgewezen'>(),
  planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  planActionId: uuid('plan_action_id').references(() => planActions.id, { onDelete: 'set null' }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const coopActionPoints = pgTable('coop_action_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  meetingId: uuid('meeting_id')
    .notNull()
    .references(() => coopMeetings.id, { onDelete: 'cascade' }),
  description: text('description').notNull(),
  assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
  dueOn: date('due_on'),
  status: text('status').$type<ActionPointStatus>().notNull().default('open'),
  planActionId: uuid('plan_action_id').references(() => planActions.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const coopNotificationSettings = pgTable(
  'coop_notification_settings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    regionId: regionId(),
    weeklyDigest: boolean('weekly_digest').notNull().default(true),
    meetingInvitations: boolean('meeting_invitations').notNull().default(true),
    newsletter: boolean('newsletter').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.regionId] })],
);

export const coopDigests = pgTable('coop_digests', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  weekStart: date('week_start').notNull(),
  itemCount: integer('item_count').notNull(),
  recipientCount: integer('recipient_count').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One chosen item of a newsletter, in the order the regisseur set. */
export interface NewsletterItem {
  kind: string;
  title: string;
  text: string;
  url: string | null;
  date: string | null;
}

export const coopNewsletters = pgTable('coop_newsletters', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  title: text('title').notNull(),
  intro: text('intro').notNull().default(''),
  items: jsonb('items').$type<NewsletterItem[]>().notNull().default([]),
  status: text('status').$type<'concept' | 'verzenden' | 'verzonden'>().notNull().default('concept'),
  /** Migration 0065: who may read the web version; the job that sends it. */
  audience: text('audience').$type<'leden' | 'publiek'>().notNull().default('leden'),
  jobId: uuid('job_id'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  recipientCount: integer('recipient_count').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

/** One mailed copy of a newsletter (migration 0065): a retried send job skips those already mailed. */
export const coopNewsletterDeliveries = pgTable(
  'coop_newsletter_deliveries',
  {
    newsletterId: uuid('newsletter_id')
      .notNull()
      .references(() => coopNewsletters.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.newsletterId, table.userId] })],
);

export const coopOutbox = pgTable('coop_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: regionId(),
  kind: text('kind').$type<'uitnodiging' | 'digest' | 'nieuwsbrief'>().notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  attachmentNames: text('attachment_names').array().notNull().default([]),
  delivered: boolean('delivered').notNull(),
  createdAt: createdAt(),
});
