import { z } from 'zod';
import { nisCodeSchema } from './regions.js';

/** A suggested partner as the matching engine shows it: enough to name, place and colour it. */
export const matchActorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  municipality: z.object({ nisCode: z.string(), name: z.string() }).nullable(),
  sectors: z.array(z.object({ key: z.string(), name: z.string(), cultural: z.boolean() })),
});
export type MatchActor = z.infer<typeof matchActorSchema>;

/** One suggestion for an actor, a need or a strength, with the reasons it was made (plain language). */
export const matchSuggestionSchema = z.object({
  actor: matchActorSchema,
  score: z.number(),
  reasons: z.array(z.string()),
  bovenlokaal: z.boolean(),
  grensverleggend: z.boolean(),
  /** True when the two already have a relation on the map (the suggestion is then demoted). */
  alreadyPartners: z.boolean(),
});
export type MatchSuggestion = z.infer<typeof matchSuggestionSchema>;

export const matchListSchema = z.object({ items: z.array(matchSuggestionSchema) });
export type MatchList = z.infer<typeof matchListSchema>;

const freeText = z.string().trim().min(2).max(300);

/** `actor` is the reference (excluded, borders measured from it); `need` or `strength` the text to match. */
export const matchQuerySchema = z.object({
  actor: z.uuid().optional(),
  need: freeText.optional(),
  strength: freeText.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type MatchQuery = z.infer<typeof matchQuerySchema>;

/** One pair of actors that fit and have no relation yet, for the regisseur's region-wide view. */
export const regionMatchSchema = z.object({
  /** The actor whose need is answered. */
  a: matchActorSchema,
  /** The actor whose strength answers it. */
  b: matchActorSchema,
  score: z.number(),
  reasons: z.array(z.string()),
  bovenlokaal: z.boolean(),
  grensverleggend: z.boolean(),
});
export type RegionMatch = z.infer<typeof regionMatchSchema>;

export const regionMatchListSchema = z.object({
  items: z.array(regionMatchSchema),
  /** How many actors were compared (the whole region, before the filters narrowed the pairs). */
  actorsCompared: z.number().int(),
});
export type RegionMatchList = z.infer<typeof regionMatchListSchema>;

export const regionMatchQuerySchema = z.object({
  municipality: nisCodeSchema.optional(),
  sector: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type RegionMatchQuery = z.infer<typeof regionMatchQuerySchema>;
