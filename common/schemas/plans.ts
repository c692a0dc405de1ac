import { z } from 'zod';
import { roleSchema } from './regions.js';
import { actorInputSchema } from './network.js';

export const planKindSchema = z.enum(['beleidsplan', 'actieplan', 'projectplan']);
export const planStatusSchema = z.enum(['ontwerp', 'goedgekeurd', 'lopend', 'afgesloten']);
export const actionStatusSchema = z.enum(['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt']);
export const milestoneStatusSchema = z.enum(['gepland', 'bezig', 'behaald', 'vertraagd', 'geschrapt']);
export const actionTypeSchema = z.enum(['community', 'atelier', 'labo', 'business', 'andere']);
export const fundingSourceSchema = z.enum(['eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere']);
export const timingKindSchema = z.enum(['ongoing', 'year', 'season', 'range', 'text']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const planPeriodSchema = z.object({ start: z.number().int().nullable(), end: z.number().int().nullable() });

export const planSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: planKindSchema,
  status: planStatusSchema,
  period: planPeriodSchema,
});
export type PlanSummary = z.infer<typeof planSummarySchema>;
export const planListSchema = z.object({ items: z.array(planSummarySchema) });

export const budgetLineSchema = z.object({
  id: z.string().optional(),
  amountCents: z.number().int(),
  description: z.string().max(2000).default(''),
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  workingYear: z.number().int().min(1).max(20).nullable().default(null),
  fundingSource: fundingSourceSchema.default('andere'),
  cofinancingPartner: z.string().max(300).default(''),
  vatNote: z.string().max(100).default(''),
  marker: z.string().max(10).default(''),
  per: z.string().max(30).default(''),
  sourceText: z.string().max(4000).default(''),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const partnerSchema = z.object({
  id: z.string().optional(),
  actorId: z.string().uuid().nullable().default(null),
  name: z.string().trim().min(1).max(300),
});

export const milestoneSchema = z.object({
  id: z.string().optional(),
  title: z.string().trim().min(1).max(500),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  status: milestoneStatusSchema.default('gepland'),
  note: z.string().max(2000).default(''),
  group: z.string().max(300).default(''),
});

export const measurementSchema = z.object({ id: z.string(), measuredOn: z.string(), value: z.number(), source: z.string() });
export const indicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  measurements: z.array(measurementSchema),
  /** The linked figure (decision 032): value null = not available (a group under 5 people); absent in older version snapshots. */
  source: z.object({ key: z.string(), value: z.number().nullable(), updatedAt: z.string().nullable() }).nullable().optional(),
});

export const timingSchema = z.object({
  kind: timingKindSchema,
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  label: z.string(),
  note: z.string(),
});

/** `unmapped`: the parts of the text the server could not place (output only; the server maps the text itself). */
export const spreidingSchema = z.object({ all: z.boolean(), text: z.string(), nisCodes: z.array(z.string()), unmapped: z.array(z.string()).optional() });

export const actionSchema = z.object({
  id: z.string(),
  objectiveId: z.string().nullable(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  what: z.string(),
  why: z.string(),
  how: z.string(),
  type: actionTypeSchema.nullable(),
  timing: timingSchema.nullable(),
  regierol: z.string(),
  actorrol: z.string(),
  spreiding: spreidingSchema,
  results: z.array(z.string()),
  crossRefs: z.array(z.string()),
  responsible: z.string(),
  budgetText: z.string(),
  partnersText: z.string(),
  status: actionStatusSchema,
  progress: z.number().int(),
  weight: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  budgetTotalCents: z.number().int(),
  budgetLines: z.array(budgetLineSchema.extend({ id: z.string() })),
  partners: z.array(z.object({ id: z.string(), actorId: z.string().nullable(), name: z.string() })),
  milestones: z.array(milestoneSchema.extend({ id: z.string() })),
  indicators: z.array(indicatorSchema),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const objectiveSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  code: z.string(),
  title: z.string(),
  spreiding: spreidingSchema,
  crossRefs: z.array(z.string()),
  progress: z.number().int(),
  budgetTotalCents: z.number().int(),
  actions: z.array(actionSchema),
});
export type PlanObjective = z.infer<typeof objectiveSchema>;

export const goalSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  progress: z.number().int(),
  budgetTotalCents: z.number().int(),
  objectives: z.array(objectiveSchema),
});
export type PlanGoal = z.infer<typeof goalSchema>;

