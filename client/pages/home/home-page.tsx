import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useRegions } from '../../regions';
import { regionPath } from '../../modules';

export function HomePage() {
  const { t } = useTranslation();
  const { data: regions, error, reload } = useRegions();

  return (
    <Page title={t('home.title')} lead={<p>{t('home.intro')}</p>}>
      {error ? (
        <Notice kind="error">
          <p>{error.message}</p>
          <button type="button" className="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : !regions ? (
        <p role="status">{t('app.loading')}</p>
      ) : regions.length === 0 ? (
        <p>{t('home.noRegions')}</p>
      ) : (
        <ul className="card-grid">
          {regions.map((region) => (
            <li key={region.slug} className="card card--link">
              <h2 className="card__title">
                <Link to={regionPath(region.slug)} className="card__link">
                  {region.name}
                </Link>
              </h2>
              <p className="card__meta">{t('home.municipalityCount', { count: region.municipalities.length })}</p>
              {region.description ? <p className="card__text">{region.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
