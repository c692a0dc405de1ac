import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { trajectoryParticipants } from './schema.js';

export type ParticipantRow = typeof trajectoryParticipants.$inferSelect;
type Executor = Pick<Db, 'select'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in paths are uuids; anything else is simply not found (never a database error). */
export function assertId(id: string): void {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
}

/**
 * The participant, only for their own coach (an admin too, when they are the coach). For everyone else
 * the participant does not exist: 404, so not even the existence of a record leaks (decision 027).
 */
export async function participantForCoach(db: Executor, region: RegionRow, participantId: string, userId: string): Promise<ParticipantRow> {
  assertId(participantId);
  const [row] = await db
    .select()
    .from(trajectoryParticipants)
    .where(and(eq(trajectoryParticipants.id, participantId), eq(trajectoryParticipants.regionId, region.id), eq(trajectoryParticipants.coachUserId, userId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