export const fundingSchema = z.object({
  id: z.string(),
  label: z.string(),
  fundingSource: fundingSourceSchema,
  year: z.number().int().nullable(),
  amountCents: z.number().int(),
  note: z.string(),
});

export const planDetailSchema = planSummarySchema.extend({
  description: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  myRole: roleSchema.nullable(),
  progress: z.number().int(),
  budgetTotalCents: z.number().int(),
  goals: z.array(goalSchema),
  /** Actions under no goal (plans without SD/OD, like a dynamic action plan). */
  actions: z.array(actionSchema),
  funding: z.array(fundingSchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planUpdateSchema = z.object({
  title: z.string().trim().min(2).max(300).optional(),
  kind: planKindSchema.optional(),
  status: planStatusSchema.optional(),
  description: z.string().max(20000).optional(),
  period: planPeriodSchema.optional(),
  version: z.number().int().min(1),
});
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

/** The editable fields of an action; lists (partners, budget lines, milestones) replace the stored ones. */
export const actionChangesSchema = z.object({
  title: z.string().trim().min(1).max(2000).optional(),
  number: z.string().trim().min(1).max(20).optional(),
  objectiveId: z.string().uuid().nullable().optional(),
  description: z.string().max(20000).optional(),
  what: z.string().max(20000).optional(),
  why: z.string().max(20000).optional(),
  how: z.string().max(20000).optional(),
  type: actionTypeSchema.nullable().optional(),
  timing: timingSchema.nullable().optional(),
  regierol: z.string().max(5000).optional(),
  actorrol: z.string().max(5000).optional(),
  spreiding: spreidingSchema.optional(),
  results: z.array(z.string().max(2000)).max(200).optional(),
  crossRefs: z.array(z.string().max(300)).max(100).optional(),
  responsible: z.string().max(1000).optional(),
  status: actionStatusSchema.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  weight: z.number().int().min(0).max(1000).optional(),
  budgetLines: z.array(budgetLineSchema).max(200).optional(),
  partners: z.array(partnerSchema).max(200).optional(),
  milestones: z.array(milestoneSchema).max(500).optional(),
});
export type ActionChanges = z.infer<typeof actionChangesSchema>;
export const actionUpdateSchema = actionChangesSchema.extend({ version: z.number().int().min(1) });
/** Merges other actions of the plan into this one (drafts): their lists move over, their texts are appended. */
export const actionMergeSchema = z.object({
  version: z.number().int().min(1),
  sourceActionIds: z.array(z.uuid()).min(1).max(20),
});
export type ActionMerge = z.infer<typeof actionMergeSchema>;
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const changeEntrySchema = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actionId: z.string().nullable(),
  change: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  proposalId: z.string().nullable(),
  createdAt: z.string(),
});
export const changeListSchema = z.object({ items: z.array(changeEntrySchema) });

export const versionSummarySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
export const versionListSchema = z.object({ items: z.array(versionSummarySchema) });
export const versionCreateSchema = z.object({ name: z.string().trim().min(2).max(300) });

export const diffItemSchema = z.object({
  kind: z.enum(['goal', 'objective', 'action']),
  id: z.string(),
  code: z.string(),
  title: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  fields: z.array(z.string()).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
export const versionCompareSchema = z.object({
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.object({ id: z.string(), name: z.string() }),
  added: z.array(diffItemSchema),
  removed: z.array(diffItemSchema),
  reworded: z.array(diffItemSchema),
  moved: z.array(diffItemSchema),
  /** Actions merged into another one: `to` is the code of the action that took them over. */
  merged: z.array(diffItemSchema),
});
export type VersionCompare = z.infer<typeof versionCompareSchema>;

export const proposalCreateSchema = z.object({ changes: actionChangesSchema, reason: z.string().trim().max(4000).default('') });
export const proposalDecisionSchema = z.object({ decision: z.enum(['goedgekeurd', 'afgewezen']), comment: z.string().trim().max(4000).default('') });
export const proposalSchema = z.object({
  id: z.string(),
  actionId: z.string(),
  actionNumber: z.string(),
  actionTitle: z.string(),
  baseVersion: z.number().int(),
  changes: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: z.enum(['open', 'goedgekeurd', 'afgewezen']),
  proposedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionComment: z.string(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;
export const proposalListSchema = z.object({ items: z.array(proposalSchema) });

export const importRequestSchema = z.object({
  filename: z.string().trim().min(1).max(300),
  /** The file's bytes, base64-encoded. */
  content: z.string().min(1).max(8 * 1024 * 1024),
  title: z.string().trim().min(2).max(300).optional(),
  status: planStatusSchema.default('ontwerp'),
  /** Import as a background job (always so for large files): the answer is 202 with the job id. */
  background: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importWarningSchema = z.object({ code: z.string(), line: z.number().int().nullable(), text: z.string(), action: z.string().optional() });
export const importSummarySchema = z.object({
  goals: z.number().int(),
  objectives: z.number().int(),
  actions: z.number().int(),
  budgetLines: z.number().int(),
  budgetTotalCents: z.number().int(),
  milestones: z.number().int(),
  partners: z.number().int(),
  warnings: z.array(importWarningSchema),
});
export const importPreviewSchema = z.object({
  title: z.string(),
  kind: planKindSchema,
  period: planPeriodSchema,
  summary: importSummarySchema,
  /** The detected structure, compact: goals → objectives → actions (number, title, budget, partners with link state). */
  goals: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      objectives: z.array(z.object({ code: z.string(), title: z.string(), actions: z.array(z.object({ number: z.string(), title: z.string(), budgetCents: z.number().int(), partners: z.array(z.object({ name: z.string(), linked: z.boolean() })) })) })),
    }),
  ),
  actions: z.array(z.object({ number: z.string(), title: z.string(), budgetCents: z.number().int(), partners: z.array(z.object({ name: z.string(), linked: z.boolean() })) })),
  /** Spreiding as mapped: how many actions reach named municipalities, and the texts (with action numbers) that stayed unmapped. */
  spreiding: z.object({ mapped: z.number().int(), unmapped: z.array(z.object({ text: z.string(), actions: z.array(z.string()) })) }),
  /** Likely network-map actors for partner names that did not link exactly (see partner suggestions). */
  partnerSuggestions: z.array(z.object({ name: z.string(), suggestions: z.array(z.object({ actorId: z.string(), actorName: z.string(), confidence: z.enum(['high', 'medium']) })) })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const importResultSchema = z.object({ id: z.string(), summary: importSummarySchema });

export const budgetOverviewSchema = z.object({
  totalCents: z.number().int(),
  byGoal: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), totalCents: z.number().int(), objectives: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), totalCents: z.number().int() })) })),
  byAction: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), totalCents: z.number().int() })),
  byYear: z.array(z.object({ label: z.string(), totalCents: z.number().int() })),
  /** sharePercent: the source's share of the total of the budget lines (two decimals). */
  bySource: z.array(z.object({ source: fundingSourceSchema, totalCents: z.number().int(), sharePercent: z.number() })),
  funding: z.object({
    totalCents: z.number().int(),
    bySource: z.array(z.object({ source: fundingSourceSchema, totalCents: z.number().int(), sharePercent: z.number() })),
  }),
});
export type BudgetOverview = z.infer<typeof budgetOverviewSchema>;

