import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';

export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundTitle')}>
      <p>{message ?? t('common.notFound')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}
