import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LOCALES, LOCALE_NAMES, type AccountLocale } from '../../../common/i18n/index.js';
import { Page } from '../../components/page';
import { LoginPrompt } from '../../components/access';
import { LiveStatus } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useSession, type SessionUser } from '../../session';
import { useRegions } from '../../regions';
import { regionPath } from '../../modules';

function ProfileForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { apply } = useSession();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<AccountLocale>(user.locale);
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    setSaved(false);
    apply(await api.PATCH('/api/account', { body: { name, locale } }));
    setSaved(true);
  });

  return (
    <section aria-labelledby="profile-heading" className="panel">
      <h2 id="profile-heading">{t('account.profile')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{user.email}</dd>
        </div>
      </dl>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'name', id: 'profile-name', label: t('account.name') },
          { path: 'locale', id: 'profile-locale', label: t('account.locale') },
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
        <Field id="profile-name" label={t('account.name')} error={error?.fieldMessage('name')}>
          {(control) => <input {...control} name="name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field id="profile-locale" label={t('account.locale')} error={error?.fieldMessage('locale')}>
          {(control) => (
            <select {...control} name="locale" value={locale} onChange={(event) => setLocale(event.target.value as AccountLocale)}>
              {ACCOUNT_LOCALES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {LOCALE_NAMES[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="button-row">
          <SubmitButton busy={busy}>{t('account.save')}</SubmitButton>
          <LiveStatus message={saved ? t('account.saved') : null} />
        </div>
      </form>
    </section>
  );
}

function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    setSaved(false);
    await api.POST('/api/account/password', { body: { currentPassword, newPassword } });
    setCurrentPassword('');
    setNewPassword('');
    setSaved(true);
  });

  return (
    <section aria-labelledby="password-heading" className="panel">
      <h2 id="password-heading">{t('account.changePassword')}</h2>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'currentPassword', id: 'current-password', label: t('account.currentPassword') },
          { path: 'newPassword', id: 'account-new-password', label: t('account.newPassword') },
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
        {/* Lets password managers tie the new password to the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <Field id="current-password" label={t('account.currentPassword')} error={error?.fieldMessage('currentPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.target.value)}
            />
          )}
        </Field>
        <Field id="account-new-password" label={t('account.newPassword')} hint={t('auth.newPasswordHelp')} error={error?.fieldMessage('newPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="newPassword"
              autoComplete="new-password"
              required
              minLength={10}
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <SubmitButton busy={busy}>{t('account.save')}</SubmitButton>
          <LiveStatus message={saved ? t('account.passwordSaved') : null} />
        </div>
      </form>
    </section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data: regions } = useRegions();

  if (!user) {
    return (
      <Page title={t('account.title')}>
        <LoginPrompt />
      </Page>
    );
  }

  const regionName = (slug: string) => regions?.find((region) => region.slug === slug)?.name ?? slug;

  return (
    <Page title={t('account.title')}>
      <div className="stack">
        <ProfileForm key={user.id} user={user} />
        <section aria-labelledby="memberships-heading" className="panel">
          <h2 id="memberships-heading">{t('account.memberships')}</h2>
          <ul className="plain-list">
            {user.memberships.map((membership) => (
              <li key={membership.regionSlug}>
                <Link to={regionPath(membership.regionSlug)}>{regionName(membership.regionSlug)}</Link>
                {' — '}
                {t(`roles.${membership.role}`)}
              </li>
            ))}
          </ul>
        </section>
        <PasswordForm email={user.email} />
      </div>
    </Page>
  );
}
