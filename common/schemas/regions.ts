import { z } from 'zod';
import { validationMessage } from '../validation.js';

export const roleSchema = z.enum(['admin', 'editor', 'steering', 'viewer', 'coach', 'trajectbegeleider']);
export type RoleName = z.infer<typeof roleSchema>;

export const nisCodeSchema = z.string().regex(/^\d{5}$/, validationMessage('validation.format'));
export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, validationMessage('validation.slug'));

export const municipalitySummarySchema = z.object({ nisCode: z.string(), name: z.string() });
export const municipalitySchema = municipalitySummarySchema.extend({ postalCodes: z.array(z.string()) });
export type Municipality = z.infer<typeof municipalitySchema>;

export const regionSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  municipalities: z.array(municipalitySummarySchema),
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const regionDetailSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  municipalities: z.array(municipalitySchema),
  myRole: roleSchema.nullable(),
});
export type RegionDetail = z.infer<typeof regionDetailSchema>;

export const regionUpdateSchema = z.object({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(4000),
  municipalities: z.array(nisCodeSchema).min(1).max(400),
  version: z.number().int().min(1),
});
export type RegionUpdate = z.infer<typeof regionUpdateSchema>;

export const sectorSchema = z.object({
  key: z.string(),
  name: z.string(),
  examples: z.array(z.string()),
  cultural: z.boolean(),
});
export type Sector = z.infer<typeof sectorSchema>;
