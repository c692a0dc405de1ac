import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const CooperativePage = lazyDomainPage('cooperative', () => import('./cooperative-page').then((m) => ({ default: m.CooperativePage })));
const FinancingPage = lazyDomainPage('cooperative', () => import('./financing-page').then((m) => ({ default: m.FinancingPage })));
const MeetingsPage = lazyDomainPage('cooperative', () => import('./meetings-page').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazyDomainPage('cooperative', () => import('./meeting-page').then((m) => ({ default: m.MeetingPage })));
const CooperativeSettingsPage = lazyDomainPage('cooperative', () => import('./settings-page').then((m) => ({ default: m.CooperativeSettingsPage })));
const OutboxPage = lazyDomainPage('cooperative', () => import('./outbox-page').then((m) => ({ default: m.OutboxPage })));
const NewslettersPage = lazyDomainPage('cooperative', () => import('./newsletter-pages').then((m) => ({ default: m.NewslettersPage })));
const NewsletterPage = lazyDomainPage('cooperative', () => import('./newsletter-pages').then((m) => ({ default: m.NewsletterPage })));

/** The cooperative pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'cooperatie', page: CooperativePage },
    { path: 'cooperatie/cofinanciering', page: FinancingPage },
    { path: 'cooperatie/vergaderingen', page: MeetingsPage },
    { path: 'cooperatie/vergaderingen/:meetingId', page: MeetingPage },
    { path: 'cooperatie/instellingen', page: CooperativeSettingsPage },
    { path: 'cooperatie/mails', page: OutboxPage },
    { path: 'cooperatie/nieuwsbrief', page: NewslettersPage },
    { path: 'cooperatie/nieuwsbrief/:newsletterId', page: NewsletterPage },
  ],
};
