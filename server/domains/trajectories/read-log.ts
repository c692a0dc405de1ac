import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { auditLog } from '../audit/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { READ_SOURCES, type participantReadListSchema, type ReadSource } from '../../../common/schemas/trajectories.js';
import { participantForCoach } from './access.js';

// Reads are audit entries of the participant like the others (decision 031): which route, never what was shown.
const ENTITY = 'trajectory_participant';
const ACTION = 'read';

export interface ParticipantRead {
  regionId: string;
  readerId: string;
  source: ReadSource;
  /** Each participant whose data the answer holds, with their coach: the coach's own reads are not logged. */
  participants: { id: string; coachUserId: string | null }[];
}

/**
 * Logs that someone other than the participant's coach read their data (decision 031): one row per
 * participant, in one statement, with who, when and which route. Every route that shows participant data
 * to anyone but the coach calls this.
 */
export async function logParticipantRead(db: Pick<Db, 'insert'>, read: ParticipantRead): Promise<void> {
  const others = [...new Set(read.participants.filter((participant) => participant.coachUserId !== read.readerId).map((participant) => participant.id))];
  if (!others.length) return;
  await db.insert(auditLog).values(others.map((id) => ({ regionId: read.regionId, userId: read.readerId, entityType: ENTITY, entityId: id, action: ACTION, changes: { source: { before: null, after: read.source } } })));
}

/** For the participant's own coach: who else read the record, when and where (newest first). */
export async function listParticipantReads(db: Db, region: RegionRow, participantId: string, coachId: string): Promise<z.infer<typeof participantReadListSchema>> {
  await participantForCoach(db, region, participantId, coachId);
  const rows = await db
    .select({ at: auditLog.createdAt, changes: auditLog.changes, readerId: users.id, readerName: users.name, role: memberships.role })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(memberships, and(eq(memberships.userId, auditLog.userId), eq(memberships.regionId, region.id)))
    .where(and(eq(auditLog.entityType, ENTITY), eq(auditLog.entityId, participantId), eq(auditLog.action, ACTION), eq(auditLog.regionId, region.id)))
    .orderBy(desc(auditLog.createdAt))
    .limit(500);
  return {
    reads: rows.flatMap((row) => {
      const source = READ_SOURCES.find((known) => known === row.changes.source?.after);
      if (!source) return [];
      return [{ at: row.at.toISOString(), reader: row.readerId && row.readerName ? { id: row.readerId, name: row.readerName } : null, role: row.role ?? null, source }];
    }),
  };
}
