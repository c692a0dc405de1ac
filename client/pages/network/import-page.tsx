import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { importResultSchema, type ImportResult } from '../../../common/schemas/network.js';
import { Page } from '../../components/page';
import { NoAccess } from '../../components/access';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, ApiError, type UploadProgress } from '../../api';
import { currentLocale } from '../../i18n';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { waitForJob } from '../../wait-for-job';
import { NetworkNav, networkPaths } from './network-common';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A random UUID (v4) for the import's progress row; crypto.randomUUID needs a secure context. */
function newProgressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Stage = 'upload' | 'read' | 'validate' | 'write';
interface Progress {
  stage: Stage;
  done: number;
  total: number;
}

/** A labelled, determinate progress bar (indeterminate while the total is unknown). */
function ImportProgressBar({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const phase = t(`network.importUi.progressPhases.${progress.stage}`);
  const numberLocale = currentLocale() === 'nl' ? 'nl-BE' : 'en-GB';
  const known = progress.total > 0;
  const label = !known
    ? phase
    : progress.stage === 'upload'
      ? t('network.importUi.progressPercent', { phase, percent: Math.round((100 * progress.done) / progress.total) })
      : t('network.importUi.progressCount', { phase, done: progress.done.toLocaleString(numberLocale), total: progress.total.toLocaleString(numberLocale) });
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">{label}</label>
      <progress id="import-progress" max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
    </div>
  );
}

/**
 * Sends the import with upload progress and, until it answers, polls the progress the server stores
 * for it (rows validated, actors written), calling onProgress with each new stage and count.
 */
async function importWithProgress<T>(
  slug: string,
  send: (progressId: string, onUploadProgress: UploadProgress) => Promise<T>,
  onProgress: (progress: Progress) => void,
): Promise<T> {
  const progressId = newProgressId();
  let uploaded = false;
  let finished = false;
  onProgress({ stage: 'upload', done: 0, total: 0 });
  const poll = async () => {
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      if (finished) break;
      // 404 until the server has the file; once it reports, the upload is over whatever the browser said.
      const state = await api.GET('/api/regions/{slug}/actors/import/progress/{progressId}', { params: { path: { slug, progressId } } }).catch(() => null);
      if (finished) break;
      if (state && (state.phase === 'validate' || state.phase === 'write') && state.total > 0) {
        uploaded = true;
        onProgress({ stage: state.phase, done: state.done, total: state.total });
      }
    }
  };
  void poll();
  try {
    return await send(progressId, (loaded, total) => {
      if (finished || uploaded) return;
      if (loaded >= total) {
        uploaded = true;
        onProgress({ stage: 'read', done: 0, total: 0 });
      } else onProgress({ stage: 'upload', done: loaded, total });
    });
  } finally {
    finished = true;
  }
}

/** Waits for the background import job, reporting its validate and write phases as progress. */
async function waitForImportJob(slug: string, jobId: string, onProgress: (progress: Progress) => void): Promise<ImportResult> {
  onProgress({ stage: 'read', done: 0, total: 0 });
  return waitForJob(slug, jobId, (result) => importResultSchema.parse(result), (progress) => {
    if ((progress.phase === 'validate' || progress.phase === 'write') && progress.total > 0) onProgress({ stage: progress.phase, done: progress.done, total: progress.total });
  });
}

/** Upload → preview with per-row errors and duplicate warnings → confirm (all-or-nothing, or only the valid rows). */
export function ImportPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  // The File itself: reading it happens when it is sent, so a quick click after choosing never finds nothing.
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [updateDuplicates, setUpdateDuplicates] = useState(true);
  const [status, setStatus] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  // The bar shows the numbers; the live region announces each new stage once, not every tick.
  const track = (next: Progress) => {
    setProgress(next);
    setStatus(t(`network.importUi.progressPhases.${next.stage}`));
  };

  const previewing = useSubmit(async () => {
    setResult(null);
    setPreview(null);
    if (!file) throw new ApiError(400, 'VALIDATION_FAILED', t('network.importUi.chooseFile'), [{ path: 'content', message: t('network.importUi.chooseFile') }]);
    let answer: ImportResult;
    try {
      const body = { fileName: file.name, content: await toBase64(file), updateDuplicates };
      answer = await importWithProgress(
        region.slug,
        (progressId, onUploadProgress) => api.POST('/api/regions/{slug}/actors/import/preview', { params: { path: { slug: region.slug } }, body: { ...body, progressId }, onUploadProgress }),
        track,
      );
    } finally {
      setProgress(null);
    }
    setPreview(answer);
    setStatus(t('network.importUi.summary', { created: answer.created, updated: answer.updated, skipped: answer.skipped, errors: answer.errors.length }));
  });
  const committing = useSubmit(async () => {
    if (!file) return;
    let answer: ImportResult;
    try {
      // The commit runs as a job on the server: the answer is its id, then the job is polled.
      const body = { fileName: file.name, content: await toBase64(file), onlyValid, updateDuplicates, background: true };
      const accepted = await importWithProgress(
        region.slug,
        (progressId, onUploadProgress) => api.POST('/api/regions/{slug}/actors/import', { params: { path: { slug: region.slug } }, body: { ...body, progressId }, onUploadProgress }),
        track,
      );
      answer = 'jobId' in accepted ? await waitForImportJob(region.slug, accepted.jobId, track) : accepted;
    } finally {
      setProgress(null);
    }
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
      {progress ? <ImportProgressBar progress={progress} /> : null}
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
              onChange={(event) => {
                setPreview(null);
                setResult(null);
                setFile(event.target.files?.[0] ?? null);
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
