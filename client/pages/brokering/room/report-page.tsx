import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../../api';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { useApi } from '../../../use-api';
import { useRegion } from '../../regions/region-context';
import { formatDate, formatNumber } from '../../../../common/format.js';
import { Combinations } from './room-page';
import './room.css';

const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10, 1)} %`;

/** The workshop's report on screen (the PDF has the same content), with the rapport bovenlokale netwerken. */
export function ReportPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { workshopId = '' } = useParams();
  const path = { slug: region.slug, workshopId };
  const report = useApi('/api/regions/{slug}/workshops/{workshopId}/report', { params: { path } });
  const data = report.data;
  const title = data ? t('workshops.report.title', { title: data.workshop.title }) : t('workshops.title');
  return (
    <Page title={title} regionName={region.name}>
      {report.error ? <Notice kind="error">{report.error.message}</Notice> : null}
      {data ? (
        <>
          <p className="room-meta">{[data.workshop.heldOn ? formatDate(data.workshop.heldOn) : null, data.workshop.place].filter(Boolean).join(' · ')}</p>
          <p>{t('workshops.report.summary', { participants: data.participants.length, cards: data.cards.length, combinations: data.combinations.length })}</p>
          {data.workshop.status === 'open' ? <Notice kind="info">{t('workshops.report.notClosed')}</Notice> : null}
          <p>
            <a className="button" href={apiHref('/api/regions/{slug}/workshops/{workshopId}/report.pdf', { path })} download>
              {t('workshops.report.pdf')}
            </a>
          </p>

          <h2>{t('workshops.report.bovenlokaalTitle')}</h2>
          <p>{t('workshops.report.bovenlokaalIntro')}</p>
          <div className="table-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('workshops.report.column.workshop')}</th>
                  <th scope="col">{t('workshops.report.column.region')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('workshops.report.total')}</th>
                  <td>{data.bovenlokaal.workshop.total}</td>
                  <td>{data.bovenlokaal.region.total}</td>
                </tr>
                <tr>
                  <th scope="row">{t('workshops.report.bovenlokaal')}</th>
                  <td>{t('workshops.report.share', { count: data.bovenlokaal.workshop.bovenlokaal, percent: percent(data.bovenlokaal.workshop.bovenlokaalShare) })}</td>
                  <td>{t('workshops.report.share', { count: data.bovenlokaal.region.bovenlokaal, percent: percent(data.bovenlokaal.region.bovenlokaalShare) })}</td>
                </tr>
                <tr>
                  <th scope="row">{t('workshops.report.grensverleggend')}</th>
                  <td>{t('workshops.report.share', { count: data.bovenlokaal.workshop.grensverleggend, percent: percent(data.bovenlokaal.workshop.grensverleggendShare) })}</td>
                  <td>{t('workshops.report.share', { count: data.bovenlokaal.region.grensverleggend, percent: percent(data.bovenlokaal.region.grensverleggendShare) })}</td>
                </tr>
              </tbody>
            </table>
          </div>

          <h2>{t('workshops.report.participantsTitle')}</h2>
          <ul className="plain-list report-people">
            {data.participants.map((person) => (
              <li key={person.id} className="card">
                <h3 className="card__title">{person.organisation}</h3>
                <p className="card__meta">{person.name}</p>
                <p>
                  <strong>{t('workshops.report.strengths')}:</strong> {person.strengths.join('; ') || t('workshops.report.nothing')}
                </p>
                <p>
                  <strong>{t('workshops.report.needs')}:</strong> {person.needs.join('; ') || t('workshops.report.nothing')}
                </p>
              </li>
            ))}
          </ul>

          <h2>{t('workshops.report.cardsTitle')}</h2>
          <ul className="plain-list report-people">
            {data.cards.map((card) => (
              <li key={card.id} className="card">
                <h3 className="card__title">
                  {card.organisation}: “{card.startText}”
                </h3>
                <p className="card__meta">{t(card.startKind === 'need' ? 'workshops.room.fromNeed' : 'workshops.room.fromStrength')}</p>
                <ul>
                  {card.partners.map((partner, index) => (
                    <li key={`${partner.name}-${index}`}>
                      {partner.name}
                      {partner.municipality ? ` (${partner.municipality.name})` : ''}
                      {[partner.kept ? t('workshops.room.kept') : '', partner.bovenlokaal ? t('workshops.room.bovenlokaal') : '', partner.grensverleggend ? t('workshops.room.grensverleggend') : '']
                        .filter(Boolean)
                        .map((mark) => ` · ${mark}`)
                        .join('')}
                      {partner.ideas.length > 0 ? `: ${partner.ideas.join('; ')}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>

          <h2>{t('workshops.report.combinationsTitle')}</h2>
          <Combinations combinations={data.combinations} />
        </>
      ) : null}
    </Page>
  );
}
