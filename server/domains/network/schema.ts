import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.js';
import { users } from '../accounts/schema.js';
import { municipalities, sectors } from '../reference/schema.js';

import type { ActorKind, RelationType } from '../../../common/schemas/network.js';

export { ACTOR_KINDS, RELATION_TYPES, type ActorKind, type RelationType } from '../../../common/schemas/network.js';

export const actors = pgTable('actors', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind').$type<ActorKind>().notNull().default('organisatie'),
  municipalityNis: text('municipality_nis').references(() => municipalities.nisCode),
  address: text('address'),
  description: text('description').notNull().default(''),
  strengths: text('strengths').array().notNull().default([]),
  needs: text('needs').array().notNull().default([]),
  targetGroups: text('target_groups').array().notNull().default([]),
  tags: text('tags').array().notNull().default([]),
  website: text('website'),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  isPublic: boolean('is_public').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const actorSectors = pgTable(
  'actor_sectors',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    sectorKey: text('sector_key')
      .notNull()
      .references(() => sectors.key),
    position: integer('position').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.actorId, table.sectorKey] })],
);

export const actorMunicipalities = pgTable(
  'actor_municipalities',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    nisCode: text('nis_code')
      .notNull()
      .references(() => municipalities.nisCode),
  },
  (table) => [primaryKey({ columns: [table.actorId, table.nisCode] })],
);

export const relations = pgTable('relations', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  sourceActorId: uuid('source_actor_id')
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' }),
  targetActorId: uuid('target_actor_id')
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' }),
  type: text('type').$type<RelationType>().notNull(),
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Progress of a running import (see migration 0031): written by the instance importing, read by any. */
export const importProgress = pgTable('network_import_progress', {
  id: uuid('id').primaryKey(),
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  phase: text('phase').$type<'validate' | 'write' | 'done' | 'failed'>().notNull(),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
