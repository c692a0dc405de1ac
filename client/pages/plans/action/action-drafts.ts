// The edit form's working copy of an action and its conversion to the API's shapes (pure, no React).
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { formatMoney } from '../../../../common/format.js';

/** The edit form's state: texts as typed, lists as rows. */
export interface Draft {
  title: string;
  description: string;
  status: PlanAction['status'];
  progress: number;
  timingLabel: string;
  spreidingAll: boolean;
  spreidingNis: string[];
  budgetLines: LineDraft[];
  milestones: MilestoneDraft[];
  partners: PartnerDraft[];
}


export type BudgetLineInput = Omit<PlanAction['budgetLines'][number], 'id'>;
export type MilestoneDraft = Omit<PlanAction['milestones'][number], 'id'>;
export type FundingSource = BudgetLineInput['fundingSource'];
/** A budget line as typed: amount and year as text; the fields the form does not show are kept. */
export interface LineDraft {
  amount: string;
  description: string;
  year: string;
  fundingSource: FundingSource;
  kept: BudgetLineInput | null;
}
/** A partner as typed; the link to an actor is kept while the name is unchanged. */
export interface PartnerDraft {
  name: string;
  actorId: string | null;
  linkedName: string | null;
}

export const FUNDING_SOURCES: FundingSource[] = ['eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere'];

/** "2.500,00", "€ 1.000", "564" → cents; null when it is not an amount. */
export function parseEuro(text: string): number | null {
  const cleaned = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace(/\./g, '').split(',');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}

/** Cents as the form shows them: 2.500,00. */
export function euroText(cents: number): string {
  return (cents / 100).toLocaleString('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A saved budget line as the form edits it. */
export function lineDraftOf({ id: _id, ...line }: PlanAction['budgetLines'][number]): LineDraft {
  return { amount: euroText(line.amountCents), description: line.description, year: line.year === null ? '' : String(line.year), fundingSource: line.fundingSource, kept: line };
}

export const NEW_LINE: LineDraft = { amount: '', description: '', year: '', fundingSource: 'eigen-middelen', kept: null };
export const NEW_MILESTONE: MilestoneDraft = { title: '', startDate: null, endDate: null, status: 'gepland', note: '', group: '' };

/** The budget lines to send, in the API's shape (null when an amount or year cannot be read). */
export function budgetPayload(lines: LineDraft[]): BudgetLineInput[] | { invalid: string } {
  const out: BudgetLineInput[] = [];
  for (const [index, line] of lines.entries()) {
    const amountCents = parseEuro(line.amount);
    if (amountCents === null) return { invalid: `budgetLines.${index}.amountCents` };
    const year = line.year.trim() === '' ? null : Number(line.year);
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2200)) return { invalid: `budgetLines.${index}.year` };
    const kept = line.kept ?? { amountCents: 0, description: '', year: null, workingYear: null, fundingSource: 'andere', cofinancingPartner: '', vatNote: '', marker: '', per: '', sourceText: '' };
    out.push(normalLine({ ...kept, amountCents, description: line.description, year, fundingSource: line.fundingSource }));
  }
  return out;
}

/** A budget line with only the fields the API takes, in a fixed order (for comparing). */
export function normalLine(line: BudgetLineInput): BudgetLineInput {
  const { amountCents, description, year, workingYear, fundingSource, cofinancingPartner, vatNote, marker, per, sourceText } = line;
  return { amountCents, description, year, workingYear, fundingSource, cofinancingPartner, vatNote, marker, per, sourceText };
}

/** A milestone with empty dates as null, in a fixed order (for comparing). */
export function normalMilestone(milestone: MilestoneDraft): MilestoneDraft {
  const { title, startDate, endDate, status, note, group } = milestone;
  return { title, startDate: startDate || null, endDate: endDate || null, status, note, group };
}

/** The partners to send: empty names dropped, a link kept only while the linked name is unchanged. */
export function partnerPayload(partners: PartnerDraft[]): { name: string; actorId: string | null }[] {
  return partners.filter((partner) => partner.name.trim() !== '').map((partner) => ({ name: partner.name.trim(), actorId: partner.linkedName === partner.name.trim() ? partner.actorId : null }));
}

/** "€ 100,00 zaal; € 50,00 drukwerk". */
export function summaryOfLines(lines: BudgetLineInput[]): string {
  return lines.map((line) => `${formatMoney(line.amountCents)} ${line.description}`.trim()).join('; ');
}

export const MILESTONE_STATUSES: PlanAction['milestones'][number]['status'][] = ['gepland', 'bezig', 'behaald', 'vertraagd', 'geschrapt'];

export const STATUSES: PlanAction['status'][] = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'];

/** The form's working copy of a saved action. */
export function draftOf(action: PlanAction): Draft {
  return {
    title: action.title,
    description: action.description,
    status: action.status,
    progress: action.progress,
    timingLabel: action.timing?.label ?? '',
    spreidingAll: action.spreiding.all,
    spreidingNis: action.spreiding.nisCodes,
    budgetLines: action.budgetLines.map(lineDraftOf),
    milestones: action.milestones.map(({ id: _id, ...milestone }) => milestone),
    partners: action.partners.map((partner) => ({ name: partner.name, actorId: partner.actorId, linkedName: partner.name })),
  };
}
