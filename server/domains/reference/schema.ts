import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const municipalities = pgTable('municipalities', {
  nisCode: text('nis_code').primaryKey(),
  name: text('name').notNull(),
  postalCodes: text('postal_codes').array().notNull().default([]),
  arrondissement: text('arrondissement'),
  province: text('province'),
});

export const sectors = pgTable('sectors', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  examples: text('examples').array().notNull().default([]),
  cultural: boolean('cultural').notNull(),
  position: integer('position').notNull(),
});
