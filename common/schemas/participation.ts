import { z } from 'zod';

// Payloads of the participation domain: voting rounds (polls) and surveys (issue #13).

export const POLL_KINDS = ['proposal', 'choose-one', 'choose-several', 'score', 'ranked', 'dot', 'meeting'] as const;
export const pollKindSchema = z.enum(POLL_KINDS);
export type PollKind = z.infer<typeof pollKindSchema>;
export const PROPOSAL_CHOICES = ['akkoord', 'onthouding', 'niet-akkoord', 'blokkeren'] as const;
export const pollAudienceSchema = z.enum(['steering', 'members', 'organisations']);
export const pollStatusSchema = z.enum(['open', 'closed']);

const optionLabel = z.string().trim().min(1).max(200);

export const pollCreateSchema = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).default(''),
  kind: pollKindSchema,
  /** Option labels (not for the proposal kind, which has its four fixed choices). */
  options: z.array(optionLabel).max(30).default([]),
  closesAt: z.iso.datetime({ offset: true }),
  audience: pollAudienceSchema,
  anonymous: z.boolean().default(false),
  hideResults: z.boolean().default(false),
  /** Dot vote: dots per voter; score: the highest score. */
  points: z.number().int().min(1).max(100).default(10),
  /** Count each vote also weighted by the voter's co-financing share of a working year (default: the year it closes). */
  weighted: z.boolean().default(false),
  weightYear: z.number().int().min(2000).max(2100).optional(),
  /** Put a plan change proposal to the vote: the outcome approves or rejects it. */
  planId: z.uuid().optional(),
  proposalId: z.uuid().optional(),
});
export type PollCreate = z.infer<typeof pollCreateSchema>;

export const stanceInputSchema = z.object({
  /** proposal, choose-one: the chosen option key. */
  choice: z.string().trim().min(1).max(60).optional(),
  /** choose-several, meeting (dates that suit), ranked (in order of preference). */
  choices: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  /** score, dot: points per option key. */
  scores: z.record(z.string().max(60), z.number().int().min(0).max(100)).optional(),
  reason: z.string().trim().max(2000).default(''),
});
export type StanceInput = z.infer<typeof stanceInputSchema>;

export const pollCloseSchema = z.object({ outcome: z.string().trim().min(1).max(5000) });

const stanceOutSchema = z.object({
  voter: z.string(),
  points: z.record(z.string(), z.number()),
  ranking: z.array(z.string()),
  reason: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
});

export const pollSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: pollKindSchema,
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  audience: pollAudienceSchema,
  anonymous: z.boolean(),
  hideResults: z.boolean(),
  points: z.number().int(),
  status: pollStatusSchema,
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.string(),
  /** How many may vote, and how many did. */
  voters: z.number().int(),
  voted: z.number().int(),
  /** Points per option; null while the poll hides its results until closing. */
  results: z.record(z.string(), z.number()).nullable(),
  /** Weighted polls: the co-financing working year, and points per option times each voter's share (shares sum to 1); null when unweighted or hidden. */
  weighted: z.boolean(),
  weightYear: z.number().int().nullable(),
  weightedResults: z.record(z.string(), z.number()).nullable(),
  /** The caller's own stance and its earlier versions (newest first). */
  mayVote: z.boolean(),
  myStance: stanceOutSchema.nullable(),
  myHistory: z.array(stanceOutSchema),
  /** Named polls once results show: every current stance with its reason. */
  stances: z.array(stanceOutSchema),
  proposal: z.object({ planId: z.string(), proposalId: z.string(), status: z.string() }).nullable(),
  canManage: z.boolean(),
});
export type Poll = z.infer<typeof pollSchema>;

export const pollSummarySchema = pollSchema.pick({ id: true, title: true, kind: true, status: true, closesAt: true, voters: true, voted: true, audience: true, mayVote: true });
export const pollListSchema = z.object({ items: z.array(pollSummarySchema) });

// Surveys

