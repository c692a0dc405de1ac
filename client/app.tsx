import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { registeredPages } from './domain-pages';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from './i18n';
import { SessionProvider } from './session';
import { RegionsProvider } from './regions';
import { AppLayout } from './components/app-layout';
import { RegionLayout } from './pages/regions/region-layout';
import { NotFoundPage } from './pages/not-found-page';

// Every page is its own chunk, loaded when its route is first shown: the first page loads only what it needs.
// These are the platform's own pages; each domain's come from its domain-pages.tsx (common/domains.ts).
const HomePage = lazy(() => import('./pages/home/home-page').then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import('./pages/auth/login-page').then((m) => ({ default: m.LoginPage })));
const ForgotPasswordPage = lazy(() => import('./pages/auth/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./pages/auth/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));
const AcceptInvitationPage = lazy(() => import('./pages/auth/accept-invitation-page').then((m) => ({ default: m.AcceptInvitationPage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const RegionOverviewPage = lazy(() => import('./pages/regions/region-overview-page').then((m) => ({ default: m.RegionOverviewPage })));
const RegionSettingsPage = lazy(() => import('./pages/regions/region-settings-page').then((m) => ({ default: m.RegionSettingsPage })));
const SynonymsPage = lazy(() => import('./pages/search/synonyms-page').then((m) => ({ default: m.SynonymsPage })));
const RegionUsersPage = lazy(() => import('./pages/users/region-users-page').then((m) => ({ default: m.RegionUsersPage })));

const domainPages = registeredPages();
const topPages = domainPages.flatMap((pages) => pages.top ?? []);
const regionPages = domainPages.flatMap((pages) => pages.region ?? []);

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
                {topPages.map(({ path, page }) => (
                  <Route key={path} path={path} element={<Lazy page={page} />} />
                ))}
                <Route path="r/:slug" element={<RegionLayout />}>
                  <Route index element={<Lazy page={RegionOverviewPage} />} />
                  <Route path="instellingen" element={<Lazy page={RegionSettingsPage} />} />
                  <Route path="instellingen/zoeken" element={<Lazy page={SynonymsPage} />} />
                  <Route path="gebruikers" element={<Lazy page={RegionUsersPage} />} />
                  {regionPages.map(({ path, page }) => (
                    <Route key={path} path={path} element={<Lazy page={page} />} />
                  ))}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </RegionsProvider>
        </SessionProvider>
  );
}
