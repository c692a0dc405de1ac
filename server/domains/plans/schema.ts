import { bigint, boolean, date, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';

export const PLAN_KINDS = ['beleidsplan', 'actieplan', 'projectplan'] as const;
export const PLAN_STATUSES = ['ontwerp', 'goedgekeurd', 'lopend', 'afgesloten'] as const;
export const ACTION_STATUSES = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'] as const;
export const MILESTONE_STATUSES = ['gepland', 'bezig', 'behaald', 'vertraagd', 'geschrapt'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  kind: text('kind').$type<PlanKind>().notNull().default('actieplan'),
  status: text('status').$type<PlanStatus>().notNull().default('ontwerp'),
  periodStart: integer('period_start'),
  periodEnd: integer('period_end'),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  description: text('description').notNull().default(''),
  sourceFilename: text('source_filename'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planGoals = pgTable('plan_goals', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  title: text('title').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const planObjectives = pgTable('plan_objectives', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  goalId: uuid('goal_id')
    .notNull()
    .references(() => planGoals.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  title: text('title').notNull().default(''),
  spreidingAll: boolean('spreiding_all').notNull().default(false),
  spreidingText: text('spreiding_text').notNull().default(''),
  crossRefs: text('cross_refs').array().notNull().default([]),
  position: integer('position').notNull().default(0),
});

export const planActions = pgTable('plan_actions', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  objectiveId: uuid('objective_id').references(() => planObjectives.id, { onDelete: 'set null' }),
  number: text('number').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  what: text('what').notNull().default(''),
  why: text('why').notNull().default(''),
  how: text('how').notNull().default(''),
  type: text('type'),
  timingKind: text('timing_kind'),
  timingStart: date('timing_start'),
  timingEnd: date('timing_end'),
  timingLabel: text('timing_label').notNull().default(''),
  timingNote: text('timing_note').notNull().default(''),
  regierol: text('regierol').notNull().default(''),
  actorrol: text('actorrol').notNull().default(''),
  spreidingAll: boolean('spreiding_all').notNull().default(false),
  spreidingText: text('spreiding_text').notNull().default(''),
  spreidingNis: text('spreiding_nis').array().notNull().default([]),
  /** Parts of the spreiding text that named no municipality or area (migration 0032). */
  spreidingUnmapped: text('spreiding_unmapped').array().notNull().default([]),
  results: text('results').array().notNull().default([]),
  crossRefs: text('cross_refs').array().notNull().default([]),
  responsible: text('responsible').notNull().default(''),
  budgetText: text('budget_text').notNull().default(''),
  partnersText: text('partners_text').notNull().default(''),
  status: text('status').$type<ActionStatus>().notNull().default('gepland'),
  progress: integer('progress').notNull().default(0),
  weight: integer('weight').notNull().default(1),
  position: integer('position').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planBudgetLines = pgTable('plan_budget_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  actionId: uuid('action_id')
    .notNull()
    .references(() => planActions.id, { onDelete: 'cascade' }),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  description: text('description').notNull().default(''),
  year: integer('year'),
  workingYear: integer('working_year'),
  fundingSource: text('funding_source').notNull().default('andere'),
  cofinancingPartner: text('cofinancing_partner').notNull().default(''),
  vatNote: text('vat_note').notNull().default(''),
  marker: text('marker').notNull().default(''),
  per: text('per').notNull().default(''),
  sourceText: text('source_text').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const planActionPartners = pgTable('plan_action_partners', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  actionId: uuid('action_id')
    .notNull()
    .references(() => planActions.id, { onDelete: 'cascade' }),
  actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
});

export const planMilestones = pgTable('plan_milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  actionId: uuid('action_id')
    .notNull()
    .references(() => planActions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  startDate: date('start_date'),
  endDate: date('end_date'),
  status: text('status').$type<MilestoneStatus>().notNull().default('gepland'),
  note: text('note').notNull().default(''),
  groupLabel: text('group_label').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const planIndicators = pgTable('plan_indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  actionId: uuid('action_id')
    .notNull()
    .references(() => planActions.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  unit: text('unit').notNull().default(''),
  baseline: numeric('baseline'),
  target: numeric('target'),
  position: integer('position').notNull().default(0),
  /** A linked figure (migration 0078, decision 032): its key, last value (null = not available) and when it was computed. */
  sourceKey: text('source_key'),
  sourceValue: numeric('source_value'),
  sourceUpdatedAt: timestamp('source_updated_at', { withTimezone: true }),
});

export const planMeasurements = pgTable('plan_measurements', {
  id: uuid('id').primaryKey().defaultRandom(),
  indicatorId: uuid('indicator_id')
    .notNull()
    .references(() => planIndicators.id, { onDelete: 'cascade' }),
  measuredOn: date('measured_on').notNull(),
  value: numeric('value').notNull(),
  source: text('source').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const planFunding = pgTable('plan_funding', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  fundingSource: text('funding_source').notNull().default('andere'),
  year: integer('year'),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  note: text('note').notNull().default(''),
  position: integer('position').notNull().default(0),
});

/** Field-level change: { field: { before, after } }. */
export type PlanFieldChanges = Record<string, { before: unknown; after: unknown }>;

export const planChanges = pgTable('plan_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  entityType: text('entity_type').notNull(),
  entityId: uuid('entity_id').notNull(),
  actionId: uuid('action_id'),
  change: text('change').notNull(),
  changes: jsonb('changes').$type<PlanFieldChanges>().notNull().default({}),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  proposalId: uuid('proposal_id'),
  createdAt: createdAt(),
});

export const planVersions = pgTable('plan_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const planChangeProposals = pgTable('plan_change_proposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  actionId: uuid('action_id')
    .notNull()
    .references(() => planActions.id, { onDelete: 'cascade' }),
  baseVersion: integer('base_version').notNull(),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
  reason: text('reason').notNull().default(''),
  status: text('status').$type<'open' | 'goedgekeurd' | 'afgewezen'>().notNull().default('open'),
  proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decisionComment: text('decision_comment').notNull().default(''),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Which actions were merged into which (migration 0029); the source action itself is gone. */
export const planActionMerges = pgTable('plan_action_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' }),
  targetActionId: uuid('target_action_id').notNull(),
  sourceActionId: uuid('source_action_id').notNull(),
  sourceNumber: text('source_number').notNull(),
  sourceTitle: text('source_title').notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});
