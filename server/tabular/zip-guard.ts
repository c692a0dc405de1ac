import { unzipSync } from 'fflate';
import { AppError } from '../http/errors.js';

/** What an uploaded Office file (a zip) may unpack to before anyone parses it in memory. */
export const ZIP_LIMITS = {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
  /** Uncompressed ÷ compressed for one entry; real XLSX/DOCX parts stay far below (XML compresses ~10–30×). */
  maxRatio: 200,
  /** Small entries may compress as well as they like: the ratio only counts above this size. */
  ratioFloorBytes: 1024 * 1024,
};

/** The zip's directory could not be read (not a zip, or damaged): the caller reports its own "unreadable". */
export class UnreadableZipError extends Error {}

/** The entries a zip declares in its central directory, read without inflating anything. */
export function listZipEntries(bytes: Uint8Array): { name: string; size: number; originalSize: number }[] {
  const entries: { name: string; size: number; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw new UnreadableZipError('unreadable zip');
  }
  return entries;
}

function rejected(reason: 'tooManyEntries' | 'tooLarge' | 'ratio', params: Record<string, unknown>): AppError {
  // The file travels in the request's `content` field; the UI shows the message next to the file input.
  return new AppError('FILE_TOO_COMPLEX', params, [{ path: 'content', message: `@tabular.zip.${reason} ${JSON.stringify(params)}` }], { reason });
}

/**
 * Refuses a zip bomb before exceljs or mammoth inflate it in memory: too many entries, too much
 * uncompressed data in total, or an entry that compresses absurdly well. Throws AppError
 * FILE_TOO_COMPLEX (400, field `content`); UnreadableZipError when there is no readable directory.
 */
export function assertSafeZip(bytes: Uint8Array, limits = ZIP_LIMITS): void {
  const entries = listZipEntries(bytes);
  if (entries.length > limits.maxEntries) throw rejected('tooManyEntries', { entries: entries.length, maxEntries: limits.maxEntries });
  const total = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const maxMegabytes = Math.round(limits.maxUncompressedBytes / 1024 / 1024);
  if (total > limits.maxUncompressedBytes) throw rejected('tooLarge', { megabytes: Math.ceil(total / 1024 / 1024), maxMegabytes });
  const bomb = entries.find((entry) => entry.originalSize > limits.ratioFloorBytes && entry.originalSize > limits.maxRatio * Math.max(entry.size, 1));
  if (bomb) throw rejected('ratio', { name: bomb.name, maxRatio: limits.maxRatio });
}
