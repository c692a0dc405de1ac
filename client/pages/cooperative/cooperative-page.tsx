import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';

/** The cooperative's landing page: cooperants, the steering group and working groups. */
export function CooperativePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const overview = useApi('/api/regions/{slug}/cooperative', { params: { path: { slug: region.slug } } });
  const data = overview.data;
  return (
    <Page title={t('cooperative.title')} regionName={region.name} lead={<p>{t('cooperative.lead')}</p>}>
      <CooperativeNav slug={region.slug} isAdmin={roleIn(region.slug) === 'admin'} />
      {overview.error ? <Notice kind="error">{overview.error.message}</Notice> : null}
      {data ? (
        <>
          <h2>{t('cooperative.bodies.title')}</h2>
          {data.bodies.length === 0 ? <p>{t('cooperative.bodies.none')}</p> : null}
          <ul className="coop-cards">
            {data.bodies.map((body) => (
              <li key={body.id} className="coop-card">
                <h3>{body.name}</h3>
                <p className="muted">
                  {t(`cooperative.bodyKinds.${body.kind}`)} · {body.quorum ? t('cooperative.bodies.quorum', { count: body.quorum }) : t('cooperative.bodies.quorumDefault')}
                </p>
                {body.description ? <p>{body.description}</p> : null}
                <ul>
                  {body.members.map((member) => (
                    <li key={member.userId}>
                      {member.name} ({t(`cooperative.roles.${member.role}`)}){member.memberName ? ` — ${member.memberName}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <h2 id="coop-members">{t('cooperative.members.title')}</h2>
          {data.members.length === 0 ? (
            <p>{t('cooperative.members.none')}</p>
          ) : (
            <div className="table-scroll coop-scroll" tabIndex={0} role="region" aria-labelledby="coop-members">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('cooperative.members.actor')}</th>
                    <th scope="col">{t('cooperative.members.kind')}</th>
                    <th scope="col">{t('cooperative.members.since')}</th>
                    <th scope="col">{t('cooperative.members.municipality')}</th>
                    <th scope="col">{t('cooperative.members.representative')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">{member.actorName}</th>
                      <td>{t(`cooperative.membershipKinds.${member.membershipKind}`)}</td>
                      <td>{formatDate(member.memberSince)}</td>
                      <td>{member.municipalityName ?? '—'}</td>
                      <td>{member.representative?.name ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </Page>
  );
}
