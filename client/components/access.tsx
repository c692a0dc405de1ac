import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loginPath } from '../modules';
import { Notice } from './notice';

/** Shown instead of a page that needs a login; the link brings the user back here afterwards. */
export function LoginPrompt() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Notice kind="info" live={false}>
      <p>{t('common.loginRequired')}</p>
      <p>
        <Link className="button button--primary" to={loginPath(location.pathname + location.search)}>
          {t('nav.login')}
        </Link>
      </p>
    </Notice>
  );
}

/** Shown to logged-in users who lack the role a page needs. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Notice kind="warning" live={false}>
      <p>{t('common.forbidden')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Notice>
  );
}
