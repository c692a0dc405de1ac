import { z } from 'zod';
import { validationMessage } from '../validation.js';

// Payloads of the live workshop room (issue #9): workshops, joining, the facilitator's room and the report.

/** Letters and digits nobody confuses on a phone keyboard or a projector (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** The code as people type it: spaces, dashes and lower case are forgiven. */
export const joinCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), validationMessage('workshops.errors.codeFormat', { length: JOIN_CODE_LENGTH })));

export const workshopStatusSchema = z.enum(['open', 'closed']);

export const workshopInputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  heldOn: z.iso.date().nullable().default(null),
  place: z.string().trim().max(200).default(''),
});
export type WorkshopInput = z.infer<typeof workshopInputSchema>;

export const workshopSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  place: z.string(),
  status: workshopStatusSchema,
  joinCode: z.string(),
  participantCount: z.number().int(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type WorkshopSummary = z.infer<typeof workshopSummarySchema>;
export const workshopListSchema = z.object({ items: z.array(workshopSummarySchema) });

export const closeWorkshopSchema = z.object({ version: z.number().int().min(1) });

export const inviteInputSchema = z.object({
  invitees: z.array(z.object({ name: z.string().trim().min(2).max(120), email: z.email().max(200) })).min(1).max(100),
});
export const inviteResultSchema = z.object({ sent: z.number().int(), joinUrl: z.string() });

/** What a phone sees after typing a valid code (nothing personal). */
export const joinLookupSchema = z.object({
  workshopId: z.string(),
  title: z.string(),
  heldOn: z.string().nullable(),
  place: z.string(),
  region: z.object({ slug: z.string(), name: z.string() }),
});
export const joinLookupQuerySchema = z.object({ code: joinCodeSchema });

export const organisationQuerySchema = z.object({ code: joinCodeSchema, q: z.string().trim().min(2).max(120) });
export const organisationMatchSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), municipality: z.string().nullable() })),
});

/** Joining: members send only the code; guests their name, e-mail and organisation (matched actor or a new name). */
export const joinInputSchema = z.object({
  code: joinCodeSchema,
  name: z.string().trim().min(2).max(120).optional(),
  email: z.email().max(200).optional(),
  organisation: z.string().trim().min(2).max(200).optional(),
  actorId: z.uuid().nullable().optional(),
});
export type JoinInput = z.infer<typeof joinInputSchema>;

export const joinResultSchema = z.object({
  workshopId: z.string(),
  participantId: z.string(),
  sheetId: z.string(),
  slug: z.string(),
  /** Only for guests: shown once, kept in localStorage (regiekamer.workshopGuest), sent as x-guest-token. */
  token: z.string().nullable(),
  /** Where the flow continues (wt-flow's sheet page). */
  sheetPath: z.string(),
});
export type JoinResult = z.infer<typeof joinResultSchema>;

const actorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  municipality: z.object({ nisCode: z.string(), name: z.string() }).nullable(),
});

export const roomParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  actor: actorRefSchema.nullable(),
  /** The organisation is not on the map yet: offered to the admin, never created silently. */
  newOrganisation: z.boolean(),
  guest: z.boolean(),
  sheetId: z.string().nullable(),
  step: z.number().int(),
  joinedAt: z.string().nullable(),
});

export const roomPartnerSchema = z.object({
  actorId: z.string().nullable(),
  name: z.string(),
  municipality: z.object({ nisCode: z.string(), name: z.string() }).nullable(),
  sector: z.object({ key: z.string(), name: z.string(), cultural: z.boolean() }).nullable(),
  ideas: z.array(z.string()),
  kept: z.boolean(),
  bovenlokaal: z.boolean(),
  grensverleggend: z.boolean(),
});

export const roomCardSchema = z.object({
  id: z.string(),
  sheetId: z.string(),
  participant: z.string(),
  organisation: z.string(),
  startKind: z.enum(['need', 'strength']),
  startText: z.string(),
  partners: z.array(roomPartnerSchema),
  updatedAt: z.string(),
});

export const roomBubbleSchema = z.object({
  municipality: z.object({ nisCode: z.string(), name: z.string() }),
  partners: z.array(z.object({ key: z.string(), name: z.string(), cultural: z.boolean(), sectorKey: z.string().nullable(), times: z.number().int() })),
});

export const roomCombinationSchema = z.object({
  id: z.string(),
  title: z.string(),
  scenario: z.string(),
  ideas: z.array(z.string()),
  pursue: z.boolean(),
  actors: z.array(actorRefSchema),
  cooperationIdea: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
});

export const roomSnapshotSchema = z.object({
  workshop: workshopSummarySchema,
  region: z.object({ slug: z.string(), name: z.string() }),
  participants: z.array(roomParticipantSchema),
  steps: z.array(z.object({ step: z.number().int(), count: z.number().int() })),
  cards: z.array(roomCardSchema),
  bubbles: z.array(roomBubbleSchema),
  combinations: z.array(roomCombinationSchema),
});
export type RoomSnapshot = z.infer<typeof roomSnapshotSchema>;

export const shareSchema = z.object({ total: z.number().int(), bovenlokaal: z.number().int(), grensverleggend: z.number().int(), bovenlokaalShare: z.number(), grensverleggendShare: z.number() });

export const workshopReportSchema = z.object({
  workshop: workshopSummarySchema,
  region: z.object({ slug: z.string(), name: z.string() }),
  participants: z.array(
    roomParticipantSchema.extend({ strengths: z.array(z.string()), needs: z.array(z.string()) }),
  ),
  cards: z.array(roomCardSchema),
  combinations: z.array(roomCombinationSchema),
  /** Rapport bovenlokale netwerken: the kept partners of this workshop against the region's relations. */
  bovenlokaal: z.object({ workshop: shareSchema, region: shareSchema }),
});
export type WorkshopReport = z.infer<typeof workshopReportSchema>;

/** One SSE message of the room: what changed (the client re-reads the snapshot). */
export const roomEventSchema = z.object({ type: z.string(), sheetId: z.string().optional(), participantId: z.string().optional(), at: z.number() });
