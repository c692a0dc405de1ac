import { randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import type { DatabaseHandle } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { addDays } from './dates.js';

/** The actor's feed token, created on first use; `renew` replaces it (an old link stops working). */
export async function feedToken(database: DatabaseHandle, regionId: string, actorId: string, renew = false): Promise<string> {
  const [actor] = await database.raw.query('SELECT 1 FROM actors WHERE id = $1 AND region_id = $2', [actorId, regionId]);
  if (!actor) throw new AppError('NOT_FOUND');
  const token = randomBytes(24).toString('base64url');
  const [row] = await database.raw.query<{ token: string }>(
    `INSERT INTO lending_feed_tokens (actor_id, region_id, token) VALUES ($1, $2, $3)
     ON CONFLICT (actor_id) DO UPDATE SET token = CASE WHEN $4 THEN EXCLUDED.token ELSE lending_feed_tokens.token END, created_at = now()
     RETURNING token`,
    [actorId, regionId, token, renew],
  );
  return row!.token;
}

/**
 * The iCalendar feed behind a token: the actor's bookings as borrower and as owner (requested,
 * confirmed, out, returned), all-day events with the inclusive end turned into iCal's exclusive one.
 */
export async function feedCalendar(database: DatabaseHandle, token: string, itemUrl: (itemId: string) => string): Promise<string> {
  const [owner] = await database.raw.query<{ actor_id: string; name: string }>(
    'SELECT t.actor_id, a.name FROM lending_feed_tokens t JOIN actors a ON a.id = t.actor_id WHERE t.token = $1',
    [token],
  );
  if (!owner) throw new AppError('INVALID_TOKEN');
  const t = translatorFor('nl');
  const rows = await database.raw.query<{ id: string; item_id: string; item_name: string; from_date: string; to_date: string; status: string; borrower: string; owner_name: string; address: string; mine_as_owner: boolean }>(
    `SELECT b.id, b.item_id, i.name AS item_name, b.from_date::text AS from_date, b.to_date::text AS to_date, b.status,
       coalesce(ba.name, b.borrower_name, '') AS borrower, oa.name AS owner_name, i.address, (i.owner_actor_id = $1) AS mine_as_owner
     FROM lending_bookings b JOIN lending_items i ON i.id = b.item_id JOIN actors oa ON oa.id = i.owner_actor_id
     LEFT JOIN actors ba ON ba.id = b.borrower_actor_id
     WHERE (b.borrower_actor_id = $1 OR i.owner_actor_id = $1) AND b.status IN ('aangevraagd', 'bevestigd', 'uitgeleend', 'terug')
     ORDER BY b.from_date LIMIT 2000`,
    [owner.actor_id],
  );
  const calendar = ical({ name: t('lending.feed.name', { actor: owner.name }) as string, prodId: { company: 'Regiekamer', product: 'Uitleendienst', language: 'NL' } });
  for (const row of rows) {
    calendar.createEvent({
      id: `${row.id}@regiekamer`,
      start: new Date(`${row.from_date}T00:00:00Z`),
      end: new Date(`${addDays(row.to_date, 1)}T00:00:00Z`),
      allDay: true,
      summary: row.mine_as_owner ? (t('lending.feed.lentTo', { item: row.item_name, borrower: row.borrower }) as string) : (t('lending.feed.borrowed', { item: row.item_name, owner: row.owner_name }) as string),
      description: `${t(`lending.status.${row.status}`)} — ${itemUrl(row.item_id)}`,
      location: row.address || null,
      url: itemUrl(row.item_id),
    });
  }
  return calendar.toString();
}
