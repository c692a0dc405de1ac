import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';

/** For the coach: who else saw this participant's data, when and where (decision 031); a table, newest first. */
export function ParticipantReads({ slug, participantId }: { slug: string; participantId: string }) {
  const { t } = useTranslation();
  const reads = useApi('/api/regions/{slug}/trajectories/participants/{participantId}/reads', { params: { path: { slug, participantId } } });
  return (
    <section aria-labelledby="traject-reads">
      <h2 id="traject-reads">{t('trajectories.privacyRegion.reads.title')}</h2>
      <p>{t('trajectories.privacyRegion.reads.lead')}</p>
      {reads.error ? <Notice kind="error">{reads.error.message}</Notice> : null}
      {reads.data && reads.data.reads.length === 0 ? <p>{t('trajectories.privacyRegion.reads.none')}</p> : null}
      {reads.data && reads.data.reads.length > 0 ? (
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">{t('trajectories.privacyRegion.reads.when')}</th>
              <th scope="col">{t('trajectories.privacyRegion.reads.who')}</th>
              <th scope="col">{t('trajectories.privacyRegion.reads.where')}</th>
            </tr>
          </thead>
          <tbody>
            {reads.data.reads.map((read, index) => (
              <tr key={`${read.at}-${index}`}>
                <th scope="row">{formatDateTime(read.at)}</th>
                <td data-label={t('trajectories.privacyRegion.reads.who')}>
                  {read.reader?.name ?? t('trajectories.privacyRegion.reads.unknownReader')}
                  {read.role ? ` · ${t(`roles.${read.role}`, { defaultValue: read.role })}` : ''}
                </td>
                <td data-label={t('trajectories.privacyRegion.reads.where')}>{t(`trajectories.privacyRegion.reads.sources.${read.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
