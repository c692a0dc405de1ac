import { basename } from 'node:path';
import { looksLikeDocument, parseDocumentPlan } from './document.js';
import { parseDelimitedPlan, parseRows } from './tabular.js';
import { readXlsxRows } from './xlsx.js';
import { readDocxText } from './docx.js';
import { decodeText } from '../../../tabular/index.js';
import { PlanImportError, summarize, type ImportSummary, type ParsedPlan } from './types.js';

export { PlanImportError, summarize };
export type { ImportSummary, ParsedPlan };

/** Largest file the importer accepts (plans are small; this keeps a bad upload cheap). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Reads a plan file (TSV, CSV with ; , or tab, or headed text) into a plan tree with warnings.
 * Throws PlanImportError when the file is empty, binary or has no action the importer recognises.
 */
export function parsePlanFile(input: { bytes: Uint8Array; filename?: string; title?: string }): ParsedPlan {
  if (input.bytes.byteLength === 0) throw new PlanImportError('empty');
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new PlanImportError('tooLarge', { maxBytes: MAX_IMPORT_BYTES });
  const head = input.bytes.subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) throw new PlanImportError('unsupportedFormat', { format: 'zip (xlsx/docx)' });
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) throw new PlanImportError('unsupportedFormat', { format: 'pdf' });
  const sample = input.bytes.subarray(0, 4096);
  if (sample.some((byte) => byte === 0)) throw new PlanImportError('binary');
  const text = decodeText(input.bytes);
  const fallbackTitle = input.filename ? basename(input.filename).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() : undefined;
  const plan = looksLikeDocument(text) ? parseDocumentPlan(text, { title: input.title }) : parseDelimitedPlan(text, { title: input.title, fallbackTitle });
  if (summarize(plan).actions === 0) throw new PlanImportError('noActions');
  return plan;
}

/** One-line Dutch reason for an import error (CLI and logs; the API uses the catalog). */
export function describeImportError(error: PlanImportError): string {
  switch (error.reason) {
    case 'empty':
      return 'het bestand is leeg';
    case 'tooLarge':
      return `het bestand is groter dan ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB`;
    case 'binary':
      return 'dit is geen tekstbestand (verwacht TSV, CSV of tekst)';
    case 'unsupportedFormat':
      return `dit formaat wordt nog niet ingelezen (${String(error.params.format)}); bewaar het als CSV of TSV`;
    case 'unreadableDocx':
      return 'het Word-bestand kan niet gelezen worden (beschadigd of met wachtwoord?)';
    case 'unreadableXlsx':
      return 'het Excel-bestand kan niet gelezen worden (beschadigd of met wachtwoord?)';
    case 'noActions':
      return 'geen acties gevonden: geen kolom "Actie"/"Omschrijving" met genummerde rijen en geen "Actie N:"-koppen';
    default:
      return error.reason;
  }
}

/** A Word document: a zip with word/document.xml (looked up in the zip's central directory names). */
function isDocx(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, Math.min(bytes.byteLength, 4_000_000))).includes('word/document.xml');
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads any supported plan file: XLSX (first sheet with content) or text (TSV, CSV, headed text).
 * Same errors as parsePlanFile; DOCX is recognised and refused with a clear reason.
 */
export async function readPlanFile(input: { bytes: Uint8Array; filename?: string; title?: string }): Promise<ParsedPlan> {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new PlanImportError('tooLarge', { maxBytes: MAX_IMPORT_BYTES });
  if (!isZip(input.bytes)) return parsePlanFile(input);
  if (/\.docx$/i.test(input.filename ?? '') || isDocx(input.bytes)) {
    const text = await readDocxText(input.bytes);
    return parsePlanFile({ ...input, bytes: new TextEncoder().encode(text) });
  }
  const rows = await readXlsxRows(input.bytes);
  const fallbackTitle = input.filename ? basename(input.filename).replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() : undefined;
  const plan = parseRows(rows, { title: input.title, fallbackTitle });
  if (summarize(plan).actions === 0) throw new PlanImportError('noActions');
  return plan;
}
