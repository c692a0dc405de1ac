import yauzl from 'yauzl';
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

/** The zip could not be read (not a zip, damaged, or its sizes lie): the caller reports its own "unreadable". */
export class UnreadableZipError extends Error {}

function rejected(reason: 'tooManyEntries' | 'tooLarge' | 'ratio', params: Record<string, unknown>): AppError {
  // The file travels in the request's `content` field; the UI shows the message next to the file input.
  return new AppError('FILE_TOO_COMPLEX', params, [{ path: 'content', message: `@tabular.zip.${reason} ${JSON.stringify(params)}` }], { reason });
}

/** Inflates one entry into nothing, counting bytes; yauzl fails the stream when it yields more than the entry declares. */
async function countInflated(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  let bytes = 0;
  for await (const chunk of await zip.openReadStreamPromise(entry)) bytes += (chunk as Buffer).length;
  return bytes;
}

/**
 * Refuses a zip bomb before exceljs or mammoth inflate it in memory. First the central directory:
 * too many entries, too much declared uncompressed data, or an entry that compresses absurdly well →
 * AppError FILE_TOO_COMPLEX (400, field `content`). Then every entry is inflated chunk by chunk into
 * nothing, so a zip whose declared sizes lie is caught with bounded memory (UnreadableZipError).
 */
export async function assertSafeZip(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new UnreadableZipError('unreadable zip');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw rejected('tooManyEntries', { entries: zip.entryCount, maxEntries: limits.maxEntries });
    const maxMegabytes = Math.round(limits.maxUncompressedBytes / 1024 / 1024);
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) entries.push(entry);
    } catch {
      throw new UnreadableZipError('unreadable zip directory');
    }
    for (const entry of entries) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw rejected('tooLarge', { megabytes: Math.ceil(declared / 1024 / 1024), maxMegabytes });
      if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw rejected('ratio', { name: entry.fileName, maxRatio: limits.maxRatio });
      }
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      try {
        await countInflated(zip, entry);
      } catch {
        throw new UnreadableZipError(`entry ${entry.fileName} does not inflate to its declared size`);
      }
    }
  } finally {
    zip.close();
  }
}
