import { lazyDomainPage } from '../../../lazy-domain-page';
import type { DomainPages } from '../../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const WorkshopJoinPage = lazyDomainPage('workshops', () => import('./join-page').then((m) => ({ default: m.JoinPage })));
const WorkshopsPage = lazyDomainPage('workshops', () => import('./workshops-page').then((m) => ({ default: m.WorkshopsPage })));
const WorkshopRoomPage = lazyDomainPage('workshops', () => import('./room-page').then((m) => ({ default: m.RoomPage })));
const WorkshopReportPage = lazyDomainPage('workshops', () => import('./report-page').then((m) => ({ default: m.ReportPage })));

/** The brokering room pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'makelaardij/workshops', page: WorkshopsPage },
    { path: 'makelaardij/workshops/:workshopId', page: WorkshopRoomPage },
    { path: 'makelaardij/workshops/:workshopId/verslag', page: WorkshopReportPage },
    { path: 'makelaardij/doe-mee', page: WorkshopJoinPage },
  ],
  top: [
    { path: 'doe-mee', page: WorkshopJoinPage },
  ],
};
