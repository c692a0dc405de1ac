import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { brokeringSheets, workshopParticipants, workshops } from './schema.js';
import { hashGuestToken } from './sheet-access.js';

/** A workshop with one guest participant and their sheet (as wt-room creates it on join); returns the token. */
export async function guestSheetFactory(db: Db, regionId: string, options: { actorId?: string | null; organisationName?: string } = {}): Promise<{ workshopId: string; participantId: string; sheetId: string; token: string }> {
  const token = randomBytes(24).toString('hex');
  const [workshop] = await db.insert(workshops).values({ regionId, title: 'Testworkshop', joinCode: randomBytes(3).toString('hex') }).returning();
  const [participant] = await db
    .insert(workshopParticipants)
    .values({ workshopId: workshop!.id, name: 'Gast Deelnemer', organisationName: options.organisationName ?? 'Gastorganisatie', actorId: options.actorId ?? null, guestTokenHash: hashGuestToken(token) })
    .returning();
  const [sheet] = await db.insert(brokeringSheets).values({ regionId, workshopId: workshop!.id, participantId: participant!.id, actorId: options.actorId ?? null }).returning();
  return { workshopId: workshop!.id, participantId: participant!.id, sheetId: sheet!.id, token };
}
