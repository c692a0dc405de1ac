import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { plans, planChangeProposals } from '../plans/schema.js';

// Tables of migrations 0055 (polls) and 0056 (surveys); issue #13, decision 023.

export type LanguageText = Partial<Record<'nl' | 'en' | 'fr' | 'ar' | 'uk', string>> & { nl: string };
export interface PollOption {
  key: string;
  label: string;
}
export interface SurveyOption {
  key: string;
  label: LanguageText;
}

export const polls = pgTable('polls', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  kind: text('kind').notNull(),
  options: jsonb('options').$type<PollOption[]>().notNull(),
  audience: text('audience').notNull(),
  anonymous: boolean('anonymous').notNull().default(false),
  hideResults: boolean('hide_results').notNull().default(false),
  points: integer('points').notNull().default(10),
  /** Migration 0064: points count times the voter's co-financing share of `weightYear` (as well as plainly). */
  weighted: boolean('weighted').notNull().default(false),
  weightYear: integer('weight_year'),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  outcome: text('outcome').notNull().default(''),
  outcomeBy: uuid('outcome_by').references(() => users.id, { onDelete: 'set null' }),
  planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  proposalId: uuid('proposal_id').references(() => planChangeProposals.id, { onDelete: 'set null' }),
  remindedAt: timestamp('reminded_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pollStances = pgTable('poll_stances', {
  id: uuid('id').primaryKey().defaultRandom(),
  pollId: uuid('poll_id')
    .notNull()
    .references(() => polls.id, { onDelete: 'cascade' }),
  voterKey: text('voter_key').notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  points: jsonb('points').$type<Record<string, number>>().notNull(),
  ranking: jsonb('ranking').$type<string[]>().notNull(),
  reason: text('reason').notNull().default(''),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pollStanceHistory = pgTable('poll_stance_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  pollId: uuid('poll_id')
    .notNull()
    .references(() => polls.id, { onDelete: 'cascade' }),
  voterKey: text('voter_key').notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  points: jsonb('points').$type<Record<string, number>>().notNull(),
  ranking: jsonb('ranking').$type<string[]>().notNull(),
  reason: text('reason').notNull().default(''),
  revision: integer('revision').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  title: jsonb('title').$type<LanguageText>().notNull(),
  intro: jsonb('intro').$type<Partial<LanguageText>>().notNull(),
  languages: text('languages').array().notNull(),
  audience: text('audience').notNull(),
  status: text('status').notNull().default('open'),
  publicToken: text('public_token').notNull(),
  ipLimitPerHour: integer('ip_limit_per_hour').notNull().default(30),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const surveyQuestions = pgTable('survey_questions', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  kind: text('kind').notNull(),
  text: jsonb('text').$type<LanguageText>().notNull(),
  options: jsonb('options').$type<SurveyOption[]>().notNull(),
  required: boolean('required').notNull().default(false),
  scaleMin: integer('scale_min').notNull().default(1),
  scaleMax: integer('scale_max').notNull().default(5),
});

export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  browserHash: text('browser_hash'),
  language: text('language').notNull().default('nl'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyAnswers = pgTable('survey_answers', {
  responseId: uuid('response_id')
    .notNull()
    .references(() => surveyResponses.id, { onDelete: 'cascade' }),
  surveyId: uuid('survey_id')
    .notNull()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  questionId: uuid('question_id')
    .notNull()
    .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
  optionKey: text('option_key'),
  numberValue: integer('number_value'),
  textValue: text('text_value'),
});
