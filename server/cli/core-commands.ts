import { readFileSync, writeFileSync } from 'node:fs';
import { CliError, type CliCommand } from './command.js';
import { openConfiguredDatabase, openMigratedDatabase } from '../bootstrap.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../domains/demo/seed-demo.js';
import { createUserWithRole } from '../domains/accounts/service.js';
import { createRegion } from '../domains/regions/service.js';
import { createBackup, decodeBackup, encodeBackup, restoreBackup } from '../db/backup.js';
import { ROLES, type Role } from '../domains/accounts/schema.js';
import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../db/client.js';

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${name} is verplicht`);
  return value.trim();
}

async function withDatabase<T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const { database } = await openMigratedDatabase();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export const coreCommands: CliCommand[] = [
  {
    name: 'migrate',
    summary: 'voert openstaande databankmigraties uit',
    usage: 'migrate',
    run: async () => {
      const { database } = await openConfiguredDatabase();
      try {
        const applied = await migrate(database);
        console.log(applied.length > 0 ? `Migraties uitgevoerd: ${applied.join(', ')}` : 'De databank is al bijgewerkt.');
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  {
    name: 'seed-demo',
    summary: 'laadt de demoregio’s en demogebruikers',
    usage: 'seed-demo',
    run: () =>
      withDatabase(async (database) => {
        const result = await seedDemo(database.db);
        console.log(`Demo geladen (${result.regions.length} nieuwe regio’s). Aanmelden kan met:`);
        for (const user of result.users) console.log(`  ${user.email}  ${user.password}  (${user.roles})`);
        return 0;
      }),
  },
  {
    name: 'create-region',
    summary: 'maakt een regio aan',
    usage: 'create-region --slug SLUG --name NAAM [--municipalities NIS,NIS,…]',
    options: { slug: { type: 'string' }, name: { type: 'string' }, municipalities: { type: 'string' } },
    run: ({ values }) =>
      withDatabase(async (database) => {
        const slug = required(values, 'slug');
        const municipalities = typeof values.municipalities === 'string' ? values.municipalities.split(',').map((code) => code.trim()).filter(Boolean) : [];
        await createRegion(database.db, { slug, name: required(values, 'name'), municipalities });
        console.log(`Regio ${slug} aangemaakt.`);
        return 0;
      }),
  },
  {
    name: 'create-user',
    summary: 'maakt een gebruiker aan (of zet een nieuw wachtwoord) met een rol in een regio',
    usage: 'create-user --email E-MAIL --region SLUG --role admin|editor|steering|viewer [--name NAAM] [--password WACHTWOORD]',
    options: { email: { type: 'string' }, region: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    run: ({ values }) =>
      withDatabase(async (database) => {
        const email = required(values, 'email');
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new CliError(`ongeldig e-mailadres: ${email}`);
        const role = required(values, 'role');
        if (!ROLES.includes(role as Role)) throw new CliError(`onbekende rol "${role}" (kies uit ${ROLES.join(', ')})`);
        const regionSlug = required(values, 'region');
        const generated = typeof values.password !== 'string';
        const password = typeof values.password === 'string' ? values.password : randomBytes(12).toString('base64url');
        if (password.length < 10) throw new CliError('het wachtwoord moet minstens 10 tekens hebben');
        const name = typeof values.name === 'string' ? values.name : email.split('@')[0]!;
        try {
          const result = await createUserWithRole(database.db, { email, name, password, regionSlug, role: role as Role });
          console.log(`${result.created ? 'Gebruiker aangemaakt' : 'Bestaande gebruiker bijgewerkt'}: ${email.toLowerCase()} als ${role} in ${regionSlug}.`);
        } catch (error) {
          if ((error as { code?: string }).code === 'NOT_FOUND') throw new CliError(`onbekende regio: ${regionSlug}`);
          throw error;
        }
        if (generated) console.log(`Wachtwoord: ${password}`);
        return 0;
      }),
  },
  {
    name: 'backup',
    summary: 'schrijft een draagbare back-up (PGlite en PostgreSQL) naar een bestand',
    usage: 'backup BESTAND [--met-persoonsgegevens]',
    allowPositionals: true,
    options: { 'met-persoonsgegevens': { type: 'boolean' } },
    run: ({ values, positionals }) =>
      withDatabase(async (database) => {
        const file = positionals[0];
        if (!file) throw new CliError('geef een bestandsnaam op: backup BESTAND');
        // Participants' personal fields only when asked for (decision 027).
        const document = await createBackup(database, { withPersonalData: values['met-persoonsgegevens'] === true });
        writeFileSync(file, encodeBackup(document));
        const rows = document.tables.reduce((sum, table) => sum + table.rows.length, 0);
        console.log(`Back-up geschreven naar ${file} (${document.tables.length} tabellen, ${rows} rijen).`);
        return 0;
      }),
  },
  {
    name: 'restore',
    summary: 'zet een back-up terug (weigert een niet-lege databank zonder --force)',
    usage: 'restore BESTAND [--force]',
    allowPositionals: true,
    options: { force: { type: 'boolean' } },
    run: async ({ values, positionals }) => {
      const file = positionals[0];
      if (!file) throw new CliError('geef een bestandsnaam op: restore BESTAND');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new CliError(`kan ${file} niet lezen`);
      }
      const document = decodeBackup(bytes);
      return withDatabase(async (database) => {
        const result = await restoreBackup(database, document, { force: values.force === true });
        console.log(`Back-up teruggezet: ${result.tables} tabellen, ${result.rows} rijen.`);
        return 0;
      });
    },
  },
];
