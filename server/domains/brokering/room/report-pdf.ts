import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import type { WorkshopReport } from '../../../../common/schemas/workshops.js';
import { formatDate, formatNumber } from '../../../../common/format.js';

const MARGIN = 48;
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10, 1)} %`;

/** The workshop report as a portrait A4 PDF, in the caller's language. */
export function workshopReportPdf(report: WorkshopReport, t: TFunction, today: Date): Promise<Buffer> {
  const title = t('workshops.report.title', { title: report.workshop.title });
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#111111').text(text, { width });
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const line = (text: string, options: { bold?: boolean; indent?: number } = {}) =>
    doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).fillColor('#111111').text(text, MARGIN + (options.indent ?? 0), undefined, { width: width - (options.indent ?? 0) });

  doc.font('Helvetica-Bold').fontSize(20).text(title, { width });
  const when = [report.workshop.heldOn ? formatDate(report.workshop.heldOn) : '', report.workshop.place, report.region.name].filter(Boolean).join(' · ');
  doc.font('Helvetica').fontSize(11).fillColor('#333333').text(when, { width });
  doc.text(
    t('workshops.report.summary', { participants: report.participants.length, cards: report.cards.length, combinations: report.combinations.length }),
    { width },
  );
  if (report.workshop.status === 'open') doc.fillColor('#8a1c1c').text(t('workshops.report.notClosed'), { width });
  doc.fillColor('#555555').fontSize(9).text(t('workshops.report.generatedOn', { date: formatDate(today.toISOString().slice(0, 10)) }), { width });

  heading(t('workshops.report.bovenlokaalTitle'));
  line(t('workshops.report.bovenlokaalIntro'));
  doc.moveDown(0.4);
  const columns = [MARGIN, MARGIN + 220, MARGIN + 340];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    cells.forEach((cell, i) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(cell, columns[i], y, { width: i === 0 ? 210 : 115 }));
    doc.x = MARGIN;
    doc.moveDown(0.2);
  };
  const { workshop: mine, region } = report.bovenlokaal;
  row(['', t('workshops.report.column.workshop'), t('workshops.report.column.region')], true);
  row([t('workshops.report.total'), String(mine.total), String(region.total)]);
  row([
    t('workshops.report.bovenlokaal'),
    t('workshops.report.share', { count: mine.bovenlokaal, percent: percent(mine.bovenlokaalShare) }),
    t('workshops.report.share', { count: region.bovenlokaal, percent: percent(region.bovenlokaalShare) }),
  ]);
  row([
    t('workshops.report.grensverleggend'),
    t('workshops.report.share', { count: mine.grensverleggend, percent: percent(mine.grensverleggendShare) }),
    t('workshops.report.share', { count: region.grensverleggend, percent: percent(region.grensverleggendShare) }),
  ]);

  heading(t('workshops.report.participantsTitle'));
  for (const person of report.participants) {
    line(`${person.organisation} (${person.name})`, { bold: true });
    line(`${t('workshops.report.strengths')}: ${person.strengths.join('; ') || t('workshops.report.nothing')}`, { indent: 12 });
    line(`${t('workshops.report.needs')}: ${person.needs.join('; ') || t('workshops.report.nothing')}`, { indent: 12 });
    doc.moveDown(0.3);
  }

  heading(t('workshops.report.cardsTitle'));
  for (const card of report.cards) {
    line(`${card.organisation}: ${t(card.startKind === 'need' ? 'workshops.room.fromNeed' : 'workshops.room.fromStrength')} “${card.startText}”`, { bold: true });
    for (const partner of card.partners) {
      const marks = [partner.kept ? t('workshops.room.kept') : '', partner.bovenlokaal ? t('workshops.room.bovenlokaal') : '', partner.grensverleggend ? t('workshops.room.grensverleggend') : ''].filter(Boolean);
      line(`• ${partner.name}${partner.municipality ? ` (${partner.municipality.name})` : ''}${marks.length ? ` – ${marks.join(', ')}` : ''}`, { indent: 12 });
      for (const idea of partner.ideas) line(`– ${idea}`, { indent: 24 });
    }
    doc.moveDown(0.3);
  }

  heading(t('workshops.report.combinationsTitle'));
  if (report.combinations.length === 0) line(t('workshops.report.noCombinations'));
  for (const combination of report.combinations) {
    line(combination.title, { bold: true });
    line(combination.actors.map((actor) => actor.name).join(' + '), { indent: 12 });
    if (combination.scenario) line(combination.scenario, { indent: 12 });
    for (const idea of combination.ideas) line(`– ${idea}`, { indent: 12 });
    if (combination.cooperationIdea) line(t('workshops.room.cooperationIdea', { title: combination.cooperationIdea.title, status: combination.cooperationIdea.status }), { indent: 12 });
    doc.moveDown(0.3);
  }
  doc.end();
  return done;
}
