import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { CsvError } from 'csv-parse/sync';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import { translateValidationMessage } from '../../../common/validation.js';
import { actorInputSchema, type ActorInput, type ImportResult } from '../../../common/schemas/network.js';
import { municipalities, sectors } from '../reference/schema.js';
import { regionMunicipalities } from '../regions/schema.js';
import { auditLog } from '../audit/schema.js';
import { diffFields } from '../audit/service.js';
import { actors, actorSectors } from './schema.js';
import { fold, words } from '../../search/dutch.js';
import { NotATableError, readTable, UnreadableWorkbookError, type TextRow } from '../../tabular/index.js';

/** The columns of an actor file, in export order; import accepts them in any order. */
export const ACTOR_COLUMNS = ['naam', 'gemeente', 'sector', 'werking', 'sterktes', 'beperkingen', 'website', 'email'] as const;
export type ActorColumn = (typeof ACTOR_COLUMNS)[number];
const REQUIRED: ActorColumn[] = ['naam', 'gemeente', 'sector'];

// Header spellings people use, folded (lower case, no accents, no spaces or punctuation).
const HEADER_ALIASES: Record<string, ActorColumn> = {
  naam: 'naam',
  name: 'naam',
  organisatie: 'naam',
  gemeente: 'gemeente',
  municipality: 'gemeente',
  niscode: 'gemeente',
  sector: 'sector',
  sectoren: 'sector',
  sectors: 'sector',
  werking: 'werking',
  beschrijving: 'werking',
  omschrijving: 'werking',
  sterktes: 'sterktes',
  sterkte: 'sterktes',
  beperkingen: 'beperkingen',
  beperking: 'beperkingen',
  noden: 'beperkingen',
  website: 'website',
  webadres: 'website',
  site: 'website',
  email: 'email',
  mail: 'email',
  emailadres: 'email',
};

/** The cells of one data row by column, with its row number in the file (the header is row 1). */
export interface ParsedRow {
  row: number;
  cells: Partial<Record<ActorColumn, string>>;
}

export interface ParsedFile {
  columns: ActorColumn[];
  unknownColumns: string[];
  rows: ParsedRow[];
}

/** A problem with the file as a whole (unreadable, wrong type, missing column). */
export class ImportFileError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(messageKey);
  }
}

async function readActorTable(fileName: string, content: Buffer): Promise<TextRow[]> {
  try {
    return await readTable(content, fileName);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw new ImportFileError(error.reason === 'empty' ? 'network.import.noRows' : 'network.import.unreadableFile');
    if (error instanceof NotATableError) throw new ImportFileError('network.import.unsupportedFile');
    if (error instanceof CsvError) throw new ImportFileError('network.import.unreadableFile');
    throw error;
  }
}

/** Reads a CSV (`;`, `,` or tab; with or without BOM) or XLSX file into rows keyed by the Dutch column names. */
export async function parseActorFile(fileName: string, content: Buffer): Promise<ParsedFile> {
  const [headerRow, ...dataRows] = await readActorTable(fileName, content);
  const header = headerRow?.cells ?? [];
  const columnAt = new Map<number, ActorColumn>();
  const unknownColumns: string[] = [];
  header.forEach((raw, index) => {
    const key = fold(raw ?? '').replace(/[^a-z0-9]/g, '');
    if (!key) return;
    const column = HEADER_ALIASES[key];
    if (column && ![...columnAt.values()].includes(column)) columnAt.set(index, column);
    else unknownColumns.push(String(raw).trim());
  });
  const columns = [...columnAt.values()];
  const missing = REQUIRED.find((column) => !columns.includes(column));
  if (missing) throw new ImportFileError('network.import.missingColumn', { column: missing });
  const rows: ParsedRow[] = [];
  for (const { cells, line } of dataRows) {
    if (cells.every((cell) => !cell.trim())) continue;
    const row: ParsedRow = { row: line, cells: {} };
    columnAt.forEach((column, at) => {
      row.cells[column] = (cells[at] ?? '').trim();
    });
    rows.push(row);
  }
  return { columns, unknownColumns, rows };
}

const LEGAL_WORDS = new Set(['vzw', 'de', 'het', 'van', 'en', 'der', 'den']);

/** The comparable form of a name for duplicate detection ("De Wissel vzw" → "wissel"). */
export function nameKey(name: string): string {
  const kept = words(name).filter((word) => !LEGAL_WORDS.has(word));
  return (kept.length > 0 ? kept : words(name)).join(' ');
}

