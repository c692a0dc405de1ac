import { z } from 'zod';

// Payloads of the cooperative domain (issue #13): cooperants, bodies, co-financing, meetings, communication.

export const membershipKindSchema = z.enum(['volwaardig', 'geassocieerd', 'waarnemer']);
export const bodyKindSchema = z.enum(['stuurgroep', 'werkgroep']);
export const bodyRoleSchema = z.enum(['voorzitter', 'secretaris', 'lid']);
export const financingKeySchema = z.enum(['gelijk', 'inwoners', 'vast', 'mix']);
export const agendaLinkKindSchema = z.enum(['voorstel', 'actie', 'peiling', 'document']);
export const attendanceStatusSchema = z.enum(['aanwezig', 'verontschuldigd', 'afwezig']);
export const actionPointStatusSchema = z.enum(['open', 'bezig', 'klaar']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const userRef = z.object({ id: z.string(), name: z.string() });

export const memberSchema = z.object({
  id: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorKind: z.string(),
  membershipKind: membershipKindSchema,
  memberSince: z.string(),
  municipalityNis: z.string().nullable(),
  municipalityName: z.string().nullable(),
  representative: userRef.nullable(),
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberInputSchema = z.object({
  actorId: z.string().uuid(),
  membershipKind: membershipKindSchema.default('volwaardig'),
  memberSince: isoDate,
  municipalityNis: z.string().regex(/^\d{5}$/).nullable().default(null),
  representativeUserId: z.string().uuid().nullable().default(null),
});
export const memberUpdateSchema = memberInputSchema.omit({ actorId: true }).extend({ version: z.number().int() });

export const bodyMemberSchema = z.object({ userId: z.string(), name: z.string(), role: bodyRoleSchema, memberId: z.string().nullable(), memberName: z.string().nullable() });
export const bodySchema = z.object({
  id: z.string(),
  kind: bodyKindSchema,
  name: z.string(),
  description: z.string(),
  quorum: z.number().int().nullable(),
  members: z.array(bodyMemberSchema),
  version: z.number().int(),
});
export type Body = z.infer<typeof bodySchema>;
export const bodyInputSchema = z.object({
  kind: bodyKindSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
  quorum: z.number().int().min(1).max(500).nullable().default(null),
  members: z
    .array(z.object({ userId: z.string().uuid(), role: bodyRoleSchema.default('lid'), memberId: z.string().uuid().nullable().default(null) }))
    .max(200)
    .default([]),
});
export const bodyUpdateSchema = bodyInputSchema.omit({ kind: true }).extend({ version: z.number().int() });

export const cooperativeOverviewSchema = z.object({
  members: z.array(memberSchema),
  bodies: z.array(bodySchema),
  canManage: z.boolean(),
  candidates: z.object({ actors: z.array(z.object({ id: z.string(), name: z.string(), municipalityNis: z.string().nullable() })), users: z.array(userRef) }).nullable(),
});

// Co-financing
export const contributionRowSchema = z.object({
  memberId: z.string(),
  actorName: z.string(),
  municipalityName: z.string().nullable(),
  inhabitants: z.number().int().nullable(),
  fixedCents: z.number().int(),
  shareCents: z.number().int(),
  sharePercent: z.number(),
  receivedCents: z.number().int(),
  receivedOn: z.string().nullable(),
  openCents: z.number().int(),
});
export const financingYearSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  budgetCents: z.number().int(),
  keyKind: financingKeySchema,
  weights: z.object({ equal: z.number().int(), inhabitants: z.number().int(), fixed: z.number().int() }),
  note: z.string(),
  version: z.number().int(),
  inhabitantsYear: z.number().int().nullable(),
  inhabitantsSource: z.string().nullable(),
  problem: z.string().nullable(),
  rows: z.array(contributionRowSchema),
  totals: z.object({ shareCents: z.number().int(), receivedCents: z.number().int(), openCents: z.number().int() }),
  planFunding: z.object({ id: z.string(), planId: z.string(), planTitle: z.string(), label: z.string(), amountCents: z.number().int(), year: z.number().int().nullable() }).nullable(),
});
export type FinancingYear = z.infer<typeof financingYearSchema>;
export const financingListSchema = z.object({
  years: z.array(z.object({ id: z.string(), year: z.number().int(), budgetCents: z.number().int() })),
  fundingOptions: z.array(z.object({ id: z.string(), planTitle: z.string(), label: z.string(), amountCents: z.number().int(), year: z.number().int().nullable(), fundingSource: z.string() })),
  canManage: z.boolean(),
});
export const financingYearInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  budgetCents: z.number().int().min(0).max(100_000_000_000),
  keyKind: financingKeySchema,
  weights: z.object({ equal: z.number().int().min(0).max(100), inhabitants: z.number().int().min(0).max(100), fixed: z.number().int().min(0).max(100) }).default({ equal: 0, inhabitants: 0, fixed: 0 }),
  planFundingId: z.string().uuid().nullable().default(null),
  note: z.string().max(2000).default(''),
});
export const financingYearUpdateSchema = financingYearInputSchema.omit({ year: true }).extend({ version: z.number().int() });
export const financingSharesInputSchema = z.object({
  version: z.number().int(),
  rows: z
    .array(z.object({ memberId: z.string().uuid(), fixedCents: z.number().int().min(0).max(100_000_000_000), receivedCents: z.number().int().min(0).max(100_000_000_000), receivedOn: isoDate.nullable().default(null) }))
    .max(500),
});

