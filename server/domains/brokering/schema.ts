import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities, sectors } from '../reference/schema.js';
import { actors, relations } from '../network/schema.js';
import { planActions, planChangeProposals } from '../plans/schema.js';

// Tables of migration 0036 (issue #9): workshops, sheets, partner cards, combinations, cooperation ideas.

export const WORKSHOP_STATUSES = ['open', 'closed'] as const;
export const CARD_START_KINDS = ['need', 'strength'] as const;
export const COOPERATION_STATUSES = ['idee', 'verkend', 'gestart', 'gestopt'] as const;
export const TYPED_PARTNER_PROPOSAL_STATUSES = ['none', 'open', 'created', 'dismissed'] as const;

export const workshops = pgTable('workshops', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  heldOn: date('held_on'),
  place: text('place').notNull().default(''),
  status: text('status').$type<(typeof WORKSHOP_STATUSES)[number]>().notNull().default('open'),
  joinCode: text('join_code').notNull(),
  facilitatorUserId: uuid('facilitator_user_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const workshopParticipants = pgTable('workshop_participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  workshopId: uuid('workshop_id')
    .notNull()
    .references(() => workshops.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  email: text('email'),
  organisationName: text('organisation_name').notNull().default(''),
  actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
  guestTokenHash: text('guest_token_hash').unique(),
  invitedAt: timestamp('invited_at', { withTimezone: true }),
  joinedAt: timestamp('joined_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const brokeringSheets = pgTable('brokering_sheets', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
  workshopId: uuid('workshop_id').references(() => workshops.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').references(() => workshopParticipants.id, { onDelete: 'set null' }),
  currentStep: integer('current_step').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const partnerCards = pgTable('partner_cards', {
  id: uuid('id').primaryKey().defaultRandom(),
  sheetId: uuid('sheet_id')
    .notNull()
    .references(() => brokeringSheets.id, { onDelete: 'cascade' }),
  startKind: text('start_kind').$type<(typeof CARD_START_KINDS)[number]>().notNull(),
  startText: text('start_text').notNull(),
  position: integer('position').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const partnerCardPartners = pgTable('partner_card_partners', {
  id: uuid('id').primaryKey().defaultRandom(),
  cardId: uuid('card_id')
    .notNull()
    .references(() => partnerCards.id, { onDelete: 'cascade' }),
  actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'cascade' }),
  typedName: text('typed_name'),
  typedMunicipalityNis: text('typed_municipality_nis').references(() => municipalities.nisCode),
  typedSectorKey: text('typed_sector_key').references(() => sectors.key),
  ideas: text('ideas').array().notNull().default([]),
  kept: boolean('kept').notNull().default(false),
  proposalStatus: text('proposal_status').$type<(typeof TYPED_PARTNER_PROPOSAL_STATUSES)[number]>().notNull().default('none'),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const brokeringCombinations = pgTable('brokering_combinations', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  sheetId: uuid('sheet_id').references(() => brokeringSheets.id, { onDelete: 'cascade' }),
  workshopId: uuid('workshop_id').references(() => workshops.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  scenario: text('scenario').notNull().default(''),
  ideas: text('ideas').array().notNull().default([]),
  pursue: boolean('pursue').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const brokeringCombinationActors = pgTable(
  'brokering_combination_actors',
  {
    combinationId: uuid('combination_id')
      .notNull()
      .references(() => brokeringCombinations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.combinationId, table.actorId] })],
);

export const cooperationIdeas = pgTable('cooperation_ideas', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  combinationId: uuid('combination_id')
    .unique()
    .references(() => brokeringCombinations.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<(typeof COOPERATION_STATUSES)[number]>().notNull().default('idee'),
  planActionId: uuid('plan_action_id').references(() => planActions.id, { onDelete: 'set null' }),
  planProposalId: uuid('plan_proposal_id').references(() => planChangeProposals.id, { onDelete: 'set null' }),
  startedOn: date('started_on'),
  stoppedOn: date('stopped_on'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cooperationIdeaOwners = pgTable(
  'cooperation_idea_owners',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => cooperationIdeas.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.ideaId, table.actorId] })],
);

export const cooperationIdeaRelations = pgTable(
  'cooperation_idea_relations',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => cooperationIdeas.id, { onDelete: 'cascade' }),
    relationId: uuid('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.ideaId, table.relationId] })],
);
