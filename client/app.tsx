import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
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
const ActorPage = lazyDomainPage('plans', () => import('./pages/network/actor-page').then((m) => ({ default: m.ActorPage })));
const ActorFormPage = lazy(() => import('./pages/network/actor-form-page').then((m) => ({ default: m.ActorFormPage })));
const BubblePage = lazy(() => import('./pages/network/bubble-page').then((m) => ({ default: m.BubblePage })));
const GraphPage = lazy(() => import('./pages/network/graph-page').then((m) => ({ default: m.GraphPage })));
const CoveragePage = lazy(() => import('./pages/network/coverage-page').then((m) => ({ default: m.CoveragePage })));
const ImportPage = lazy(() => import('./pages/network/import-page').then((m) => ({ default: m.ImportPage })));
const BrokeringHomePage = lazyDomainPage('brokering', () => import('./pages/brokering/brokering-home-page').then((m) => ({ default: m.BrokeringHomePage })));
const BrokeringSheetPage = lazyDomainPage('brokering', () => import('./pages/brokering/sheet-page').then((m) => ({ default: m.SheetPage })));
const BrokeringIdeasPage = lazyDomainPage('brokering', () => import('./pages/brokering/ideas-page').then((m) => ({ default: m.IdeasPage })));
const CooperativePage = lazyDomainPage('cooperative', () => import('./pages/cooperative/cooperative-page').then((m) => ({ default: m.CooperativePage })));
const FinancingPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/financing-page').then((m) => ({ default: m.FinancingPage })));
const MeetingsPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/meetings-page').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/meeting-page').then((m) => ({ default: m.MeetingPage })));
const CooperativeSettingsPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/settings-page').then((m) => ({ default: m.CooperativeSettingsPage })));
const OutboxPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/outbox-page').then((m) => ({ default: m.OutboxPage })));
const NewslettersPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/newsletter-pages').then((m) => ({ default: m.NewslettersPage })));
const NewsletterPage = lazyDomainPage('cooperative', () => import('./pages/cooperative/newsletter-pages').then((m) => ({ default: m.NewsletterPage })));
const PlansListPage = lazyDomainPage('plans', () => import('./pages/plans/plans-list-page').then((m) => ({ default: m.PlansListPage })));
const PlanPage = lazyDomainPage('plans', () => import('./pages/plans/plan-page').then((m) => ({ default: m.PlanPage })));
const ActionPage = lazyDomainPage('plans', () => import('./pages/plans/action-page').then((m) => ({ default: m.ActionPage })));
const PlanBudgetPage = lazyDomainPage('plans', () => import('./pages/plans/budget-page').then((m) => ({ default: m.PlanBudgetPage })));
const PlanTimelinePage = lazyDomainPage('plans', () => import('./pages/plans/timeline-page').then((m) => ({ default: m.PlanTimelinePage })));
const PlanImportPage = lazyDomainPage('plans', () => import('./pages/plans/import-page').then((m) => ({ default: m.PlanImportPage })));
const PlanSpreidingPage = lazyDomainPage('plans', () => import('./pages/plans/spreiding-page').then((m) => ({ default: m.PlanSpreidingPage })));
const PlanVersionsPage = lazyDomainPage('plans', () => import('./pages/plans/versions-page').then((m) => ({ default: m.PlanVersionsPage })));
const PlanTablePage = lazyDomainPage('plans', () => import('./pages/plans/table-page').then((m) => ({ default: m.PlanTablePage })));
const PlanProposalsPage = lazyDomainPage('plans', () => import('./pages/plans/proposals-page').then((m) => ({ default: m.PlanProposalsPage })));
const PlanPartnersPage = lazyDomainPage('plans', () => import('./pages/plans/partners-page').then((m) => ({ default: m.PlanPartnersPage })));
const WorkshopsPage = lazyDomainPage('workshops', () => import('./pages/brokering/room/workshops-page').then((m) => ({ default: m.WorkshopsPage })));
const WorkshopRoomPage = lazyDomainPage('workshops', () => import('./pages/brokering/room/room-page').then((m) => ({ default: m.RoomPage })));
const WorkshopReportPage = lazyDomainPage('workshops', () => import('./pages/brokering/room/report-page').then((m) => ({ default: m.ReportPage })));
const WorkshopJoinPage = lazyDomainPage('workshops', () => import('./pages/brokering/room/join-page').then((m) => ({ default: m.JoinPage })));
const PlanIndicatorsPage = lazyDomainPage('plans', () => import('./pages/plans/indicators-page').then((m) => ({ default: m.PlanIndicatorsPage })));
const RegionMatchesPage = lazyDomainPage('matching', () => import('./pages/matching/region-matches-page').then((m) => ({ default: m.RegionMatchesPage })));

