import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../common/format.js';
import { Page } from '../../../components/page';
import { NoAccess } from '../../../components/access';
import { LiveStatus, Notice } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { api, conflictCurrent, type ApiResponse } from '../../../api';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { waitForJob } from '../../../wait-for-job';
import { useRegion } from '../../regions/region-context';
import { CatalogAdminNav } from './catalog-admin-common';

type Settings = ApiResponse<'/api/regions/{slug}/catalog/settings'>;

interface Draft {
  url: string;
  apiKey: string;
  removeKey: boolean;
  query: string;
  pullEnabled: boolean;
  pullEveryHours: string;
}

const draftOf = (settings: Settings | undefined): Draft => ({
  url: settings?.uitdatabankUrl ?? '',
  apiKey: '',
  removeKey: false,
  query: settings?.uitdatabankQuery ?? '',
  pullEnabled: settings?.pullEnabled ?? false,
  pullEveryHours: String(settings?.pullEveryHours ?? 24),
});

/** The UiTdatabank Search API link (URL, key that is never shown again, schedule) and the last pull's outcome. */
export function CatalogSettingsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  const settings = useApi(role === 'admin' ? '/api/regions/{slug}/catalog/settings' : null, { params: { path: { slug: region.slug } } });
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined));
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) setDraft(draftOf(settings.data));
  }, [settings.data]);

  const saving = useSubmit(async () => {
    setConflict(false);
    setStatus(null);
    const hours = Number(draft.pullEveryHours);
    try {
      const saved = await api.PUT('/api/regions/{slug}/catalog/settings', {
        params: { path: { slug: region.slug } },
        body: {
          uitdatabankUrl: draft.url.trim() || null,
          ...(draft.removeKey ? { uitdatabankApiKey: null } : draft.apiKey.trim() ? { uitdatabankApiKey: draft.apiKey.trim() } : {}),
          uitdatabankQuery: draft.query,
          pullEnabled: draft.pullEnabled,
          pullEveryHours: Number.isInteger(hours) ? hours : 0,
          version: settings.data?.version ?? 0,
        },
      });
      settings.setData(saved);
      setStatus(t('catalog.settingsUi.saved'));
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'put', '/api/regions/{slug}/catalog/settings');
      if (current) {
        settings.setData(current);
        setConflict(true);
        return;
      }
      throw thrown;
    }
  });
  const pulling = useSubmit(async () => {
    setStatus(t('catalog.settingsUi.pulling'));
    const { jobId } = await api.POST('/api/regions/{slug}/catalog/pull', { params: { path: { slug: region.slug } } });
    try {
      await waitForJob(region.slug, jobId, (result) => result);
    } finally {
      settings.reload();
    }
    setStatus(t('catalog.settingsUi.pulled'));
  });

  if (role !== 'admin') return <NoAccess />;
  const data = settings.data;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const error = saving.error ?? pulling.error;
  const last = data?.lastPullResult;

  return (
    <Page title={t('catalog.settingsUi.title')} regionName={region.name} lead={<p>{t('catalog.settingsUi.lead')}</p>}>
      <CatalogAdminNav slug={region.slug} role={role} />
      <LiveStatus message={status} />
      {conflict ? <Notice kind="warning">{t('catalog.settingsUi.conflict')}</Notice> : null}
      <ErrorSummary
        error={error}
        fields={[
          { path: 'uitdatabankUrl', id: 'settings-url', label: t('catalog.settingsUi.url') },
          { path: 'uitdatabankApiKey', id: 'settings-key', label: t('catalog.settingsUi.apiKey') },
          { path: 'pullEveryHours', id: 'settings-hours', label: t('catalog.settingsUi.pullEveryHours') },
        ]}
      />
      {settings.error ? <Notice kind="error">{settings.error.message}</Notice> : null}
      <section aria-labelledby="last-pull" className="panel">
        <h2 id="last-pull">{t('catalog.settingsUi.lastRun')}</h2>
        {!data?.lastPullAt ? (
          <p>{t('catalog.settingsUi.neverRun')}</p>
        ) : (
          <>
            <p>{t('catalog.settingsUi.lastRunAt', { date: formatDateTime(data.lastPullAt) })}</p>
            {last ? <p>{t('catalog.settingsUi.lastRunResult', { created: last.created, updated: last.updated, skipped: last.skipped, errors: last.errors })}</p> : null}
            {last?.message ? <Notice kind="warning" live={false}>{last.message}</Notice> : null}
          </>
        )}
        {data?.uitdatabankUrl ? (
          <button type="button" className="button" aria-disabled={pulling.busy || undefined} onClick={() => void pulling.run()}>
            {t('catalog.settingsUi.pullNow')}
          </button>
        ) : null}
      </section>
      <form
        className="form form--narrow"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void saving.run();
        }}
      >
        <Field id="settings-url" label={t('catalog.settingsUi.url')} hint={t('catalog.settingsUi.urlHint')} error={saving.error?.fieldMessage('uitdatabankUrl') ?? pulling.error?.fieldMessage('uitdatabankUrl')}>
          {(control) => <input {...control} type="url" value={draft.url} onChange={(event) => set('url', event.target.value)} />}
        </Field>
        <Field id="settings-key" label={t('catalog.settingsUi.apiKey')} hint={data?.hasApiKey ? t('catalog.settingsUi.apiKeyKept') : t('catalog.settingsUi.apiKeyNone')} error={saving.error?.fieldMessage('uitdatabankApiKey')}>
          {(control) => <input {...control} type="password" autoComplete="off" value={draft.apiKey} disabled={draft.removeKey} onChange={(event) => set('apiKey', event.target.value)} />}
        </Field>
        {data?.hasApiKey ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.removeKey} onChange={(event) => set('removeKey', event.target.checked)} /> {t('catalog.settingsUi.removeKey')}
          </label>
        ) : null}
        <Field id="settings-query" label={t('catalog.settingsUi.query')} hint={t('catalog.settingsUi.queryHint')} error={saving.error?.fieldMessage('uitdatabankQuery')}>
          {(control) => <input {...control} type="text" value={draft.query} onChange={(event) => set('query', event.target.value)} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={draft.pullEnabled} onChange={(event) => set('pullEnabled', event.target.checked)} /> {t('catalog.settingsUi.pullEnabled')}
        </label>
        <Field id="settings-hours" label={t('catalog.settingsUi.pullEveryHours')} error={saving.error?.fieldMessage('pullEveryHours')}>
          {(control) => <input {...control} type="number" min={1} max={168} value={draft.pullEveryHours} onChange={(event) => set('pullEveryHours', event.target.value)} />}
        </Field>
        <SubmitButton busy={saving.busy}>{t('catalog.settingsUi.save')}</SubmitButton>
      </form>
    </Page>
  );
}