function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.split(' ').filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i < padded.length - 2; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** Trigram similarity of two name keys (as pg_trgm's similarity). */
export function nameSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const gram of ta) if (tb.has(gram)) shared += 1;
  return shared / (ta.size + tb.size - shared);
}

const DUPLICATE_THRESHOLD = 0.75;

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);

interface Existing {
  id: string;
  name: string;
  key: string;
  municipalityNis: string | null;
}

interface PlannedRow {
  row: number;
  name: string;
  municipality: string | null;
  action: 'create' | 'update' | 'skip' | 'error';
  input?: ActorInput;
  duplicateOf: Existing | null;
}

export interface ImportOptions {
  dryRun: boolean;
  onlyValid: boolean;
  updateDuplicates: boolean;
  userId: string | null;
  t: TFunction;
  /** Rows validated ('validate', every 500 rows, awaited so progress can be stored) and actors written ('write'). */
  onProgress?: (done: number, total: number, phase: 'validate' | 'write') => void | Promise<void>;
}

/**
 * Validates every row (municipality by name or NIS code within the region, sectors by key or name,
 * e-mail, website), finds near-duplicates of existing actors in the same municipality and within the
 * file, and — unless it is a dry run — writes everything in one transaction. A file with errors
 * writes nothing unless onlyValid is set.
 */
