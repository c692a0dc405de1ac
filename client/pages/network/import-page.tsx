import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../common/schemas/network.js';
import { Page } from '../../components/page';
import { NoAccess } from '../../components/access';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { NetworkNav, networkPaths } from './network-common';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Upload → preview with per-row errors and duplicate warnings → confirm (all-or-nothing, or only the valid rows). */
export function ImportPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [updateDuplicates, setUpdateDuplicates] = useState(true);
  const [status, setStatus] = useState<string | null>(null);
  const base = `/api/regions/${encodeURIComponent(region.slug)}/actors/import`;

  const previewing = useSubmit(async () => {
    setResult(null);
    setPreview(null);
    if (!file) return;
    setStatus(t('network.importUi.reading'));
    const answer = await api.post<ImportResult>(`${base}/preview`, { fileName: file.name, content: file.content, updateDuplicates });
    setPreview(answer);
    setStatus(t('network.importUi.summary', { created: answer.created, updated: answer.updated, skipped: answer.skipped, errors: answer.errors.length }));
  });
  const committing = useSubmit(async () => {
    if (!file) return;
    const answer = await api.post<ImportResult>(base, { fileName: file.name, content: file.content, onlyValid, updateDuplicates });
    setResult(answer);
    setPreview(null);
    setStatus(t('network.importUi.done', { created: answer.created, updated: answer.updated, skipped: answer.skipped }));
  });

  if (roleIn(region.slug) !== 'admin') return <NoAccess />;
  const blocked = preview !== null && preview.errors.length > 0 && !onlyValid;

  return (
    <Page title={t('network.importUi.title')} regionName={region.name} lead={<p>{t('network.importUi.lead')}</p>}>
      <NetworkNav slug={region.slug} isAdmin />
      <LiveStatus message={status} />
      <ErrorSummary error={previewing.error ?? committing.error} fields={[{ path: 'content', id: 'import-file', label: t('network.importUi.file') }]} />
      <form
        className="form form--narrow"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void previewing.run();
        }}
      >
        <Field id="import-file" label={t('network.importUi.file')} hint={t('network.importUi.fileHint')} error={previewing.error?.fieldMessage('content')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={async (event) => {
                const chosen = event.target.files?.[0];
                setPreview(null);
                setResult(null);
                setFile(chosen ? { name: chosen.name, content: await toBase64(chosen) } : null);
              }}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={updateDuplicates} onChange={(event) => setUpdateDuplicates(event.target.checked)} /> {t('network.importUi.updateDuplicates')}
        </label>
        <SubmitButton busy={previewing.busy}>{t('network.importUi.preview')}</SubmitButton>
      </form>

      {result ? (
        <Notice kind="success">
          <p>{t('network.importUi.done', { created: result.created, updated: result.updated, skipped: result.skipped })}</p>
          <p>
            <Link to={networkPaths.list(region.slug)}>{t('network.ui.actors')}</Link>
          </p>
        </Notice>
      ) : null}

      {preview ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t('network.importUi.rowsTitle')}</h2>
          <p>{t('network.importUi.summary', { created: preview.created, updated: preview.updated, skipped: preview.skipped, errors: preview.errors.length })}</p>
          {preview.unknownColumns.length > 0 ? <Notice kind="warning">{t('network.importUi.unknownColumns', { columns: preview.unknownColumns.join(', ') })}</Notice> : null}
          {preview.errors.length > 0 ? (
            <>
              <h3>{t('network.importUi.errorsTitle')}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('network.importUi.row')}</th>
                    <th scope="col">{t('network.importUi.column')}</th>
                    <th scope="col">{t('network.importUi.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.errors.map((error, index) => (
                    <tr key={index}>
                      <td className="numeric">{error.row}</td>
                      <td>{error.field}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {preview.warnings.length > 0 ? (
            <>
              <h3>{t('network.importUi.warningsTitle')}</h3>
              <ul>
                {preview.warnings.map((warning, index) => (
                  <li key={index}>
                    {t('network.importUi.row')} {warning.row}: {warning.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('network.importUi.row')}</th>
                <th scope="col">{t('network.ui.name')}</th>
                <th scope="col">{t('network.ui.municipality')}</th>
                <th scope="col">{t('network.importUi.action')}</th>
                <th scope="col">{t('network.importUi.duplicateOf')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 500).map((row) => (
                <tr key={row.row}>
                  <td className="numeric">{row.row}</td>
                  <td>{row.name}</td>
                  <td>{row.municipality ?? '—'}</td>
                  <td>{t(`network.importUi.rowActions.${row.action}`)}</td>
                  <td>{row.duplicateOf ? <Link to={networkPaths.actor(region.slug, row.duplicateOf.id)}>{row.duplicateOf.name}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="form form--narrow"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (!blocked) void committing.run();
            }}
          >
            {preview.errors.length > 0 ? (
              <>
                <p>{t('network.importUi.blocked')}</p>
                <label className="checkbox">
                  <input type="checkbox" checked={onlyValid} onChange={(event) => setOnlyValid(event.target.checked)} /> {t('network.importUi.onlyValid')}
                </label>
              </>
            ) : null}
            <SubmitButton busy={committing.busy}>{t('network.importUi.confirm')}</SubmitButton>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
