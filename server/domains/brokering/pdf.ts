import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import type { BrokeringSheet } from '../../../common/schemas/brokering.js';
import { formatDate } from '../../../common/format.js';

const MARGIN = 40;

/**
 * The sheet as the familiar A4 sheets of the toolkit: steps 1–2 (werking, sterktes, beperkingen),
 * one page per partner card, and the combinations, so a workshop can still hand out paper.
 */
export function sheetToPdf(sheet: BrokeringSheet, regionName: string, t: TFunction, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t('brokering.pdf.title')} – ${sheet.organisationName}`, Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const description = sheet.writesToMap || !sheet.draft ? (sheet.actor?.description ?? '') : sheet.draft.description;
  const strengths = sheet.writesToMap || !sheet.draft ? (sheet.actor?.strengths ?? []) : sheet.draft.strengths;
  const needs = sheet.writesToMap || !sheet.draft ? (sheet.actor?.needs ?? []) : sheet.draft.needs;
  const yes = (value: boolean) => (value ? t('brokering.pdf.yes') : t('brokering.pdf.no'));

  const header = (title: string) => {
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`${t('brokering.pdf.title')} · ${regionName} · ${formatDate(now)}`);
    doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(title).moveDown(0.3);
    doc.font('Helvetica').fontSize(10).text(`${t('brokering.pdf.organisation')}: ${sheet.organisationName}`);
    if (sheet.actor) {
      const place = sheet.actor.municipality?.name ?? '';
      const sectorNames = sheet.actor.sectors.map((sector) => sector.name).join(', ');
      doc.text([place, sectorNames].filter(Boolean).join(' · '));
    }
    doc.moveDown(0.6);
  };
  const heading = (text: string) => doc.font('Helvetica-Bold').fontSize(12).text(text).font('Helvetica').fontSize(10).moveDown(0.2);
  const list = (items: string[]) => {
    if (items.length === 0) doc.fillColor('#555555').text(t('brokering.pdf.empty')).fillColor('#000000');
    for (const item of items) doc.text(`• ${item}`, { width });
    doc.moveDown(0.6);
  };

  header(t('brokering.pdf.step12'));
  heading(t('brokering.steps.1'));
  doc.text(description || t('brokering.pdf.empty'), { width }).moveDown(0.6);
  heading(t('brokering.profile.strengths'));
  list(strengths);
  heading(t('brokering.profile.needs'));
  list(needs);

  for (const card of sheet.cards) {
    doc.addPage();
    header(t('brokering.pdf.card'));
    heading(`${t(card.startKind === 'need' ? 'brokering.cards.fromNeed' : 'brokering.cards.fromStrength')}: ${card.startText}`);
    if (card.partners.length === 0) doc.text(t('brokering.pdf.empty'));
    for (const partner of card.partners) {
      doc.font('Helvetica-Bold').text(`${partner.actor?.name ?? partner.typedName ?? ''}${partner.kept ? `  (${t('brokering.cards.kept')})` : ''}`, { width });
      doc.font('Helvetica');
      doc.text(`${t('brokering.cards.municipality')}: ${partner.municipality?.name ?? '–'} · ${t('brokering.cards.sector')}: ${partner.sector?.name ?? '–'}`, { width });
      doc.text(`${t('brokering.cards.bovenlokaal')}: ${yes(partner.bovenlokaal)} · ${t('brokering.cards.grensverleggend')}: ${yes(partner.grensverleggend)}`, { width });
      for (const idea of partner.ideas) doc.text(`  – ${idea}`, { width });
      doc.moveDown(0.5);
    }
  }

  if (sheet.combinations.length > 0) {
    doc.addPage();
    header(t('brokering.pdf.combinations'));
    for (const combination of sheet.combinations) {
      heading(`${combination.title}${combination.pursue ? `  (${t('brokering.combinations.pursue')})` : ''}`);
      doc.text(combination.actors.map((actor) => `${actor.name}${actor.municipality ? ` (${actor.municipality.name})` : ''}`).join(' + '), { width });
      if (combination.scenario) doc.text(combination.scenario, { width });
      for (const idea of combination.ideas) doc.text(`• ${idea}`, { width });
      doc.moveDown(0.6);
    }
  }
  doc.end();
  return done;
}
