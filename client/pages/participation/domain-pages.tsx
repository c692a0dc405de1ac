import { lazyDomainPage } from '../../lazy-domain-page';
import type { DomainPages } from '../../domain-pages';

// Each page is its own chunk, loaded when its route is first shown (with its domain's messages).
const PollsPage = lazyDomainPage('participation', () => import('./polls-page').then((m) => ({ default: m.PollsPage })));
const PollPage = lazyDomainPage('participation', () => import('./poll-page').then((m) => ({ default: m.PollPage })));
const SurveysPage = lazyDomainPage('participation', () => import('./surveys-page').then((m) => ({ default: m.SurveysPage })));
const SurveyBuilderPage = lazyDomainPage('participation', () => import('./survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const AnswerSurveyPage = lazyDomainPage('participation', () => import('./answer-survey-page').then((m) => ({ default: m.AnswerSurveyPage })));
const SurveyPage = lazyDomainPage('participation', () => import('./survey-page').then((m) => ({ default: m.SurveyPage })));

/** The participation pages: registered through common/domains.ts, mounted by client/app.tsx. */
export const domainPages: DomainPages = {
  region: [
    { path: 'cooperatie/stemrondes', page: PollsPage },
    { path: 'cooperatie/stemrondes/:pollId', page: PollPage },
    { path: 'cooperatie/bevragingen', page: SurveysPage },
    { path: 'cooperatie/bevragingen/nieuw', page: SurveyBuilderPage },
    { path: 'cooperatie/bevragingen/invullen/:token', page: AnswerSurveyPage },
    { path: 'cooperatie/bevragingen/:surveyId', page: SurveyPage },
  ],
};
