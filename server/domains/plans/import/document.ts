import { fundingSourceOf, parseFlemishAmount } from './budget.js';
import { parseMilestoneLine } from './milestones.js';
import { finalize, planMetaFromTitle } from './tabular.js';
import { splitOutsideParentheses } from './partners.js';
import { ACTION_TYPES, emptyAction, type ActionType, type ImportWarning, type ParsedAction, type ParsedFunding, type ParsedPlan } from './types.js';

// Headed-text plans (seed 004 layout): "Actie N: titel", then labelled parts per action.
const ACTION_HEADING = /^Actie\s+(\d+)\s*:\s*(.+)$/;
const CHAPTER_HEADING = /^(\d+)\s+(\p{Lu}[\p{L} ]{2,60})$/u;
const BULLET = /^(\s*)[-–•·]\s+(?:o\s+)?(.*)$/;
const TEMPLATE_PROMPT = /^\*?\s*(Geef een|Welke|Beschrijf|Toon aan|Formuleer|Leg uit|Koppel aan)\b|\?\*?$/;

type Part = 'none' | 'what' | 'why' | 'how' | 'partners' | 'timing' | 'milestones' | 'results' | 'indicators';

const PART_LABELS: [Part, RegExp][] = [
  ['what', /^Wat\s*:\s*(.*)$/i],
  ['why', /^Waarom\s*:\s*(.*)$/i],
  ['how', /^Hoe\s*:\s*(.*)$/i],
  ['partners', /^Partners\s*\/\s*onderaannemers\s*:?\s*()$/i],
  ['timing', /^Looptijd( en beoogde mijlpalen)?\s*:?\s*()$/i],
  ['milestones', /^Mijlpalen\s*:?\s*()$/i],
  ['results', /^(?:Beoogde resultaten|Resultaten|Resultaat)\s*:?\s*()$/i],
  ['indicators', /^(?:Meten|Metten)(?:\s*\/\s*weten)?\s*:?\s*()$/i],
];

const COMPETENCE = /competent|verwacht|vaardighe|profiel/i;
const PARTNER_LABEL = /\b(partners?|aanbieders?|onderaannemers?)\b/i;

function partnerName(item: string): string | null {
  const name = item
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+[–—-]\s+|:\s+/)[0]!
    .replace(/[.,;:…]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name || /^\.+$/.test(name) || name.split(' ').length > 6 || /^\p{Ll}/u.test(name)) return null;
  return name;
}

/** An organisation's name capitalises its main words ("Agentschap Integratie en Inburgering"). */
function looksLikeName(item: string): boolean {
  const words = item.replace(/\([^)]*\)/g, ' ').split(/\s+[–—-]\s+|:\s+/)[0]!.split(/\s+/).filter((word) => word.length > 3);
  return words.length > 0 && words.every((word) => /^[\p{Lu}\d]/u.test(word));
}

/** The names in one bullet: "Argos, Tegenstroom, Albatros, …" gives three; long sentences give none. */
function namesOf(item: string): string[] {
  if (item.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter(Boolean).length > 10) return [];
  return splitOutsideParentheses(item, /^,\s*/).map((part) => partnerName(part) ?? '');
}

