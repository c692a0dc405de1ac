import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, conflictCurrent, type ApiResponse } from '../../api';
import { useApi } from '../../use-api';

type Settings = ApiResponse<'/api/regions/{slug}/trajectories/settings'>;
interface Draft {
  purpose: string;
  retentionMonths: string;
}
const draftOf = (settings: Settings | undefined): Draft => ({ purpose: settings?.purpose ?? '', retentionMonths: String(settings?.retentionMonths ?? 12) });

/** The admin's panel for the region's purpose and retention period (decision 031); the daily job erases by it. */
export function PrivacySettingsPanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const settings = useApi('/api/regions/{slug}/trajectories/settings', { params: { path: { slug } } });
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined));
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(draftOf(settings.data));
  }, [settings.data]);
  const saving = useSubmit(async () => {
    setConflict(false);
    setStatus(null);
    // Text that is no number goes as 0, so the server refuses it with the field's Dutch reason.
    const months = Number(draft.retentionMonths.trim().replace(',', '.'));
    try {
      const saved = await api.PUT('/api/regions/{slug}/trajectories/settings', {
        params: { path: { slug } },
        body: { purpose: draft.purpose, retentionMonths: Number.isFinite(months) ? months : 0, version: settings.data?.version ?? 0 },
      });
      settings.setData(saved);
      setStatus(t('trajectories.privacyRegion.saved'));
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'put', '/api/regions/{slug}/trajectories/settings');
      if (current) {
        settings.setData(current);
        setConflict(true);
        return;
      }
      throw thrown;
    }
  });
  return (
    <section className="panel traject-privacy-settings" aria-labelledby="traject-privacy-settings">
      <h2 id="traject-privacy-settings">{t('trajectories.privacyRegion.title')}</h2>
      <p>{t('trajectories.privacyRegion.lead')}</p>
      <LiveStatus message={status} />
      {conflict ? <Notice kind="warning">{t('trajectories.privacyRegion.conflict')}</Notice> : null}
      {settings.error ? <Notice kind="error">{settings.error.message}</Notice> : null}
      <ErrorSummary
        error={saving.error}
        fields={[
          { path: 'purpose', id: 'privacy-purpose', label: t('trajectories.privacyRegion.purpose') },
          { path: 'retentionMonths', id: 'privacy-months', label: t('trajectories.privacyRegion.retentionMonths') },
        ]}
      />
      {/* The form waits for the stored settings, so what one types is never overwritten by their arrival. */}
      {settings.data ? (
        <form
          className="form form--narrow"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void saving.run();
          }}
        >
          <Field id="privacy-purpose" label={t('trajectories.privacyRegion.purpose')} hint={t('trajectories.privacyRegion.purposeHint')} error={saving.error?.fieldMessage('purpose')}>
            {(control) => <textarea {...control} rows={3} value={draft.purpose} onChange={(event) => setDraft({ ...draft, purpose: event.target.value })} />}
          </Field>
          <Field id="privacy-months" label={t('trajectories.privacyRegion.retentionMonths')} hint={t('trajectories.privacyRegion.retentionHint')} error={saving.error?.fieldMessage('retentionMonths')}>
            {(control) => <input {...control} type="number" min={1} max={120} step={1} value={draft.retentionMonths} onChange={(event) => setDraft({ ...draft, retentionMonths: event.target.value })} />}
          </Field>
          <SubmitButton busy={saving.busy}>{t('trajectories.privacyRegion.save')}</SubmitButton>
        </form>
      ) : null}
      {settings.data?.updatedAt ? <p className="muted">{t('trajectories.privacyRegion.lastChange', { date: formatDateTime(settings.data.updatedAt) })}</p> : null}
    </section>
  );
}
