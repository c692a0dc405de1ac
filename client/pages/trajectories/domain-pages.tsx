import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const TrajectoriesPage = lazyDomainPage('trajectories', () => import('./trajectories-page').then((m) => ({ default: m.TrajectoriesPage })));
const TrajectoryReferralPage = lazyDomainPage('trajectories', () => import('./referral-page').then((m) => ({ default: m.ReferralPage })));
const TrajectoryParticipantPage = lazyDomainPage('trajectories', () => import('./participant-page').then((m) => ({ default: m.ParticipantPage })));
const TrajectoryInboxPage = lazyDomainPage('trajectories', () => import('./inbox-page').then((m) => ({ default: m.InboxPage })));
const TrajectoryMonitoringPage = lazyDomainPage('trajectories', () => import('./monitoring-page').then((m) => ({ default: m.MonitoringPage })));

/** The trajectories pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'trajecten', page: TrajectoriesPage },
    { path: 'trajecten/verwijzen', page: TrajectoryReferralPage },
    { path: 'trajecten/deelnemers/:participantId', page: TrajectoryParticipantPage },
    { path: 'trajecten/plaatsen', page: TrajectoryInboxPage },
    { path: 'trajecten/cijfers', page: TrajectoryMonitoringPage },
  ],
};
