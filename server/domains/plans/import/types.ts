// The importer's output: a plan tree as the file describes it, before anything touches the database.

export const ACTION_TYPES = ['community', 'atelier', 'labo', 'business', 'andere'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const FUNDING_SOURCES = ['eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Why the importer flagged something; the original text always travels with it. */
export type ImportWarningCode =
  | 'skippedText'
  | 'unparsedBudget'
  | 'possibleDoubleCount'
  | 'unparsedTiming'
  | 'partnerNote'
  | 'duplicateCode'
  | 'revisionNote'
  | 'extraColumn'
  | 'orphanRow'
  | 'budgetTotalMismatch'
  | 'unknownAction'
  | 'unparsedMilestone'
  | 'unknownActionType'
  | 'unknownStatus';

export interface ImportWarning {
  code: ImportWarningCode;
  /** 1-based line (text) or row (spreadsheet) in the source; null when not tied to one place. */
  line: number | null;
  /** The original text the warning is about, untouched. */
  text: string;
  /** Action number the warning concerns, when known. */
  action?: string;
}

export type TimingKind = 'ongoing' | 'year' | 'season' | 'range' | 'text';

export interface ParsedTiming {
  kind: TimingKind;
  /** ISO dates (yyyy-mm-dd), inclusive; null for "doorlopend" and unparsed text. */
  start: string | null;
  end: string | null;
  /** The timing as written ("Najaar 2021"). */
  label: string;
  /** What followed the understood part ("check met stuurgroep"). */
  note: string;
}

export interface ParsedBudgetLine {
  amountCents: number;
  description: string;
  /** Calendar year the amount is for, when the text names one. */
  year: number | null;
  /** Working year 1, 2… of the plan (seed 004's budget table). */
  workingYear: number | null;
  fundingSource: FundingSource;
  /** "btw in", "incl. btw"… as written. */
  vatNote: string;
  /** Footnote marker as written next to the amount ("*"). */
  marker: string;
  /** "jaar" for "200 euro/ jaar"; empty for one-off amounts. */
  per: string;
  /** The whole cell this line came from. */
  sourceText: string;
}

export interface ParsedMilestone {
  title: string;
  start: string | null;
  end: string | null;
  note: string;
  /** Sub-heading the milestone was listed under ("Communicatiestrategie"). */
  group: string;
}

export interface ParsedAction {
  number: string;
  title: string;
  description: string;
  what: string;
  why: string;
  how: string;
  type: ActionType | null;
  timing: ParsedTiming | null;
  budgetText: string;
  budgetLines: ParsedBudgetLine[];
  partnersText: string;
  partners: string[];
  regierol: string;
  actorrol: string;
  /** Spreiding as written; `all` when it says "alle gemeenten". */
  spreiding: { all: boolean; text: string };
  milestones: ParsedMilestone[];
  results: string[];
  indicators: string[];
  crossRefs: string[];
  responsible: string;
  status: string;
  line: number | null;
}

export interface ParsedObjective {
  code: string;
  title: string;
  spreiding: { all: boolean; text: string };
  crossRefs: string[];
  actions: ParsedAction[];
  line: number | null;
}

export interface ParsedGoal {
  code: string;
  title: string;
  objectives: ParsedObjective[];
  line: number | null;
}

export interface ParsedFunding {
  label: string;
  fundingSource: FundingSource;
  year: number | null;
  amountCents: number;
  note: string;
}

export interface ParsedPlan {
  title: string;
  kind: 'beleidsplan' | 'actieplan' | 'projectplan';
  periodStart: number | null;
  periodEnd: number | null;
  format: 'tabular' | 'document';
  goals: ParsedGoal[];
  /** Actions that sit under no goal (plans like seed 004 have none). */
  actions: ParsedAction[];
  funding: ParsedFunding[];
  warnings: ImportWarning[];
}

/** The counts the CLI prints and the preview shows. */
export interface ImportSummary {
  goals: number;
  objectives: number;
  actions: number;
  budgetLines: number;
  budgetTotalCents: number;
  milestones: number;
  partners: number;
  warnings: ImportWarning[];
}

/** A file the importer could not read at all (nothing is written). */
export class PlanImportError extends Error {
  constructor(
    readonly reason: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

/** An empty action with every field present. */
export function emptyAction(number: string, line: number | null): ParsedAction {
  return {
    number,
    title: '',
    description: '',
    what: '',
    why: '',
    how: '',
    type: null,
    timing: null,
    budgetText: '',
    budgetLines: [],
    partnersText: '',
    partners: [],
    regierol: '',
    actorrol: '',
    spreiding: { all: false, text: '' },
    milestones: [],
    results: [],
    indicators: [],
    crossRefs: [],
    responsible: '',
    status: '',
    line,
  };
}

/** Every action of a parsed plan, in order. */
export function allActions(plan: ParsedPlan): ParsedAction[] {
  return [...plan.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...plan.actions];
}

/** The counts of a parsed plan. */
export function summarize(plan: ParsedPlan): ImportSummary {
  const actions = allActions(plan);
  const lines = actions.flatMap((action) => action.budgetLines);
  const partners = new Set(actions.flatMap((action) => action.partners.map((name) => name.toLocaleLowerCase('nl-BE'))));
  return {
    goals: plan.goals.length,
    objectives: plan.goals.reduce((sum, goal) => sum + goal.objectives.length, 0),
    actions: actions.length,
    budgetLines: lines.length,
    budgetTotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    milestones: actions.reduce((sum, action) => sum + action.milestones.length, 0),
    partners: partners.size,
    warnings: plan.warnings,
  };
}
