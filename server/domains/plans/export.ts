import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import { writeCsv, writeXlsx } from '../../tabular/index.js';

/** The columns of the CSV/XLSX export: the same header names the importer reads. */
export const EXPORT_COLUMNS = ['SD', 'OD', 'Nr', 'Actie', 'Timing', 'Budget', 'Partners', 'Regierol', 'Actorrol', 'Spreiding', 'Type', 'Status', 'Wat', 'Waarom', 'Hoe', 'Mijlpalen', 'Resultaten', 'Indicatoren', 'Verantwoordelijke', 'Zie ook'] as const;

/** Writes cents the way Flemish plans do: "2.500", "10.500,50". */
export function flemishAmount(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fraction = absolute % 100;
  return `${negative ? '-' : ''}${whole}${fraction ? `,${String(fraction).padStart(2, '0')}` : ''}`;
}

/** A budget cell the importer reads back into the same lines. */
export function budgetCell(action: PlanAction): string {
  return action.budgetLines
    .map((line) => {
      const amount = `${flemishAmount(line.amountCents)}${line.marker} euro${line.per ? `/ ${line.per}` : ''}`;
      return [amount, line.vatNote, line.workingYear !== null ? `werkjaar ${line.workingYear}` : '', line.description].filter(Boolean).join(' ');
    })
    .join(' ');
}

function dutchDate(iso: string | null): string {
  if (!iso) return '';
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** One row per action, goals and objectives as columns, in the importer's columns. */
export function planRows(detail: PlanDetail): string[][] {
  const rows: string[][] = [];
  const row = (goal: string, objective: string, action: PlanAction) => [
    goal,
    objective,
    action.number,
    action.title,
    action.timing?.label ?? '',
    budgetCell(action),
    action.partners.map((partner) => partner.name).join('; '),
    action.regierol,
    action.actorrol,
    action.spreiding.text,
    action.type ?? '',
    action.status,
    action.what,
    action.why,
    action.how,
    action.milestones.map((m) => `${m.title} (${dutchDate(m.startDate ?? m.endDate)} – ${dutchDate(m.endDate ?? m.startDate)})`).join('\n'),
    action.results.join('\n'),
    action.indicators.map((indicator) => indicator.name).join('\n'),
    action.responsible,
    action.crossRefs.join('; '),
  ];
  for (const goal of detail.goals) {
    for (const objective of goal.objectives) {
      for (const action of objective.actions) rows.push(row(`${goal.code} ${goal.title}`.trim(), `${objective.code} ${objective.title}`.trim(), action));
    }
  }
  for (const action of detail.actions) rows.push(row('', '', action));
  return rows;
}

/** The plan as CSV with ";" (what Excel in Belgium opens directly), UTF-8 with BOM. */
export function planToCsv(detail: PlanDetail): string {
  return writeCsv([[`Plan: ${detail.title}`], EXPORT_COLUMNS, ...planRows(detail)]).toString('utf8');
}

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The plan's dated milestones as an iCalendar feed (all-day events; the end date is inclusive in the plan). */
export function planToIcs(detail: PlanDetail, options: { host: string; region: string; now?: Date }): string {
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const actions = [...detail.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...detail.actions];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Regiekamer//Plannen//NL', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText(detail.title)}`];
  for (const action of actions) {
    for (const milestone of action.milestones) {
      const start = milestone.startDate ?? milestone.endDate;
      if (!start) continue;
      const end = milestone.endDate ?? start;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${milestone.id}@${options.host}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${start.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${nextDay(end).replace(/-/g, '')}`,
        `SUMMARY:${icsText(`Actie ${action.number}: ${milestone.title}`)}`,
        `DESCRIPTION:${icsText([action.title, milestone.note].filter(Boolean).join('\n'))}`,
        `STATUS:${milestone.status === 'geschrapt' ? 'CANCELLED' : 'CONFIRMED'}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const WIDE_COLUMNS: readonly string[] = ['Budget', 'Partners', 'Regierol', 'Actorrol', 'Mijlpalen', 'Wat', 'Waarom', 'Hoe'];

/** The plan as XLSX in the importer's columns (export → edit in Excel → import round-trips). */
export function planToXlsx(detail: PlanDetail): Promise<Buffer> {
  return writeXlsx(
    [
      {
        name: 'Plan',
        rows: [[`Plan: ${detail.title}`], EXPORT_COLUMNS, ...planRows(detail)],
        boldRows: [2],
        widths: EXPORT_COLUMNS.map((column) => (column === 'Actie' ? 60 : WIDE_COLUMNS.includes(column) ? 40 : 14)),
        wrapText: true,
        frozen: { rows: 2 },
      },
    ],
    { title: detail.title },
  );
}
