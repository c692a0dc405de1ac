import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import type { RegionRow } from '../../http/access.js';
import type { Role } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import type { Survey, SurveyAnswerInput, SurveyCreate, SurveyResults } from '../../../common/schemas/participation.js';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys, type LanguageText } from './schema.js';

type SurveyRow = typeof surveys.$inferSelect;
type QuestionRow = typeof surveyQuestions.$inferSelect;
const UUID = /^[0-9a-f-]{36}$/i;

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Creates a survey with its questions in one transaction (admins); options get stable keys a1, a2, … */
export async function createSurvey(db: Db, region: RegionRow, input: SurveyCreate, userId: string): Promise<SurveyRow> {
  input.questions.forEach((question, index) => {
    const needsOptions = question.kind === 'single' || question.kind === 'multiple' || question.kind === 'ranking';
    if (needsOptions && question.options.length < 2) throw fieldError(`questions.${index}.options`, 'participation.errors.twoOptions');
    if (question.scaleMax <= question.scaleMin) throw fieldError(`questions.${index}.scaleMax`, 'participation.errors.scaleRange');
  });
  if (!input.languages.includes('nl')) throw fieldError('languages', 'participation.errors.dutchRequired');
  return db.transaction(async (tx) => {
    const [survey] = await tx
      .insert(surveys)
      .values({ regionId: region.id, title: input.title, intro: input.intro, languages: input.languages, audience: input.audience, publicToken: randomBytes(12).toString('base64url'), createdBy: userId })
      .returning();
    if (!survey) throw new Error('insert returned no row');
    await tx.insert(surveyQuestions).values(
      input.questions.map((question, index) => ({
        surveyId: survey.id,
        position: index,
        kind: question.kind,
        text: question.text,
        options: question.options.map((label, optionIndex) => ({ key: `a${optionIndex + 1}`, label: label as LanguageText })),
        required: question.kind === 'section' ? false : question.required,
        scaleMin: question.scaleMin,
        scaleMax: question.scaleMax,
      })),
    );
    await recordChange(tx as unknown as Db, { regionId: region.id, userId, entityType: 'survey', entityId: survey.id, action: 'create', changes: { title: { before: null, after: input.title.nl } } });
    return survey;
  });
}

async function loadSurvey(db: Db, regionId: string, surveyId: string): Promise<SurveyRow> {
  if (!UUID.test(surveyId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(surveys).where(and(eq(surveys.id, surveyId), eq(surveys.regionId, regionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function questionsOf(db: Db, surveyId: string): Promise<QuestionRow[]> {
  return db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));
}

async function responseCount(db: Db, surveyId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  return row?.n ?? 0;
}

function surveyOut(row: SurveyRow, regionSlug: string, questions: QuestionRow[], responses: number, role: Role | null, answered: boolean): Survey {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro as Record<string, string>,
    languages: row.languages as Survey['languages'],
    audience: row.audience as Survey['audience'],
    status: row.status as Survey['status'],
    version: row.version,
    responses,
    createdAt: row.createdAt.toISOString(),
    publicPath: memberCan({ role }, 'participation.manage') && row.audience === 'public' ? `/r/${regionSlug}/cooperatie/bevragingen/invullen/${row.publicToken}` : null,
    questions: questions.map((question) => ({
      id: question.id,
      kind: question.kind as Survey['questions'][number]['kind'],
      text: question.text,
      options: question.options,
      required: question.required,
      scaleMin: question.scaleMin,
      scaleMax: question.scaleMax,
    })),
    canManage: memberCan({ role }, 'participation.manage'),
    answered,
  };
}

/** The region's surveys with their response counts (members). */
export async function listSurveys(db: Db, region: RegionRow) {
  const rows = await db
    .select({ survey: surveys, responses: sql<number>`(SELECT count(*)::int FROM survey_responses r WHERE r.survey_id = ${surveys.id})` })
    .from(surveys)
    .where(eq(surveys.regionId, region.id))
    .orderBy(desc(surveys.createdAt));
  return rows.map(({ survey, responses }) => ({
    id: survey.id,
    title: survey.title,
    audience: survey.audience as Survey['audience'],
    status: survey.status as Survey['status'],
    responses,
    createdAt: survey.createdAt.toISOString(),
    languages: survey.languages as Survey['languages'],
  }));
}

/** One survey with its questions, for members (to answer or to manage). */
export async function surveyDetail(db: Db, region: RegionRow, surveyId: string, role: Role, userId: string): Promise<Survey> {
  const survey = await loadSurvey(db, region.id, surveyId);
  const [mine] = await db.select({ id: surveyResponses.id }).from(surveyResponses).where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.userId, userId)));
  return surveyOut(survey, region.slug, await questionsOf(db, survey.id), await responseCount(db, survey.id), role, Boolean(mine));
}

