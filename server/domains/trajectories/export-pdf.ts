import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { recordChange } from '../audit/service.js';
import { formatDate, formatDateTime } from '../../../common/format.js';
import type { ParticipantDetail } from '../../../common/schemas/trajectories.js';
import { getParticipant, participantExportSections, type Viewer } from './service.js';

const text = (t: TFunction, key: string, params?: Record<string, unknown>) => t(key, params) as string;

function heading(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#000000');
}

function facts(t: TFunction, detail: ParticipantDetail): [string, string][] {
  const p = (key: string, params?: Record<string, unknown>) => text(t, `trajectories.privacyRegion.pdf.${key}`, params);
  const continues = detail.continuesAfter === null ? p('unknown') : detail.continuesAfter ? p('yes') : p('no');
  return [
    [p('firstName'), detail.firstName ?? '—'],
    [p('municipality'), detail.municipalityName],
    [p('languages'), detail.languages.map((code) => t(`trajectories.languages.${code}`, { defaultValue: code }) as string).join(', ') || '—'],
    [p('dutchLevel'), text(t, `trajectories.levels.${detail.dutchLevel}`)],
    [p('interests'), detail.interests.join(', ') || '—'],
    [p('transport'), text(t, `trajectories.transport.${detail.transport}`)],
    [p('days'), detail.availableDays.map((day) => text(t, `trajectories.weekdays.${day}`)).join(', ') || '—'],
    [p('status'), text(t, `trajectories.statuses.${detail.inburgeraarStatus}`)],
    [p('referralNote'), detail.referralNote || '—'],
    [p('coach'), detail.coach?.name ?? '—'],
    [p('stage'), text(t, `trajectories.stages.${detail.stage}`)],
    [p('continues'), continues],
  ];
}

/** Writes the record the same way the JSON export holds it: facts, consents, steps, placements with hours. */
function writeRecord(doc: PDFKit.PDFDocument, t: TFunction, region: RegionRow, detail: ParticipantDetail): void {
  const p = (key: string, params?: Record<string, unknown>) => text(t, `trajectories.privacyRegion.pdf.${key}`, params);
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(region.name);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(18).fillColor('#1f3a5f').text(p('title', { code: detail.code }));
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(p('exportedAt', { date: formatDateTime(new Date().toISOString()) }));
  doc.text(p('referred', { date: formatDate(detail.referredOn), name: detail.referredBy?.name ?? '—' }));
  heading(doc, p('facts'));
  for (const [label, value] of facts(t, detail)) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  heading(doc, p('consents'));
  if (!detail.consents.length) doc.text(p('none'));
  for (const consent of detail.consents) {
    const withdrawn = consent.withdrawnOn ? ` · ${text(t, 'trajectories.participant.consentWithdrawn', { date: formatDate(consent.withdrawnOn) })}` : '';
    doc.text(`• ${text(t, `trajectories.consents.${consent.kind}`)}: ${text(t, 'trajectories.participant.consentGiven', { date: formatDate(consent.givenOn), name: consent.recordedBy?.name ?? '—' })}${withdrawn}`);
  }
  heading(doc, p('steps'));
  for (const step of detail.steps) {
    const by = step.doneBy ? ` · ${text(t, 'trajectories.participant.by', { name: step.doneBy.name })}` : '';
    const handover = step.kind === 'overdracht' ? ` · ${text(t, 'trajectories.participant.handoverNote', { from: step.fromCoach?.name ?? '—', to: step.toCoach?.name ?? '—' })}` : '';
    doc.font('Helvetica-Bold').text(`${formatDate(step.happenedOn)} · ${text(t, `trajectories.stages.${step.kind}`)}`, { continued: true }).font('Helvetica').text(`${by}${handover}`);
    if (step.note) doc.fillColor('#333333').text(step.note, { indent: 12 }).fillColor('#000000');
  }
  heading(doc, p('placements'));
  if (!detail.placements.length) doc.text(p('none'));
  for (const placement of detail.placements) {
    const organiser = placement.organizerName ? ` — ${placement.organizerName}` : '';
    doc.font('Helvetica-Bold').text(`${placement.offerTitle}${organiser}`, { continued: true });
    doc.font('Helvetica').text(` · ${text(t, `trajectories.placementStatuses.${placement.status}`)} · ${p('hours', { hours: placement.hours.toLocaleString('nl-BE') })}`);
    if (placement.expectations) doc.text(p('expectations', { text: placement.expectations }), { indent: 12 });
    if (placement.partnerMessage) doc.text(p('partnerMessage', { text: placement.partnerMessage }), { indent: 12 });
    if (placement.entries.length) doc.text(placement.entries.map((entry) => `${formatDate(entry.attendedOn)}: ${entry.hours.toLocaleString('nl-BE')}`).join(' · '), { indent: 12 });
  }
  doc.moveDown(1).font('Helvetica-Bold').text(text(t, 'trajectories.hoursProgress', { hours: detail.hours.toLocaleString('nl-BE'), goal: detail.hoursGoal }));
}

/**
 * Right of access as a PDF: the same content as the JSON export, for the participant's own coach only
 * (404 for everyone else). Logged as an export in the PDF format, without the content.
 */
export async function participantPdf(db: Db, region: RegionRow, participantId: string, viewer: Viewer, t: TFunction): Promise<{ code: string; bytes: Buffer }> {
  const detail = await getParticipant(db, region, participantId, viewer);
  await recordChange(db, { regionId: region.id, userId: viewer.userId, entityType: 'trajectory_participant', entityId: participantId, action: 'export', changes: { format: { before: null, after: 'pdf' } } });
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: text(t, 'trajectories.privacyRegion.pdf.title', { code: detail.code }), Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  writeRecord(doc, t, region, detail);
  // What other domains keep about the participant (the buddy network's duos).
  for (const section of await participantExportSections(db, participantId, t)) {
    heading(doc, section.title);
    if (!section.lines.length) doc.text(text(t, 'trajectories.privacyRegion.pdf.none'));
    for (const line of section.lines) doc.text(line);
  }
  doc.end();
  return { code: detail.code, bytes: await done };
}
