import { z } from 'zod';
import { validationMessage } from '../validation.js';
import { municipalitySummarySchema, nisCodeSchema } from './regions.js';
import { sectorRefSchema } from './network.js';

/** The steps of a sheet: 1 werking, 2 sterktes en beperkingen, 3 partnerkaarten, 4 combinaties, 5 klaar. */
export const SHEET_STEPS = [1, 2, 3, 4, 5] as const;
export const CARD_START_KINDS = ['need', 'strength'] as const;
export const COOPERATION_STATUSES = ['idee', 'verkend', 'gestart', 'gestopt'] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];

const statement = z.string().trim().min(1).max(300);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, validationMessage('validation.date'));

export const actorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  municipality: municipalitySummarySchema.nullable(),
  sectors: z.array(sectorRefSchema),
});
export type BrokeringActorRef = z.infer<typeof actorRefSchema>;

/** Start a sheet (standalone) for an organisation on the map. */
export const sheetCreateSchema = z.object({ actorId: z.uuid() });

/** Steps 1–2: werking, strengths and limitations/needs. `actorVersion` for the write-back, `version` (the sheet's draft) for guests. */
export const sheetProfileSchema = z.object({
  description: z.string().trim().max(5000).default(''),
  strengths: z.array(statement).max(40).default([]),
  needs: z.array(statement).max(40).default([]),
  /** The actor's version the edit was based on (write-back to the map). */
  actorVersion: z.number().int().min(1).optional(),
  /** The draft's version (guests and organisations not on the map); 0 when there is no draft yet. */
  draftVersion: z.number().int().min(0).optional(),
});
export type SheetProfileInput = z.infer<typeof sheetProfileSchema>;

export const sheetStepSchema = z.object({ currentStep: z.number().int().min(1).max(5), version: z.number().int().min(1) });

export const partnerInputSchema = z
  .object({
    actorId: z.uuid().nullish().transform((value) => value ?? null),
    typedName: z.string().trim().min(2).max(200).nullish().transform((value) => value ?? null),
    typedMunicipality: nisCodeSchema.nullish().transform((value) => value ?? null),
    typedSector: z.string().trim().min(1).max(60).nullish().transform((value) => value ?? null),
    ideas: z.array(statement).min(1, validationMessage('brokering.validation.ideaRequired')).max(20),
    kept: z.boolean().default(false),
  })
  .refine((partner) => (partner.actorId === null) !== (partner.typedName === null), {
    ...validationMessage('brokering.validation.actorOrName'),
    path: ['typedName'],
  });
export type PartnerInput = z.infer<typeof partnerInputSchema>;

export const cardInputSchema = z.object({
  startKind: z.enum(CARD_START_KINDS),
  startText: statement,
  partners: z.array(partnerInputSchema).max(30).default([]),
});
export type CardInput = z.infer<typeof cardInputSchema>;
export const cardUpdateSchema = cardInputSchema.extend({ version: z.number().int().min(1) });
export type CardUpdate = z.infer<typeof cardUpdateSchema>;

export const partnerSchema = z.object({
  id: z.string(),
  actor: actorRefSchema.nullable(),
  typedName: z.string().nullable(),
  municipality: municipalitySummarySchema.nullable(),
  sector: sectorRefSchema.nullable(),
  /** Another municipality than the sheet's organisation. */
  bovenlokaal: z.boolean(),
  /** Another (primary) sector than the sheet's organisation. */
  grensverleggend: z.boolean(),
  ideas: z.array(z.string()),
  kept: z.boolean(),
  proposalStatus: z.enum(['none', 'open', 'created', 'dismissed']),
});
export type CardPartner = z.infer<typeof partnerSchema>;

export const cardSchema = z.object({
  id: z.string(),
  startKind: z.enum(CARD_START_KINDS),
  startText: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  partners: z.array(partnerSchema),
});
export type PartnerCard = z.infer<typeof cardSchema>;

export const combinationInputSchema = z.object({
  title: z.string().trim().min(2).max(200),
  scenario: z.string().trim().max(4000).default(''),
  ideas: z.array(statement).max(20).default([]),
  actorIds: z.array(z.uuid()).min(2, validationMessage('brokering.validation.twoActors')).max(12),
  pursue: z.boolean().default(false),
});
export type CombinationInput = z.infer<typeof combinationInputSchema>;
export const combinationUpdateSchema = combinationInputSchema.extend({ version: z.number().int().min(1) });
export type CombinationUpdate = z.infer<typeof combinationUpdateSchema>;