/** A public survey by its link token, for anonymous visitors (404 unless public and open). */
export async function publicSurvey(db: Db, token: string): Promise<Survey> {
  const [survey] = await db.select().from(surveys).where(eq(surveys.publicToken, token));
  if (!survey || survey.audience !== 'public' || survey.status === 'draft') throw new AppError('NOT_FOUND');
  return surveyOut(survey, '', await questionsOf(db, survey.id), 0, null, false);
}

/** Opens, closes or reopens a survey (admins), with the optimistic version. */
export async function setSurveyStatus(db: Db, region: RegionRow, surveyId: string, status: 'draft' | 'open' | 'closed', version: number, userId: string) {
  const survey = await loadSurvey(db, region.id, surveyId);
  const [updated] = await db
    .update(surveys)
    .set({ status, version: survey.version + 1, closedAt: status === 'closed' ? new Date() : null })
    .where(and(eq(surveys.id, survey.id), eq(surveys.version, version)))
    .returning();
  if (!updated) throw new AppError('CONFLICT', {}, undefined, { current: { status: survey.status, version: survey.version } });
  await recordChange(db, { regionId: region.id, userId, entityType: 'survey', entityId: survey.id, action: 'update', changes: { status: { before: survey.status, after: status } } });
}

type AnswerRow = typeof surveyAnswers.$inferInsert;

/** Checks answers against the questions (required, known options, scale range) and turns them into rows. */
export function answerRows(questions: QuestionRow[], input: SurveyAnswerInput, responseId: string, surveyId: string): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const byId = new Set(questions.map((question) => question.id));
  for (const key of Object.keys(input.answers)) if (!byId.has(key)) throw fieldError(`answers.${key}`, 'participation.errors.unknownQuestion');
  for (const question of questions) {
    if (question.kind === 'section') continue;
    const path = `answers.${question.id}`;
    const value = input.answers[question.id];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (question.required) throw fieldError(path, 'participation.errors.answerRequired');
      continue;
    }
    const base = { responseId, surveyId, questionId: question.id };
    const keys = new Set(question.options.map((option) => option.key));
    if (question.kind === 'single') {
      if (typeof value !== 'string' || !keys.has(value)) throw fieldError(path, 'participation.errors.unknownOption');
      rows.push({ ...base, optionKey: value });
    } else if (question.kind === 'multiple' || question.kind === 'ranking') {
      if (!Array.isArray(value) || !value.every((key) => keys.has(key)) || new Set(value).size !== value.length) throw fieldError(path, 'participation.errors.unknownOption');
      value.forEach((key, index) => rows.push({ ...base, optionKey: key, numberValue: question.kind === 'ranking' ? index + 1 : null }));
    } else if (question.kind === 'scale') {
      if (typeof value !== 'number' || value < question.scaleMin || value > question.scaleMax) throw fieldError(path, 'participation.errors.scaleValue', { min: question.scaleMin, max: question.scaleMax });
      rows.push({ ...base, numberValue: value });
    } else {
      if (typeof value !== 'string') throw fieldError(path, 'participation.errors.textExpected');
      const text = value.trim().slice(0, question.kind === 'short' ? 300 : 5000);
      if (text) rows.push({ ...base, textValue: text });
      else if (question.required) throw fieldError(path, 'participation.errors.answerRequired');
    }
  }
  return rows;
}

async function storeResponse(db: Db, survey: SurveyRow, input: SurveyAnswerInput, owner: { userId?: string; browserHash?: string }) {
  if (survey.status !== 'open') throw new AppError('SURVEY_CLOSED');
  const questions = await questionsOf(db, survey.id);
  const language = survey.languages.includes(input.language) ? input.language : 'nl';
  return db.transaction(async (tx) => {
    // The partial unique indexes decide "already answered", also for two submits at once.
    const inserted = await tx
      .insert(surveyResponses)
      .values({ surveyId: survey.id, userId: owner.userId ?? null, browserHash: owner.browserHash ?? null, language })
      .onConflictDoNothing()
      .returning();
    const response = inserted[0];
    if (!response) throw new AppError('ALREADY_ANSWERED');
    const rows = answerRows(questions, input, response.id, survey.id);
    if (rows.length) await tx.insert(surveyAnswers).values(rows);
    return { id: response.id };
  });
}