const LendingPage = lazyDomainPage('lending', () => import('./pages/lending/lending-page').then((m) => ({ default: m.LendingPage })));
const LendingItemPage = lazyDomainPage('lending', () => import('./pages/lending/item-page').then((m) => ({ default: m.ItemPage })));
const LendingBookingsPage = lazyDomainPage('lending', () => import('./pages/lending/bookings-page').then((m) => ({ default: m.BookingsPage })));
const LendingCalendarPage = lazyDomainPage('lending', () => import('./pages/lending/calendar-page').then((m) => ({ default: m.LendingCalendarPage })));
const LendingOverviewPage = lazyDomainPage('lending', () => import('./pages/lending/overview-page').then((m) => ({ default: m.LendingOverviewPage })));
const LendingItemFormPage = lazyDomainPage('lending', () => import('./pages/lending/item-form-page').then((m) => ({ default: m.ItemFormPage })));
const PublicCatalogPage = lazyDomainPage('catalogPublic', () => import('./pages/catalog/public/public-catalog-page').then((m) => ({ default: m.PublicCatalogPage })));
const PublicOfferPage = lazyDomainPage('catalogPublic', () => import('./pages/catalog/public/offer-page').then((m) => ({ default: m.PublicOfferPage })));

/** The short public address of a region's catalog (/aanbod/<regio>), for posters and flyers. */
function ShortCatalogAddress() {
  const { slug = '' } = useParams();
  return <Navigate to={`/r/${slug}/aanbod`} replace />;
}
const PollsPage = lazyDomainPage('participation', () => import('./pages/participation/polls-page').then((m) => ({ default: m.PollsPage })));
const PollPage = lazyDomainPage('participation', () => import('./pages/participation/poll-page').then((m) => ({ default: m.PollPage })));
const SurveysPage = lazyDomainPage('participation', () => import('./pages/participation/surveys-page').then((m) => ({ default: m.SurveysPage })));
const SurveyBuilderPage = lazyDomainPage('participation', () => import('./pages/participation/survey-builder-page').then((m) => ({ default: m.SurveyBuilderPage })));
const SurveyPage = lazyDomainPage('participation', () => import('./pages/participation/survey-page').then((m) => ({ default: m.SurveyPage })));
const AnswerSurveyPage = lazyDomainPage('participation', () => import('./pages/participation/answer-survey-page').then((m) => ({ default: m.AnswerSurveyPage })));
const CatalogOfferListPage = lazyDomainPage('catalog', () => import('./pages/catalog/admin/offer-list-page').then((m) => ({ default: m.OfferListPage })));
const CatalogOfferFormPage = lazyDomainPage('catalog', () => import('./pages/catalog/admin/offer-form-page').then((m) => ({ default: m.OfferFormPage })));
const CatalogImportPage = lazyDomainPage('catalog', () => import('./pages/catalog/admin/import-page').then((m) => ({ default: m.OfferImportPage })));
const CatalogCoveragePage = lazyDomainPage('catalog', () => import('./pages/catalog/admin/coverage-page').then((m) => ({ default: m.CatalogCoveragePage })));
const CatalogSettingsPage = lazyDomainPage('catalog', () => import('./pages/catalog/admin/settings-page').then((m) => ({ default: m.CatalogSettingsPage })));
const TrajectoriesPage = lazyDomainPage('trajectories', () => import('./pages/trajectories/trajectories-page').then((m) => ({ default: m.TrajectoriesPage })));
const TrajectoryReferralPage = lazyDomainPage('trajectories', () => import('./pages/trajectories/referral-page').then((m) => ({ default: m.ReferralPage })));
const TrajectoryParticipantPage = lazyDomainPage('trajectories', () => import('./pages/trajectories/participant-page').then((m) => ({ default: m.ParticipantPage })));
const TrajectoryInboxPage = lazyDomainPage('trajectories', () => import('./pages/trajectories/inbox-page').then((m) => ({ default: m.InboxPage })));
const TrajectoryMonitoringPage = lazyDomainPage('trajectories', () => import('./pages/trajectories/monitoring-page').then((m) => ({ default: m.MonitoringPage })));
const BuddiesPage = lazyDomainPage(['buddies', 'trajectories'], () => import('./pages/buddies/buddies-page').then((m) => ({ default: m.BuddiesPage })));
const BuddyProgrammePage = lazyDomainPage(['buddies', 'trajectories'], () => import('./pages/buddies/programme-page').then((m) => ({ default: m.ProgrammePage })));

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

