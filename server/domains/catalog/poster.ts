import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { RawSql } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { formatDateTime, formatMoney } from '../../../common/format.js';
import type { TFunction } from 'i18next';

/** How many offers fit on one A4 poster; the QR code leads to the rest. */
export const POSTER_OFFERS = 12;

interface PosterOffer {
  title: string;
  location_name: string;
  next_starts_at: Date | string | null;
  language_icons: number | null;
  is_free: boolean;
  price_cents: number | null;
  uitpas: boolean;
  with_children: boolean;
}

export interface PosterData {
  municipality: { nisCode: string; name: string };
  offers: PosterOffer[];
  /** All of this month's offers in the municipality, also those not on the poster. */
  total: number;
}

/**
 * This month's current offers of one municipality of the region (a date before the end of the month,
 * or always open), the first to come first; 404 for a municipality outside the region.
 */
export async function posterData(raw: RawSql, regionId: string, nisCode: string): Promise<PosterData> {
  const [municipality] = await raw.query<{ nis_code: string; name: string }>(
    'SELECT m.nis_code, m.name FROM region_municipalities rm JOIN municipalities m ON m.nis_code = rm.nis_code WHERE rm.region_id = $1 AND rm.nis_code = $2',
    [regionId, nisCode],
  );
  if (!municipality) throw new AppError('NOT_FOUND');
  const thisMonth = `o.region_id = $1 AND o.municipality_nis = $2
    AND (o.calendar_type = 'permanent' OR o.next_starts_at < date_trunc('month', now()) + interval '1 month')`;
  const offers = await raw.query<PosterOffer>(
    `SELECT o.title, o.location_name, o.next_starts_at, o.language_icons, o.is_free, o.price_cents, o.uitpas, o.with_children
     FROM current_offers o WHERE ${thisMonth}
     ORDER BY o.next_starts_at NULLS LAST, o.title LIMIT ${POSTER_OFFERS}`,
    [regionId, nisCode],
  );
  const [count] = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM current_offers o WHERE ${thisMonth}`, [regionId, nisCode]);
  return { municipality: { nisCode: municipality.nis_code, name: municipality.name }, offers, total: count?.n ?? 0 };
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

/** The facts of an offer in words (a printed poster has no pictograms to hover): icons, price, UiTPAS, children. */
function factsLine(offer: PosterOffer, t: TFunction): string {
  return [
    t(`catalogPublic.icons.${offer.language_icons ?? 'unknown'}`),
    offer.is_free ? t('catalogPublic.free') : offer.price_cents !== null ? formatMoney(offer.price_cents) : null,
    offer.uitpas ? 'UiTPAS' : null,
    offer.with_children ? t('catalogPublic.kids') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One A4 page for a notice board or a participatiemarkt: this month's offers of a municipality with
 * their language icons in words, and a QR code to the catalog filtered for that municipality.
 */
export async function posterPdf(data: PosterData, catalogUrl: string, monthLabel: string, t: TFunction): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: t('catalog.poster.title', { municipality: data.municipality.name }) as string } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = 595.28 - 100;
  doc.font('Helvetica-Bold').fontSize(26).fillColor('#000000').text(t('catalog.poster.title', { municipality: data.municipality.name }) as string, 50, 50, { width });
  doc.font('Helvetica').fontSize(14).fillColor('#333333').text(t('catalog.poster.month', { month: monthLabel }) as string, { width });
  doc.moveDown(0.8);
  // The list stops above the QR block at the bottom, so the poster stays one page.
  const listBottom = 842 - 50 - 150;
  if (data.offers.length === 0) doc.font('Helvetica').fontSize(13).fillColor('#000000').text(t('catalog.poster.none') as string, { width });
  for (const offer of data.offers) {
    if (doc.y > listBottom - 50) break;
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(offer.title, { width, height: 34, ellipsis: true });
    const when = offer.next_starts_at ? formatDateTime(offer.next_starts_at) : (t('catalogPublic.alwaysOpen') as string);
    doc.font('Helvetica').fontSize(10.5).fillColor('#222222').text([when, offer.location_name].filter(Boolean).join(' · '), { width });
    doc.text(factsLine(offer, t), { width });
    doc.moveDown(0.6);
  }
  if (data.total > data.offers.length) doc.font('Helvetica-Oblique').fontSize(11).fillColor('#000000').text(t('catalog.poster.more', { count: data.total - data.offers.length }) as string, { width });
  const qrSize = 120;
  const qrTop = 842 - 50 - qrSize;
  drawQr(doc, catalogUrl, 50, qrTop, qrSize);
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#000000').text(t('catalog.poster.scan') as string, 50 + qrSize + 20, qrTop + 20, { width: width - qrSize - 20 });
  doc.font('Helvetica').fontSize(10).fillColor('#222222').text(catalogUrl, { width: width - qrSize - 20 });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
