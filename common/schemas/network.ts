import { z } from 'zod';
import { validationMessage } from '../validation.js';
import { municipalitySummarySchema, nisCodeSchema } from './regions.js';
import { ACTOR_KINDS } from '../actor-kinds.js';

/** What kind of organisation an actor is (labels in the catalog under network.kinds). */
export { ACTOR_KINDS, type ActorKind } from '../actor-kinds.js';

/** Relation types (labels in the catalog under network.relationTypes). */
export const RELATION_TYPES = ['samenwerking', 'project', 'lid-van', 'deelt-infrastructuur', 'ondersteunt', 'andere'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
const statementList = z.array(shortText(300)).max(40).default([]);

export const websiteSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]{2,}/i, validationMessage('validation.url'));

export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()./-]{6,}$/, validationMessage('network.validation.phone'));

/** The editable fields of an actor (create). */
export const actorInputSchema = z.object({
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ACTOR_KINDS).default('organisatie'),
  /** Sector keys; the first is the primary sector and decides cultural / non-cultural. */
  sectors: z.array(z.string().trim().min(1).max(60)).min(1).max(6),
  municipality: nisCodeSchema,
  otherMunicipalities: z.array(nisCodeSchema).max(60).default([]),
  address: optionalText(300),
  description: z.string().trim().max(5000).default(''),
  strengths: statementList,
  needs: statementList,
  targetGroups: z.array(shortText(120)).max(30).default([]),
  tags: z.array(shortText(60)).max(30).default([]),
  website: websiteSchema.nullish().transform((value) => value ?? null),
  contactName: optionalText(200),
  contactEmail: z
    .email()
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((value) => value ?? null),
  contactPhone: phoneSchema.nullish().or(z.literal('').transform(() => null)).transform((value) => value ?? null),
  isPublic: z.boolean().default(true),
});
export type ActorInput = z.infer<typeof actorInputSchema>;

/** An update carries every editable field plus the version it was based on. */
export const actorUpdateSchema = actorInputSchema.extend({ version: z.number().int().min(1) });
export type ActorUpdate = z.infer<typeof actorUpdateSchema>;

export const sectorRefSchema = z.object({ key: z.string(), name: z.string(), cultural: z.boolean() });
export type SectorRef = z.infer<typeof sectorRefSchema>;

/** One row of the actor list (public fields; contact data never appear here). */
export const actorListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS),
  municipality: municipalitySummarySchema.nullable(),
  sectors: z.array(sectorRefSchema),
  cultural: z.boolean(),
  description: z.string(),
  website: z.string().nullable(),
  tags: z.array(z.string()),
  /** Only for members of the region; anonymous visitors see public actors only. */
  isPublic: z.boolean().optional(),
  /** Search relevance (higher is better) when q was given. */
  score: z.number().optional(),
});
export type ActorListItem = z.infer<typeof actorListItemSchema>;

export const actorListSchema = z.object({ total: z.number().int(), items: z.array(actorListItemSchema) });
export type ActorList = z.infer<typeof actorListSchema>;

export const actorListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  municipality: nisCodeSchema.optional(),
  sector: z.string().max(60).optional(),
  cultural: z.enum(['true', 'false']).optional(),
  kind: z.enum(ACTOR_KINDS).optional(),
  tag: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ActorListQuery = z.infer<typeof actorListQuerySchema>;

export const relationSummarySchema = z.object({
  id: z.string(),
  type: z.enum(RELATION_TYPES),
  direction: z.enum(['outgoing', 'incoming']),
  other: z.object({ id: z.string(), name: z.string(), municipality: municipalitySummarySchema.nullable() }),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string(),
  bovenlokaal: z.boolean(),
  grensverleggend: z.boolean(),
});

/** One actor in full; contact fields are null for callers who are not members of the region. */
export const actorDetailSchema = actorListItemSchema.extend({
  otherMunicipalities: z.array(municipalitySummarySchema),
  address: z.string().nullable(),
  strengths: z.array(z.string()),
  needs: z.array(z.string()),
  targetGroups: z.array(z.string()),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isPublic: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Whether the caller may edit this actor (admin, or the editor of this organisation). */
  canEdit: z.boolean(),
  relations: z.array(relationSummarySchema),
  /** Members linked to this organisation (who may edit it as editor); only for admins, else empty. */
  editors: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
});
export type ActorDetail = z.infer<typeof actorDetailSchema>;

export const historyEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  at: z.string(),
  user: z.object({ id: z.string(), name: z.string() }).nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  /** What was changed: the actor itself or one of its relations. */
  entityType: z.enum(['actor', 'relation']),
  /** For relation entries: the relation, its type and the actor at the other end (null name: gone). */
  relation: z
    .object({
      id: z.string(),
      type: z.string().nullable(),
      direction: z.enum(['outgoing', 'incoming']),
      other: z.object({ id: z.string(), name: z.string().nullable() }),
    })
    .nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const dateSchema = z.iso.date();

