// The weekly digest as a scheduled job. The job handler has the database only, so the module's setup hands it the app's mailer.
import { registerJobHandler, schedule } from '../../jobs/queue.js';
import type { Mailer } from '../accounts/mailer.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { sendWeeklyDigests } from './communication.js';
import { deliverNewsletter, NEWSLETTER_SEND_JOB } from './newsletter.js';

export const WEEKLY_DIGEST_JOB = 'cooperative.weekly-digest';

const wiring: { mailer: Mailer | null; baseUrl: string } = { mailer: null, baseUrl: '' };

/** Gives the digest job the app's mailer and public URL (called once from the module's setup). */
export function wireDigestJob(mailer: Mailer, baseUrl: string): void {
  wiring.mailer = mailer;
  wiring.baseUrl = baseUrl;
}

registerJobHandler(WEEKLY_DIGEST_JOB, async ({ database }) => {
  if (!wiring.mailer) return { regions: 0, mails: 0, skipped: 'no mailer wired' };
  return sendWeeklyDigests(database.db, wiring.mailer, { now: new Date(), baseUrl: wiring.baseUrl, t: translatorFor('nl') });
});
// Hourly: the first run in a new week sends last week's digest; later runs find it sent (coop_digests).
schedule(WEEKLY_DIGEST_JOB, 3600);

// Sending a newsletter: the route claims the draft and enqueues this; a retry mails only those not yet mailed.
registerJobHandler(NEWSLETTER_SEND_JOB, async ({ database, job }) => {
  if (!wiring.mailer) throw new Error('no mailer wired');
  const payload = job.payload as { newsletterId: string; recipients: 'leden' | 'stuurgroep'; baseUrl: string };
  return deliverNewsletter(database.db, wiring.mailer, payload, translatorFor('nl'));
});
