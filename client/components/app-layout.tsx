import { useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { adminPages, loginPath, regionModules, regionPath } from '../modules';
import { flashState, useFlash } from '../flash';
import { RegionSwitcher } from './region-switcher';
import { LanguageSwitch } from './language-switch';

function RegionNavigation({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="region-nav" aria-label={t('app.regionNavigation')}>
      <ul>
        <li>
          <NavLink to={regionPath(slug)} end>
            {t('nav.overview')}
          </NavLink>
        </li>
        {regionModules.map((module) => (
          <li key={module.key}>
            <NavLink to={regionPath(slug, module.segment)}>{t(`nav.${module.key}`)}</NavLink>
          </li>
        ))}
        {isAdmin
          ? adminPages.map((page, index) => (
              <li key={page.key} className={index === 0 ? 'region-nav__admin-start' : undefined}>
                <NavLink to={regionPath(slug, page.segment)}>{t(`nav.${page.key}`)}</NavLink>
              </li>
            ))
          : null}
      </ul>
    </nav>
  );
}

function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { user, logout, roleIn } = useSession();
  const slug = useMatch('/r/:slug/*')?.params.slug;
  // The narrow-screen menu is open for one location only, so any navigation closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.key;
  const onLoginPage = location.pathname === '/aanmelden';

  return (
    <header className="site-header">
      <div
        className="site-header__inner"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpenAt(null);
            document.getElementById('menu-toggle')?.focus();
          }
        }}
      >
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <RegionSwitcher />
        <LanguageSwitch />
        <button
          id="menu-toggle"
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpenAt(menuOpen ? null : location.key)}
        >
          <span className="menu-toggle__icon" aria-hidden="true" />
          {t('app.menu')}
        </button>
        <div id="site-menu" className="site-menu" data-open={menuOpen}>
          {slug ? <RegionNavigation slug={slug} isAdmin={roleIn(slug) === 'admin'} /> : null}
          <div className="user-tools">
            {user ? (
              <>
                <NavLink to="/account" className="header-link">
                  {t('nav.account')}
                </NavLink>
                <button
                  type="button"
                  className="header-link"
                  onClick={() => {
                    logout()
                      .then(() => navigate('/', { state: flashState('auth.loggedOut') }))
                      .catch(() => navigate('/', { state: flashState('common.error') }));
                  }}
                >
                  {t('nav.logout')}
                </button>
              </>
            ) : onLoginPage ? null : (
              <Link to={loginPath(location.pathname + location.search)} className="header-link">
                {t('nav.login')}
              </Link>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}

/** The app shell: skip link, header with region switcher and navigation, the page, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const flash = useFlash();
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Move focus without a hash change, which the router would treat as a navigation.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="site-main">
        <div role="status" className="flash">
          {flash ? <p className="notice notice--success">{t(flash.key, flash.params)}</p> : null}
        </div>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t('app.footer')}</p>
          <p>
            <a href="/api/docs">{t('app.apiReference')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