export const indicatorInputSchema = z.object({
  name: z.string().trim().min(1).max(500),
  unit: z.string().trim().max(50).default(''),
  baseline: z.number().nullable().default(null),
  target: z.number().nullable().default(null),
});
export const indicatorUpdateSchema = z.object({
  name: z.string().trim().min(1).max(500).optional(),
  unit: z.string().trim().max(50).optional(),
  baseline: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
});
export const measurementInputSchema = z.object({
  measuredOn: isoDate,
  value: z.number(),
  source: z.string().trim().max(500).default(''),
});

export const spreidingOverviewSchema = z.object({
  municipalities: z.array(z.object({ nisCode: z.string(), name: z.string(), actions: z.number().int() })),
  /** Municipalities no action reaches. */
  unreached: z.array(z.object({ nisCode: z.string(), name: z.string() })),
  /** Actions whose spreiding is only free text the system cannot place. */
  unplaced: z.number().int(),
  /** Actions with parts of their spreiding text that name no municipality, with those parts. */
  unmappedTexts: z.array(z.object({ actionId: z.string(), number: z.string(), title: z.string(), text: z.string(), unmapped: z.array(z.string()) })),
});
export type SpreidingOverview = z.infer<typeof spreidingOverviewSchema>;

export const partnerOverviewSchema = z.object({
  items: z.array(
    z.object({
      actorId: z.string().nullable(),
      name: z.string(),
      actions: z.array(z.object({ planId: z.string(), planTitle: z.string(), actionId: z.string(), number: z.string(), title: z.string() })),
    }),
  ),
});
export type PartnerOverview = z.infer<typeof partnerOverviewSchema>;

