import type { DatabaseHandle } from '../../db/client.js';
import type { Mailer } from '../accounts/mailer.js';
import { registerJobHandler, schedule } from '../../jobs/queue.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { formatDate } from '../../../common/format.js';
import { todayInBrussels } from './dates.js';

export const LENDING_REMINDERS_JOB = 'lending.reminders';

type ReminderKind = 'pickup' | 'return' | 'overdue';

const KINDS: Record<ReminderKind, { column: string; where: string }> = {
  // The day before pickup and before the return day; overdue once, the day after the return day passed.
  pickup: { column: 'pickup_reminded_at', where: `b.status = 'bevestigd' AND b.from_date = $1::date + 1` },
  return: { column: 'return_reminded_at', where: `b.status = 'uitgeleend' AND b.to_date = $1::date + 1` },
  overdue: { column: 'overdue_reminded_at', where: `b.status = 'uitgeleend' AND b.to_date < $1::date` },
};

/**
 * Sends the due reminders (pickup tomorrow, return tomorrow, overdue) to the requester, the resident's
 * address and, when overdue, the owner's linked members; each booking gets each kind once.
 */
export async function sendLendingReminders(database: DatabaseHandle, mailer: Mailer, itemUrl: (slug: string, itemId: string) => string, today = todayInBrussels()): Promise<number> {
  const t = translatorFor('nl');
  let sent = 0;
  for (const [kind, rule] of Object.entries(KINDS) as [ReminderKind, (typeof KINDS)[ReminderKind]][]) {
    const due = await database.raw.query<{ id: string; item_id: string; item_name: string; from_date: string; to_date: string; address: string; slug: string; requester: string | null; borrower_email: string | null; owner_actor_id: string }>(
      `UPDATE lending_bookings b SET ${rule.column} = now()
       FROM lending_items i, regions r
       WHERE i.id = b.item_id AND r.id = b.region_id AND ${rule.where} AND b.${rule.column} IS NULL
       RETURNING b.id, b.item_id, i.name AS item_name, b.from_date::text AS from_date, b.to_date::text AS to_date, i.address, r.slug,
         (SELECT u.email FROM users u WHERE u.id = b.requested_by) AS requester, b.borrower_email, i.owner_actor_id`,
      [today],
    );
    for (const booking of due) {
      const recipients = new Set<string>([booking.requester, booking.borrower_email].filter((value): value is string => Boolean(value)));
      if (kind === 'overdue') {
        const owners = await database.raw.query<{ email: string }>('SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.actor_id = $1', [booking.owner_actor_id]);
        for (const owner of owners) recipients.add(owner.email);
      }
      const params = { item: booking.item_name, from: formatDate(booking.from_date), to: formatDate(booking.to_date), address: booking.address || '—', url: itemUrl(booking.slug, booking.item_id) };
      for (const to of recipients) {
        await mailer.send({ to, subject: t(`lending.mail.${kind}.subject`, params) as string, text: t(`lending.mail.${kind}.text`, params) as string });
        sent++;
      }
    }
  }
  return sent;
}

let context: { mailer: Mailer; itemUrl: (slug: string, itemId: string) => string } | null = null;

/** Gives the scheduled job the app's mailer and link builder (called from the module's setup). */
export function provideReminderContext(next: typeof context): void {
  context = next;
}

registerJobHandler(LENDING_REMINDERS_JOB, async ({ database }) => {
  if (!context) return { sent: 0 };
  return { sent: await sendLendingReminders(database, context.mailer, context.itemUrl) };
});
// Hourly: the first run after midnight sends the day's reminders; the flags keep them single.
schedule(LENDING_REMINDERS_JOB, 3600);
