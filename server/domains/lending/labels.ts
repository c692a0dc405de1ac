import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { DatabaseHandle } from '../../db/client.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import type { Locale } from '../../../common/i18n/index.js';

// A4 sheet of 3 × 8 stickers of 70 × 37 mm (the common label sheet), in PDF points.
const MM = 72 / 25.4;
const LABEL_W = 70 * MM;
const LABEL_H = 37 * MM;
const COLUMNS = 3;
const ROWS = 8;
const TOP = (297 - ROWS * 37) / 2 * MM;

export interface LabelUnit {
  itemId: string;
  itemName: string;
  ownerName: string;
  position: number;
  units: number;
}

/** One label per unit of the chosen items (only those the caller may manage). */
export async function labelUnits(database: DatabaseHandle, regionId: string, itemIds: readonly string[], ownerActorIds: readonly string[] | null): Promise<LabelUnit[]> {
  const rows = await database.raw.query<{ item_id: string; item_name: string; owner_name: string; position: number; units: number }>(
    `SELECT i.id AS item_id, i.name AS item_name, oa.name AS owner_name, u.position,
       (SELECT count(*)::int FROM lending_units x WHERE x.item_id = i.id) AS units
     FROM lending_items i JOIN actors oa ON oa.id = i.owner_actor_id JOIN lending_units u ON u.item_id = i.id
     WHERE i.region_id = $1 AND i.id = ANY($2::uuid[]) AND ($3::uuid[] IS NULL OR i.owner_actor_id = ANY($3::uuid[]))
     ORDER BY i.name, u.position`,
    [regionId, itemIds, ownerActorIds],
  );
  return rows.map((row) => ({ itemId: row.item_id, itemName: row.item_name, ownerName: row.owner_name, position: Number(row.position), units: Number(row.units) }));
}

/** Draws a QR code as vector squares (sharp at any printer resolution). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column)) doc.rect(x + column * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill('#000000');
}

/** A4 sheets of stickers, each with a QR code that opens the item's page and the item's name and unit. */
export async function labelsPdf(units: readonly LabelUnit[], itemUrl: (itemId: string) => string, locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: t('lending.labels.title') as string } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const left = (595.28 - COLUMNS * LABEL_W) / 2;
  units.forEach((unit, index) => {
    const slot = index % (COLUMNS * ROWS);
    if (index > 0 && slot === 0) doc.addPage();
    const x = left + (slot % COLUMNS) * LABEL_W;
    const y = TOP + Math.floor(slot / COLUMNS) * LABEL_H;
    const qrSize = LABEL_H - 8 * MM;
    drawQr(doc, itemUrl(unit.itemId), x + 4 * MM, y + 4 * MM, qrSize);
    const textX = x + 8 * MM + qrSize;
    const textWidth = LABEL_W - qrSize - 12 * MM;
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(9).text(unit.itemName, textX, y + 5 * MM, { width: textWidth, height: 14 * MM, ellipsis: true });
    doc.font('Helvetica').fontSize(7).text(unit.ownerName, textX, y + 20 * MM, { width: textWidth, height: 6 * MM, ellipsis: true });
    if (unit.units > 1) doc.text(t('lending.labels.unit', { position: unit.position, units: unit.units }) as string, textX, y + 26 * MM, { width: textWidth });
    doc.fontSize(6).fillColor('#333333').text(t('lending.labels.scan') as string, textX, y + 31 * MM, { width: textWidth });
  });
  if (units.length === 0) doc.font('Helvetica').fontSize(12).text(t('lending.labels.none') as string, 60, 60);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
