import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { SessionProvider } from './session';
import { RegionsProvider } from './regions';
import { AppLayout } from './components/app-layout';
import { HomePage } from './pages/home/home-page';
import { LoginPage } from './pages/auth/login-page';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { AcceptInvitationPage } from './pages/auth/accept-invitation-page';
import { AccountPage } from './pages/account/account-page';
import { RegionLayout } from './pages/regions/region-layout';
import { RegionOverviewPage } from './pages/regions/region-overview-page';
import { RegionSettingsPage } from './pages/regions/region-settings-page';
import { SynonymsPage } from './pages/search/synonyms-page';
import { ModulePlaceholderPage } from './pages/regions/module-placeholder-page';
import { RegionUsersPage } from './pages/users/region-users-page';
import { NotFoundPage } from './pages/not-found-page';
import { ActorListPage } from './pages/network/actor-list-page';
import { ActorPage } from './pages/network/actor-page';
import { ActorFormPage } from './pages/network/actor-form-page';
import { BubblePage } from './pages/network/bubble-page';
import { GraphPage } from './pages/network/graph-page';
import { CoveragePage } from './pages/network/coverage-page';
import { ImportPage } from './pages/network/import-page';
import { PlansListPage } from './pages/plans/plans-list-page';
import { PlanPage } from './pages/plans/plan-page';
import { ActionPage } from './pages/plans/action-page';
import { PlanBudgetPage } from './pages/plans/budget-page';
import { PlanTimelinePage } from './pages/plans/timeline-page';
import { PlanImportPage } from './pages/plans/import-page';
import { PlanSpreidingPage } from './pages/plans/spreiding-page';
import { PlanVersionsPage } from './pages/plans/versions-page';
import { PlanTablePage } from './pages/plans/table-page';
import { PlanProposalsPage } from './pages/plans/proposals-page';
import { PlanPartnersPage } from './pages/plans/partners-page';
import { PlanIndicatorsPage } from './pages/plans/indicators-page';

/** Routes use Dutch paths, as the people who share links speak Dutch. */
export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <BrowserRouter>
        <SessionProvider>
          <RegionsProvider>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<HomePage />} />
                <Route path="aanmelden" element={<LoginPage />} />
                <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
                <Route path="wachtwoord-herstellen/:token" element={<ResetPasswordPage />} />
                <Route path="uitnodiging/:token" element={<AcceptInvitationPage />} />
                <Route path="account" element={<AccountPage />} />
                <Route path="r/:slug" element={<RegionLayout />}>
                  <Route index element={<RegionOverviewPage />} />
                  <Route path="instellingen" element={<RegionSettingsPage />} />
                  <Route path="instellingen/zoeken" element={<SynonymsPage />} />
                  <Route path="gebruikers" element={<RegionUsersPage />} />
                  <Route path="plannen" element={<PlansListPage />} />
                  <Route path="plannen/importeren" element={<PlanImportPage />} />
                  <Route path="plannen/:planId" element={<PlanPage />} />
                  <Route path="plannen/:planId/budget" element={<PlanBudgetPage />} />
                  <Route path="plannen/:planId/tijdlijn" element={<PlanTimelinePage />} />
                  <Route path="plannen/:planId/spreiding" element={<PlanSpreidingPage />} />
                  <Route path="plannen/:planId/versies" element={<PlanVersionsPage />} />
                  <Route path="plannen/:planId/tabel" element={<PlanTablePage />} />
                  <Route path="plannen/:planId/voorstellen" element={<PlanProposalsPage />} />
                  <Route path="plannen/:planId/partners" element={<PlanPartnersPage />} />
                  <Route path="plannen/:planId/indicatoren" element={<PlanIndicatorsPage />} />
                  <Route path="plannen/:planId/acties/:actionId" element={<ActionPage />} />
                  <Route path="netwerk" element={<ActorListPage />} />
                  <Route path="netwerk/nieuw" element={<ActorFormPage />} />
                  <Route path="netwerk/actoren/:actorId" element={<ActorPage />} />
                  <Route path="netwerk/actoren/:actorId/bewerken" element={<ActorFormPage />} />
                  <Route path="netwerk/bollenschema" element={<BubblePage />} />
                  <Route path="netwerk/grafiek" element={<GraphPage />} />
                  <Route path="netwerk/dekking" element={<CoveragePage />} />
                  <Route path="netwerk/importeren" element={<ImportPage />} />
                  <Route path=":module" element={<ModulePlaceholderPage />} />
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
