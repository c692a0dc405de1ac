import { formatDate, formatMoney } from '../../../common/format.js';

/** The translate function the formatter needs (i18next's `t` fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the formatter may look up beyond the catalog: municipality and objective names. */
export interface HistoryContext {
  t: Translate;
  municipalityName?: (nisCode: string) => string | undefined;
  objectiveLabel?: (objectiveId: string) => string | undefined;
}

/**
 * One changed field as a person reads it. A plain value has one line on each side; a list shows
 * what was removed ("− CC Ieper") before and what was added ("+ Bibliotheek Poperinge") after,
 * and an item that only changed (same milestone, new status) on both sides.
 */
export interface FormattedChange {
  field: string;
  label: string;
  before: string[];
  after: string[];
}

interface ListItem {
  /** Items with the same key on both sides are one item that changed. */
  key: string | null;
  text: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION_STATUSES = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'];
const PLAN_STATUSES = ['ontwerp', 'goedgekeurd', 'afgesloten'];
const ACTION_TYPES = ['community', 'atelier', 'labo', 'business', 'andere'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function formatNumber(value: number): string {
  return value.toLocaleString('nl-BE', { maximumFractionDigits: 2 });
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function fieldLabel(field: string, ctx: HistoryContext): string {
  return ctx.t(`plans.history.fields.${field}`, { defaultValue: field });
}

/** "01/03/2025 – 31/03/2025", "01/03/2025" or "". */
function dateRange(start: unknown, end: unknown): string {
  const from = typeof start === 'string' && start ? formatDate(start) : '';
  const to = typeof end === 'string' && end ? formatDate(end) : '';
  if (from && to && from !== to) return `${from} – ${to}`;
  return from || to;
}

/** "€ 2.500,00 — zaalhuur (2021, Vlaamse subsidie)". */
export function formatBudgetLine(line: Record<string, unknown>, ctx: HistoryContext): string {
  const amount = typeof line.amountCents === 'number' ? formatMoney(line.amountCents) : '';
  const description = text(line.description).trim();
  const details: string[] = [];
  if (typeof line.workingYear === 'number') details.push(ctx.t('plans.action.workingYear', { year: line.workingYear }));
  else if (typeof line.year === 'number') details.push(String(line.year));
  if (typeof line.fundingSource === 'string' && line.fundingSource !== 'andere') details.push(ctx.t(`plans.fundingSources.${line.fundingSource}`, { defaultValue: line.fundingSource }));
  if (text(line.cofinancingPartner)) details.push(text(line.cofinancingPartner));
  return `${amount}${description ? ` — ${description}` : ''}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** "Opening (01/03/2025 – 31/03/2025) · Behaald". */
export function formatMilestone(milestone: Record<string, unknown>, ctx: HistoryContext): string {
  const dates = dateRange(milestone.startDate, milestone.endDate);
  const status = typeof milestone.status === 'string' ? ctx.t(`plans.milestoneStatuses.${milestone.status}`, { defaultValue: milestone.status }) : '';
  const group = text(milestone.group);
  return `${group ? `${group}: ` : ''}${text(milestone.title)}${dates ? ` (${dates})` : ''}${status ? ` · ${status}` : ''}`;
}

function partnerItem(partner: Record<string, unknown>, ctx: HistoryContext): ListItem {
  const name = text(partner.name);
  return { key: `partner:${name.toLocaleLowerCase('nl-BE')}`, text: partner.actorId ? name : ctx.t('plans.history.unlinkedItem', { name }) };
}

function spreidingItems(value: unknown, ctx: HistoryContext): ListItem[] {
  if (!isRecord(value)) return [];
  if (value.all === true) return [{ key: null, text: ctx.t('plans.history.allMunicipalities') }];
  const codes = Array.isArray(value.nisCodes) ? value.nisCodes.map(text) : [];
  const items = codes.map((code) => ({ key: null, text: ctx.municipalityName?.(code) ?? code }));
  if (text(value.text)) items.push({ key: null, text: text(value.text) });
  return items;
}

/** The items of a list field, or null when the field is not a list. */
function listItems(field: string, value: unknown, ctx: HistoryContext): ListItem[] | null {
  if (field === 'spreiding') return spreidingItems(value, ctx);
  if (!Array.isArray(value)) return null;
  return value.map((item): ListItem => {
    if (!isRecord(item)) return { key: null, text: formatValue(field, item, ctx) };
    if (field === 'partners') return partnerItem(item, ctx);
    if (field === 'milestones') return { key: `milestone:${text(item.title)}`, text: formatMilestone(item, ctx) };
    if (field === 'budgetLines') return { key: text(item.description) ? `line:${text(item.description)}` : null, text: formatBudgetLine(item, ctx) };
    return { key: null, text: formatObject(item, ctx) };
  });
}

/** Pairs two lists: what left, what came, and what stayed but changed (same key). Equal items drop out. */
function diffLists(before: ListItem[], after: ListItem[]): { removed: ListItem[]; added: ListItem[]; changed: [ListItem, ListItem][] } {
  const added = [...after];
  const removed: ListItem[] = [];
  for (const item of before) {
    const same = added.findIndex((other) => other.text === item.text);
    if (same >= 0) added.splice(same, 1);
    else removed.push(item);
  }
  const changed: [ListItem, ListItem][] = [];
  for (const item of [...removed]) {
    if (item.key === null) continue;
    const match = added.findIndex((other) => other.key === item.key);
    if (match < 0) continue;
    changed.push([item, added[match]!]);
    added.splice(match, 1);
    removed.splice(removed.indexOf(item), 1);
  }
  return { removed, added, changed };
}

/** A record as "Label: value; Label: value", empty values left out. */
function formatObject(value: Record<string, unknown>, ctx: HistoryContext): string {
  if ('code' in value && 'title' in value) return `${text(value.code)} ${text(value.title)}`.trim();
  if ('number' in value && 'title' in value) return `${text(value.number)} ${text(value.title)}`.trim();
  return Object.entries(value)
    .filter(([, inner]) => !isEmpty(inner))
    .map(([key, inner]) => `${fieldLabel(key, ctx)}: ${formatValue(key, inner, ctx)}`)
    .join('; ');
}

/** One value of a field in words: statuses translated, dates dd/mm/jjjj, money in euro, lists joined. */
export function formatValue(field: string, value: unknown, ctx: HistoryContext): string {
  const { t } = ctx;
  if (isEmpty(value)) return t('plans.history.empty');
  if (typeof value === 'boolean') return t(value ? 'plans.history.yes' : 'plans.history.no');
  if (typeof value === 'number') {
    if (field.endsWith('Cents')) return formatMoney(value);
    if (field === 'progress') return t('plans.history.percent', { value });
    return formatNumber(value);
  }
  if (typeof value === 'string') {
    if (field === 'status' && ACTION_STATUSES.includes(value)) return t(`plans.actionStatuses.${value}`);
    if (field === 'status' && PLAN_STATUSES.includes(value)) return t(`plans.statuses.${value}`);
    if (field === 'type' && ACTION_TYPES.includes(value)) return t(`plans.actionTypes.${value}`);
    if (field === 'kind') return t(`plans.kinds.${value}`, { defaultValue: value });
    if (field === 'objectiveId') return ctx.objectiveLabel?.(value) ?? value;
    if (ISO_DATE.test(value)) return formatDate(value);
    return value;
  }
  if (Array.isArray(value)) return (listItems(field, value, ctx) ?? []).map((item) => item.text).join('; ');
  if (isRecord(value)) {
    if (field === 'timing') return [text(value.label) || dateRange(value.start, value.end), text(value.note)].filter(Boolean).join(' — ') || t('plans.history.empty');
    if (field === 'spreiding') return spreidingItems(value, ctx).map((item) => item.text).join(', ') || t('plans.history.empty');
    if (field === 'period') return [value.start, value.end].filter((year) => year !== null && year !== undefined).map(String).filter((year, index, all) => all.indexOf(year) === index).join('–') || t('plans.history.empty');
    if (field === 'measurement' && typeof value.value === 'number') {
      const measured = t('plans.history.measurementValue', { value: formatNumber(value.value), date: typeof value.measuredOn === 'string' ? formatDate(value.measuredOn) : '' });
      return text(value.source) ? `${measured} (${text(value.source)})` : measured;
    }
    if (field === 'indicator' && typeof value.name === 'string') {
      const number = (inner: unknown) => (typeof inner === 'number' ? `${formatNumber(inner)}${text(value.unit) ? ` ${text(value.unit)}` : ''}` : t('plans.history.empty'));
      return t('plans.history.indicatorValue', { name: value.name, baseline: number(value.baseline), target: number(value.target) });
    }
    return formatObject(value, ctx);
  }
  return String(value);
}

/** One field's change in words: lists as removed and added items, everything else before and after. */
export function formatChange(field: string, change: { before: unknown; after: unknown }, ctx: HistoryContext): FormattedChange {
  const { t } = ctx;
  // Written by the partner link routes: "partner:NAME" (link changed), "actorCreated:NAME" (new actor made for it).
  const [prefix, ...rest] = field.split(':');
  const name = rest.join(':');
  if (prefix === 'partner' && name) {
    const state = (actorId: unknown) => t(actorId ? 'plans.history.linked' : 'plans.history.unlinked');
    return { field, label: t('plans.history.partnerLink', { name }), before: [state(change.before)], after: [state(change.after)] };
  }
  if (prefix === 'actorCreated' && name) {
    return { field, label: t('plans.history.actorCreated', { name }), before: [t('plans.history.empty')], after: [t('plans.history.actorCreatedValue')] };
  }
  const label = fieldLabel(field, ctx);
  const beforeItems = isEmpty(change.before) ? [] : listItems(field, change.before, ctx);
  const afterItems = isEmpty(change.after) ? [] : listItems(field, change.after, ctx);
  const isList = (beforeItems !== null && afterItems !== null) && (Array.isArray(change.before) || Array.isArray(change.after) || field === 'spreiding');
  if (isList) {
    const { removed, added, changed } = diffLists(beforeItems, afterItems);
    const before = [...removed.map((item) => t('plans.history.removed', { item: item.text })), ...changed.map(([old]) => old.text)];
    const after = [...added.map((item) => t('plans.history.added', { item: item.text })), ...changed.map(([, now]) => now.text)];
    return { field, label, before: before.length > 0 ? before : [t('plans.history.empty')], after: after.length > 0 ? after : [t('plans.history.empty')] };
  }
  return { field, label, before: [formatValue(field, change.before, ctx)], after: [formatValue(field, change.after, ctx)] };
}

/** Every changed field of one history entry, in the order they were recorded. */
export function formatChanges(changes: Record<string, { before: unknown; after: unknown }>, ctx: HistoryContext): FormattedChange[] {
  return Object.entries(changes).map(([field, change]) => formatChange(field, change, ctx));
}
