import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [requested, setRequested] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    await api.POST('/api/auth/password-reset/request', { body: { email } });
    setRequested(true);
  });

  return (
    <Page title={t('auth.resetTitle')}>
      <div role="status">{requested ? <p className="notice notice--success">{t('auth.resetRequested')}</p> : null}</div>
      {requested ? null : (
        <>
          <p>{t('auth.resetIntro')}</p>
          <ErrorSummary error={error} fields={[{ path: 'email', id: 'reset-email', label: t('auth.email') }]} />
          <form
            className="form form--narrow"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run();
            }}
          >
            <Field id="reset-email" label={t('auth.email')} error={error?.fieldMessage('email')}>
              {(control) => (
                <input {...control} type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
              )}
            </Field>
            <div className="button-row">
              <SubmitButton busy={busy}>{t('auth.resetSubmit')}</SubmitButton>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/aanmelden">{t('auth.backToLogin')}</Link>
      </p>
    </Page>
  );
}
