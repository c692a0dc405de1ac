import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { moduleBySegment, regionPath } from '../../modules';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from './region-context';

/** /r/:slug/<module> for modules that are not built yet. */
export function ModulePlaceholderPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const module = moduleBySegment(useParams().module);
  if (!module) return <NotFoundPage />;

  return (
    <Page title={t('region.moduleComingTitle', { module: t(`nav.${module.key}`) })} regionName={region.name} lead={<p>{t(`region.modulesIntro.${module.key}`)}</p>}>
      <Notice kind="info" live={false}>
        <p>{t('region.moduleComing')}</p>
      </Notice>
      <p>
        <Link to={regionPath(region.slug)}>{t('region.backToOverview', { region: region.name })}</Link>
      </p>
    </Page>
  );
}
