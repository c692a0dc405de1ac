import { AppError } from '../../../http/errors.js';
import { memberCan } from '../../../policy/policy.js';
import type { Role } from '../../accounts/schema.js';
import type { PlanFieldChanges } from '../schema.js';
import type { ActionChanges, PlanAction } from '../../../../common/schemas/plans.js';
import { type PlanRow, MONITORING_FIELDS } from './shared.js';

/** The fields of an action that its history and version comparison look at. */
export function comparable(action: PlanAction): Record<string, unknown> {
  return {
    title: action.title,
    number: action.number,
    objectiveId: action.objectiveId,
    description: action.description,
    what: action.what,
    why: action.why,
    how: action.how,
    type: action.type,
    timing: action.timing,
    regierol: action.regierol,
    actorrol: action.actorrol,
    spreiding: action.spreiding,
    results: action.results,
    crossRefs: action.crossRefs,
    responsible: action.responsible,
    status: action.status,
    progress: action.progress,
    weight: action.weight,
    budgetLines: action.budgetLines.map(({ id: _id, ...line }) => line),
    partners: action.partners.map(({ actorId, name }) => ({ actorId, name })),
    milestones: action.milestones.map(({ id: _id, ...milestone }) => milestone),
  };
}

/** Field-level before/after of two comparable records (only what differs). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): PlanFieldChanges {
  const changes: PlanFieldChanges = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

/** Checks who may change which fields: drafts by editors, approved plans only monitoring fields (the rest via proposals). */
export function assertMayEdit(plan: PlanRow, role: Role | null, changes: ActionChanges): void {
  if (!memberCan({ role }, 'plan.edit')) throw new AppError('FORBIDDEN');
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (plan.status === 'ontwerp') return;
  const fields = Object.keys(changes).filter((key) => changes[key as keyof ActionChanges] !== undefined);
  const content = fields.filter((field) => !MONITORING_FIELDS.has(field));
  if (content.length > 0) throw new AppError('PROPOSAL_REQUIRED', { fields: content.join(', ') });
}

/**
 * On approved plans a milestone list may only change its statuses (monitoring); new, removed,
 * renamed or re-dated milestones are content and need a proposal.
 */
export function assertMilestoneStatusesOnly(plan: PlanRow, current: PlanAction, changes: ActionChanges): void {
  if (plan.status === 'ontwerp' || !changes.milestones) return;
  const content = (list: { title: string; startDate: string | null; endDate: string | null; note: string; group: string }[]) =>
    JSON.stringify(list.map((m) => [m.title, m.startDate, m.endDate, m.note, m.group]));
  if (content(current.milestones) !== content(changes.milestones)) throw new AppError('PROPOSAL_REQUIRED', { fields: 'milestones' });
}
