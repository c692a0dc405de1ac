import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import { offers } from '../catalog/schema.js';
import type { ConsentKind, DutchLevel, InburgeraarStatus, PlacementStatus, StepKind, Transport, TrajectoryStage } from '../../../common/schemas/trajectories.js';

/** A newcomer in a participation trajectory (migration 0071): minimal and pseudonymous (decision 027). */
export const trajectoryParticipants = pgTable('trajectory_participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  firstName: text('first_name'),
  municipalityNis: text('municipality_nis')
    .notNull()
    .references(() => municipalities.nisCode),
  languages: text('languages').array().notNull().default([]),
  dutchLevel: text('dutch_level').$type<DutchLevel>().notNull().default('geen'),
  interests: text('interests').array().notNull().default([]),
  transport: text('transport').$type<Transport>().notNull().default('openbaar-vervoer'),
  needsChildcare: boolean('needs_childcare').notNull().default(false),
  withChildren: boolean('with_children').notNull().default(false),
  availableDays: text('available_days').array().notNull().default([]),
  availableFrom: text('available_from'),
  availableUntil: text('available_until'),
  uitpasKansentarief: boolean('uitpas_kansentarief').notNull().default(false),
  freeOnly: boolean('free_only').notNull().default(false),
  inburgeraarStatus: text('inburgeraar_status').$type<InburgeraarStatus>().notNull(),
  referredOn: date('referred_on').notNull(),
  referredBy: uuid('referred_by').references(() => users.id, { onDelete: 'set null' }),
  referralNote: text('referral_note').notNull().default(''),
  coachUserId: uuid('coach_user_id').references(() => users.id, { onDelete: 'set null' }),
  stage: text('stage').$type<TrajectoryStage>().notNull().default('verwijzing'),
  continuesAfter: boolean('continues_after'),
  /** Set by the retention job once the personal fields are erased (migration 0072). */
  personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trajectoryConsents = pgTable('trajectory_consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id')
    .notNull()
    .references(() => trajectoryParticipants.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<ConsentKind>().notNull(),
  givenOn: date('given_on').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  withdrawnOn: date('withdrawn_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trajectorySteps = pgTable('trajectory_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id')
    .notNull()
    .references(() => trajectoryParticipants.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<StepKind>().notNull(),
  happenedOn: date('happened_on').notNull(),
  note: text('note').notNull().default(''),
  doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
  fromCoachId: uuid('from_coach_id').references(() => users.id, { onDelete: 'set null' }),
  toCoachId: uuid('to_coach_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trajectoryPlacements = pgTable('trajectory_placements', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id')
    .notNull()
    .references(() => trajectoryParticipants.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
  offerTitle: text('offer_title').notNull(),
  organizerActorId: uuid('organizer_actor_id').references(() => actors.id, { onDelete: 'set null' }),
  status: text('status').$type<PlacementStatus>().notNull().default('voorgesteld'),
  expectations: text('expectations').notNull().default(''),
  partnerMessage: text('partner_message').notNull().default(''),
  reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trajectoryHours = pgTable('trajectory_hours', {
  id: uuid('id').primaryKey().defaultRandom(),
  placementId: uuid('placement_id')
    .notNull()
    .references(() => trajectoryPlacements.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id')
    .notNull()
    .references(() => trajectoryParticipants.id, { onDelete: 'cascade' }),
  attendedOn: date('attended_on').notNull(),
  hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
  loggedBy: uuid('logged_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Purpose and retention per region (migration 0076, decision 031); no row means the defaults. */
export const trajectorySettings = pgTable('trajectory_settings', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull().default(''),
  retentionMonths: integer('retention_months').notNull().default(12),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
