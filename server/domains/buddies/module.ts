import type { DomainModule } from '../registry.js';
import { buddiesRoutes } from './routes.js';
import { seedBuddiesDemo } from './demo.js';
// Offers the buddy figures to plan indicators (decision 032).
import './indicator-sources.js';
import { registerParticipantExportPart } from '../trajectories/service.js';
import { participantDuosForExport, shownBuddyFigures } from './service.js';
import { registerMonitoringSheet } from '../trajectories/monitoring.js';
import { formatDate } from '../../../common/format.js';
import { MIN_GROUP } from '../../../common/schemas/trajectories.js';
import * as tables from './schema.js';

// A participant's export (right of access) includes their buddy duos.
registerParticipantExportPart('buddyDuos', participantDuosForExport, (duos, t) => ({
  title: t('buddies.export.title'),
  lines: duos.flatMap((duo) => [
    t('buddies.export.duo', { buddy: duo.buddy, programme: duo.programme, status: t(`buddies.statuses.${duo.status}`), from: formatDate(duo.startedOn), to: duo.endedOn ? formatDate(duo.endedOn) : '…' }),
    ...duo.meetings.map((meeting) => `  ${formatDate(meeting.metOn)}${meeting.activity ? ` — ${meeting.activity}` : ''}`),
  ]),
}));

/** The buddy network: volunteers of the region's buddy programmes paired with newcomers in a trajectory (issue #11). */
export const domainModule: DomainModule = {
  name: 'buddies',
  tables,
  routes: buddiesRoutes,
  // Duos pair the trajectories' demo participants; the learning network is a working group of the cooperative.
  seedDemoAfter: ['trajectories', 'cooperative'],
  seedDemo: async ({ db }) => {
    await seedBuddiesDemo(db);
  },
};

// The monitoring XLSX gets a sheet of the buddy figures, suppressed as on the dashboard.
registerMonitoringSheet(async (db, regionId, t) => {
  const figures = await shownBuddyFigures(db, regionId);
  const hidden = t('trajectories.monitoring.hidden', { min: MIN_GROUP });
  const keys = ['volunteers', 'currentDuos', 'finishedDuos', 'meetings'] as const;
  return { name: t('trajectories.monitoring.buddies'), rows: [[t('trajectories.monitoring.buddyFigure'), t('trajectories.monitoring.count')], ...keys.map((key) => [t(`trajectories.monitoring.buddyFigures.${key}`), figures[key] ?? hidden])] };
});
