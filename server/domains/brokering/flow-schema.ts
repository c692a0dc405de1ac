import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { brokeringSheets } from './schema.js';

// Migration 0040: the draft of steps 1–2 for participants who may not write to the actor directly.
export const brokeringSheetDrafts = pgTable('brokering_sheet_drafts', {
  sheetId: uuid('sheet_id')
    .primaryKey()
    .references(() => brokeringSheets.id, { onDelete: 'cascade' }),
  description: text('description').notNull().default(''),
  strengths: text('strengths').array().notNull().default([]),
  needs: text('needs').array().notNull().default([]),
  version: integer('version').notNull().default(1),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
  appliedBy: uuid('applied_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