// Meetings
export const agendaItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  linkKind: agendaLinkKindSchema.nullable(),
  linkRef: z.string().nullable(),
  linkLabel: z.string().nullable(),
  linkHref: z.string().nullable(),
});
export const agendaItemInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().max(4000).default(''),
    linkKind: agendaLinkKindSchema.nullable().default(null),
    linkRef: z.string().trim().max(2000).nullable().default(null),
  })
  .refine((item) => (item.linkKind === null) === (item.linkRef === null || item.linkRef === ''), { path: ['linkRef'], message: '@cooperative.errors.linkRefRequired' });

export const meetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  bodyKind: bodyKindSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  videoUrl: z.string().nullable(),
  minutesPublic: z.boolean(),
  decisionCount: z.number().int(),
});
export const meetingListSchema = z.object({ upcoming: z.array(meetingSummarySchema), past: z.array(meetingSummarySchema), canManage: z.boolean() });

export const decisionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  text: z.string(),
  proposal: z.object({ id: z.string(), planId: z.string(), actionNumber: z.string(), actionTitle: z.string(), outcome: z.enum(['goedgekeurd', 'afgewezen']) }).nullable(),
  planAction: z.object({ id: z.string(), planId: z.string(), number: z.string(), title: z.string() }).nullable(),
  meetingId: z.string(),
  createdAt: z.string(),
});
export const actionPointSchema = z.object({
  id: z.string(),
  description: z.string(),
  assignee: userRef.nullable(),
  dueOn: z.string().nullable(),
  status: actionPointStatusSchema,
  planAction: z.object({ id: z.string(), planId: z.string(), number: z.string(), title: z.string() }).nullable(),
  version: z.number().int(),
});
export const meetingDetailSchema = meetingSummarySchema.extend({
  agenda: z.array(agendaItemSchema),
  attendance: z.array(z.object({ userId: z.string(), name: z.string(), role: bodyRoleSchema, status: attendanceStatusSchema.nullable() })),
  quorum: z.object({ needed: z.number().int(), present: z.number().int(), reached: z.boolean() }),
  minutes: z.string().nullable(),
  minutesVersion: z.number().int(),
  minutesUpdatedAt: z.string().nullable(),
  minutesUpdatedBy: z.string().nullable(),
  invitationsSentAt: z.string().nullable(),
  decisions: z.array(decisionSchema),
  actionPoints: z.array(actionPointSchema),
  openProposals: z.array(z.object({ id: z.string(), planId: z.string(), planTitle: z.string(), actionNumber: z.string(), actionTitle: z.string(), reason: z.string() })),
  /** The region's plan actions an action point may link to (for those who write the minutes; else empty). */
  planActionOptions: z.array(z.object({ id: z.string(), planTitle: z.string(), number: z.string(), title: z.string() })),
  version: z.number().int(),
  canEdit: z.boolean(),
  canDecide: z.boolean(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const meetingInputSchema = z
  .object({
    bodyId: z.string().uuid(),
    title: z.string().trim().min(1).max(300),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
    location: z.string().max(500).default(''),
    videoUrl: z.string().url().max(2000).nullable().default(null),
    minutesPublic: z.boolean().default(false),
    agenda: z.array(agendaItemInputSchema).max(100).default([]),
  })
  .refine((meeting) => Date.parse(meeting.endsAt) >= Date.parse(meeting.startsAt), { path: ['endsAt'], message: '@cooperative.errors.endsBeforeStart' });
export const meetingUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
    location: z.string().max(500).default(''),
    videoUrl: z.string().url().max(2000).nullable().default(null),
    minutesPublic: z.boolean().default(false),
    agenda: z.array(agendaItemInputSchema).max(100).default([]),
    version: z.number().int(),
  })
  .refine((meeting) => Date.parse(meeting.endsAt) >= Date.parse(meeting.startsAt), { path: ['endsAt'], message: '@cooperative.errors.endsBeforeStart' });
export const minutesInputSchema = z.object({ minutes: z.string().max(200_000), minutesVersion: z.number().int() });
export const minutesSavedSchema = z.object({ minutesVersion: z.number().int(), minutesUpdatedAt: z.string() });
export const attendanceInputSchema = z.object({ rows: z.array(z.object({ userId: z.string().uuid(), status: attendanceStatusSchema })).max(500) });
export const decisionInputSchema = z.object({
  text: z.string().trim().min(1).max(4000),
  proposalId: z.string().uuid().nullable().default(null),
  outcome: z.enum(['goedgekeurd', 'afgewezen']).default('goedgekeurd'),
  planActionId: z.string().uuid().nullable().default(null),
  /** The minutes as the secretary sees them: saved with the decision in the same transaction. */
  minutes: z.string().max(200_000).optional(),
  minutesVersion: z.number().int().optional(),
});
export const actionPointInputSchema = z.object({
  description: z.string().trim().min(1).max(2000),
  assigneeUserId: z.string().uuid().nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  status: actionPointStatusSchema.default('open'),
  planActionId: z.string().uuid().nullable().default(null),
});
export const actionPointUpdateSchema = actionPointInputSchema.extend({ version: z.number().int() });
export const invitationsSentSchema = z.object({ sent: z.number().int(), delivered: z.boolean() });

// Communication
export const notificationSettingsSchema = z.object({ weeklyDigest: z.boolean(), meetingInvitations: z.boolean(), newsletter: z.boolean() });
export const digestItemSchema = z.object({ kind: z.string(), title: z.string(), text: z.string(), url: z.string().nullable(), date: z.string().nullable() });
export type DigestItem = z.infer<typeof digestItemSchema>;
export const digestPreviewSchema = z.object({ since: z.string(), items: z.array(digestItemSchema) });
export const newsletterAudienceSchema = z.enum(['leden', 'publiek']);
export const newsletterSchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  items: z.array(digestItemSchema),
  status: z.enum(['concept', 'verzenden', 'verzonden']),
  audience: newsletterAudienceSchema,
  sentAt: z.string().nullable(),
  recipientCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  jobId: z.string().nullable(),
  /** The web version's page in the app. */
  webPath: z.string(),
});
export type Newsletter = z.infer<typeof newsletterSchema>;
/** The issue with, for the admin, the mail as subscribers will get it (the preview). */
export const newsletterDetailSchema = newsletterSchema.extend({ mail: z.object({ subject: z.string(), text: z.string() }).nullable(), canManage: z.boolean() });
export const newsletterListSchema = z.object({ items: z.array(newsletterSchema), canManage: z.boolean() });
export const newsletterDraftInputSchema = z.object({ days: z.number().int().min(1).max(92).default(30) });
export const newsletterInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  intro: z.string().max(10_000).default(''),
  audience: newsletterAudienceSchema.default('leden'),
  items: z.array(digestItemSchema.extend({ title: z.string().trim().min(1).max(300), text: z.string().max(4000) })).max(50).default([]),
});
export const newsletterUpdateSchema = newsletterInputSchema.extend({ version: z.number().int() });
export const newsletterSendSchema = z.object({ version: z.number().int(), recipients: z.enum(['leden', 'stuurgroep']).default('leden') });
export const newsletterSendResultSchema = z.object({ jobId: z.string(), status: z.enum(['concept', 'verzenden', 'verzonden']) });
export const outboxSchema = z.object({
  delivered: z.boolean(),
  items: z.array(z.object({ id: z.string(), kind: z.string(), recipient: z.string(), subject: z.string(), body: z.string(), attachmentNames: z.array(z.string()), delivered: z.boolean(), createdAt: z.string() })),
});
