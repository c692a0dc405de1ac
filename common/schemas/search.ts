import { z } from 'zod';

/** One synonym group: global defaults (from the migration) or the region's own (admins add and delete them). */
export const synonymGroupSchema = z.object({
  id: z.uuid(),
  terms: z.array(z.string()),
  scope: z.enum(['global', 'region']),
});
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;

/** A single word per term (letters, digits, hyphens): the analyzer expands query words one by one. */
export const synonymTermSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\d-]+$/u, { message: '@search.synonyms.oneWord' });

export const synonymCreateSchema = z.object({ terms: z.array(synonymTermSchema).min(2).max(12) }).strict();
export type SynonymCreate = z.infer<typeof synonymCreateSchema>;