export async function importActors(db: Db, regionId: string, file: ParsedFile, options: ImportOptions): Promise<ImportResult> {
  const { t } = options;
  const errors: ImportResult['errors'] = [];
  const warnings: ImportResult['warnings'] = [];
  const regionCodes = new Set(
    (await db.select({ nisCode: regionMunicipalities.nisCode }).from(regionMunicipalities).where(eq(regionMunicipalities.regionId, regionId))).map((row) => row.nisCode),
  );
  const allMunicipalities = await db.select({ nisCode: municipalities.nisCode, name: municipalities.name }).from(municipalities);
  const municipalityByName = new Map<string, string>();
  for (const m of allMunicipalities) {
    municipalityByName.set(fold(m.name), m.nisCode);
    municipalityByName.set(m.nisCode, m.nisCode);
  }
  const nameOfMunicipality = new Map(allMunicipalities.map((m) => [m.nisCode, m.name]));
  const sectorRows = await db.select({ key: sectors.key, name: sectors.name }).from(sectors);
  const sectorByName = new Map<string, string>();
  for (const s of sectorRows) {
    sectorByName.set(s.key, s.key);
    sectorByName.set(fold(s.name), s.key);
  }
  const existingRows = await db.select({ id: actors.id, name: actors.name, municipalityNis: actors.municipalityNis }).from(actors).where(eq(actors.regionId, regionId));
  const existingByMunicipality = new Map<string, Existing[]>();
  for (const row of existingRows) {
    const list = existingByMunicipality.get(row.municipalityNis ?? '') ?? [];
    list.push({ ...row, key: nameKey(row.name) });
    existingByMunicipality.set(row.municipalityNis ?? '', list);
  }

  const seenInFile = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const addError = (row: number, field: string, message: string) => errors.push({ row, field, message });

  let validated = 0;
  await options.onProgress?.(0, file.rows.length, 'validate');
  for (const { row, cells } of file.rows) {
    if (validated > 0 && validated % 500 === 0) await options.onProgress?.(validated, file.rows.length, 'validate');
    validated += 1;
    const name = cells.naam ?? '';
    const before = errors.length;
    let municipality: string | null = null;
    const municipalityText = cells.gemeente ?? '';
    if (!municipalityText) addError(row, 'gemeente', t('validation.required'));
    else {
      const code = municipalityByName.get(fold(municipalityText).trim());
      if (!code) addError(row, 'gemeente', t('network.validation.unknownMunicipality', { value: municipalityText }));
      else if (!regionCodes.has(code)) addError(row, 'gemeente', t('network.validation.municipalityNotInRegion'));
      else municipality = code;
    }
    const sectorKeys: string[] = [];
    for (const part of splitList(cells.sector)) {
      const key = sectorByName.get(fold(part)) ?? sectorByName.get(part.toLowerCase());
      if (!key) addError(row, 'sector', t('network.validation.unknownSector', { sector: part }));
      else if (!sectorKeys.includes(key)) sectorKeys.push(key);
    }
    let website = cells.website?.trim() || null;
    if (website && /^www\./i.test(website)) website = `https://${website}`;
    const candidate = {
      name,
      sectors: sectorKeys,
      municipality: municipality ?? '00000',
      description: cells.werking ?? '',
      strengths: splitList(cells.sterktes),
      needs: splitList(cells.beperkingen),
      website,
      contactEmail: cells.email?.trim() || null,
    };
    const parsed = actorInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const fieldToColumn: Record<string, string> = { name: 'naam', sectors: 'sector', municipality: 'gemeente', description: 'werking', strengths: 'sterktes', needs: 'beperkingen', website: 'website', contactEmail: 'email' };
      for (const issue of parsed.error.issues) {
        const column = fieldToColumn[String(issue.path[0])] ?? String(issue.path[0]);
        if (column === 'gemeente' || (column === 'sector' && errors.some((e) => e.row === row && e.field === 'sector'))) continue;
        addError(row, column, translateValidationMessage(issue.message, t));
      }
    }
    if (errors.length > before || !parsed.success || !municipality) {
      planned.push({ row, name, municipality: municipalityText || null, action: 'error', duplicateOf: null });
      continue;
    }
    const key = nameKey(parsed.data.name);
    const fileKey = `${municipality}|${key}`;
    const earlier = seenInFile.get(fileKey);
    if (earlier !== undefined) {
      warnings.push({ row, message: t('network.import.duplicateInFile', { row: earlier }), actorId: null });
      planned.push({ row, name, municipality: nameOfMunicipality.get(municipality) ?? municipality, action: 'skip', duplicateOf: null });
      continue;
    }
    seenInFile.set(fileKey, row);
    const sameTown = existingByMunicipality.get(municipality) ?? [];
    let duplicate: Existing | null = sameTown.find((existing) => existing.key === key) ?? null;
    if (!duplicate && sameTown.length <= 5000) {
      let best = 0;
      for (const existing of sameTown) {
        const score = nameSimilarity(existing.key, key);
        if (score >= DUPLICATE_THRESHOLD && score > best) {
          best = score;
          duplicate = existing;
        }
      }
    }
    if (duplicate) {
      warnings.push({
        row,
        message: t(options.updateDuplicates ? 'network.import.duplicateExisting' : 'network.import.duplicateExistingSkipped', { name: duplicate.name }),
        actorId: duplicate.id,
      });
    }
    planned.push({
      row,
      name: parsed.data.name,
      municipality: nameOfMunicipality.get(municipality) ?? municipality,
      action: duplicate ? (options.updateDuplicates ? 'update' : 'skip') : 'create',
      input: parsed.data,
      duplicateOf: duplicate,
    });
  }

  await options.onProgress?.(file.rows.length, file.rows.length, 'validate');
  const blocked = errors.length > 0 && !options.onlyValid;
  const count = (action: PlannedRow['action']) => planned.filter((row) => row.action === action).length;
  const result: ImportResult = {
    dryRun: options.dryRun,
    created: blocked ? 0 : count('create'),
    updated: blocked ? 0 : count('update'),
    skipped: blocked ? planned.length : count('skip') + count('error'),
    errors,
    warnings,
    unknownColumns: file.unknownColumns,
    rows: planned.map((row) => ({
      row: row.row,
      name: row.name,
      municipality: row.municipality,
      action: row.action,
      duplicateOf: row.duplicateOf ? { id: row.duplicateOf.id, name: row.duplicateOf.name } : null,
    })),
  };
  if (options.dryRun || blocked) return result;
  await writeImport(db, regionId, file, planned, options);
  return result;
}

const BATCH = 500;