/** The browser's app: the routes under the address bar's router. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </I18nextProvider>
  );
}

/** Routes use Dutch paths, as the people who share links speak Dutch. Rendered under any router (client/ssr-entry.tsx uses a static one). */
export function AppRoutes() {
  return (
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
                <Route path="doe-mee" element={<Lazy page={WorkshopJoinPage} />} />
                <Route path="aanbod/:slug" element={<ShortCatalogAddress />} />
                <Route path="r/:slug/aanbod" element={<Lazy page={PublicCatalogPage} />} />
                <Route path="r/:slug/aanbod/:offerId" element={<Lazy page={PublicOfferPage} />} />
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
                  <Route path="makelaardij/suggesties" element={<Lazy page={RegionMatchesPage} />} />
                  <Route path="makelaardij" element={<Lazy page={BrokeringHomePage} />} />
                  <Route path="makelaardij/werkblad/:sheetId" element={<Lazy page={BrokeringSheetPage} />} />
                  <Route path="makelaardij/samenwerkingsvoorstellen" element={<Lazy page={BrokeringIdeasPage} />} />
                  <Route path="makelaardij/workshops" element={<Lazy page={WorkshopsPage} />} />
                  <Route path="makelaardij/workshops/:workshopId" element={<Lazy page={WorkshopRoomPage} />} />
                  <Route path="makelaardij/workshops/:workshopId/verslag" element={<Lazy page={WorkshopReportPage} />} />
                  <Route path="makelaardij/doe-mee" element={<Lazy page={WorkshopJoinPage} />} />
                  <Route path="uitleendienst" element={<Lazy page={LendingPage} />} />
                  <Route path="uitleendienst/items/:itemId" element={<Lazy page={LendingItemPage} />} />
                  <Route path="uitleendienst/reserveringen" element={<Lazy page={LendingBookingsPage} />} />
                  <Route path="uitleendienst/kalender" element={<Lazy page={LendingCalendarPage} />} />
                  <Route path="uitleendienst/overzicht" element={<Lazy page={LendingOverviewPage} />} />
                  <Route path="uitleendienst/items/nieuw" element={<Lazy page={LendingItemFormPage} />} />
                  <Route path="uitleendienst/items/:itemId/wijzigen" element={<Lazy page={LendingItemFormPage} />} />
                  <Route path="cooperatie" element={<Lazy page={CooperativePage} />} />
                  <Route path="cooperatie/cofinanciering" element={<Lazy page={FinancingPage} />} />
                  <Route path="cooperatie/vergaderingen" element={<Lazy page={MeetingsPage} />} />
                  <Route path="cooperatie/vergaderingen/:meetingId" element={<Lazy page={MeetingPage} />} />
                  <Route path="cooperatie/instellingen" element={<Lazy page={CooperativeSettingsPage} />} />
                  <Route path="cooperatie/mails" element={<Lazy page={OutboxPage} />} />
                  <Route path="aanbod/beheer" element={<Lazy page={CatalogOfferListPage} />} />
                  <Route path="aanbod/beheer/nieuw" element={<Lazy page={CatalogOfferFormPage} />} />
                  <Route path="aanbod/beheer/importeren" element={<Lazy page={CatalogImportPage} />} />
                  <Route path="aanbod/beheer/dekking" element={<Lazy page={CatalogCoveragePage} />} />
                  <Route path="aanbod/beheer/uitdatabank" element={<Lazy page={CatalogSettingsPage} />} />
                  <Route path="aanbod/beheer/:offerId" element={<Lazy page={CatalogOfferFormPage} />} />
                  <Route path="cooperatie/nieuwsbrief" element={<Lazy page={NewslettersPage} />} />
                  <Route path="cooperatie/nieuwsbrief/:newsletterId" element={<Lazy page={NewsletterPage} />} />
                  <Route path="trajecten" element={<Lazy page={TrajectoriesPage} />} />
                  <Route path="trajecten/verwijzen" element={<Lazy page={TrajectoryReferralPage} />} />
                  <Route path="trajecten/deelnemers/:participantId" element={<Lazy page={TrajectoryParticipantPage} />} />
                  <Route path="trajecten/plaatsen" element={<Lazy page={TrajectoryInboxPage} />} />
                  <Route path="trajecten/cijfers" element={<Lazy page={TrajectoryMonitoringPage} />} />
                  <Route path="trajecten/buddies" element={<Lazy page={BuddiesPage} />} />
                  <Route path="trajecten/buddies/:programmeId" element={<Lazy page={BuddyProgrammePage} />} />
                  <Route path=":module" element={<Lazy page={ModulePlaceholderPage} />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </RegionsProvider>
        </SessionProvider>
  );
}
