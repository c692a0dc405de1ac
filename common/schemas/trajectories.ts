import { z } from 'zod';
import { validationMessage } from '../validation.js';
import { WEEKDAYS } from './catalog.js';

// Payloads of the trajectories domain (issue #11, decision 027): participants, steps, placements, hours, figures.

export const DUTCH_LEVELS = ['geen', 'A1', 'A2', 'B1', 'B2'] as const;
export type DutchLevel = (typeof DUTCH_LEVELS)[number];
export const TRANSPORTS = ['te-voet', 'fiets', 'openbaar-vervoer', 'auto'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const INBURGERAAR_STATUSES = ['verplicht', 'rechthebbend'] as const;
export type InburgeraarStatus = (typeof INBURGERAAR_STATUSES)[number];
export const TRAJECTORY_STAGES = ['verwijzing', 'intake', 'zoektocht', 'eerste-bezoek', 'deelname', 'evaluatie'] as const;
export type TrajectoryStage = (typeof TRAJECTORY_STAGES)[number];
export const STEP_KINDS = [...TRAJECTORY_STAGES, 'overdracht'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const CONSENT_KINDS = ['traject', 'delen-voornaam', 'delen-talen', 'delen-verwachtingen'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];
export const PLACEMENT_STATUSES = ['voorgesteld', 'aanvaard', 'ander-moment', 'geweigerd', 'gestopt'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
/** The catalog's themes (UiTdatabank labels, Dutch as data) a participant's interests are chosen from. */
export const TRAJECTORY_THEMES = ['Taal en ontmoeting', 'Sport en beweging', 'Cultuur', 'Natuur', 'Koken en eten', 'Leren en werk'] as const;
/** Languages the referral form offers (ISO 639-1); others can be added later. */
export const TRAJECTORY_LANGUAGES = ['ar', 'en', 'fa', 'fr', 'ku', 'ps', 'ru', 'so', 'ti', 'uk', 'es', 'tr'] as const;
/** The participation and network trajectory counts at least this many hours. */
export const TRAJECTORY_HOURS_GOAL = 40;

/**
 * The most language icons (offers.language_icons: 1 hardly any Dutch … 4 fluent) an activity may ask
 * for someone at this Dutch level: one icon for beginners, then one more per level.
 */
export const LANGUAGE_ICONS_FOR_LEVEL: Record<DutchLevel, number> = { geen: 1, A1: 1, A2: 2, B1: 3, B2: 4 };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, validationMessage('validation.date'));
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, validationMessage('trajectories.validation.time'));
const userRef = z.object({ id: z.string(), name: z.string() });

export const consentSchema = z.object({ id: z.string(), kind: z.enum(CONSENT_KINDS), givenOn: z.string(), recordedBy: userRef.nullable(), withdrawnOn: z.string().nullable() });
export type Consent = z.infer<typeof consentSchema>;

/** What a referrer (trajectbegeleider) types; the coach completes the rest at the intake. */
export const participantInputSchema = z.object({
  firstName: z.string().trim().max(60).nullable().default(null),
  municipalityNis: z.string().regex(/^\d{5}$/, validationMessage('trajectories.validation.municipality')),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).default([]),
  dutchLevel: z.enum(DUTCH_LEVELS).default('geen'),
  interests: z.array(z.string().trim().min(1).max(60)).max(12).default([]),
  transport: z.enum(TRANSPORTS).default('openbaar-vervoer'),
  needsChildcare: z.boolean().default(false),
  withChildren: z.boolean().default(false),
  availableDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
  availableFrom: time.nullable().default(null),
  availableUntil: time.nullable().default(null),
  uitpasKansentarief: z.boolean().default(false),
  freeOnly: z.boolean().default(false),
  inburgeraarStatus: z.enum(INBURGERAAR_STATUSES),
  referredOn: isoDate,
  referralNote: z.string().max(2000).default(''),
  /** The coach the referral goes to (a coach who refers becomes the coach; none: the admin assigns one). */
  coachId: z.string().uuid(validationMessage('trajectories.validation.coach')).nullable().default(null),
  /** Consent for the trajectory itself, recorded with the referral. */
  consentGiven: z.literal(true, validationMessage('trajectories.validation.consent')),
});
export type ParticipantInput = z.infer<typeof participantInputSchema>;
export const participantUpdateSchema = participantInputSchema.omit({ referredOn: true, consentGiven: true, referralNote: true, coachId: true }).extend({
  continuesAfter: z.boolean().nullable().default(null),
  version: z.number().int().min(1),
});

