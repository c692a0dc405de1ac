import { useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { RegionContext } from './region-context';

/** Loads the region of /r/:slug once for all its pages; reloads when the user's role in it changes. */
export function RegionLayout() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { user, roleIn } = useSession();
  const detail = useApi('/api/regions/{slug}', { params: { path: { slug } }, refreshKey: `${user?.id ?? ''}:${roleIn(slug) ?? ''}` });
  const { data: region, setData } = detail;
  const value = useMemo(() => (region ? { region, setRegion: setData } : null), [region, setData]);

  if (detail.error) {
    if (detail.error.status === 404) return <NotFoundPage message={t('region.notFound')} />;
    return (
      <Page title={t('common.error')}>
        <Notice kind="error" live={false}>
          <p>{detail.error.message}</p>
          <button type="button" className="button" onClick={detail.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      </Page>
    );
  }
  if (!value) return <Page title={t('app.loading')} />;
  return (
    <RegionContext.Provider value={value}>
      <Outlet />
    </RegionContext.Provider>
  );
}
