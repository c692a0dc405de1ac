// A meeting as an iCal invitation (mailed to the body's members) and its minutes as PDF.
import PDFDocument from 'pdfkit';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import type { Mailer } from '../accounts/mailer.js';
import { users } from '../accounts/schema.js';
import { formatDate, formatDateTime } from '../../../common/format.js';
import type { MeetingDetail } from '../../../common/schemas/cooperative.js';
import type { TFunction } from 'i18next';
import { coopMeetings, coopNotificationSettings, coopOutbox } from './schema.js';
import { getBody } from './members.js';
import { getMeeting } from './meetings.js';
import { and } from 'drizzle-orm';

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function icsTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 74) {
    parts.push(rest.slice(0, 74));
    rest = rest.slice(74);
  }
  parts.push(rest);
  return parts.join('\r\n ');
}

/** The meeting as an iCalendar REQUEST (one VEVENT with a stable UID, so a re-sent invitation updates the same event). */
export function meetingToIcs(meeting: MeetingDetail, options: { host: string; url: string; organizerEmail: string; sequence: number; now?: Date }): string {
  const description = [meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`).join('\n'), meeting.videoUrl ?? '', options.url].filter(Boolean).join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Regiekamer//Cooperatie//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:meeting-${meeting.id}@${options.host}`,
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${icsTime((options.now ?? new Date()).toISOString())}`,
    `DTSTART:${icsTime(meeting.startsAt)}`,
    `DTEND:${icsTime(meeting.endsAt)}`,
    `SUMMARY:${icsText(`${meeting.bodyName}: ${meeting.title}`)}`,
    `LOCATION:${icsText(meeting.location || meeting.videoUrl || '')}`,
    `DESCRIPTION:${icsText(description)}`,
    `URL:${options.url}`,
    `ORGANIZER:mailto:${options.organizerEmail}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * Mails the invitation with the iCal attachment to every member of the meeting's body who did not turn
 * invitations off; every mail is kept in the outbox (shown to the admin, also when no SMTP is configured).
 */
export async function sendMeetingInvitations(db: Db, mailer: Mailer, region: RegionRow, meetingId: string, options: { baseUrl: string; userId: string; t: TFunction; from: string }) {
  const meeting = await getMeeting(db, region, meetingId, { userId: options.userId, role: 'admin' });
  const body = await getBody(db, region.id, meeting.bodyId);
  const url = `${options.baseUrl}/r/${region.slug}/cooperatie/vergaderingen/${meeting.id}`;
  const ics = meetingToIcs(meeting, { host: new URL(options.baseUrl).host, url, organizerEmail: options.from, sequence: meeting.version });
  const t = options.t;
  const subject = t('cooperative.mail.invitationSubject', { body: meeting.bodyName, title: meeting.title, date: formatDate(meeting.startsAt) }) as string;
  const text = [
    t('cooperative.mail.invitationIntro', { body: meeting.bodyName, date: formatDateTime(meeting.startsAt) }) as string,
    meeting.location ? `${t('cooperative.meetings.location') as string}: ${meeting.location}` : '',
    meeting.videoUrl ? `${t('cooperative.meetings.videoUrl') as string}: ${meeting.videoUrl}` : '',
    '',
    `${t('cooperative.meetings.agenda') as string}:`,
    ...meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`),
    '',
    url,
  ]
    .filter((line, index, all) => line !== '' || (all[index - 1] ?? '') !== '')
    .join('\n');
  let sent = 0;
  for (const member of body.members) {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, member.userId));
    const [settings] = await db.select().from(coopNotificationSettings).where(and(eq(coopNotificationSettings.userId, member.userId), eq(coopNotificationSettings.regionId, region.id)));
    if (!user || settings?.meetingInvitations === false) continue;
    const attachment = { filename: 'uitnodiging.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' };
    await mailer.send({ to: user.email, subject, text, attachments: [attachment] });
    await db.insert(coopOutbox).values({ regionId: region.id, kind: 'uitnodiging', recipient: user.email, subject, body: text, attachmentNames: [attachment.filename], delivered: mailer.configured });
    sent += 1;
  }
  await db.update(coopMeetings).set({ invitationsSentAt: new Date() }).where(eq(coopMeetings.id, meeting.id));
  return { sent, delivered: mailer.configured };
}

/** The minutes as an A4 PDF: meeting details, attendance, agenda, the minutes text, decisions and action points. */
export function minutesToPdf(meeting: MeetingDetail, regionName: string, t: TFunction): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${meeting.bodyName}: ${meeting.title}`, Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#1f3a5f').text(text).fillColor('#000000').font('Helvetica').fontSize(10).moveDown(0.2);
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(regionName);
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000000').text(`${t('cooperative.pdf.minutes') as string} — ${meeting.bodyName}`);
  doc.font('Helvetica').fontSize(11).text(meeting.title);
  doc.fontSize(10).text(`${formatDateTime(meeting.startsAt)}${meeting.location ? ` · ${meeting.location}` : ''}`);
  if (meeting.attendance.length) {
    heading(t('cooperative.meetings.attendance') as string);
    for (const entry of meeting.attendance) {
      doc.text(`${entry.name} (${t(`cooperative.roles.${entry.role}`) as string}): ${entry.status ? (t(`cooperative.attendance.${entry.status}`) as string) : '—'}`);
    }
    doc.text(`${t('cooperative.meetings.quorum') as string}: ${meeting.quorum.present}/${meeting.quorum.needed} ${meeting.quorum.reached ? '✓' : ''}`);
  }
  heading(t('cooperative.meetings.agenda') as string);
  meeting.agenda.forEach((item, index) => doc.text(`${index + 1}. ${item.title}${item.linkLabel ? ` (${item.linkLabel})` : ''}`));
  heading(t('cooperative.meetings.minutes') as string);
  doc.text(meeting.minutes || '—');
  if (meeting.decisions.length) {
    heading(t('cooperative.meetings.decisions') as string);
    for (const decision of [...meeting.decisions].reverse()) {
      doc.font('Helvetica-Bold').text(`${t('cooperative.decisions.reference', { reference: decision.reference }) as string}`, { continued: true }).font('Helvetica').text(` ${decision.text}`);
    }
  }
  if (meeting.actionPoints.length) {
    heading(t('cooperative.meetings.actionPoints') as string);
    for (const point of meeting.actionPoints) {
      doc.text(`• ${point.description} — ${point.assignee?.name ?? '—'}${point.dueOn ? `, ${formatDate(point.dueOn)}` : ''} (${t(`cooperative.actionPointStatus.${point.status}`) as string})`);
    }
  }
  doc.end();
  return done;
}
