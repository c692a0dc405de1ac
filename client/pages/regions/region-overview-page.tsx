import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { regionModules, regionPath } from '../../modules';
import { useRegion } from './region-context';

export function RegionOverviewPage() {
  const { t } = useTranslation();
  const { region } = useRegion();

  return (
    <Page
      title={region.name}
      lead={region.myRole ? <p className="role-badge">{t('region.yourRole', { role: t(`roles.${region.myRole}`) })}</p> : null}
    >
      {region.description ? <p className="region-description">{region.description}</p> : null}

      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('region.modules')}</h2>
        <ul className="card-grid card-grid--tiles">
          {regionModules.map((module) => (
            <li key={module.key} className="card card--link card--tile">
              <h3 className="card__title">
                <Link to={regionPath(region.slug, module.segment)} className="card__link">
                  {t(`nav.${module.key}`)}
                </Link>
              </h3>
              <p className="card__text">{t(`region.modulesIntro.${module.key}`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">
          {t('region.municipalities')} <span className="count">({region.municipalities.length})</span>
        </h2>
        <table className="table" aria-labelledby="municipalities-heading">
          <thead>
            <tr>
              <th scope="col">{t('region.name')}</th>
              <th scope="col">{t('region.nisCode')}</th>
              <th scope="col">{t('region.postalCodes')}</th>
            </tr>
          </thead>
          <tbody>
            {region.municipalities.map((municipality) => (
              <tr key={municipality.nisCode}>
                <th scope="row">{municipality.name}</th>
                <td className="numeric">{municipality.nisCode}</td>
                <td>{municipality.postalCodes.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}