/** A member (or, for a partners' survey, a partner) answers a survey once. */
export async function answerAsMember(db: Db, region: RegionRow, surveyId: string, role: Role, userId: string, input: SurveyAnswerInput) {
  const survey = await loadSurvey(db, region.id, surveyId);
  if (survey.audience === 'partners' && !memberCan({ role }, 'participation.answer.partners')) throw new AppError('FORBIDDEN');
  return storeResponse(db, survey, input, { userId });
}

/**
 * An anonymous visitor answers a public survey: once per browser token, and at most the survey's
 * limit per IP address per hour (counted in the database, so every instance shares the count).
 */
export async function answerPublic(db: Db, token: string, ip: string, input: SurveyAnswerInput) {
  const [survey] = await db.select().from(surveys).where(eq(surveys.publicToken, token));
  if (!survey || survey.audience !== 'public' || survey.status === 'draft') throw new AppError('NOT_FOUND');
  if (survey.status !== 'open') throw new AppError('SURVEY_CLOSED');
  if (!input.browserToken) throw fieldError('browserToken', 'participation.errors.browserToken');
  const windowStart = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
  const ipHash = hash(`${survey.id}:${ip}`);
  const rows = await db.execute<{ hits: number }>(sql`
    INSERT INTO survey_ip_hits (survey_id, ip_hash, window_start, hits) VALUES (${survey.id}, ${ipHash}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (survey_id, ip_hash, window_start) DO UPDATE SET hits = survey_ip_hits.hits + 1
    RETURNING hits`);
  const hits = Number((rows as unknown as { rows: { hits: number }[] }).rows[0]?.hits ?? 0);
  if (hits > survey.ipLimitPerHour) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil((windowStart.getTime() + 3600_000 - Date.now()) / 1000) });
  }
  return storeResponse(db, survey, input, { browserHash: hash(`${survey.id}:${input.browserToken}`) });
}

/**
 * Results per question, aggregated in SQL (one grouped query for choices and scales, one for the
 * open answers): optionally only the responses that gave option `filter.option` to question `filter.questionId`.
 */
