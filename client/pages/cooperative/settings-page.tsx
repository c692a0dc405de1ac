import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { api, asApiError } from '../../api';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';

const KEYS = ['weeklyDigest', 'meetingInvitations', 'newsletter'] as const;

/** The user's own notification settings for the region. */
export function CooperativeSettingsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const current = useApi('/api/regions/{slug}/cooperative/notification-settings', { params: { path: { slug: region.slug } } });
  const [values, setValues] = useState({ weeklyDigest: true, meetingInvitations: true, newsletter: true });
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (current.data) setValues(current.data);
  }, [current.data]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setValues(await api.PUT('/api/regions/{slug}/cooperative/notification-settings', { params: { path: { slug: region.slug } }, body: values }));
      setMessage({ kind: 'success', text: t('cooperative.settings.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: asApiError(error).message });
    }
  };
  return (
    <Page title={t('cooperative.settings.title')} regionName={region.name} lead={<p>{t('cooperative.settings.lead')}</p>}>
      <CooperativeNav slug={region.slug} />
      {current.error ? <Notice kind="error">{current.error.message}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <form onSubmit={save}>
        {KEYS.map((key) => (
          <p key={key}>
            <label>
              <input type="checkbox" checked={values[key]} onChange={(event) => setValues({ ...values, [key]: event.target.checked })} /> {t(`cooperative.settings.${key}`)}
            </label>
          </p>
        ))}
        <button type="submit" className="button primary">
          {t('cooperative.settings.save')}
        </button>
      </form>
    </Page>
  );
}