async function writeImport(db: Db, regionId: string, file: ParsedFile, planned: PlannedRow[], options: ImportOptions): Promise<void> {
  const creates = planned.filter((row) => row.action === 'create' && row.input);
  const updates = planned.filter((row) => row.action === 'update' && row.input && row.duplicateOf);
  const total = creates.length + updates.length;
  let done = 0;
  const has = (column: ActorColumn) => file.columns.includes(column);
  await db.transaction(async (tx) => {
    for (let start = 0; start < creates.length; start += BATCH) {
      const batch = creates.slice(start, start + BATCH).map((row) => ({ id: randomUUID(), input: row.input! }));
      await tx.insert(actors).values(
        batch.map(({ id, input }) => ({
          id,
          regionId,
          name: input.name,
          kind: input.kind,
          municipalityNis: input.municipality,
          description: input.description,
          strengths: input.strengths,
          needs: input.needs,
          website: input.website,
          contactEmail: input.contactEmail,
        })),
      );
      await tx.insert(actorSectors).values(batch.flatMap(({ id, input }) => input.sectors.map((sectorKey, position) => ({ actorId: id, sectorKey, position }))));
      await tx.insert(auditLog).values(
        batch.map(({ id, input }) => ({
          regionId,
          userId: options.userId,
          entityType: 'actor',
          entityId: id,
          action: 'import',
          changes: diffFields({} as Record<string, unknown>, {
            name: input.name,
            sectors: input.sectors,
            municipality: input.municipality,
            description: input.description,
            strengths: input.strengths,
            needs: input.needs,
            website: input.website,
            contactEmail: input.contactEmail,
          }),
        })),
      );
      done += batch.length;
      await options.onProgress?.(done, total, 'write');
    }
    const updateIds = updates.map((row) => row.duplicateOf!.id);
    const currentRows = updateIds.length > 0 ? await tx.select().from(actors).where(and(eq(actors.regionId, regionId), inArray(actors.id, updateIds))) : [];
    const current = new Map(currentRows.map((row) => [row.id, row]));
    const currentSectors = new Map<string, string[]>();
    if (updateIds.length > 0) {
      const sectorRows = await tx.select().from(actorSectors).where(inArray(actorSectors.actorId, updateIds));
      for (const row of sectorRows.sort((a, b) => a.position - b.position)) currentSectors.set(row.actorId, [...(currentSectors.get(row.actorId) ?? []), row.sectorKey]);
    }
    for (const row of updates) {
      const id = row.duplicateOf!.id;
      const input = row.input!;
      const existing = current.get(id);
      if (!existing) continue;
      const beforeShape = {
        name: existing.name,
        sectors: currentSectors.get(id) ?? [],
        description: existing.description,
        strengths: existing.strengths,
        needs: existing.needs,
        website: existing.website,
        contactEmail: existing.contactEmail,
      };
      const afterShape = {
        name: input.name,
        sectors: input.sectors,
        ...(has('werking') ? { description: input.description } : {}),
        ...(has('sterktes') ? { strengths: input.strengths } : {}),
        ...(has('beperkingen') ? { needs: input.needs } : {}),
        ...(has('website') ? { website: input.website } : {}),
        ...(has('email') ? { contactEmail: input.contactEmail } : {}),
      };
      const changes = diffFields(beforeShape, afterShape);
      if (Object.keys(changes).length > 0) {
        const { sectors: sectorKeys, ...columns } = afterShape;
        await tx
          .update(actors)
          .set({ ...columns, version: existing.version + 1, updatedAt: new Date() })
          .where(eq(actors.id, id));
        if (changes.sectors) {
          await tx.delete(actorSectors).where(eq(actorSectors.actorId, id));
          await tx.insert(actorSectors).values(sectorKeys.map((sectorKey, position) => ({ actorId: id, sectorKey, position })));
        }
        await tx.insert(auditLog).values({ regionId, userId: options.userId, entityType: 'actor', entityId: id, action: 'import', changes });
      }
      done += 1;
      if (done % 100 === 0) await options.onProgress?.(done, total, 'write');
    }
  });
  await options.onProgress?.(total, total, 'write');
}

/** One exported actor in the import columns. */
export type ExportRow = Record<ActorColumn, string>;

/** Loads a region's actors (filtered like the list) as rows in the import columns; e-mail only for members. */
export async function exportRows(
  raw: import('../../db/client.js').RawSql,
  filter: { from: string; where: string; params: unknown[] },
  member: boolean,
): Promise<ExportRow[]> {
  const rows = await raw.query<{ name: string; municipality: string | null; sectors: string[] | null; description: string; strengths: string[]; needs: string[]; website: string | null; email: string | null }>(
    `SELECT a.name, m.name AS municipality,
       (SELECT array_agg(s.name ORDER BY x.position) FROM actor_sectors x JOIN sectors s ON s.key = x.sector_key WHERE x.actor_id = a.id) AS sectors,
       a.description, a.strengths, a.needs, a.website, a.contact_email AS email
     FROM ${filter.from} LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis
     WHERE ${filter.where} ORDER BY a.search_name, a.id`,
    filter.params,
  );
  return rows.map((row) => ({
    naam: row.name,
    gemeente: row.municipality ?? '',
    sector: (row.sectors ?? []).join(' | '),
    werking: row.description,
    sterktes: row.strengths.join(' | '),
    beperkingen: row.needs.join(' | '),
    website: row.website ?? '',
    email: member ? (row.email ?? '') : '',
  }));
}
