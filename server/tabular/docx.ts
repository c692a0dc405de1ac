import mammoth from 'mammoth';
import { assertSafeZip, UnreadableZipError } from './zip-guard.js';

/** A Word document could not be read (damaged, password-protected, not a DOCX). */
export class UnreadableDocumentError extends Error {}

/** A DOCX as mammoth's HTML, after the zip guard refused a zip bomb (AppError FILE_TOO_COMPLEX). */
export async function readDocxHtml(bytes: Uint8Array): Promise<string> {
  try {
    await assertSafeZip(bytes);
  } catch (error) {
    if (error instanceof UnreadableZipError) throw new UnreadableDocumentError('unreadable');
    throw error;
  }
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return value;
  } catch {
    throw new UnreadableDocumentError('unreadable');
  }
}
