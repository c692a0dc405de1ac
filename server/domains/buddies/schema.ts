import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import { trajectoryParticipants } from '../trajectories/schema.js';
import { coopBodies } from '../cooperative/schema.js';
import type { DuoStatus } from '../../../common/schemas/buddies.js';

/** A buddy programme (buddywerking): an actor of the map with a pool of volunteers (migration 0073). */
export const buddyProgrammes = pgTable('buddy_programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  actorId: uuid('actor_id')
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' }),
  description: text('description').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A volunteer buddy in a programme's pool: minimal personal data. */
export const buddyVolunteers = pgTable('buddy_volunteers', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  programmeId: uuid('programme_id')
    .notNull()
    .references(() => buddyProgrammes.id, { onDelete: 'cascade' }),
  firstName: text('first_name').notNull(),
  municipalityNis: text('municipality_nis')
    .notNull()
    .references(() => municipalities.nisCode),
  languages: text('languages').array().notNull().default([]),
  interests: text('interests').array().notNull().default([]),
  availableDays: text('available_days').array().notNull().default([]),
  maxDuos: integer('max_duos').notNull().default(1),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A volunteer and a participant paired; at most one current duo per participant (partial unique index). */
export const buddyDuos = pgTable('buddy_duos', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  volunteerId: uuid('volunteer_id')
    .notNull()
    .references(() => buddyVolunteers.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id')
    .notNull()
    .references(() => trajectoryParticipants.id, { onDelete: 'cascade' }),
  status: text('status').$type<DuoStatus>().notNull().default('actief'),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const buddyDuoMeetings = pgTable('buddy_duo_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  duoId: uuid('duo_id')
    .notNull()
    .references(() => buddyDuos.id, { onDelete: 'cascade' }),
  metOn: date('met_on').notNull(),
  activity: text('activity').notNull().default(''),
  loggedBy: uuid('logged_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which working group of the cooperative is the coordinators' learning network (intervision). */
export const buddyLearningNetworks = pgTable('buddy_learning_networks', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id, { onDelete: 'cascade' }),
  bodyId: uuid('body_id')
    .notNull()
    .references(() => coopBodies.id, { onDelete: 'cascade' }),
});
