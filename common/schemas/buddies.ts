import { z } from 'zod';
import { validationMessage } from '../validation.js';
import { WEEKDAYS } from './catalog.js';

// Payloads of the buddy network (issue #11, decision 030): programmes, volunteers, duos, meetings, intervision.

export const DUO_STATUSES = ['actief', 'gepauzeerd', 'afgerond', 'gestopt'] as const;
export type DuoStatus = (typeof DUO_STATUSES)[number];
/** A duo that still counts against the volunteer's capacity and the participant's one current buddy. */
export const CURRENT_DUO_STATUSES: readonly DuoStatus[] = ['actief', 'gepauzeerd'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, validationMessage('validation.date'));
const uuid = (key: string) => z.string().uuid(validationMessage(key));

export const programmeInputSchema = z.object({
  actorId: uuid('buddies.validation.actor'),
  description: z.string().trim().max(1000).default(''),
});

export const volunteerInputSchema = z.object({
  firstName: z.string().trim().min(1, validationMessage('buddies.validation.firstName')).max(80, validationMessage('buddies.validation.firstName')),
  municipalityNis: z.string().regex(/^\d{5}$/, validationMessage('buddies.validation.municipality')),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).default([]),
  interests: z.array(z.string().trim().min(1).max(60)).max(12).default([]),
  availableDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
  maxDuos: z.number().int().min(1, validationMessage('buddies.validation.maxDuos')).max(5, validationMessage('buddies.validation.maxDuos')).default(1),
});
export type VolunteerInput = z.infer<typeof volunteerInputSchema>;
export const volunteerUpdateSchema = volunteerInputSchema.extend({ active: z.boolean(), version: z.number().int().min(1) });

export const volunteerSchema = volunteerInputSchema.extend({
  id: z.string(),
  programmeId: z.string(),
  municipalityName: z.string(),
  active: z.boolean(),
  currentDuos: z.number().int(),
  version: z.number().int(),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const duoSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerFirstName: z.string(),
  programmeName: z.string(),
  /** The participant's pseudonymous code; their first name only for their own coach. */
  participantCode: z.string(),
  participantFirstName: z.string().nullable(),
  status: z.enum(DUO_STATUSES),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  reasons: z.array(z.string()),
  meetings: z.array(z.object({ id: z.string(), metOn: z.string(), activity: z.string() })),
  /** Whether the caller may change the status and log meetings (the participant's coach or the programme's coordinator). */
  mayUpdate: z.boolean(),
  version: z.number().int(),
});
export type Duo = z.infer<typeof duoSchema>;

export const programmeSchema = z.object({
  id: z.string(),
  actorId: z.string(),
  name: z.string(),
  municipalityName: z.string().nullable(),
  description: z.string(),
  volunteers: z.number().int(),
  activeDuos: z.number().int(),
  /** Whether the caller may add and edit this pool's volunteers (the region's admin or the programme's own coordinator). */
  mayManage: z.boolean(),
});

export const learningNetworkSchema = z
  .object({
    bodyId: z.string(),
    name: z.string(),
    meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), location: z.string(), topics: z.array(z.string()) })),
  })
  .nullable();

export const buddyOverviewSchema = z.object({
  programmes: z.array(programmeSchema),
  learningNetwork: learningNetworkSchema,
  mayRegisterProgrammes: z.boolean(),
});

export const programmeDetailSchema = programmeSchema.extend({ pool: z.array(volunteerSchema), duos: z.array(duoSchema) });

export const buddySuggestionSchema = z.object({
  volunteerId: z.string(),
  firstName: z.string(),
  programmeName: z.string(),
  municipalityName: z.string(),
  distanceKm: z.number().nullable(),
  score: z.number(),
  reasons: z.array(z.object({ kind: z.enum(['plus', 'min']), text: z.string() })),
});
export const buddySuggestionListSchema = z.object({ participantCode: z.string(), suggestions: z.array(buddySuggestionSchema), currentDuo: duoSchema.nullable() });

export const duoInputSchema = z.object({ participantId: uuid('buddies.validation.participant'), volunteerId: uuid('buddies.validation.volunteer'), startedOn: isoDate });
export const duoUpdateSchema = z.object({ status: z.enum(DUO_STATUSES), version: z.number().int().min(1) });
export const duoMeetingInputSchema = z.object({ metOn: isoDate, activity: z.string().trim().max(200, validationMessage('buddies.validation.activity')).default('') });
export const learningNetworkInputSchema = z.object({ bodyId: uuid('buddies.validation.body') });

/** The buddy figures on the monitoring dashboard: null where fewer than 5 people are behind a number. */
export const buddyFiguresSchema = z.object({ volunteers: z.number().int().nullable(), currentDuos: z.number().int().nullable(), finishedDuos: z.number().int().nullable(), meetings: z.number().int().nullable() });
