import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { lazyDomainPage } from './lazy-domain-page';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from './i18n';
import { SessionProvider } from './session';
import { RegionsProvider } from './regions';
import { AppLayout } from './components/app-layout';
import { RegionLayout } from './pages/regions/region-layout';
import { NotFoundPage } from './pages/not-found-page';

// Every page is its own chunk, loaded when its route is first shown: the first page loads only what it needs.
const HomePage = lazy(() => import('./pages/home/home-page').then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import('./pages/auth/login-page').then((m) => ({ default: m.LoginPage })));
const ForgotPasswordPage = lazy(() => import('./pages/auth/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const AcceptInvitationPage = lazy(() => import('./pages/auth/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const RegionOverviewPage = lazy(() => import('./pages/regions/region-overview-page').then((m) => ({ default: m.RegionOverviewPage })));
const RegionSettingsPage = lazy(() => import('./pages/regions/region-settings-page').then((m) => ({ default: m.RegionSettingsPage })));
const ModulePlaceholderPage = lazy(() => import('./pages/regions/module-placeholder-page').then((m) => ({ default: m.ModulePlaceholderPage })));
const SynonymsPage = lazy(() => import('./pages/search/synonyms-page').then((m) => ({ default: m.SynonymsPage })));
const RegionUsersPage = lazy(() => import('./pages/users/region-users-page').then((m) => ({ default: m.RegionUsersPage })));
const ActorListPage = lazy(() => import('./pages/network/actor-list-page').then((m) => ({ default: m.ActorListPage })));
const ActorPage = lazy(() => import('./pages/network/actor-page').then((m) => ({ default: m.ActorPage })));
const ActorFormPage = lazy(() => import('./pages/network/actor-form-page').then((m) => ({ default: m.ActorFormPage })));
const BubblePage = lazy(() => import('./pages/network/bubble-page').then((m) => ({ default: m.BubblePage })));
const GraphPage = lazy(() => import('./pages/network/graph-page').then((m) => ({ default: m.GraphPage })));
const CoveragePage = lazy(() => import('./pages/network/coverage-page').then((m) => ({ default: m.CoveragePage })));
const ImportPage = lazy(() => import('./pages/network/import-page').then((m) => ({ default: m.ImportPage })));
const PlansListPage = lazy(() => import('./pages/plans/plans-list-page').then((m) => ({ default: m.PlansListPage })));
const PlanPage = lazy(() => import('./pages/plans/plan-page').then((m) => ({ default: m.PlanPage })));
const ActionPage = lazy(() => import('./pages/plans/action-page').then((m) => ({ default: m.ActionPage })));
const PlanBudgetPage = lazy(() => import('./pages/plans/budget-page').then((m) => ({ default: m.PlanBudgetPage })));
const PlanTimelinePage = lazy(() => import('./pages/plans/timeline-page').then((m) => ({ default: m.PlanTimelinePage })));
const PlanImportPage = lazy(() => import('./pages/plans/import-page').then((m) => ({ default: m.PlanImportPage })));
const PlanSpreidingPage = lazy(() => import('./pages/plans/spreiding-page').then((m) => ({ default: m.PlanSpreidingPage })));
const PlanVersionsPage = lazy(() => import('./pages/plans/versions-page').then((m) => ({ default: m.PlanVersionsPage })));
const PlanTablePage = lazy(() => import('./pages/plans/table-page').then((m) => ({ default: m.PlanTablePage })));
const PlanProposalsPage = lazy(() => import('./pages/plans/proposals-page').then((m) => ({ default: m.PlanProposalsPage })));
const PlanPartnersPage = lazy(() => import('./pages/plans/partners-page').then((m) => ({ default: m.PlanPartnersPage })));
const PlanIndicatorsPage = lazy(() => import('./pages/plans/indicators-page').then((m) => ({ default: m.PlanIndicatorsPage })));
const PollsPage = lazyDomainPage('participation', () => import('./pages/participation/polls-page').then((m) => ({ default: m.PollsPage })));
const PollPage = lazyDomainPage('participation', () => import('./pages/participation/poll-page').then((m) => ({ default: m.PollPage })));
const SurveysPage = lazyDomainPage('participation', () => import('./pages/participation/surveys-page').then((m) => ({ default: m.SurveysPage })));
const SurveyBuilderPage = lazyDomainPage('participation', () => import('./pages/participation/survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const SurveyPage = lazyDomainPage('participation', () => import('./pages/participation/survey-page').then((m) => ({ default: m.SurveyPage })));
const AnswerSurveyPage = lazyDomainPage('participation', () => import('./pages/participation/answer-survey-page').then((m) => ({ default: m.AnswerSurveyPage })));

/** A lazily loaded page, with a short notice while its chunk arrives. */
function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Routes use Dutch paths, as the people who share links speak Dutch. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <SessionProvider>
          <RegionsProvider>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<Lazy page={HomePage} />} />
                <Route path="aanmelden" element={<Lazy page={LoginPage} />} />
                <Route path="wachtwoord-vergeten" element={<Lazy page={ForgotPasswordPage} />} />
                <Route path="wachtwoord-herstellen/:token" element={<Lazy page={ResetPasswordPage} />} />
                <Route path="uitnodiging/:token" element={<Lazy page={AcceptInvitationPage} />} />
                <Route path="account" element={<Lazy page={AccountPage} />} />
                <Route path="r/:slug" element={<RegionLayout />}>
                  <Route index element={<Lazy page={RegionOverviewPage} />} />
                  <Route path="instellingen" element={<Lazy page={RegionSettingsPage} />} />
                  <Route path="instellingen/zoeken" element={<Lazy page={SynonymsPage} />} />
                  <Route path="gebruikers" element={<Lazy page={RegionUsersPage} />} />
                  <Route path="plannen" element={<Lazy page={PlansListPage} />} />
                  <Route path="plannen/importeren" element={<Lazy page={PlanImportPage} />} />
                  <Route path="plannen/:planId" element={<Lazy page={PlanPage} />} />
                  <Route path="plannen/:planId/budget" element={<Lazy page={PlanBudgetPage} />} />
                  <Route path="plannen/:planId/tijdlijn" element={<Lazy page={PlanTimelinePage} />} />
                  <Route path="plannen/:planId/spreiding" element={<Lazy page={PlanSpreidingPage} />} />
                  <Route path="plannen/:planId/versies" element={<Lazy page={PlanVersionsPage} />} />
                  <Route path="plannen/:planId/tabel" element={<Lazy page={PlanTablePage} />} />
                  <Route path="plannen/:planId/voorstellen" element={<Lazy page={PlanProposalsPage} />} />
                  <Route path="plannen/:planId/partners" element={<Lazy page={PlanPartnersPage} />} />
                  <Route path="plannen/:planId/indicatoren" element={<Lazy page={PlanIndicatorsPage} />} />
                  <Route path="plannen/:planId/acties/:actionId" element={<Lazy page={ActionPage} />} />
                  <Route path="cooperatie/stemrondes" element={<Lazy page={PollsPage} />} />
                  <Route path="cooperatie/stemrondes/:pollId" element={<Lazy page={PollPage} />} />
                  <Route path="cooperatie/bevragingen" element={<Lazy page={SurveysPage} />} />
                  <Route path="cooperatie/bevragingen/nieuw" element={<Lazy page={SurveyBuilderPage} />} />
                  <Route path="cooperatie/bevragingen/invullen/:token" element={<Lazy page={AnswerSurveyPage} />} />
                  <Route path="cooperatie/bevragingen/:surveyId" element={<Lazy page={SurveyPage} />} />
                  <Route path="netwerk" element={<Lazy page={ActorListPage} />} />
                  <Route path="netwerk/nieuw" element={<Lazy page={ActorFormPage} />} />
                  <Route path="netwerk/actoren/:actorId" element={<Lazy page={ActorPage} />} />
                  <Route path="netwerk/actoren/:actorId/bewerken" element={<Lazy page={ActorFormPage} />} />
                  <Route path="netwerk/bollenschema" element={<Lazy page={BubblePage} />} />
                  <Route path="netwerk/grafiek" element={<Lazy page={GraphPage} />} />
                  <Route path="netwerk/dekking" element={<Lazy page={CoveragePage} />} />
                  <Route path="netwerk/importeren" element={<Lazy page={ImportPage} />} />
                  <Route path=":module" element={<Lazy page={ModulePlaceholderPage} />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </RegionsProvider>
        </SessionProvider>
      </BrowserRouter>
    </I18nextProvider>
  );
}
