import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrokeringSheet } from '../../../common/schemas/brokering.js';
import { api, conflictCurrent } from '../../api';
import { Field } from '../../components/form';
import { Notice } from '../../components/notice';
import { lines, useDebounced, type useSaver } from './brokering-common';

interface StepProps {
  slug: string;
  sheet: BrokeringSheet;
  onSheet: (sheet: BrokeringSheet) => void;
  saver: ReturnType<typeof useSaver>;
}

/** What steps 1–2 show: the map's profile (who writes to it), else the draft, else the map's profile. */
function profileOf(sheet: BrokeringSheet) {
  const source = !sheet.writesToMap && sheet.draft ? sheet.draft : sheet.actor;
  return { description: source?.description ?? '', strengths: (source?.strengths ?? []).join('\n'), needs: (source?.needs ?? []).join('\n') };
}

/** Step 1 (werking) and step 2 (sterktes, beperkingen): autosaved to the map or to the sheet's draft. */
export function ProfileStep({ slug, sheet, step, onSheet, saver }: StepProps & { step: 1 | 2 }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(profileOf(sheet));
  const [conflict, setConflict] = useState(false);
  const path = '/api/regions/{slug}/brokering/sheets/{sheetId}/profile' as const;
  const save = () =>
    void saver.run(async () => {
      const body = { description: form.description, strengths: lines(form.strengths), needs: lines(form.needs), actorVersion: sheet.actor?.version, draftVersion: sheet.draft?.version ?? 0 };
      try {
        onSheet(await api.PUT(path, { params: { path: { slug, sheetId: sheet.id } }, body }));
        setConflict(false);
      } catch (error) {
        const current = conflictCurrent(error, 'put', path);
        if (current) {
          onSheet(current);
          setForm(profileOf(current));
          setConflict(true);
        }
        throw error;
      }
    });
  useDebounced(form, save);
  const applyDraft = () =>
    void saver.run(async () => {
      onSheet(await api.POST('/api/regions/{slug}/brokering/sheets/{sheetId}/apply-draft', { params: { path: { slug, sheetId: sheet.id } }, body: { actorVersion: sheet.actor!.version } }));
    });

  return (
    <div>
      <p className="muted">{sheet.writesToMap ? t('brokering.profile.toMap') : t('brokering.profile.draft')}</p>
      {conflict ? <Notice kind="warning">{t('brokering.save.conflict')}</Notice> : null}
      {step === 1 ? (
        <Field id="werking" label={t('brokering.profile.werking')} hint={t('brokering.profile.werkingHelp')}>
          {(control) => <textarea {...control} rows={8} value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />}
        </Field>
      ) : (
        <>
          <Field id="strengths" label={t('brokering.profile.strengths')} hint={t('brokering.profile.listHelp')}>
            {(control) => <textarea {...control} rows={6} value={form.strengths} onChange={(event) => setForm({ ...form, strengths: event.target.value })} />}
          </Field>
          <Field id="needs" label={t('brokering.profile.needs')} hint={t('brokering.profile.listHelp')}>
            {(control) => <textarea {...control} rows={6} value={form.needs} onChange={(event) => setForm({ ...form, needs: event.target.value })} />}
          </Field>
        </>
      )}
      {sheet.canApplyDraft && sheet.draft && !sheet.draft.appliedAt ? (
        <button type="button" className="button" onClick={applyDraft}>
          {t('brokering.profile.applyDraft')}
        </button>
      ) : null}
      {sheet.draft?.appliedAt ? <p className="muted">{t('brokering.profile.draftApplied')}</p> : null}
    </div>
  );
}

export type { StepProps };