export const relationInputSchema = z.object({
  sourceActorId: z.uuid(),
  targetActorId: z.uuid(),
  type: z.enum(RELATION_TYPES),
  validFrom: dateSchema.nullish().transform((value) => value ?? null),
  validTo: dateSchema.nullish().transform((value) => value ?? null),
  note: z.string().trim().max(2000).default(''),
});
export type RelationInput = z.infer<typeof relationInputSchema>;

export const relationUpdateSchema = relationInputSchema.omit({ sourceActorId: true, targetActorId: true }).extend({ version: z.number().int().min(1) });
export type RelationUpdate = z.infer<typeof relationUpdateSchema>;

const actorRefSchema = z.object({ id: z.string(), name: z.string(), municipality: municipalitySummarySchema.nullable() });

export const relationSchema = z.object({
  id: z.string(),
  type: z.enum(RELATION_TYPES),
  source: actorRefSchema,
  target: actorRefSchema,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
  bovenlokaal: z.boolean(),
  grensverleggend: z.boolean(),
});
export type Relation = z.infer<typeof relationSchema>;

/** Where an actor counts in the coverage matrix: its home municipality only, or also where it is active. */
export const coverageScopeSchema = z.enum(['thuis', 'werkingsgebied']);
export type CoverageScope = z.infer<typeof coverageScopeSchema>;

export const coverageSchema = z.object({
  scope: coverageScopeSchema,
  municipalities: z.array(municipalitySummarySchema),
  sectors: z.array(sectorRefSchema),
  /** counts[i][k]: actors with sector k (primary or not) whose home municipality is i (or, scope werkingsgebied, that are active in i). */
  counts: z.array(z.array(z.number().int())),
  /** Municipality × sector cells without any actor. */
  whiteSpots: z.array(z.object({ nisCode: z.string(), sectorKey: z.string() })),
  totals: z.object({ actors: z.number().int(), relations: z.number().int() }),
  relations: z.object({
    bovenlokaal: z.number().int(),
    grensverleggend: z.number().int(),
    bovenlokaalShare: z.number(),
    grensverleggendShare: z.number(),
  }),
  isolated: z.array(actorRefSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const importRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The file, base64-encoded (CSV or XLSX). */
  content: z.string().min(1).max(30_000_000),
  /** Import the valid rows even when other rows have errors. */
  onlyValid: z.boolean().default(false),
  /** Update near-duplicates of existing actors (after the user confirmed in the preview); otherwise skip them. */
  updateDuplicates: z.boolean().default(true),
  /** Chosen by the client: the import stores its progress under this id for GET …/import/progress/:id. */
  progressId: z.uuid().optional(),
  /** Commit as a background job (202 with the job id to poll); large files always are. */
  background: z.boolean().default(false),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importRowErrorSchema = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(importRowErrorSchema),
  warnings: z.array(z.object({ row: z.number().int(), message: z.string(), actorId: z.string().nullable() })),
  unknownColumns: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      municipality: z.string().nullable(),
      action: z.enum(['create', 'update', 'skip', 'error']),
      duplicateOf: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** A running import: validating rows, writing actors, done or failed; done/total in rows (write: actors). */
export const importProgressSchema = z.object({
  phase: z.enum(['validate', 'write', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const graphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      municipality: z.string().nullable(),
      sector: z.string().nullable(),
      cultural: z.boolean(),
      degree: z.number().int(),
      betweenness: z.number(),
      community: z.number().int(),
      isolated: z.boolean(),
      broker: z.boolean(),
    }),
  ),
  edges: z.array(
    z.object({ id: z.string(), source: z.string(), target: z.string(), type: z.enum(RELATION_TYPES), bovenlokaal: z.boolean(), grensverleggend: z.boolean() }),
  ),
  communities: z.number().int(),
  /** True when betweenness was estimated from a sample of source nodes (large graphs). */
  approximate: z.boolean(),
});
export type Graph = z.infer<typeof graphSchema>;

// relations: how many relations the actor has with actors the viewer may see (sizes its bubble).
const bubbleActorSchema = z.object({ id: z.string(), name: z.string(), sector: z.string(), relations: z.number().int() });

export const bubbleSchemeSchema = z.object({
  municipalities: z.array(
    municipalitySummarySchema.extend({
      own: z.boolean(),
      cultural: z.array(bubbleActorSchema),
      nonCultural: z.array(bubbleActorSchema),
    }),
  ),
  sectors: z.array(sectorRefSchema),
});
export type BubbleScheme = z.infer<typeof bubbleSchemeSchema>;
