import { Link, Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { TRAJECTORY_HOURS_GOAL } from '../../../common/schemas/trajectories.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { regionPath } from '../../modules';
import { useRegion } from '../regions/region-context';
import { formatHours, TrajectoriesNav, TRAJECTORIES_SEGMENT } from './trajectories-common';
import { PrivacySettingsPanel } from './privacy-settings';

/** The module's first view: a coach's participants or a referrer's referrals; partners and the steering group go to their own view. */
export function TrajectoriesPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  const base = regionPath(region.slug, TRAJECTORIES_SEGMENT);
  const mayList = role === 'coach' || role === 'admin' || role === 'trajectbegeleider';
  const list = useApi(mayList ? '/api/regions/{slug}/trajectories/participants' : null, { params: { path: { slug: region.slug } } });
  if (role === 'editor') return <Navigate to={`${base}/plaatsen`} replace />;
  if (role === 'steering') return <Navigate to={`${base}/cijfers`} replace />;
  const referrer = list.data?.relation === 'referrer';
  const title = role === 'trajectbegeleider' ? t('trajectories.list.referralsTitle') : t('trajectories.list.title');
  return (
    <Page title={title} regionName={region.name} lead={<p>{t('trajectories.lead')}</p>}>
      <TrajectoriesNav slug={region.slug} role={role} />
      <p className="traject-privacy">{t('trajectories.privacy')}</p>
      {!mayList ? <p>{t('trajectories.list.roleNone')}</p> : null}
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {list.data && list.data.participants.length === 0 ? <p>{referrer ? t('trajectories.list.noReferrals') : t('trajectories.list.none')}</p> : null}
      {list.data && list.data.participants.length > 0 ? (
        <div>
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('trajectories.list.code')}</th>
                <th scope="col">{t('trajectories.list.firstName')}</th>
                <th scope="col">{t('trajectories.list.municipality')}</th>
                <th scope="col">{t('trajectories.list.stage')}</th>
                <th scope="col">{referrer ? t('trajectories.list.coach') : t('trajectories.list.hours')}</th>
                <th scope="col">{t('trajectories.list.referredOn')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.participants.map((participant) => (
                <tr key={participant.id}>
                  <th scope="row">
                    {referrer ? participant.code : <Link to={`${base}/deelnemers/${participant.id}`}>{participant.code}</Link>}
                    {participant.handover ? (
                      <p className="traject-handover">
                        {t('trajectories.privacyRegion.handedOverFrom', { name: participant.handover.from?.name ?? '—', date: formatDate(participant.handover.on) })}
                        {participant.handover.note ? `: ${participant.handover.note}` : ''}
                      </p>
                    ) : null}
                  </th>
                  <td data-label={t('trajectories.list.firstName')}>{participant.firstName ?? '—'}</td>
                  <td data-label={t('trajectories.list.municipality')}>{participant.municipalityName}</td>
                  <td data-label={t('trajectories.list.stage')}>{t(`trajectories.stages.${participant.stage}`)}</td>
                  <td data-label={referrer ? t('trajectories.list.coach') : t('trajectories.list.hours')}>{referrer ? (participant.coach?.name ?? t('trajectories.list.noCoach')) : t('trajectories.hoursProgress', { hours: formatHours(participant.hours), goal: TRAJECTORY_HOURS_GOAL })}</td>
                  <td data-label={t('trajectories.list.referredOn')}>{formatDate(participant.referredOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {role === 'admin' ? <PrivacySettingsPanel slug={region.slug} /> : null}
    </Page>
  );
}
