import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Role } from '../accounts/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { createSession, SESSION_COOKIE } from '../accounts/sessions.js';
import { createSurvey } from './surveys.js';
import type { RegionRow } from '../../http/access.js';
import type { SurveyCreate } from '../../../common/schemas/participation.js';

/** A signed-in member without a password (no Argon2 per user): many voters in a test or a benchmark stay cheap. */
export interface SessionVoter {
  userId: string;
  cookie: string;
  csrfToken: string;
}

/** Creates `count` members with one role (in bulk) and a session for each. */
export async function sessionVoters(db: Db, region: RegionRow, count: number, role: Role, actorIds: string[] = []): Promise<SessionVoter[]> {
  const tag = randomBytes(3).toString('hex');
  const created = await db
    .insert(users)
    .values(Array.from({ length: count }, (_, index) => ({ email: `stemmer-${tag}-${index}@test.regiekamer.be`, name: `Stemmer ${index + 1}` })))
    .returning({ id: users.id });
  await db.insert(memberships).values(created.map((user, index) => ({ userId: user.id, regionId: region.id, role, actorId: actorIds.length ? actorIds[index % actorIds.length]! : null })));
  const voters: SessionVoter[] = [];
  for (const user of created) {
    const { token, session } = await createSession(db, user.id, 12, {});
    voters.push({ userId: user.id, cookie: `${SESSION_COOKIE}=${token}`, csrfToken: session.csrfToken });
  }
  return voters;
}

/** A request as one of those voters. */
export function asVoter(app: FastifyInstance, voter: SessionVoter, method: 'GET' | 'PUT' | 'POST', url: string, body?: object) {
  return app.inject({ method, url, headers: { cookie: voter.cookie, 'x-csrf-token': voter.csrfToken }, ...(body ? { payload: body } : {}) });
}

/** A small survey of every question kind; overrides replace top-level fields. */
export async function surveyFactory(db: Db, region: RegionRow, userId: string, overrides: Partial<SurveyCreate> = {}) {
  return createSurvey(
    db,
    region,
    {
      title: { nl: 'Testbevraging', en: 'Test survey', ar: 'استبيان' },
      intro: {},
      languages: ['nl', 'en', 'ar'],
      audience: 'public',
      questions: [
        { kind: 'section', text: { nl: 'Deel 1' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'single', text: { nl: 'Sector?', en: 'Sector?' }, options: [{ nl: 'Bib' }, { nl: 'Erfgoed' }], required: true, scaleMin: 1, scaleMax: 5 },
        { kind: 'multiple', text: { nl: 'Activiteiten?' }, options: [{ nl: 'A' }, { nl: 'B' }, { nl: 'C' }], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'scale', text: { nl: 'Tevreden?' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'ranking', text: { nl: 'Rangschik' }, options: [{ nl: 'X' }, { nl: 'Y' }, { nl: 'Z' }], required: false, scaleMin: 1, scaleMax: 5 },
        { kind: 'long', text: { nl: 'Opmerkingen' }, options: [], required: false, scaleMin: 1, scaleMax: 5 },
      ],
      ...overrides,
    },
    userId,
  );
}
