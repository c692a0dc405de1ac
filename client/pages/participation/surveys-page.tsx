import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { inLanguage, participationPaths } from './participation-common';
import './participation.css';

/** /r/:slug/cooperatie/bevragingen — the region's surveys with their response counts. */
export function SurveysPage() {
  const { t, i18n } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const surveys = useApi('/api/regions/{slug}/surveys', { params: { path: { slug: region.slug } }, refreshKey: session.user?.id ?? null });
  return (
    <Page title={t('participation.surveys.heading')} regionName={region.name} lead={<p>{t('participation.surveys.lead')}</p>}>
      <div className="pp-actions">
        <Link to={participationPaths.polls(region.slug)}>{t('participation.nav.polls')}</Link>
        {region.myRole === 'admin' ? (
          <Link className="button button--primary" to={participationPaths.newSurvey(region.slug)}>
            {t('participation.surveys.new')}
          </Link>
        ) : null}
      </div>
      {surveys.error ? <Notice kind="error">{surveys.error.message}</Notice> : null}
      {surveys.data ? (
        surveys.data.items.length ? (
          <ul className="pp-list">
            {surveys.data.items.map((survey) => (
              <li key={survey.id} className="pp-item">
                <h2>
                  <Link to={participationPaths.survey(region.slug, survey.id)}>{inLanguage(survey.title, i18n.language)}</Link>
                </h2>
                <p className="pp-meta">
                  {t(`participation.surveys.audiences.${survey.audience}`)} · {t(`participation.status.${survey.status}`)} · {t('participation.surveys.responses', { count: survey.responses })} · {formatDate(survey.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('participation.surveys.empty')}</p>
        )
      ) : surveys.error ? null : (
        <p>{t('app.loading')}</p>
      )}
    </Page>
  );
}
