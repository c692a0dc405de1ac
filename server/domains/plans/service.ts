// The plans domain's use cases, one file each under use-cases/; this file is the domain's one entry point.
export type { PlanRow } from './use-cases/shared.js';
export { canSeePlan, listPlans, loadPlan } from './use-cases/list-plans.js';
export { previewImport, importParsedPlan } from './use-cases/import-plan.js';
export { getPlanDetail, getAction } from './use-cases/read-plan.js';
export { comparable, diff, assertMayEdit, assertMilestoneStatusesOnly } from './use-cases/action-changes.js';
export { updateAction } from './use-cases/update-action.js';
export { updatePlan } from './use-cases/update-plan.js';
export { listChanges } from './use-cases/plan-history.js';
export { createVersion, listVersions, compareVersions } from './use-cases/versions.js';
export { createProposal, listProposals, decideProposal } from './use-cases/proposals.js';
export { createIndicator, updateIndicator, addMeasurement } from './use-cases/indicators.js';
export { spreidingOverview } from './use-cases/spreiding-overview.js';
export { partnerOverview, linkPartner, createPartnerActor } from './use-cases/partner-links.js';
export { assertDraft, createGoal, updateGoal, createObjective, updateObjective, createAction, deleteAction } from './use-cases/structure.js';
export { planBudgetOverview } from './use-cases/budget-overview.js';
