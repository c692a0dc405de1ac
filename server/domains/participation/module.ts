import type { DomainModule } from '../registry.js';
import type { Mailer } from '../accounts/mailer.js';
import { registerJobHandler, schedule } from '../../jobs/queue.js';
import { regions } from '../regions/schema.js';
import { eq } from 'drizzle-orm';
import { participationRoutes } from './routes.js';
import { remindClosingPolls } from './polls.js';
import { seedParticipationDemo } from './demo.js';
import * as tables from './schema.js';

export const POLL_REMINDER_JOB = 'participation.poll-reminders';

// The job runs without a request: the module keeps the app's mailer and public address from setup.
let reminderMailer: Mailer | null = null;
let publicBase = '';

registerJobHandler(POLL_REMINDER_JOB, async ({ database }) => {
  const mailer = reminderMailer;
  if (!mailer) return { sent: 0 };
  const sent = await remindClosingPolls(
    database.db,
    (mail) => mailer.send(mail),
    async (poll) => {
      const [region] = await database.db.select({ slug: regions.slug }).from(regions).where(eq(regions.id, poll.regionId));
      return `${publicBase}/r/${region?.slug ?? ''}/cooperatie/stemrondes/${poll.id}`;
    },
  );
  return { sent };
});
schedule(POLL_REMINDER_JOB, 3600);

/** Participation: surveys (bevragingen) and voting rounds (stemrondes), with reminders and demo data. */
export const domainModule: DomainModule = {
  name: 'participation',
  tables,
  routes: participationRoutes,
  seedDemo: async ({ db }) => {
    await seedParticipationDemo(db);
  },
  seedDemoAfter: ['network', 'plans', 'cooperative'],
  setup: (app) => {
    reminderMailer = app.ctx.mailer;
    publicBase = app.ctx.publicUrl();
  },
};