/** One row of a coach's list, or of a referrer's own referrals (no trajectory details). */
export const participantSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  firstName: z.string().nullable(),
  municipalityName: z.string(),
  stage: z.enum(TRAJECTORY_STAGES),
  referredOn: z.string(),
  coach: userRef.nullable(),
  hours: z.number(),
  /** For the coach: the last hand-over to them from another coach, with its note (decision 031). */
  handover: z.object({ from: userRef.nullable(), on: z.string(), note: z.string() }).nullable(),
});
export const participantListSchema = z.object({ participants: z.array(participantSummarySchema), relation: z.enum(['coach', 'referrer']), coaches: z.array(userRef) });

export const stepSchema = z.object({ id: z.string(), kind: z.enum(STEP_KINDS), happenedOn: z.string(), note: z.string(), doneBy: userRef.nullable(), fromCoach: userRef.nullable(), toCoach: userRef.nullable() });
export const stepInputSchema = z.object({ kind: z.enum(TRAJECTORY_STAGES), happenedOn: isoDate, note: z.string().max(4000).default('') });
export const handoverInputSchema = z.object({ toCoachId: z.string().uuid(validationMessage('trajectories.validation.coach')), note: z.string().max(2000).default(''), version: z.number().int().min(1) });
export const consentInputSchema = z.object({ kind: z.enum(CONSENT_KINDS), givenOn: isoDate });