export const SURVEY_LANGUAGES = ['nl', 'en', 'fr', 'ar', 'uk'] as const;
export const surveyLanguageSchema = z.enum(SURVEY_LANGUAGES);
export type SurveyLanguage = z.infer<typeof surveyLanguageSchema>;
export const languageTextSchema = z.object({
  nl: z.string().trim().min(1).max(2000),
  en: z.string().trim().max(2000).optional(),
  fr: z.string().trim().max(2000).optional(),
  ar: z.string().trim().max(2000).optional(),
  uk: z.string().trim().max(2000).optional(),
});
export const QUESTION_KINDS = ['section', 'single', 'multiple', 'scale', 'ranking', 'short', 'long'] as const;
export const questionKindSchema = z.enum(QUESTION_KINDS);
export const surveyAudienceSchema = z.enum(['members', 'partners', 'public']);

export const questionInputSchema = z.object({
  kind: questionKindSchema,
  text: languageTextSchema,
  options: z.array(languageTextSchema).max(30).default([]),
  required: z.boolean().default(false),
  scaleMin: z.number().int().min(0).max(1).default(1),
  scaleMax: z.number().int().min(2).max(10).default(5),
});

export const surveyCreateSchema = z.object({
  title: languageTextSchema,
  intro: languageTextSchema.partial().default({}),
  languages: z.array(surveyLanguageSchema).min(1).max(5).default(['nl']),
  audience: surveyAudienceSchema,
  questions: z.array(questionInputSchema).min(1).max(100),
});
export type SurveyCreate = z.infer<typeof surveyCreateSchema>;

export const surveyStatusSchema = z.enum(['draft', 'open', 'closed']);
export const surveyStatusUpdateSchema = z.object({ status: surveyStatusSchema, version: z.number().int() });

const textMap = z.record(z.string(), z.string());
export const surveyQuestionSchema = z.object({
  id: z.string(),
  kind: questionKindSchema,
  text: textMap,
  options: z.array(z.object({ key: z.string(), label: textMap })),
  required: z.boolean(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
});

export const surveySchema = z.object({
  id: z.string(),
  title: textMap,
  intro: textMap,
  languages: z.array(surveyLanguageSchema),
  audience: surveyAudienceSchema,
  status: surveyStatusSchema,
  version: z.number().int(),
  responses: z.number().int(),
  createdAt: z.string(),
  /** The public answering link's path (admins only; null for others). */
  publicPath: z.string().nullable(),
  questions: z.array(surveyQuestionSchema),
  canManage: z.boolean(),
  answered: z.boolean(),
});
export type Survey = z.infer<typeof surveySchema>;
export const surveyListSchema = z.object({
  items: z.array(surveySchema.pick({ id: true, title: true, audience: true, status: true, responses: true, createdAt: true, languages: true })),
});

/** Answers keyed by question id: an option key, option keys (multiple; ranking in order), a number or a text. */
export const answerValueSchema = z.union([z.string().max(5000), z.array(z.string().max(60)).max(30), z.number().int()]);
export const surveyAnswerInputSchema = z.object({
  language: surveyLanguageSchema.default('nl'),
  answers: z.record(z.string(), answerValueSchema),
  /** Anonymous answers: the browser's own random token (kept in localStorage), one response per token. */
  browserToken: z.string().min(16).max(100).optional(),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInputSchema>;

export const questionResultSchema = z.object({
  questionId: z.string(),
  kind: questionKindSchema,
  answered: z.number().int(),
  /** Per option (or per scale value): how many chose it; ranking: how many ranked it first, and its mean rank (1 = first). */
  counts: z.array(z.object({ key: z.string(), count: z.number().int(), meanRank: z.number().nullable() })),
  mean: z.number().nullable(),
  /** Open answers, newest first (at most 200), and how many there are. */
  texts: z.array(z.string()),
  textCount: z.number().int(),
});
export const surveyResultsSchema = z.object({
  responses: z.number().int(),
  questions: z.array(questionResultSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
export const surveyResultsQuerySchema = z.object({
  /** Only responses that answered question `filterQuestion` with option `filterOption`. */
  filterQuestion: z.uuid().optional(),
  filterOption: z.string().max(60).optional(),
});
