import { readCsv, restoreNeutralised, type TextRow } from '../../../tabular/index.js';
import { parseBudgetCell } from './budget.js';
import { parseTiming } from './timing.js';
import { splitPartners } from './partners.js';
import { parseMilestoneLine } from './milestones.js';
import {
  ACTION_TYPES,
  emptyAction,
  type ActionType,
  type ImportWarning,
  type ParsedAction,
  type ParsedGoal,
  type ParsedObjective,
  type ParsedPlan,
} from './types.js';

/** The fields a column can hold. */
export type ColumnField =
  | 'code'
  | 'number'
  | 'title'
  | 'description'
  | 'what'
  | 'why'
  | 'how'
  | 'type'
  | 'timing'
  | 'budget'
  | 'partners'
  | 'regierol'
  | 'actorrol'
  | 'spreiding'
  | 'goal'
  | 'objective'
  | 'status'
  | 'responsible'
  | 'results'
  | 'indicators'
  | 'milestones'
  | 'crossRefs'
  | 'extra';

// Header names as organisations write them, normalised (lower case, no punctuation).
const HEADER_NAMES: [ColumnField, RegExp][] = [
  ['number', /^(nr|nummer|no|#|actienummer|actie ?nr|nr actie|volgnummer)$/],
  ['goal', /^(sd|strategische doelstelling(en)?|strategisch doel)$/],
  ['objective', /^(od|operationele doelstelling(en)?|operationeel doel)$/],
  ['title', /^(actie|acties|omschrijving|actie omschrijving|titel|naam actie|actietitel|doelstelling ?\d*|wordt doelstelling ?\d*)$/],
  ['description', /^(beschrijving|toelichting|omschrijving actie)$/],
  ['what', /^wat$/],
  ['why', /^waarom$/],
  ['how', /^hoe$/],
  ['type', /^(type|type actie|soort)$/],
  ['timing', /^(timing|planning|wanneer|periode|looptijd|timing planning)$/],
  ['budget', /^(budget|kostprijs|bedrag|kosten|begroting|budget euro)$/],
  ['partners', /^(partners?|partner s|betrokken partners|partners onderaannemers)$/],
  ['regierol', /^regierol$/],
  ['actorrol', /^actorrol$/],
  ['spreiding', /^spreiding$/],
  ['status', /^(status|stand van zaken)$/],
  ['responsible', /^(verantwoordelijke|verantwoordelijken|trekker|trekkers)$/],
  ['results', /^(resultaten|beoogde resultaten|resultaat)$/],
  ['indicators', /^(indicatoren|indicator|meten weten|kpi s?)$/],
  ['milestones', /^(mijlpalen|mijlpaal)$/],
  ['crossRefs', /^(zie ook|verwijzingen)$/],
];

function normaliseHeader(cell: string): string {
  return cleanCell(cell)
    .toLocaleLowerCase('nl-BE')
    .replace(/[().:/\-_*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strips the markup word processors leave in exported text (<i>, **, ➤ stays). */
export function cleanCell(cell: string): string {
  return cell
    .replace(/<\/?(i|b|em|strong|u)>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function fieldOfHeader(cell: string): ColumnField | null {
  const name = normaliseHeader(cell);
  if (!name) return null;
  for (const [field, pattern] of HEADER_NAMES) if (pattern.test(name)) return field;
  return null;
}

/** Maps a header row to fields, or null when fewer than two cells are known header names. */
export function mapHeader(cells: string[]): ColumnField[] | null {
  const fields = cells.map(fieldOfHeader);
  const known = fields.filter((field) => field !== null);
  if (known.length < 2 || new Set(known).size < known.length - 1) return null;
  if (!known.includes('title') && !known.includes('number')) return null;
  const titleIndex = fields.indexOf('title');
  const mapped: ColumnField[] = fields.map((field) => field ?? 'extra');
  // An unnamed first column in front of the title holds the codes ("SD1", "SD1 OD2", "actie").
  if (titleIndex > 0 && fields[0] === null && !fields.includes('number')) mapped[0] = 'code';
  return mapped;
}

const GOAL_CODE = /^(SD\s*\d+)(?![\s-]*OD)\b[\s.:–-]*(.*)$/i;
const OBJECTIVE_CODE = /^((?:SD\s*\d+\s*[-\s]?\s*)?OD\s*\d+(?:\.\d+)?)\b[\s.:–-]*(.*)$/i;
const ACTION_NUMBER = /^(\d+[a-z]?)\.?$/i;
const ACTION_MARKER = /^actie(?:\s*(\d+[a-z]?))?[.:]?$/i;
const CROSS_REF = /\s*\(?\bzie(?:\s+ook)?\s+((?:SD\s*\d+\s*-?\s*OD\s*\d+|SD\s*\d+)(?:\s*(?:&|,|en)\s*(?:SD\s*\d+\s*-?\s*OD\s*\d+|SD\s*\d+))*)\)?/gi;
const ARROW = /^(➤|→|->|=>)\s*/;

function normaliseCode(code: string): string {
  return code.replace(/\s+/g, ' ').replace(/\s*-\s*/g, '-').trim().toUpperCase();
}

/** Pulls "zie ook SD 4 OD 3"-style references out of a text. */
export function extractCrossRefs(text: string): { text: string; refs: string[] } {
  const refs: string[] = [];
  const rest = text.replace(CROSS_REF, (_, list: string) => {
    for (const ref of list.split(/\s*(?:&|,|\ben\b)\s*/)) if (ref.trim()) refs.push(ref.replace(/\s+/g, ' ').trim());
    return ' ';
  });
  return { text: rest.replace(/\s{2,}/g, ' ').trim(), refs };
}

function spreidingOf(text: string): { all: boolean; text: string } {
  return { all: /\balle\s+gemeenten\b/i.test(text), text };
}

function typeOf(text: string): ActionType | null {
  const lower = text.trim().toLocaleLowerCase('nl-BE');
  if (!lower) return null;
  return (ACTION_TYPES as readonly string[]).includes(lower) ? (lower as ActionType) : 'andere';
}

function appendText(previous: string, next: string): string {
  if (!next) return previous;
  return previous ? `${previous}\n${next}` : next;
}

function listOf(text: string): string[] {
  return text
    .split(/\r?\n|;\s*/)
    .map((item) => item.replace(/^[\s\-–•·]+/, '').trim())
    .filter(Boolean);
}

/** Derives plan kind and period from a title line ("Actieplan CO7 2021", "… 2024-2026"). */
export function planMetaFromTitle(title: string): Pick<ParsedPlan, 'kind' | 'periodStart' | 'periodEnd'> {
  const lower = title.toLocaleLowerCase('nl-BE');
  const kind = lower.includes('beleidsplan') ? 'beleidsplan' : lower.includes('projectplan') ? 'projectplan' : 'actieplan';
  const range = /\b(20\d{2})\s*[-–]\s*(20\d{2})\b/.exec(title);
  if (range) return { kind, periodStart: Number(range[1]), periodEnd: Number(range[2]) };
  const single = /\b(20\d{2})\b/.exec(title);
  return { kind, periodStart: single ? Number(single[1]) : null, periodEnd: single ? Number(single[1]) : null };
}

/**
 * Turns the rows of a table into goals, objectives and actions. Goals and objectives may be
 * header rows between the actions ("SD1 …", "OD1.1 …", "SD1 OD2 …") or columns of their own;
 * rows without a number or code continue the previous action.
 */
export function parseRows(rows: TextRow[], options: { title?: string; fallbackTitle?: string } = {}): ParsedPlan {
  const warnings: ImportWarning[] = [];
  const goals: ParsedGoal[] = [];
  const looseActions: ParsedAction[] = [];
  let header: ColumnField[] | null = null;
  let title = '';
  let goal: ParsedGoal | null = null;
  let objective: ParsedObjective | null = null;
  let last: ParsedAction | null = null;
  let autoNumber = 0;
  const seenCodes = new Set<string>();

  const warn = (code: ImportWarning['code'], line: number | null, text: string, action?: string) =>
    warnings.push({ code, line, text, ...(action ? { action } : {}) });

  const startGoal = (code: string, goalTitle: string, line: number) => {
    const normal = normaliseCode(code);
    if (seenCodes.has(normal)) warn('duplicateCode', line, `${code} ${goalTitle}`.trim());
    seenCodes.add(normal);
    goal = { code: normal, title: goalTitle, objectives: [], line };
    goals.push(goal);
    objective = null;
    last = null;
  };
  const startObjective = (code: string, objectiveTitle: string, line: number) => {
    const normal = normaliseCode(code);
    if (!goal) {
      warn('orphanRow', line, `${code} ${objectiveTitle}`.trim());
      const parent = /^SD\s*(\d+)/i.exec(code)?.[1] ?? /^OD\s*(\d+)/i.exec(code)?.[1] ?? '?';
      startGoal(`SD${parent}`, '', line);
    }
    if (seenCodes.has(normal)) warn('duplicateCode', line, `${code} ${objectiveTitle}`.trim());
    seenCodes.add(normal);
    const refs = extractCrossRefs(objectiveTitle);
    objective = { code: normal, title: refs.text, spreiding: spreidingOf(''), crossRefs: refs.refs, actions: [], line };
    goal!.objectives.push(objective);
    last = null;
  };

  const column = (field: ColumnField): number => header?.indexOf(field) ?? -1;
  const cellOf = (cells: string[], field: ColumnField): string => {
    const index = column(field);
    return index === -1 ? '' : cleanCell(cells[index] ?? '');
  };

  // Goals and objectives given as columns of their own: find or start them per row.
  const ensureFromColumns = (cells: string[], line: number) => {
    const goalText = cellOf(cells, 'goal');
    if (goalText) {
      const match = GOAL_CODE.exec(goalText);
      const code = match ? match[1]! : `SD${goals.length + 1}`;
      const goalTitle = match ? match[2]! : goalText;
      const existing = goals.find((candidate) => candidate.code === normaliseCode(code) || (!match && candidate.title === goalText));
      if (existing) {
        if (existing !== goal) {
          goal = existing;
          objective = null;
        }
      } else startGoal(code, goalTitle, line);
    }
    const objectiveText = cellOf(cells, 'objective');
    if (objectiveText) {
      const match = OBJECTIVE_CODE.exec(objectiveText);
      const code = match ? match[1]! : `OD${goal ? `${goals.indexOf(goal) + 1}.` : ''}${(goal?.objectives.length ?? 0) + 1}`;
      const objectiveTitle = match ? match[2]! : objectiveText;
      const existing = goal?.objectives.find((candidate) => candidate.code === normaliseCode(code) || (!match && candidate.title === objectiveText));
      if (existing) objective = existing;
      else startObjective(code, objectiveTitle, line);
    }
  };

  const fill = (action: ParsedAction, cells: string[], continuing: boolean) => {
    const join = (previous: string, next: string) => (continuing ? appendText(previous, next) : next);
    const titleText = cellOf(cells, 'title');
    if (continuing) {
      const arrow = ARROW.exec(titleText);
      if (arrow) action.crossRefs.push(titleText.replace(ARROW, ''));
      else action.description = appendText(action.description, titleText);
    } else action.title = titleText;
    action.description = join(action.description, cellOf(cells, 'description'));
    action.what = join(action.what, cellOf(cells, 'what'));
    action.why = join(action.why, cellOf(cells, 'why'));
    action.how = join(action.how, cellOf(cells, 'how'));
    action.budgetText = join(action.budgetText, cellOf(cells, 'budget'));
    action.partnersText = join(action.partnersText, cellOf(cells, 'partners'));
    action.regierol = join(action.regierol, cellOf(cells, 'regierol'));
    action.actorrol = join(action.actorrol, cellOf(cells, 'actorrol'));
    const spreiding = join(action.spreiding.text, cellOf(cells, 'spreiding'));
    action.spreiding = spreidingOf(spreiding);
    action.responsible = join(action.responsible, cellOf(cells, 'responsible'));
    action.status = join(action.status, cellOf(cells, 'status'));
    const typeText = cellOf(cells, 'type');
    if (typeText) action.type = typeOf(typeText);
    action.results.push(...listOf(cellOf(cells, 'results')));
    action.indicators.push(...listOf(cellOf(cells, 'indicators')));
    action.crossRefs.push(...listOf(cellOf(cells, 'crossRefs')));
    const timingText = cellOf(cells, 'timing');
    const extras = header ? header.map((field, index) => (field === 'extra' ? cleanCell(cells[index] ?? '') : '')).filter(Boolean) : [];
    for (const extra of extras) {
      // Unnamed trailing columns often hold the timing ("2020 - 2021").
      const timing = parseTiming(extra);
      if (!timingText && timing && timing.kind !== 'text' && !action.timing) action.timing = timing;
      else warn('extraColumn', null, extra, action.number);
    }
    if (timingText) action.timing = parseTiming(continuing && action.timing ? `${action.timing.label} ${timingText}` : timingText);
    for (const line of listOf(cellOf(cells, 'milestones'))) {
      const milestone = parseMilestoneLine(line, '');
      if (milestone) action.milestones.push(milestone);
      else action.milestones.push({ title: line, start: null, end: null, note: '', group: '' });
    }
  };

  for (const row of rows) {
    const cells = row.cells.map(cleanCell);
    const nonEmpty = cells.filter(Boolean);
    if (nonEmpty.length === 0 || nonEmpty.every((cell) => /^[-|:\s]+$/.test(cell))) continue;

    const mapped = mapHeader(row.cells);
    if (mapped) {
      if (header) {
        const titleCell = cleanCell(row.cells[mapped.indexOf('title')] ?? '');
        if (/wordt|weggehaald|naar\s+sd/i.test(titleCell)) warn('revisionNote', row.line, titleCell);
      }
      header = mapped;
      continue;
    }
    if (!header) {
      if (!title && nonEmpty.length === 1 && /plan/i.test(nonEmpty[0]!) && nonEmpty[0]!.split(/\s+/).length >= 2) title = nonEmpty[0]!.replace(/^plan\s*:\s*/i, '');
      else warn('skippedText', row.line, nonEmpty.join(' | '));
      continue;
    }

    const codeIndex = column('code') !== -1 ? column('code') : column('number');
    const lead = codeIndex === -1 ? '' : cells[codeIndex] ?? '';
    const titleText = cellOf(cells, 'title');
    const rest = cells.filter((_, index) => index !== codeIndex).filter(Boolean);
    const headerText = lead && rest.length === 0 ? lead : titleText && !lead && rest.length === 1 ? titleText : '';

    // Goal or objective as a header row: the code alone in its cell or leading the only text.
    const objectiveMatch = OBJECTIVE_CODE.exec(lead) ?? (headerText ? OBJECTIVE_CODE.exec(headerText) : null);
    if (objectiveMatch && (lead === objectiveMatch[0] || headerText)) {
      const objectiveTitle = objectiveMatch[2] || titleText;
      startObjective(objectiveMatch[1]!, objectiveTitle, row.line);
      const spreiding = cellOf(cells, 'spreiding');
      if (spreiding && objective) (objective as ParsedObjective).spreiding = spreidingOf(spreiding);
      continue;
    }
    const goalMatch = GOAL_CODE.exec(lead) ?? (headerText ? GOAL_CODE.exec(headerText) : null);
    if (goalMatch) {
      startGoal(goalMatch[1]!, goalMatch[2] || titleText, row.line);
      continue;
    }

    const numberMatch = ACTION_NUMBER.exec(lead);
    const markerMatch = ACTION_MARKER.exec(lead);
    const startsAction = numberMatch !== null || markerMatch !== null || (codeIndex === -1 && titleText !== '');
    if (startsAction) {
      ensureFromColumns(cells, row.line);
      autoNumber += 1;
      const number = numberMatch?.[1] ?? markerMatch?.[1] ?? String(autoNumber);
      if (numberMatch) autoNumber = Number.parseInt(numberMatch[1]!, 10) || autoNumber;
      const action = emptyAction(number, row.line);
      fill(action, cells, false);
      const refs = extractCrossRefs(action.title);
      action.title = refs.text;
      action.crossRefs.push(...refs.refs);
      if (!action.title) action.title = `Actie ${number}`;
      if (objective) (objective as ParsedObjective).actions.push(action);
      else looseActions.push(action);
      last = action;
      continue;
    }

    if (!lead) {
      const target = last as ParsedAction | null;
      if (target) {
        fill(target, cells, true);
        continue;
      }
      const currentObjective = objective as ParsedObjective | null;
      if (currentObjective && ARROW.test(titleText)) {
        currentObjective.crossRefs.push(titleText.replace(ARROW, ''));
        continue;
      }
      // The rest of an objective's title, wrapped onto the next row.
      if (currentObjective && titleText && rest.length === 1) {
        currentObjective.title = `${currentObjective.title} ${titleText}`.trim();
        continue;
      }
    }
    warn(last || objective ? 'orphanRow' : 'skippedText', row.line, nonEmpty.join(' | '));
  }

  const plan = finalize({ title: options.title?.trim() || title || options.fallbackTitle || '', goals, actions: looseActions, warnings, format: 'tabular', funding: [] });
  // Kind and period come from the file's own title line when it has one.
  return title ? { ...plan, ...planMetaFromTitle(title) } : plan;
}

/**
 * Parses the understood parts of every action's free text (budget, timing, partners) and adds
 * the warnings: text that was not understood, and identical budget text on consecutive actions.
 */
export function finalize(input: Pick<ParsedPlan, 'title' | 'goals' | 'actions' | 'warnings' | 'format' | 'funding'>): ParsedPlan {
  const warnings = input.warnings;
  const actions = [...input.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...input.actions];
  let previousBudget = '';
  for (const action of actions) {
    if (action.budgetText && action.budgetLines.length === 0) {
      action.budgetLines = parseBudgetCell(action.budgetText);
      if (action.budgetLines.length === 0) warnings.push({ code: 'unparsedBudget', line: action.line, text: action.budgetText, action: action.number });
      const key = action.budgetText.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl-BE');
      if (key && key === previousBudget) warnings.push({ code: 'possibleDoubleCount', line: action.line, text: action.budgetText, action: action.number });
      previousBudget = key;
    } else if (!action.budgetText) previousBudget = '';
    if (action.status && !['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'].includes(action.status.toLowerCase())) {
      warnings.push({ code: 'unknownStatus', line: action.line, text: action.status, action: action.number });
    }
    if (action.timing?.kind === 'text') warnings.push({ code: 'unparsedTiming', line: action.line, text: action.timing.label, action: action.number });
    if (input.format === 'tabular' && action.partnersText && action.partners.length === 0) {
      const { names, notes } = splitPartners(action.partnersText);
      action.partners = names;
      for (const note of notes) warnings.push({ code: 'partnerNote', line: action.line, text: note, action: action.number });
    }
  }
  const meta = planMetaFromTitle(input.title);
  return { ...input, title: input.title.trim() || 'Geïmporteerd plan', ...meta, warnings };
}

/** Reads a TSV or CSV text (delimiter detected) into a plan. */
export function parseDelimitedPlan(text: string, options: { title?: string; fallbackTitle?: string } = {}): ParsedPlan {
  const rows = readCsv(text).map((row) => ({ line: row.line, cells: row.cells.map(restoreNeutralised) }));
  return parseRows(rows, options);
}
