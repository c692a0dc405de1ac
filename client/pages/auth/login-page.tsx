import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { useSession } from '../../session';
import { safeNextPath } from '../../modules';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('volgende'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { run, busy, error } = useSubmit(() => login(email, password));

  // Also right after a successful login: the session change re-renders this page.
  if (user) return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.loginTitle')}>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'email', id: 'login-email', label: t('auth.email') },
          { path: 'password', id: 'login-password', label: t('auth.password') },
        ]}
      />
      <form
        className="form form--narrow"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="login-email" label={t('auth.email')} error={error?.fieldMessage('email')}>
          {(control) => (
            <input {...control} type="email" name="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
          )}
        </Field>
        <Field id="login-password" label={t('auth.password')} error={error?.fieldMessage('password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <SubmitButton busy={busy}>{t('auth.submit')}</SubmitButton>
        </div>
      </form>
      <p>
        <Link to="/wachtwoord-vergeten">{t('auth.forgot')}</Link>
      </p>
    </Page>
  );
}
