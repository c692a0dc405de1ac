import { readXlsx, restoreNeutralised, UnreadableWorkbookError, type TextRow } from '../../../tabular/index.js';
import { PlanImportError } from './types.js';

/** Reads the first worksheet that has content into rows of text (zip-guarded by the tabular module). */
export async function readXlsxRows(bytes: Uint8Array): Promise<TextRow[]> {
  try {
    const rows = await readXlsx(bytes);
    return rows.map((row) => ({ line: row.line, cells: row.cells.map(restoreNeutralised) }));
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw new PlanImportError(error.reason === 'empty' ? 'noActions' : 'unreadableXlsx');
    throw error;
  }
}
