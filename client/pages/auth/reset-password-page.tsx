import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { flashState } from '../../flash';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const { run, busy, error } = useSubmit(async () => {
    await api.POST('/api/auth/password-reset/confirm', { body: { token, password } });
    navigate('/aanmelden', { replace: true, state: flashState('auth.passwordChanged') });
  });

  return (
    <Page title={t('auth.newPasswordTitle')}>
      <ErrorSummary error={error} fields={[{ path: 'password', id: 'new-password', label: t('auth.newPassword') }]} />
      <form
        className="form form--narrow"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="new-password" label={t('auth.newPassword')} hint={t('auth.newPasswordHelp')} error={error?.fieldMessage('password')}>
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
          <SubmitButton busy={busy}>{t('auth.newPasswordSubmit')}</SubmitButton>
        </div>
      </form>
      {error?.code === 'INVALID_TOKEN' ? (
        <p>
          <Link to="/wachtwoord-vergeten">{t('auth.resetTitle')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
