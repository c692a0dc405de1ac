import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { useState } from 'react';
import { api, asApiError } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CooperativeNav } from './cooperative-common';
import { BodyForm, Disclosure, MemberForm } from './member-forms';

/** The cooperative's landing page: cooperants, the steering group and working groups. */
export function CooperativePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const [refresh, setRefresh] = useState(0);
  const overview = useApi('/api/regions/{slug}/cooperative', { params: { path: { slug: region.slug } }, refreshKey: refresh });
  const data = overview.data;
  const reload = () => setRefresh((count) => count + 1);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const candidates = data?.canManage ? data.candidates : null;
  const [editing, setEditing] = useState<string | null>(null);
  const editedMember = data?.members.find((member) => member.id === editing) ?? null;
  const remove = async () => {
    if (!removing) return;
    try {
      await api.DELETE('/api/regions/{slug}/cooperative/members/{id}', { params: { path: { slug: region.slug, id: removing.id } } });
      reload();
    } catch (error) {
      setRemoveError(asApiError(error).message);
    } finally {
      setRemoving(null);
    }
  };
  return (
    <Page title={t('cooperative.title')} regionName={region.name} lead={<p>{t('cooperative.lead')}</p>}>
      <CooperativeNav slug={region.slug} />
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
                {candidates ? (
                  <Disclosure label={t('cooperative.forms.editBody', { name: body.name })}>
                    {(close) => (
                      <BodyForm
                        key={body.version}
                        slug={region.slug}
                        candidates={candidates}
                        members={data.members}
                        body={body}
                        onDone={() => {
                          close();
                          reload();
                        }}
                      />
                    )}
                  </Disclosure>
                ) : null}
              </li>
            ))}
          </ul>
          {candidates ? (
            <Disclosure label={t('cooperative.forms.addBody')}>
              {(close) => (
                <BodyForm
                  slug={region.slug}
                  candidates={candidates}
                  members={data.members}
                  onDone={() => {
                    close();
                    reload();
                  }}
                />
              )}
            </Disclosure>
          ) : null}
          <h2 id="coop-members">{t('cooperative.members.title')}</h2>
          {removeError ? <Notice kind="error">{removeError}</Notice> : null}
          {candidates ? (
            <Disclosure label={t('cooperative.forms.addMember')}>
              {(close) => (
                <MemberForm
                  slug={region.slug}
                  candidates={{ ...candidates, actors: candidates.actors.filter((actor) => !data.members.some((member) => member.actorId === actor.id)) }}
                  onDone={() => {
                    close();
                    reload();
                  }}
                />
              )}
            </Disclosure>
          ) : null}
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
                    {candidates ? <th scope="col">{t('cooperative.forms.edit')}</th> : null}
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
                      {candidates ? (
                        <td>
                          <div className="button-row coop-row-actions">
                            <button type="button" className="button" aria-expanded={editing === member.id} aria-controls="coop-member-edit" aria-label={t('cooperative.forms.editMember', { name: member.actorName })} onClick={() => setEditing(editing === member.id ? null : member.id)}>
                              {t('cooperative.forms.edit')}
                            </button>
                            <button type="button" className="button" aria-label={t('cooperative.forms.removeMember', { name: member.actorName })} onClick={() => setRemoving({ id: member.id, name: member.actorName })}>
                              {t('cooperative.forms.end')}
                            </button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div id="coop-member-edit">
            {candidates && editedMember ? (
              <section aria-labelledby="coop-member-edit-title">
                <h3 id="coop-member-edit-title">{t('cooperative.forms.editMember', { name: editedMember.actorName })}</h3>
                <MemberForm
                  key={`${editedMember.id}-${editedMember.version}`}
                  slug={region.slug}
                  candidates={candidates}
                  member={editedMember}
                  onDone={() => {
                    setEditing(null);
                    reload();
                  }}
                />
              </section>
            ) : null}
          </div>
        </>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('cooperative.forms.removeMember', { name: removing.name }) : ''}
        message={removing ? t('cooperative.forms.removeMemberConfirm', { name: removing.name }) : ''}
        confirmLabel={removing ? t('cooperative.forms.removeMember', { name: removing.name }) : ''}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      />
    </Page>
  );
}