export const combinationSchema = z.object({
  id: z.string(),
  sheetId: z.string().nullable(),
  workshopId: z.string().nullable(),
  title: z.string(),
  scenario: z.string(),
  ideas: z.array(z.string()),
  pursue: z.boolean(),
  actors: z.array(actorRefSchema),
  /** The samenwerkingsvoorstel made of it, once an admin did. */
  ideaId: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Combination = z.infer<typeof combinationSchema>;
export const combinationListSchema = z.object({ items: z.array(combinationSchema.extend({ organisationName: z.string() })) });

export const draftSchema = z.object({
  description: z.string(),
  strengths: z.array(z.string()),
  needs: z.array(z.string()),
  version: z.number().int(),
  appliedAt: z.string().nullable(),
});

export const sheetSchema = z.object({
  id: z.string(),
  actor: actorRefSchema
    .extend({ description: z.string(), strengths: z.array(z.string()), needs: z.array(z.string()), version: z.number().int() })
    .nullable(),
  organisationName: z.string(),
  workshopId: z.string().nullable(),
  participantId: z.string().nullable(),
  currentStep: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Steps 1–2 write straight to the actor on the map (else they go into the draft). */
  writesToMap: z.boolean(),
  /** May apply the draft to the actor (admins). */
  canApplyDraft: z.boolean(),
  draft: draftSchema.nullable(),
  cards: z.array(cardSchema),
  combinations: z.array(combinationSchema),
});
export type BrokeringSheet = z.infer<typeof sheetSchema>;

export const sheetSummarySchema = z.object({
  id: z.string(),
  organisationName: z.string(),
  actorId: z.string().nullable(),
  workshopId: z.string().nullable(),
  currentStep: z.number().int(),
  cards: z.number().int(),
  combinations: z.number().int(),
  updatedAt: z.string(),
});
export const sheetListSchema = z.object({ items: z.array(sheetSummarySchema), ownActor: z.object({ id: z.string(), name: z.string() }).nullable() });

/** The 22-sector inspiration list with the region's actors per sector; none = a white spot. */
export const inspirationSchema = z.object({
  sectors: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      cultural: z.boolean(),
      examples: z.array(z.string()),
      actorCount: z.number().int(),
      whiteSpot: z.boolean(),
      actors: z.array(actorRefSchema),
    }),
  ),
});
export type Inspiration = z.infer<typeof inspirationSchema>;

export const proposedActorSchema = z.object({
  id: z.string(),
  typedName: z.string(),
  municipality: municipalitySummarySchema.nullable(),
  sector: sectorRefSchema.nullable(),
  ideas: z.array(z.string()),
  proposedBy: z.string(),
  sheetId: z.string(),
  createdAt: z.string(),
});
export const proposedActorListSchema = z.object({ items: z.array(proposedActorSchema) });
export const proposedActorCreateSchema = z.object({
  name: z.string().trim().min(2).max(200),
  municipality: nisCodeSchema,
  sector: z.string().trim().min(1).max(60),
});

export const ideaSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(COOPERATION_STATUSES),
  owners: z.array(actorRefSchema),
  combinationId: z.string().nullable(),
  planAction: z.object({ planId: z.string(), planTitle: z.string(), actionId: z.string(), number: z.string(), title: z.string() }).nullable(),
  planProposal: z.object({ id: z.string(), planId: z.string(), actionId: z.string(), status: z.string() }).nullable(),
  startedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  relations: z.array(z.object({ id: z.string(), sourceName: z.string(), targetName: z.string(), validFrom: z.string().nullable(), validTo: z.string().nullable() })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type CooperationIdea = z.infer<typeof ideaSchema>;
export const ideaListSchema = z.object({ items: z.array(ideaSchema) });
export const ideaListQuerySchema = z.object({ status: z.enum(COOPERATION_STATUSES).optional() });

export const ideaUpdateSchema = z.object({
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(4000).default(''),
  status: z.enum(COOPERATION_STATUSES),
  ownerActorIds: z.array(z.uuid()).min(1).max(12),
  startedOn: isoDate.nullish().transform((value) => value ?? null),
  stoppedOn: isoDate.nullish().transform((value) => value ?? null),
  version: z.number().int().min(1),
});
export type IdeaUpdate = z.infer<typeof ideaUpdateSchema>;

export const planLinkSchema = z.object({
  planId: z.uuid(),
  actionId: z.uuid(),
  /** link: the idea is carried by this existing action; propose: a change proposal adds the owners as partners of the action. */
  mode: z.enum(['link', 'propose']).default('link'),
  reason: z.string().trim().max(4000).default(''),
});
export type PlanLink = z.infer<typeof planLinkSchema>;
