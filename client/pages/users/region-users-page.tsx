import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationCreated, Member } from '../../../common/schemas/accounts.js';
import type { RoleName } from '../../../common/schemas/regions.js';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LoginPrompt, NoAccess } from '../../components/access';
import { Notice } from '../../components/notice';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { api, asApiError, type ApiError } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';

const ROLES = ['admin', 'editor', 'steering', 'viewer', 'coach', 'trajectbegeleider'] as const satisfies readonly RoleName[];

function InviteLink({ url, email }: { url: string; email: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    inputRef.current?.select();
    navigator.clipboard
      .writeText(url)
      .then(() => setCopied(true))
      // Without clipboard access the link stays selected, ready for Ctrl+C.
      .catch(() => setCopied(false));
  };
  return (
    <div className="notice notice--info invite-link">
      <p>{t('users.inviteLink', { email })}</p>
      <Field id="invite-link" label={t('users.inviteLinkLabel')}>
        {(control) => <input {...control} ref={inputRef} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />}
      </Field>
      <div className="button-row">
        <button type="button" className="button" onClick={copy}>
          {t('users.copyLink')}
        </button>
        <span role="status">{copied ? t('users.copied') : ''}</span>
      </div>
    </div>
  );
}

function InviteForm({ slug, onInvited }: { slug: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleName>('editor');
  const [result, setResult] = useState<(InvitationCreated & { email: string }) | null>(null);
  const { run, busy, error } = useSubmit(async () => {
    setResult(null);
    const created = await api.POST('/api/regions/{slug}/invitations', { params: { path: { slug } }, body: { email, role } });
    setResult({ ...created, email: created.invitation.email });
    setEmail('');
    onInvited();
  });

  return (
    <section aria-labelledby="invite-heading" className="panel">
      <h2 id="invite-heading">{t('users.invite')}</h2>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'email', id: 'invite-email', label: t('users.email') },
          { path: 'role', id: 'invite-role', label: t('users.role') },
        ]}
      />
      <form
        className="form form--inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="invite-email" label={t('users.email')} error={error?.fieldMessage('email')} className="field--grow">
          {(control) => (
            <input {...control} type="email" name="email" autoComplete="off" required value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
        </Field>
        <Field id="invite-role" label={t('users.role')} error={error?.fieldMessage('role')}>
          {(control) => (
            <select {...control} name="role" value={role} onChange={(event) => setRole(event.target.value as RoleName)}>
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <SubmitButton busy={busy}>{t('users.inviteSubmit')}</SubmitButton>
        </div>
      </form>
      <div role="status">
        {result?.emailSent ? <p className="notice notice--success">{t('users.inviteSent', { email: result.email })}</p> : null}
      </div>
      {result?.inviteUrl ? <InviteLink url={result.inviteUrl} email={result.email} /> : null}
    </section>
  );
}

function UsersAdmin() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { user, refresh } = useSession();
  const slug = region.slug;
  const overview = useApi('/api/regions/{slug}/members', { params: { path: { slug } } });
  const [status, setStatus] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);

  const act = async (action: () => Promise<string>) => {
    setStatus(null);
    setActionError(null);
    try {
      setStatus(await action());
    } catch (error) {
      setActionError(asApiError(error));
    }
  };

  const changeRole = (member: Member, role: RoleName) =>
    act(async () => {
      await api.PATCH('/api/regions/{slug}/members/{userId}', { params: { path: { slug, userId: member.userId } }, body: { role } });
      if (overview.data) {
        overview.setData({ ...overview.data, members: overview.data.members.map((m) => (m.userId === member.userId ? { ...m, role } : m)) });
      }
      // Changing one's own role changes what the interface may show.
      if (member.userId === user?.id) await refresh();
      return t('users.roleUpdated');
    });

  // The organisation a member belongs to (an actor of the network map), or none.
  const changeActor = (member: Member, chosen: PickedActor | null) =>
    act(async () => {
      if (chosen) await api.PUT('/api/regions/{slug}/actors/{actorId}/editors/{userId}', { params: { path: { slug, actorId: chosen.id, userId: member.userId } } });
      else if (member.actor) await api.DELETE('/api/regions/{slug}/actors/{actorId}/editors/{userId}', { params: { path: { slug, actorId: member.actor.id, userId: member.userId } } });
      if (overview.data) {
        const actor = chosen ? { id: chosen.id, name: chosen.name } : null;
        overview.setData({ ...overview.data, members: overview.data.members.map((m) => (m.userId === member.userId ? { ...m, actor } : m)) });
      }
      if (member.userId === user?.id) await refresh();
      return chosen ? t('users.actorLinked', { name: member.name, actor: chosen.name }) : t('users.actorUnlinked', { name: member.name });
    });

  const confirmRemove = () => {
    const member = removing;
    setRemoving(null);
    if (!member) return;
    membersHeading.current?.focus();
    void act(async () => {
      await api.DELETE('/api/regions/{slug}/members/{userId}', { params: { path: { slug, userId: member.userId } } });
      overview.reload();
      if (member.userId === user?.id) await refresh();
      return t('users.removed', { name: member.name });
    });
  };

  const revoke = (id: string, email: string) =>
    act(async () => {
      await api.DELETE('/api/regions/{slug}/invitations/{invitationId}', { params: { path: { slug, invitationId: id } } });
      overview.reload();
      return t('users.revoked', { email });
    });

  if (overview.error) {
    return (
      <Notice kind="error">
        <p>{overview.error.message}</p>
      </Notice>
    );
  }
  if (!overview.data) return <p role="status">{t('app.loading')}</p>;
  const { members, invitations } = overview.data;

  return (
    <div className="stack">
      <div role="status">{status ? <p className="notice notice--success">{status}</p> : null}</div>
      {actionError ? (
        <Notice kind="error">
          <p>{actionError.message}</p>
        </Notice>
      ) : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" ref={membersHeading} tabIndex={-1}>
          {t('users.members')} <span className="count">({members.length})</span>
        </h2>
        <p id="organisation-hint">{t('users.organisationHint')}</p>
        <table className="table table--stack" aria-labelledby="members-heading">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.organisation')}</th>
              <th scope="col">{t('users.since')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <th scope="row" data-label={t('users.name')}>
                  <span>
                    {member.name}
                    {member.userId === user?.id ? <span className="muted"> {t('users.you')}</span> : null}
                  </span>
                </th>
                <td data-label={t('users.email')} className="break">
                  {member.email}
                </td>
                <td data-label={t('users.role')}>
                  <select
                    aria-label={t('users.changeRole', { name: member.name })}
                    value={member.role}
                    onChange={(event) => void changeRole(member, event.target.value as RoleName)}
                  >
                    {ROLES.map((option) => (
                      <option key={option} value={option}>
                        {t(`roles.${option}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('users.organisation')}>
                  <div className="member-actor">
                    <ActorPicker
                      control={{ id: `member-actor-${member.userId}`, 'aria-label': t('users.changeActor', { name: member.name }), 'aria-describedby': 'organisation-hint' }}
                      slug={region.slug}
                      value={member.actor}
                      onChange={(chosen) => {
                        if (chosen) void changeActor(member, chosen);
                      }}
                    />
                    {member.actor ? (
                      <button type="button" className="button button--small" aria-label={t('users.unlinkActorFor', { name: member.name })} onClick={() => void changeActor(member, null)}>
                        {t('users.unlinkActor')}
                      </button>
                    ) : null}
                  </div>
                </td>
                <td data-label={t('users.since')}>{formatDate(member.since)}</td>
                <td data-label={t('users.actions')}>
                  <button type="button" className="button button--small button--danger-outline" onClick={() => setRemoving(member)}>
                    {t('users.remove')}
                    <span className="visually-hidden"> {member.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('users.invitations')}</h2>
        {invitations.length === 0 ? (
          <p>{t('users.noInvitations')}</p>
        ) : (
          <table className="table table--stack" aria-labelledby="invitations-heading">
            <thead>
              <tr>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.expires')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" data-label={t('users.email')} className="break">
                    {invitation.email}
                  </th>
                  <td data-label={t('users.role')}>{t(`roles.${invitation.role}`)}</td>
                  <td data-label={t('users.expires')}>{formatDate(invitation.expiresAt)}</td>
                  <td data-label={t('users.actions')}>
                    <button type="button" className="button button--small" onClick={() => void revoke(invitation.id, invitation.email)}>
                      {t('users.revoke')}
                      <span className="visually-hidden"> {invitation.email}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <InviteForm slug={region.slug} onInvited={overview.reload} />

      <ConfirmDialog
        open={removing !== null}
        title={t('users.removeTitle')}
        message={removing ? t('users.removeConfirm', { name: removing.name }) : ''}
        confirmLabel={t('users.remove')}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}

export function RegionUsersPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { user, roleIn } = useSession();
  return (
    <Page title={t('users.title')} regionName={region.name} lead={<p>{region.name}</p>}>
      {!user ? <LoginPrompt /> : roleIn(region.slug) !== 'admin' ? <NoAccess /> : <UsersAdmin key={region.slug} />}
    </Page>
  );
}