export const partnerLinkSchema = z.object({ actorId: z.string().uuid().nullable() });
/** A new actor of the network map made from an unlinked partner name (its name is the partner's). */
export const partnerActorSchema = actorInputSchema.pick({ kind: true, sectors: true, municipality: true });

/** An action as a partner list shows it: number, title, status and where it sits (SD / OD codes). */
export const partnerActionSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: actionStatusSchema,
  objectiveCode: z.string().nullable(),
  goalCode: z.string().nullable(),
});
export type PartnerAction = z.infer<typeof partnerActionSchema>;

/** One plan's partners: each linked actor or unlinked name with its actions, most actions first. */
export const planPartnersSchema = z.object({
  items: z.array(
    z.object({
      /** The network-map actor this partner is linked to; null for a name that is not linked yet. */
      actorId: z.string().nullable(),
      /** The actor's name (when the caller may see its profile), else the name as written in the plan. */
      name: z.string(),
      linked: z.boolean(),
      /** False when the linked actor's profile is hidden from the caller (no link to the actor page). */
      actorVisible: z.boolean(),
      /** The partner rows behind this entry (one per mention), to link an unlinked name everywhere at once. */
      partnerIds: z.array(z.string()),
      actions: z.array(partnerActionSchema),
    }),
  ),
});
export type PlanPartners = z.infer<typeof planPartnersSchema>;

/** The plans and actions one actor takes part in as a linked partner. */
export const actorPlanActionsSchema = z.object({
  items: z.array(
    z.object({
      plan: planSummarySchema.pick({ id: true, title: true, status: true, period: true }),
      actions: z.array(partnerActionSchema),
    }),
  ),
});
export type ActorPlanActions = z.infer<typeof actorPlanActionsSchema>;

export const goalInputSchema = z.object({ code: z.string().trim().min(1).max(30), title: z.string().trim().max(2000).default('') });
export const goalUpdateSchema = z.object({ code: z.string().trim().min(1).max(30).optional(), title: z.string().trim().max(2000).optional(), position: z.number().int().min(0).optional() });
export const objectiveInputSchema = z.object({ goalId: z.string().uuid(), code: z.string().trim().min(1).max(30), title: z.string().trim().max(2000).default('') });
export const objectiveUpdateSchema = z.object({
  goalId: z.string().uuid().optional(),
  code: z.string().trim().min(1).max(30).optional(),
  title: z.string().trim().max(2000).optional(),
  position: z.number().int().min(0).optional(),
});
export const actionCreateSchema = actionChangesSchema.extend({ title: z.string().trim().min(1).max(2000), number: z.string().trim().min(1).max(20).optional() });
export const structureItemSchema = z.object({ id: z.string(), code: z.string(), title: z.string() });

/** Likely actors for a plan's unlinked partner names (members only). */
export const partnerSuggestionSchema = z.object({ actorId: z.string(), actorName: z.string(), confidence: z.enum(['high', 'medium']) });
export const partnerSuggestionsSchema = z.object({
  items: z.array(z.object({ name: z.string(), partnerIds: z.array(z.string()), suggestions: z.array(partnerSuggestionSchema) })),
});
export type PartnerSuggestions = z.infer<typeof partnerSuggestionsSchema>;
/** Accept a suggestion: every unlinked occurrence of `name` in the plan gets these actors (several for a plural such as "Bibliotheken"). */
export const partnerSuggestionAcceptSchema = z.object({ name: z.string().trim().min(1).max(300), actorIds: z.array(z.string().uuid()).min(1).max(50) });
export const partnerSuggestionAcceptResultSchema = z.object({ linked: z.number().int() });

/** Linking an indicator to a figure of another domain (decision 032): the action's version guards against stale edits. */
export const indicatorSourceLinkSchema = z.object({ sourceKey: z.string().trim().min(1).max(80).nullable(), version: z.number().int().min(1) });
export const indicatorSourceListSchema = z.object({ items: z.array(z.object({ key: z.string(), label: z.string() })) });
