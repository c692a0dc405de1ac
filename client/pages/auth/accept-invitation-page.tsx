import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { flashState } from '../../flash';
import { loginPath, regionPath } from '../../modules';

const INVALID_INVITATION_CODES = new Set(['INVALID_TOKEN', 'NOT_FOUND', 'VALIDATION_FAILED']);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { user, apply } = useSession();
  const invitation = useApi('/api/invitations/{token}', { params: { path: { token } } });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const data = invitation.data;

  const { run, busy, error } = useSubmit(async () => {
    if (!data) return;
    const body = user ? {} : { name, password };
    apply(await api.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body }));
    navigate(regionPath(data.region.slug), { state: flashState('auth.inviteAccepted', { region: data.region.name }) });
  });

  if (invitation.error) {
    return (
      <Page title={t('common.error')}>
        <Notice kind="error" live={false}>
          <p>{INVALID_INVITATION_CODES.has(invitation.error.code) ? t('auth.inviteInvalid') : invitation.error.message}</p>
        </Notice>
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </Page>
    );
  }
  if (!data) return <Page title={t('app.loading')} />;

  const role = t(`roles.${data.role}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  return (
    <Page
      title={t('auth.inviteTitle', { region: data.region.name })}
      lead={<p>{t('auth.inviteIntro', { role, region: data.region.name, email: data.email })}</p>}
    >
      <ErrorSummary
        error={error}
        fields={[
          { path: 'name', id: 'invite-name', label: t('auth.inviteName') },
          { path: 'password', id: 'invite-password', label: t('auth.newPassword') },
        ]}
      />
      {user ? (
        user.email === data.email ? (
          <form onSubmit={submit} className="form">
            <div className="button-row">
              <SubmitButton busy={busy}>{t('auth.inviteAccept')}</SubmitButton>
            </div>
          </form>
        ) : (
          <Notice kind="warning" live={false}>
            <p>{t('errors.INVITE_OTHER_USER', { email: data.email })}</p>
          </Notice>
        )
      ) : data.userExists ? (
        <Notice kind="info" live={false}>
          <p>{t('auth.inviteAcceptedLogin', { email: data.email })}</p>
          <p>
            <Link className="button button--primary" to={loginPath(`/uitnodiging/${token}`)}>
              {t('nav.login')}
            </Link>
          </p>
        </Notice>
      ) : (
        <form onSubmit={submit} className="form form--narrow" noValidate>
          <Field id="invite-name" label={t('auth.inviteName')} error={error?.fieldMessage('name')}>
            {(control) => <input {...control} name="name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <Field id="invite-password" label={t('auth.newPassword')} hint={t('auth.newPasswordHelp')} error={error?.fieldMessage('password')}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="password"
                autoComplete="new-password"
                required
                minLength={10}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <SubmitButton busy={busy}>{t('auth.inviteAccept')}</SubmitButton>
          </div>
        </form>
      )}
    </Page>
  );
}
