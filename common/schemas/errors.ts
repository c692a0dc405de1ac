import { z } from 'zod';

/** Error codes and their HTTP status: the one table the whole API answers with. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  WRONG_PASSWORD: 403,
  INVITE_OTHER_USER: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  INVALID_TOKEN: 404,
  CONFLICT: 409,
  WORKSHOP_CLOSED: 409,
  ALREADY_EXISTS: 409,
  ALREADY_MEMBER: 409,
  LAST_ADMIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_MUNICIPALITY: 400,
  IMPORT_FAILED: 400,
  FILE_TOO_COMPLEX: 400,
  PLAN_CLOSED: 409,
  PROPOSAL_REQUIRED: 409,
  PROPOSAL_NOT_NEEDED: 409,
  PROPOSAL_DECIDED: 409,
  BOOKING_OVERLAP: 409,
  BOOKING_STATUS: 409,
  POLL_CLOSED: 409,
  SURVEY_CLOSED: 409,
  ALREADY_ANSWERED: 409,
  PLACEMENT_NOT_ACCEPTED: 409,
  HOURS_GOAL_NOT_REACHED: 409,
  BUDDY_FULL: 409,
  BUDDY_ALREADY_PAIRED: 409,
  BUDDY_DUO_ENDED: 409,
  RATE_LIMITED: 429,
  LOGIN_SLOWED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const errorFieldSchema = z.object({ path: z.string(), message: z.string() });

/** The stable JSON shape of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(errorFieldSchema).optional(),
    requestId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
