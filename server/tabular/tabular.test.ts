import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { AppError } from '../http/errors.js';
import { zipBomb } from '../test/zip-files.js';
import { assertSafeZip, decodeText, detectDelimiter, neutraliseFormula, readCsv, readTable, UnreadableWorkbookError, writeCsv, writeXlsx, ZIP_LIMITS } from './index.js';

async function readBack(bytes: Buffer): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const rows: ExcelJS.CellValue[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('encoding detection', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFcafé', 'utf8'))).toBe('café');
    expect(decodeText(Buffer.from('café', 'utf8'))).toBe('café');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ieper;€', 'utf16le')]))).toBe('Ieper;€');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Ieper;€', 'utf16le').swap16()]))).toBe('Ieper;€');
    // "Pop – café €" as Excel on Windows saves it: 0x96 en dash, 0xE9 é, 0x80 euro sign.
    expect(decodeText(Buffer.from([0x50, 0x6f, 0x70, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]))).toBe('Pop – café €');
  });
});

describe('delimiter detection', () => {
  it('finds ; , and tab, preferring the one that splits most lines into cells', () => {
    expect(detectDelimiter('naam;gemeente;sector\nA;Ieper;erfgoed')).toBe(';');
    expect(detectDelimiter('naam,gemeente,sector\n"A; B",Ieper,erfgoed')).toBe(',');
    expect(detectDelimiter('Nr\tActie\tBudget\n1\tEerste, met komma\t2.500')).toBe('\t');
  });
});

describe('readCsv', () => {
  it('honours quotes with line breaks and reports the line each row starts on', () => {
    const rows = readCsv('Nr;Actie;Budget\n1;"Eerste; met puntkomma";"2.500 euro\nextra"\n2;Tweede;0\n');
    expect(rows).toEqual([
      { cells: ['Nr', 'Actie', 'Budget'], line: 1 },
      { cells: ['1', 'Eerste; met puntkomma', '2.500 euro\nextra'], line: 2 },
      { cells: ['2', 'Tweede', '0'], line: 4 },
    ]);
  });

  it('keeps a stray quote in prose and reads an unterminated quote as text', () => {
    expect(readCsv('a;b\n1;zeg "hallo" eens\n')[1]!.cells).toEqual(['1', 'zeg "hallo" eens']);
    expect(readCsv('a,b\n1,"open\n')[1]!.cells).toEqual(['1', '"open']);
  });
});

describe('formula neutralisation', () => {
  it('prefixes text starting with = + - @ tab or CR, and nothing else', () => {
    for (const text of ['=HYPERLINK("http://x","klik")', '+32 57', '-250 euro', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Ieper', '', "'al veilig", '2.500 euro', 'a=b']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('writes CSV with neutralised text cells, numbers as numbers, BOM, ; and CRLF', () => {
    const csv = writeCsv([
      ['naam', 'bedrag'],
      ['=HYPERLINK("http://x","klik")', -250],
      ['regel\neen', ' spatie'],
    ]).toString('utf8');
    expect(csv).toBe('\uFEFFnaam;bedrag\r\n"\'=HYPERLINK(""http://x"",""klik"")";-250\r\n"regel\neen";" spatie"\r\n');
  });

  it('writes XLSX with neutralised text cells and numeric cells kept numeric', async () => {
    const bytes = await writeXlsx([{ name: 'Blad', rows: [['naam', 'bedrag'], ['@cmd', -250], ['-3 stuks', 4]], boldRows: [1] }]);
    expect(await readBack(bytes)).toEqual([
      ['naam', 'bedrag'],
      ["'@cmd", -250],
      ["'-3 stuks", 4],
    ]);
  });

  it('reads our own neutralised export back as the original text', async () => {
    const bytes = await writeXlsx([{ name: 'Blad', rows: [['naam'], ['=1+1']] }]);
    expect((await readTable(bytes, 'x.xlsx')).map((row) => row.cells)).toEqual([['naam'], ['=1+1']]);
    expect((await readTable(writeCsv([['naam', 'x'], ['+32', 'y']]), 'x.csv')).map((row) => row.cells)).toEqual([
      ['naam', 'x'],
      ['+32', 'y'],
    ]);
  });
});

describe('zip guard', () => {
  const reasonOf = async (bytes: Uint8Array) => {
    try {
      await assertSafeZip(bytes);
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.code).toBe('FILE_TOO_COMPLEX');
      expect(error.fields?.[0]?.path).toBe('content');
      return (error.details as { reason: string }).reason;
    }
  };

  it('lets an ordinary workbook through', async () => {
    expect(await reasonOf(await writeXlsx([{ name: 'Blad', rows: [['a', 1]] }]))).toBeNull();
  });

  it('refuses too much uncompressed data, too many entries and absurd compression', async () => {
    expect(await reasonOf(zipBomb(ZIP_LIMITS.maxUncompressedBytes / 1024 / 1024 + 1))).toBe('tooLarge');
    const many = Object.fromEntries(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => [`part${i}.xml`, strToU8('<x/>')]));
    expect(await reasonOf(zipSync(many))).toBe('tooManyEntries');
    expect(await reasonOf(zipBomb(20))).toBe('ratio');
  });

  it('catches a zip whose directory understates the unpacked size, inflating it into nothing', async () => {
    const lying = Buffer.from(zipBomb(40));
    // Claim 1,000 bytes in the local header (offset 22) and the central directory entry (offset 24).
    lying.writeUInt32LE(1000, 22);
    lying.writeUInt32LE(1000, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    await expect(assertSafeZip(lying)).rejects.toThrow(/declared size/);
    await expect(readTable(lying, 'actoren.xlsx')).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });

  it('makes readTable refuse a bomb before exceljs sees it', async () => {
    await expect(readTable(zipBomb(60), 'actoren.xlsx')).rejects.toMatchObject({ code: 'FILE_TOO_COMPLEX' });
  });
});