export async function surveyResults(db: Db, region: RegionRow, surveyId: string, filter: { questionId?: string; option?: string } = {}): Promise<SurveyResults> {
  const survey = await loadSurvey(db, region.id, surveyId);
  const questions = await questionsOf(db, survey.id);
  const filtered = Boolean(filter.questionId && filter.option);
  const inFilter = filtered
    ? sql`AND EXISTS (SELECT 1 FROM survey_answers f WHERE f.response_id = a.response_id AND f.question_id = ${filter.questionId} AND f.option_key = ${filter.option})`
    : sql``;
  const grouped = (await db.execute<{ question_id: string; option_key: string | null; number_value: number | null; n: number; firsts: number; mean_rank: number | null }>(sql`
    SELECT a.question_id, a.option_key, CASE WHEN a.option_key IS NULL THEN a.number_value END AS number_value,
           count(*)::int AS n, count(*) FILTER (WHERE a.number_value = 1)::int AS firsts, avg(a.number_value) FILTER (WHERE a.option_key IS NOT NULL)::float8 AS mean_rank
    FROM survey_answers a
    WHERE a.survey_id = ${survey.id} AND a.text_value IS NULL ${inFilter}
    GROUP BY 1, 2, 3`)) as unknown as { rows: { question_id: string; option_key: string | null; number_value: number | null; n: number; firsts: number; mean_rank: number | null }[] };
  const answeredRows = (await db.execute(sql`
    SELECT a.question_id, count(DISTINCT a.response_id)::int AS n FROM survey_answers a WHERE a.survey_id = ${survey.id} ${inFilter} GROUP BY 1`)) as unknown as { rows: { question_id: string; n: number }[] };
  const textRows = (await db.execute(sql`
    SELECT question_id, text_value, total FROM (
      SELECT a.question_id, a.text_value, count(*) OVER (PARTITION BY a.question_id)::int AS total,
             row_number() OVER (PARTITION BY a.question_id ORDER BY r.created_at DESC) AS place
      FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
      WHERE a.survey_id = ${survey.id} AND a.text_value IS NOT NULL ${inFilter}
    ) t WHERE place <= 200 ORDER BY question_id, place`)) as unknown as { rows: { question_id: string; text_value: string; total: number }[] };
  const totalRows = (await db.execute(sql`
    SELECT count(*)::int AS n FROM survey_responses r WHERE r.survey_id = ${survey.id}
    ${filtered ? sql`AND EXISTS (SELECT 1 FROM survey_answers f WHERE f.response_id = r.id AND f.question_id = ${filter.questionId} AND f.option_key = ${filter.option})` : sql``}`)) as unknown as { rows: { n: number }[] };
  const answered = new Map(answeredRows.rows.map((row) => [row.question_id, Number(row.n)]));
  return {
    responses: Number(totalRows.rows[0]?.n ?? 0),
    questions: questions
      .filter((question) => question.kind !== 'section')
      .map((question) => {
        const mine = grouped.rows.filter((row) => row.question_id === question.id);
        const texts = textRows.rows.filter((row) => row.question_id === question.id);
        let counts: { key: string; count: number; meanRank: number | null }[] = [];
        let mean: number | null = null;
        if (question.kind === 'scale') {
          counts = [];
          for (let value = question.scaleMin; value <= question.scaleMax; value++) {
            counts.push({ key: String(value), count: Number(mine.find((row) => Number(row.number_value) === value)?.n ?? 0), meanRank: null });
          }
          const total = counts.reduce((sum, row) => sum + row.count, 0);
          mean = total ? counts.reduce((sum, row) => sum + Number(row.key) * row.count, 0) / total : null;
        } else if (question.options.length) {
          counts = question.options.map((option) => {
            const row = mine.find((candidate) => candidate.option_key === option.key);
            return { key: option.key, count: Number((question.kind === 'ranking' ? row?.firsts : row?.n) ?? 0), meanRank: question.kind === 'ranking' && row?.mean_rank != null ? Number(row.mean_rank) : null };
          });
        }
        return {
          questionId: question.id,
          kind: question.kind as SurveyResults['questions'][number]['kind'],
          answered: answered.get(question.id) ?? 0,
          counts,
          mean,
          texts: texts.map((row) => row.text_value),
          textCount: Number(texts[0]?.total ?? 0),
        };
      }),
  };
}

/** Every response as one row (columns per question; multiple choices joined with "; ") for the XLSX/CSV export. */
export async function surveyExportRows(db: Db, region: RegionRow, surveyId: string): Promise<{ title: string; rows: (string | number | null)[][] }> {
  const survey = await loadSurvey(db, region.id, surveyId);
  const questions = (await questionsOf(db, survey.id)).filter((question) => question.kind !== 'section');
  const responses = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id)).orderBy(asc(surveyResponses.createdAt));
  const answers = await db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, survey.id));
  const byResponse = new Map<string, (typeof answers)[number][]>();
  for (const answer of answers) byResponse.set(answer.responseId, [...(byResponse.get(answer.responseId) ?? []), answer]);
  const labels = new Map(questions.map((question) => [question.id, new Map(question.options.map((option) => [option.key, option.label.nl]))]));
  const header = ['#', 'Datum', 'Taal', ...questions.map((question) => question.text.nl)];
  const rows = responses.map((response, index) => {
    const mine = byResponse.get(response.id) ?? [];
    return [
      index + 1,
      response.createdAt.toISOString().slice(0, 10),
      response.language,
      ...questions.map((question) => {
        const given = mine.filter((answer) => answer.questionId === question.id);
        if (given.length === 0) return null;
        if (question.kind === 'scale') return given[0]!.numberValue;
        if (question.kind === 'short' || question.kind === 'long') return given[0]!.textValue;
        const sorted = question.kind === 'ranking' ? [...given].sort((a, b) => (a.numberValue ?? 0) - (b.numberValue ?? 0)) : given;
        return sorted.map((answer) => labels.get(question.id)?.get(answer.optionKey ?? '') ?? answer.optionKey).join('; ');
      }),
    ];
  });
  return { title: survey.title.nl, rows: [header, ...rows] };
}
