import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../http/errors.js';
import type { Action } from '../../policy/permissions.js';
import { memberCan } from '../../policy/policy.js';
import { authorizeViewer, canEditActor, type Viewer } from '../network/access.js';
import { brokeringSheets, workshopParticipants, workshops } from './schema.js';

/** The header a guest participant (no account) sends with the token they got when joining a workshop. */
export const GUEST_TOKEN_HEADER = 'x-guest-token';

export type SheetRow = typeof brokeringSheets.$inferSelect;

/** What the caller may do with one sheet. */
export interface SheetAccess {
  sheet: SheetRow;
  viewer: Viewer;
  /** Admin of the region (sees and applies drafts, manages ideas). */
  isAdmin: boolean;
  /** Came in with a guest token, not with an account. */
  guest: boolean;
  /** Steps 1–2 write straight to the actor on the map (admin, or the editor of that organisation). */
  writesToMap: boolean;
}

/** sha-256 hex of a guest token, as stored in workshop_participants.guest_token_hash. */
export function hashGuestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the request's guest token belongs to this participant. */
async function guestMatches(request: FastifyRequest, participantId: string | null): Promise<boolean> {
  const header = request.headers[GUEST_TOKEN_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token || !participantId || token.length > 200) return false;
  const [row] = await request.server.ctx.database.db
    .select({ id: workshopParticipants.id })
    .from(workshopParticipants)
    .where(and(eq(workshopParticipants.id, participantId), eq(workshopParticipants.guestTokenHash, hashGuestToken(token))));
  return Boolean(row);
}

/**
 * Who may read and write a sheet: admins any sheet of their region, editors the sheets of their own
 * organisation, the sheet's participant (user), and a guest participant with the matching
 * `x-guest-token`. Anyone else gets 404, so a sheet's existence does not leak.
 */
export async function accessSheet(request: FastifyRequest, slug: string, sheetId: string, action: Action): Promise<SheetAccess> {
  const viewer = await authorizeViewer(request, slug, action);
  const [sheet] = await request.server.ctx.database.db
    .select()
    .from(brokeringSheets)
    .where(and(eq(brokeringSheets.id, sheetId), eq(brokeringSheets.regionId, viewer.region.id)));
  if (!sheet) throw new AppError('NOT_FOUND');
  const isAdmin = viewer.role === 'admin';
  const writesToMap = sheet.actorId !== null && viewer.user !== null && canEditActor(viewer, sheet.actorId);
  if (memberCan(viewer, 'brokering.sheet.organisation', [sheet.actorId])) {
    return { sheet, viewer, isAdmin, guest: false, writesToMap };
  }
  if (viewer.user && sheet.participantId) {
    const [participant] = await request.server.ctx.database.db
      .select({ userId: workshopParticipants.userId })
      .from(workshopParticipants)
      .where(eq(workshopParticipants.id, sheet.participantId));
    if (participant?.userId === viewer.user.id) return { sheet, viewer, isAdmin, guest: false, writesToMap };
  }
  if (await guestMatches(request, sheet.participantId)) {
    await refuseWritesAfterClosing(request, sheet, action);
    return { sheet, viewer, isAdmin: false, guest: true, writesToMap: false };
  }
  throw new AppError('NOT_FOUND');
}

/** A guest's sheet is part of the workshop's record once it is closed: they may read it, not change it. */
async function refuseWritesAfterClosing(request: FastifyRequest, sheet: SheetRow, action: Action): Promise<void> {
  if (action !== 'brokering.sheet.edit' || !sheet.workshopId) return;
  const [workshop] = await request.server.ctx.database.db.select({ status: workshops.status }).from(workshops).where(eq(workshops.id, sheet.workshopId));
  if (workshop?.status === 'closed') throw new AppError('WORKSHOP_CLOSED');
}
