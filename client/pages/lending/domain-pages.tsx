import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const LendingPage = lazyDomainPage('lending', () => import('./lending-page').then((m) => ({ default: m.LendingPage })));
const LendingItemPage = lazyDomainPage('lending', () => import('./item-page').then((m) => ({ default: m.ItemPage })));
const LendingBookingsPage = lazyDomainPage('lending', () => import('./bookings-page').then((m) => ({ default: m.BookingsPage })));
const LendingCalendarPage = lazyDomainPage('lending', () => import('./calendar-page').then((m) => ({ default: m.LendingCalendarPage })));
const LendingOverviewPage = lazyDomainPage('lending', () => import('./overview-page').then((m) => ({ default: m.LendingOverviewPage })));
const LendingItemFormPage = lazyDomainPage('lending', () => import('./item-form-page').then((m) => ({ default: m.ItemFormPage })));

/** The lending pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'uitleendienst', page: LendingPage },
    { path: 'uitleendienst/items/:itemId', page: LendingItemPage },
    { path: 'uitleendienst/reserveringen', page: LendingBookingsPage },
    { path: 'uitleendienst/kalender', page: LendingCalendarPage },
    { path: 'uitleendienst/overzicht', page: LendingOverviewPage },
    { path: 'uitleendienst/items/nieuw', page: LendingItemFormPage },
    { path: 'uitleendienst/items/:itemId/wijzigen', page: LendingItemFormPage },
  ],
};
