import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { DatabaseHandle, RawSql } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import type { AuthUser } from '../../../http/request-context.js';
import { AppError, fieldError } from '../../../http/errors.js';
import type { Mailer } from '../../accounts/mailer.js';
import { recordChange } from '../../audit/service.js';
import { searchActors } from '../../network/search.js';
import { ownActorInRegion } from '../../../policy/policy.js';
import { notifyWorkshop } from '../workshop-events.js';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type JoinInput, type JoinResult, type WorkshopInput, type WorkshopSummary } from '../../../../common/schemas/workshops.js';
import { formatDate } from '../../../../common/format.js';
import type { TFunction } from 'i18next';

/** wt-flow's sheet page, where a participant continues after joining. */
export function sheetPath(slug: string, sheetId: string): string {
  return `/r/${slug}/makelaardij/werkblad/${sheetId}`;
}

/** sha-256 hex of a guest token: the only form in which it is stored. */
export function hashGuestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh join code from the unambiguous alphabet. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

interface WorkshopRow {
  id: string;
  region_id: string;
  title: string;
  held_on: string | Date | null;
  place: string;
  status: 'open' | 'closed';
  join_code: string;
  version: number;
  closed_at: string | Date | null;
  participant_count?: number | string;
}

/** A date column as yyyy-mm-dd (PGlite and pg hand dates over differently). */
export function dateText(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

function toSummary(row: WorkshopRow): WorkshopSummary {
  return {
    id: row.id,
    title: row.title,
    heldOn: dateText(row.held_on),
    place: row.place,
    status: row.status,
    joinCode: row.join_code,
    participantCount: Number(row.participant_count ?? 0),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
    version: row.version,
  };
}

const SUMMARY_SQL = `SELECT w.*, (SELECT count(*) FROM workshop_participants p WHERE p.workshop_id = w.id AND p.joined_at IS NOT NULL) AS participant_count FROM workshops w`;

/** The region's workshops, open ones and the latest first. */
export async function listWorkshops(raw: RawSql, regionId: string): Promise<WorkshopSummary[]> {
  const rows = await raw.query<WorkshopRow>(`${SUMMARY_SQL} WHERE w.region_id = $1 ORDER BY w.status = 'open' DESC, w.held_on DESC NULLS LAST, w.created_at DESC`, [regionId]);
  return rows.map(toSummary);
}

/** One workshop of the region (404 for another region's id). */
export async function getWorkshop(raw: RawSql, regionId: string, workshopId: string): Promise<WorkshopSummary> {
  const [row] = await raw.query<WorkshopRow>(`${SUMMARY_SQL} WHERE w.id = $1 AND w.region_id = $2`, [workshopId, regionId]);
  if (!row) throw new AppError('NOT_FOUND');
  return toSummary(row);
}

/** Opens a workshop with a join code unique among open workshops (retried on the rare collision). */
export async function createWorkshop(database: DatabaseHandle, regionId: string, input: WorkshopInput, userId: string | null, joinCode?: string): Promise<WorkshopSummary> {
  for (let attempt = 0; ; attempt++) {
    const code = joinCode ?? newJoinCode();
    try {
      const [row] = await database.raw.query<WorkshopRow>(
        `INSERT INTO workshops (region_id, title, held_on, place, join_code, facilitator_user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [regionId, input.title, input.heldOn, input.place, code, userId],
      );
      await recordChange(database.db, { regionId, userId, entityType: 'workshop', entityId: row!.id, action: 'create', changes: { title: { before: null, after: input.title }, joinCode: { before: null, after: code } } });
      return toSummary(row!);
    } catch (error) {
      const unique = (error as { code?: string }).code === '23505';
      if (!unique || joinCode || attempt >= 5) throw unique && joinCode ? new AppError('ALREADY_EXISTS') : error;
    }
  }
}

/** Closes a workshop (optimistic version: 409 with the current state when stale) and tells the room. */
export async function closeWorkshop(database: DatabaseHandle, regionId: string, workshopId: string, version: number, userId: string): Promise<WorkshopSummary> {
  const current = await getWorkshop(database.raw, regionId, workshopId);
  const rows = await database.raw.query<WorkshopRow>(
    `UPDATE workshops SET status = 'closed', closed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1 AND region_id = $2 AND version = $3 AND status = 'open' RETURNING id`,
    [workshopId, regionId, version],
  );
  if (rows.length === 0) throw new AppError('CONFLICT', {}, undefined, current);
  await recordChange(database.db, { regionId, userId, entityType: 'workshop', entityId: workshopId, action: 'close', changes: { status: { before: 'open', after: 'closed' } } });
  await notifyWorkshop(database, { workshopId, type: 'workshop.closed' });
  return getWorkshop(database.raw, regionId, workshopId);
}

interface OpenWorkshop extends WorkshopRow {
  slug: string;
  region_name: string;
}

/** The open workshop with this code, or a 400 on the code field in the caller's language. */
export async function findOpenWorkshop(raw: RawSql, code: string): Promise<OpenWorkshop> {
  const rows = await raw.query<OpenWorkshop>(
    `SELECT w.*, r.slug, r.name AS region_name FROM workshops w JOIN regions r ON r.id = w.region_id WHERE w.join_code = $1 ORDER BY w.status = 'open' DESC, w.created_at DESC LIMIT 1`,
    [code],
  );
  const row = rows[0];
  if (!row) throw fieldError('code', 'workshops.errors.unknownCode');
  if (row.status !== 'open') throw fieldError('code', 'workshops.errors.closed');
  return row;
}

/** Actors of the workshop's region that may be the organisation a guest typed (public profiles only). */
export async function matchOrganisation(raw: RawSql, regionId: string, q: string): Promise<{ id: string; name: string; municipality: string | null }[]> {
  const found = await searchActors(raw, regionId, { q, limit: 5, offset: 0 }, { member: false });
  return found.items.map((item) => ({ id: item.id, name: item.name, municipality: item.municipality?.name ?? null }));
}

async function actorInRegion(raw: RawSql, regionId: string, actorId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await raw.query<{ id: string; name: string }>('SELECT id, name FROM actors WHERE id = $1 AND region_id = $2', [actorId, regionId]);
  return row ?? null;
}

interface ParticipantRow {
  id: string;
  actor_id: string | null;
  joined_at: string | null;
}

/** The sheet of a participant in the workshop: its own, or the one its organisation already has there. */
async function ensureSheet(tx: RawSql, workshop: OpenWorkshop, participant: ParticipantRow, userId: string | null): Promise<string> {
  const [existing] = await tx.query<{ id: string }>(
    `SELECT id FROM brokering_sheets WHERE workshop_id = $1 AND (participant_id = $2 OR ($3::uuid IS NOT NULL AND actor_id = $3::uuid)) ORDER BY participant_id = $2 DESC LIMIT 1`,
    [workshop.id, participant.id, participant.actor_id],
  );
  if (existing) return existing.id;
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO brokering_sheets (region_id, actor_id, workshop_id, participant_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workshop.region_id, participant.actor_id, workshop.id, participant.id, userId],
  );
  return created!.id;
}

/**
 * Joins an open workshop. A member of the workshop's region joins as themselves (their organisation is
 * the actor their membership names, or the one they pick); anyone else joins as a guest with name,
 * e-mail and organisation and receives a token (only its sha-256 is stored). Joining again with the same
 * account or e-mail returns the same participant and sheet (a guest gets a fresh token: the old device
 * loses access). An organisation not on the map stays a typed name, offered to the admin.
 */
export async function joinWorkshop(database: DatabaseHandle, user: AuthUser | null, input: JoinInput): Promise<JoinResult & { resumed: boolean }> {
  const workshop = await findOpenWorkshop(database.raw, input.code);
  const member = user?.memberships.some((membership) => membership.regionId === workshop.region_id) ? user : null;
  let actorId = input.actorId ?? null;
  if (actorId && !(await actorInRegion(database.raw, workshop.region_id, actorId))) throw fieldError('actorId', 'workshops.errors.actorOutsideRegion');
  if (member) actorId ??= ownActorInRegion(member, workshop.region_id);
  const actor = actorId ? await actorInRegion(database.raw, workshop.region_id, actorId) : null;

  if (!member) {
    const missing = (['name', 'email', 'organisation'] as const).filter((field) => !input[field] && !(field === 'organisation' && actor));
    if (missing.length > 0) throw new AppError('VALIDATION_FAILED', {}, missing.map((path) => ({ path, message: '@workshops.errors.guestFieldsRequired' })));
  }
  const organisation = actor?.name ?? input.organisation ?? '';
  const token = member ? null : randomBytes(24).toString('base64url');

  const result = await database.rawTransaction(async (tx) => {
    let participant: ParticipantRow | undefined;
    if (member) {
      [participant] = await tx.query<ParticipantRow>('SELECT id, actor_id, joined_at FROM workshop_participants WHERE workshop_id = $1 AND user_id = $2', [workshop.id, member.id]);
      participant ??= (
        await tx.query<ParticipantRow>(
          `INSERT INTO workshop_participants (workshop_id, user_id, name, email, organisation_name, actor_id, joined_at) VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id, actor_id, joined_at`,
          [workshop.id, member.id, member.name, member.email, organisation, actorId],
        )
      )[0];
    } else {
      // An invitee (or a guest on a second device) is recognised by e-mail.
      [participant] = await tx.query<ParticipantRow>(
        `UPDATE workshop_participants SET guest_token_hash = $3, name = $4, organisation_name = $5, actor_id = COALESCE($6, actor_id), joined_at = COALESCE(joined_at, now())
         WHERE id = (SELECT id FROM workshop_participants WHERE workshop_id = $1 AND user_id IS NULL AND lower(email) = lower($2) ORDER BY created_at LIMIT 1)
         RETURNING id, actor_id, joined_at`,
        [workshop.id, input.email, hashGuestToken(token!), input.name, organisation, actorId],
      );
      participant ??= (
        await tx.query<ParticipantRow>(
          `INSERT INTO workshop_participants (workshop_id, name, email, organisation_name, actor_id, guest_token_hash, joined_at) VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id, actor_id, joined_at`,
          [workshop.id, input.name, input.email, organisation, actorId, hashGuestToken(token!)],
        )
      )[0];
    }
    const [before] = await tx.query<{ n: number | string }>('SELECT count(*) AS n FROM brokering_sheets WHERE workshop_id = $1 AND participant_id = $2', [workshop.id, participant!.id]);
    const sheetId = await ensureSheet(tx, workshop, participant!, member?.id ?? null);
    return { participantId: participant!.id, sheetId, resumed: Number(before!.n) > 0 };
  });
  await recordChange(database.db, { regionId: workshop.region_id, userId: member?.id ?? null, entityType: 'workshop_participant', entityId: result.participantId, action: result.resumed ? 'rejoin' : 'join', changes: { organisation: { before: null, after: organisation } } });
  await notifyWorkshop(database, { workshopId: workshop.id, type: 'participant.joined', participantId: result.participantId, sheetId: result.sheetId });
  return { workshopId: workshop.id, participantId: result.participantId, sheetId: result.sheetId, slug: workshop.slug, token, sheetPath: sheetPath(workshop.slug, result.sheetId), resumed: result.resumed };
}

/** Invites people by e-mail: each gets a participant row (invited) and a link that carries the join code. */
export async function inviteToWorkshop(
  database: DatabaseHandle,
  mailer: Mailer,
  region: RegionRow,
  workshopId: string,
  invitees: { name: string; email: string }[],
  baseUrl: string,
  t: TFunction,
): Promise<{ sent: number; joinUrl: string }> {
  const workshop = await getWorkshop(database.raw, region.id, workshopId);
  if (workshop.status !== 'open') throw new AppError('CONFLICT', {}, undefined, workshop);
  const joinUrl = `${baseUrl}/doe-mee?code=${workshop.joinCode}`;
  const when = [workshop.heldOn ? formatDate(workshop.heldOn) : '', workshop.place].filter(Boolean).join(', ');
  for (const invitee of invitees) {
    await database.raw.query(
      `INSERT INTO workshop_participants (workshop_id, name, email, invited_at)
       SELECT $1, $2, $3, now() WHERE NOT EXISTS (SELECT 1 FROM workshop_participants WHERE workshop_id = $1 AND lower(email) = lower($3))`,
      [workshopId, invitee.name, invitee.email],
    );
    await mailer.send({
      to: invitee.email,
      subject: t('workshops.mail.subject', { title: workshop.title }),
      text: t('workshops.mail.body', { name: invitee.name, title: workshop.title, when, url: joinUrl, joinPage: `${baseUrl}/doe-mee`, code: workshop.joinCode, interpolation: { escapeValue: false } }),
    });
  }
  await notifyWorkshop(database, { workshopId, type: 'workshop.updated' });
  return { sent: invitees.length, joinUrl };
}