export const hoursEntrySchema = z.object({ id: z.string(), attendedOn: z.string(), hours: z.number(), loggedBy: userRef.nullable() });
export const placementSchema = z.object({
  id: z.string(),
  offerId: z.string().nullable(),
  offerTitle: z.string(),
  organizerName: z.string().nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  expectations: z.string(),
  partnerMessage: z.string(),
  reasons: z.array(z.string()),
  hours: z.number(),
  entries: z.array(hoursEntrySchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Placement = z.infer<typeof placementSchema>;

export const participantDetailSchema = participantInputSchema.omit({ consentGiven: true, coachId: true }).extend({
  id: z.string(),
  code: z.string(),
  municipalityName: z.string(),
  stage: z.enum(TRAJECTORY_STAGES),
  referredBy: userRef.nullable(),
  coach: userRef.nullable(),
  continuesAfter: z.boolean().nullable(),
  maxLanguageIcons: z.number().int(),
  consents: z.array(consentSchema),
  steps: z.array(stepSchema),
  placements: z.array(placementSchema),
  hours: z.number(),
  hoursGoal: z.number(),
  coaches: z.array(userRef),
  version: z.number().int(),
});
export type ParticipantDetail = z.infer<typeof participantDetailSchema>;

export const suggestionSchema = z.object({
  offerId: z.string(),
  title: z.string(),
  organizerName: z.string().nullable(),
  municipalityName: z.string().nullable(),
  distanceKm: z.number().nullable(),
  languageIcons: z.number().int().nullable(),
  nextStartsAt: z.string().nullable(),
  score: z.number(),
  /** Translated reasons: why this offer fits (or what to watch out for). */
  reasons: z.array(z.object({ kind: z.enum(['plus', 'min']), text: z.string() })),
});
export const suggestionListSchema = z.object({ suggestions: z.array(suggestionSchema) });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const placementInputSchema = z.object({ offerId: z.string().uuid(), expectations: z.string().max(2000).default('') });
export const hoursInputSchema = z.object({ attendedOn: isoDate, hours: z.number().positive(validationMessage('trajectories.validation.hours')).max(12, validationMessage('trajectories.validation.hours')) });
export const placementResponseSchema = z.object({
  answer: z.enum(['aanvaard', 'ander-moment', 'geweigerd']),
  message: z.string().trim().max(2000).default(''),
  version: z.number().int().min(1),
});

/** A placement as the organiser sees it: only what the participant agreed to share. */
export const inboxPlacementSchema = z.object({
  id: z.string(),
  participantCode: z.string(),
  firstName: z.string().nullable(),
  languages: z.array(z.string()).nullable(),
  dutchLevel: z.enum(DUTCH_LEVELS).nullable(),
  expectations: z.string().nullable(),
  offerTitle: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  partnerMessage: z.string(),
  hours: z.number(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const inboxSchema = z.object({ placements: z.array(inboxPlacementSchema) });

/** Pseudonymous, aggregated figures: a group under MIN_GROUP people shows as null. */
export const MIN_GROUP = 5;
/** A figure that is null when it would show a group under MIN_GROUP people. */
const hideable = z.number().nullable();
/** A group of people in a figure: its name ('' = the small groups together), people and a measure, each null when hidden. */
const offerGroupSchema = z.object({ name: z.string(), participants: hideable, offers: hideable });
export const monitoringSchema = z.object({
  minGroup: z.number().int(),
  totals: z.object({
    participants: hideable,
    placements: hideable,
    hours: hideable,
    reached40: hideable,
    uitpas: hideable,
    continuing: hideable,
    waitingDays: hideable,
    /** Shares in percent of the participants (continuation: of those whose answer is known). */
    reached40Share: hideable,
    uitpasShare: hideable,
    /** Participants with the kansentarief placed at an offer that takes UiTPAS. */
    uitpasUsed: hideable,
    continuingShare: hideable,
    waitingDaysAverage: hideable,
  }),
  perMunicipality: z.array(z.object({ municipalityName: z.string(), participants: hideable, intakes: hideable, placed: hideable, hours: hideable })),
  perStage: z.array(z.object({ stage: z.enum(TRAJECTORY_STAGES), participants: hideable })),
  /** The last 12 months, oldest first (month: yyyy-mm). */
  perMonth: z.array(z.object({ month: z.string(), referrals: hideable, intakes: hideable, placements: hideable, hours: hideable })),
  /** Accepted placements by the offer's municipality and by the organiser's (primary) sector. */
  offersPerMunicipality: z.array(offerGroupSchema),
  offersPerSector: z.array(offerGroupSchema),
  /** Pseudonymous list for assigning a coach: codes and stages, never names. */
  unassigned: z.array(z.object({ id: z.string(), code: z.string(), municipalityName: z.string(), referredOn: z.string() })),
  coaches: z.array(userRef),
});
export type Monitoring = z.infer<typeof monitoringSchema>;
/** The keys of the totals, in the order the dashboard and the export show them. */
export const MONITORING_TOTALS = ['participants', 'placements', 'hours', 'reached40', 'reached40Share', 'uitpas', 'uitpasShare', 'uitpasUsed', 'continuing', 'continuingShare', 'waitingDays', 'waitingDaysAverage'] as const;
export const assignInputSchema = z.object({ coachId: z.string().uuid(validationMessage('trajectories.validation.coach')) });

// --- Privacy per region, the PDF export and the read log (decision 031) ---

/** Personal fields are kept this many months after the evaluation unless the region chose otherwise. */
export const DEFAULT_RETENTION_MONTHS = 12;
export const trajectorySettingsSchema = z.object({
  purpose: z.string(),
  retentionMonths: z.number().int(),
  updatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TrajectorySettings = z.infer<typeof trajectorySettingsSchema>;
export const trajectorySettingsUpdateSchema = z.object({
  purpose: z.string().trim().max(2000, validationMessage('trajectories.privacyRegion.validation.purpose')),
  retentionMonths: z
    .number(validationMessage('trajectories.privacyRegion.validation.retentionMonths'))
    .int(validationMessage('trajectories.privacyRegion.validation.retentionMonths'))
    .min(1, validationMessage('trajectories.privacyRegion.validation.retentionMonths'))
    .max(120, validationMessage('trajectories.privacyRegion.validation.retentionMonths')),
  /** 0 while the region has no settings row yet. */
  version: z.number().int().min(0),
});

/** Where someone other than the coach read a participant's data (the route, not what was shown). */
export const READ_SOURCES = ['inbox', 'referrals', 'unassigned', 'hours'] as const;
export type ReadSource = (typeof READ_SOURCES)[number];
export const participantReadSchema = z.object({ at: z.string(), reader: userRef.nullable(), role: z.string().nullable(), source: z.enum(READ_SOURCES) });
export const participantReadListSchema = z.object({ reads: z.array(participantReadSchema) });