/** Picks organisation names out of a "Partners / onderaannemers" section. */
function partnersFromSection(lines: string[]): string[] {
  const names: string[] = [];
  let context: 'names' | 'skip' | 'neutral' = 'neutral';
  let subContext: 'names' | 'skip' = 'skip';
  lines.forEach((line, index) => {
    const bullet = BULLET.exec(line);
    if (!bullet) {
      const text = line.trim();
      if (!text) return;
      if (COMPETENCE.test(text)) context = 'skip';
      else if (PARTNER_LABEL.test(text) && (text.endsWith(':') || text.split(/\s+/).length <= 6)) context = 'names';
      else context = 'neutral';
      return;
    }
    const indented = bullet[1]!.length > 0;
    const item = bullet[2]!.trim();
    if (!indented) {
      const nextLine = lines.slice(index + 1).find((candidate) => candidate.trim()) ?? '';
      const hasChildren = /^\s+[-–•·]\s/.test(nextLine);
      if (COMPETENCE.test(item)) subContext = 'skip';
      else if (PARTNER_LABEL.test(item)) subContext = 'names';
      else if (hasChildren && !(context === 'names' && looksLikeName(item))) subContext = context === 'names' ? 'names' : 'skip';
      else {
        subContext = 'skip';
        if (context === 'names') names.push(...namesOf(item));
      }
      return;
    }
    if (subContext === 'names') names.push(...namesOf(item));
  });
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLocaleLowerCase('nl-BE');
    if (!name || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function typeOf(text: string): ActionType {
  const lower = text.trim().toLocaleLowerCase('nl-BE');
  return (ACTION_TYPES as readonly string[]).includes(lower) ? (lower as ActionType) : 'andere';
}

function append(previous: string, next: string): string {
  return previous ? `${previous}\n${next}` : next;
}

function cells(line: string): string[] {
  return line.split('\t').map((cell) => cell.trim());
}

function amountOf(cell: string): number | null {
  const text = cell.replace(/€/g, '').replace(/\s+/g, '').replace(/^-?€?/, (sign) => (sign.includes('-') ? '-' : ''));
  return text ? parseFlemishAmount(text) : null;
}

/** Reads the budget chapter: the table per action per working year, and the funding table. */
function parseBudgetChapter(lines: { text: string; line: number }[], actions: ParsedAction[], warnings: ImportWarning[], funding: ParsedFunding[]): void {
  let mode: 'none' | 'actions' | 'funding' = 'none';
  let yearColumns: { index: number; year: number | null; workingYear: number | null }[] = [];
  let noteIndex = -1;
  let sum = 0;
  for (const { text, line } of lines) {
    if (!text.trim()) continue;
    const row = cells(text);
    const workingYears = row.map((cell) => /^werkjaar\s*(\d+)$/i.exec(cell)?.[1]);
    const years = row.map((cell) => /^(20\d{2})$/.exec(cell)?.[1]);
    if (workingYears.some(Boolean)) {
      mode = 'actions';
      yearColumns = workingYears.flatMap((value, index) => (value ? [{ index, year: null, workingYear: Number(value) }] : []));
      noteIndex = row.findIndex((cell) => /^opmerking/i.test(cell));
      sum = 0;
      continue;
    }
    if (years.some(Boolean)) {
      mode = 'funding';
      yearColumns = years.flatMap((value, index) => (value ? [{ index, year: Number(value), workingYear: null }] : []));
      noteIndex = row.findIndex((cell) => /^opmerking/i.test(cell));
      continue;
    }
    if (row.length < 2 || mode === 'none') {
      warnings.push({ code: 'skippedText', line, text: text.trim() });
      continue;
    }
    const label = row[0]!.replace(/^\*+/, '').trim();
    const note = (noteIndex >= 0 ? (row[noteIndex] ?? '') : '').replace(/[\s,;]+$/, '');
    if (mode === 'actions') {
      const amounts = yearColumns.map((column) => ({ ...column, cents: amountOf(row[column.index] ?? '') }));
      if (!label) {
        const total = row.slice(1).map(amountOf).filter((value): value is number => value !== null);
        const stated = total.at(-1);
        if (stated !== undefined && stated !== sum) warnings.push({ code: 'budgetTotalMismatch', line, text: text.trim() });
        continue;
      }
      const number = /^(\d+)[.)]?\s/.exec(label)?.[1];
      const action = actions.find((candidate) => candidate.number === number);
      if (!action) {
        warnings.push({ code: 'unknownAction', line, text: text.trim() });
        continue;
      }
      for (const amount of amounts) {
        if (amount.cents === null) {
          if ((row[amount.index] ?? '').trim()) warnings.push({ code: 'unparsedBudget', line, text: row[amount.index]!, action: action.number });
          continue;
        }
        sum += amount.cents;
        action.budgetLines.push({
          amountCents: amount.cents,
          description: note,
          year: null,
          workingYear: amount.workingYear,
          fundingSource: 'andere',
          vatNote: '',
          marker: '',
          per: '',
          sourceText: text.trim(),
        });
      }
      action.budgetText = append(action.budgetText, text.trim());
      continue;
    }
    // Funding table: income rows become funding; totals and expenses stay visible as warnings.
    const amounts = yearColumns.map((column) => ({ ...column, cents: amountOf(row[column.index] ?? '') }));
    const isIncome = /cofinanc|subsidie|bijdrage|inkomst/i.test(label) && !/totaal|totale/i.test(label);
    if (!isIncome || amounts.some((amount) => amount.cents !== null && amount.cents < 0)) {
      warnings.push({ code: 'skippedText', line, text: text.trim() });
      continue;
    }
    for (const amount of amounts) {
      if (amount.cents === null) continue;
      funding.push({ label, fundingSource: fundingSourceOf(label), year: amount.year, amountCents: amount.cents, note });
    }
  }
}

/**
 * Reads a plan written as headed text (seed 004): per action its type, what / why / how,
 * partners, milestones with date ranges, results and measurements, and the budget chapter's
 * table per action per working year. Narrative chapters are reported, not imported.
 */
export function parseDocumentPlan(text: string, options: { title?: string } = {}): ParsedPlan {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: ImportWarning[] = [];
  const actions: ParsedAction[] = [];
  const funding: ParsedFunding[] = [];
  const fileTitle = lines.find((line) => line.trim())?.trim() ?? '';
  const title = options.title?.trim() || fileTitle;
  let action: ParsedAction | null = null;
  let part: Part = 'none';
  let partnerLines: string[] = [];
  let timingText = '';
  let milestoneGroup = '';
  let chapter: { heading: string; line: number; count: number } | null = null;
  let budgetLines: { text: string; line: number }[] | null = null;

  const closeAction = () => {
    if (!action) return;
    action.partners = partnersFromSection(partnerLines);
    const dated = action.milestones.filter((milestone) => milestone.start && milestone.end);
    if (dated.length > 0) {
      const start = dated.map((milestone) => milestone.start!).sort()[0]!;
      const end = dated.map((milestone) => milestone.end!).sort().at(-1)!;
      action.timing = { kind: 'range', start, end, label: timingText.split('\n')[0] ?? '', note: timingText.split('\n').slice(1).join('\n') };
    } else if (timingText) action.timing = { kind: 'text', start: null, end: null, label: timingText, note: '' };
    action = null;
  };
  const closeChapter = () => {
    if (chapter && chapter.count > 0) warnings.push({ code: 'skippedText', line: chapter.line, text: `${chapter.heading} (${chapter.count})` });
    chapter = null;
  };

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.replace(/\*\*/g, '').replace(/\u00a0/g, ' ');
    const trimmed = line.trim();
    const heading = raw.includes('\t') ? null : ACTION_HEADING.exec(trimmed);
    if (heading) {
      closeAction();
      closeChapter();
      budgetLines = null;
      action = emptyAction(heading[1]!, lineNumber);
      action.title = heading[2]!.trim();
      actions.push(action);
      part = 'none';
      partnerLines = [];
      timingText = '';
      milestoneGroup = '';
      return;
    }
    const chapterHeading = raw.includes('\t') ? null : CHAPTER_HEADING.exec(trimmed);
    if (chapterHeading) {
      closeAction();
      closeChapter();
      if (/budget|begroting/i.test(chapterHeading[2]!)) budgetLines = [];
      else {
        budgetLines = null;
        chapter = { heading: trimmed, line: lineNumber, count: 0 };
      }
      return;
    }
    if (budgetLines) {
      budgetLines.push({ text: line, line: lineNumber });
      return;
    }
    if (!action) {
      if (trimmed && lineNumber > 1 && trimmed !== title) {
        if (chapter) (chapter as { count: number }).count += 1;
        else chapter = { heading: trimmed, line: lineNumber, count: 1 };
      }
      return;
    }
    const current = action as ParsedAction;
    if (!trimmed) return;
    const type = /^Type actie\s*:\s*(.+)$/i.exec(trimmed);
    if (type) {
      current.type = typeOf(type[1]!);
      if (current.type === 'andere') warnings.push({ code: 'unknownActionType', line: lineNumber, text: trimmed, action: current.number });
      return;
    }
    // "Spreiding: Ieper, Poperinge en Veurne" (or "Gemeenten:"): where the action takes place; the service maps it.
    const spreiding = /^(?:Spreiding|Gemeenten|Bereik)\s*:\s*(.+)$/i.exec(trimmed);
    if (spreiding) {
      const text = spreiding[1]!.trim();
      current.spreiding = { all: /\balle\s+gemeenten\b/i.test(text), text };
      return;
    }
    if (/^Omschrijving van de actie$/i.test(trimmed) || TEMPLATE_PROMPT.test(trimmed.replace(/^-\s*/, ''))) return;
    for (const [name, pattern] of PART_LABELS) {
      const match = pattern.exec(trimmed);
      if (match) {
        part = name;
        if (name === 'milestones') milestoneGroup = '';
        const rest = (match[1] ?? '').trim();
        if (rest && (name === 'what' || name === 'why' || name === 'how')) current[name] = append(current[name], rest);
        return;
      }
    }
    switch (part) {
      case 'what':
      case 'why':
      case 'how':
        current[part] = append(current[part], trimmed);
        return;
      case 'partners':
        partnerLines.push(line);
        current.partnersText = append(current.partnersText, trimmed);
        return;
      case 'timing':
        timingText = append(timingText, trimmed);
        return;
      case 'milestones': {
        const milestone = parseMilestoneLine(trimmed, milestoneGroup);
        if (milestone) current.milestones.push(milestone);
        else if (/^\d+[.)]\s/.test(trimmed) || /\d{1,2}\/\d{1,2}\/\d{4}/.test(trimmed)) {
          warnings.push({ code: 'unparsedMilestone', line: lineNumber, text: trimmed, action: current.number });
          current.milestones.push({ title: trimmed.replace(/^\d+[.)]\s*/, ''), start: null, end: null, note: '', group: milestoneGroup });
        } else milestoneGroup = trimmed.replace(/:$/, '');
        return;
      }
      case 'results':
      case 'indicators': {
        const item = BULLET.exec(line)?.[2] ?? trimmed;
        (part === 'results' ? current.results : current.indicators).push(item.replace(/^\*|\*$/g, '').trim());
        return;
      }
      default:
        current.description = append(current.description, trimmed);
    }
  });
  closeAction();
  closeChapter();
  if (budgetLines) parseBudgetChapter(budgetLines, actions, warnings, funding);

  const plan = finalize({ title, goals: [], actions, warnings, format: 'document', funding });
  return { ...plan, ...planMetaFromTitle(fileTitle || title) };
}

/** True when the text looks like a headed plan document rather than a table. */
export function looksLikeDocument(text: string): boolean {
  return /^Actie\s+\d+\s*:/m.test(text) && /^(Type actie\s*:|Mijlpalen)/im.test(text);
}
