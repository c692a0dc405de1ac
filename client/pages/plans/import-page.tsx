import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { importResultSchema, type ImportPreview } from '../../../common/schemas/plans.js';
import { formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LoginPrompt, NoAccess } from '../../components/access';
import { Notice } from '../../components/notice';
import { waitForJob } from '../../wait-for-job';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { planPaths } from './plan-common';
import './plans.css';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** /r/:slug/plannen/importeren — upload, preview of the detected structure with warnings, confirm. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const body = async () => ({ filename: file!.name, content: await toBase64(file!), ...(title.trim() ? { title: title.trim() } : {}) });
  const previewSubmit = useSubmit(async () => {
    setPreview(null);
    if (!file) {
      setMissingFile(true);
      return;
    }
    setPreview(await api.POST('/api/regions/{slug}/plans/import/preview', { params: { path: { slug: region.slug } }, body: await body() }));
  });
  const [importing, setImporting] = useState(false);
  const confirmSubmit = useSubmit(async () => {
    // The import runs as a job on the server (any instance): the answer is its id, then the job is polled.
    const accepted = await api.POST('/api/regions/{slug}/plans/import', { params: { path: { slug: region.slug } }, body: { ...(await body()), background: true } });
    let created: { id: string };
    if ('jobId' in accepted) {
      setImporting(true);
      try {
        created = await waitForJob(region.slug, accepted.jobId, (result) => importResultSchema.parse(result));
      } finally {
        setImporting(false);
      }
    } else {
      created = accepted;
    }
    navigate(planPaths.plan(region.slug, created.id));
  });

  if (!session.user) return <LoginPrompt />;
  if (region.myRole !== 'admin') return <NoAccess />;

  const summary = preview?.summary;
  return (
    <Page title={t('plans.import.heading')} regionName={region.name} lead={<p>{t('plans.import.lead')}</p>}>
      <p>
        <Link to={planPaths.list(region.slug)}>{t('plans.links.backToPlans')}</Link>
      </p>
      <ErrorSummary error={previewSubmit.error ?? confirmSubmit.error} fields={[{ path: 'content', id: 'import-file', label: t('plans.import.file') }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void previewSubmit.run();
        }}
      >
        <Field id="import-file" label={t('plans.import.file')} hint={t('plans.import.fileHint')} error={missingFile ? t('plans.import.chooseFile') : undefined}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".xlsx,.docx,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissingFile(false);
                setPreview(null);
              }}
            />
          )}
        </Field>
        <Field id="import-title" label={t('plans.import.titleOverride')}>
          {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <SubmitButton busy={previewSubmit.busy}>{t('plans.import.preview')}</SubmitButton>
      </form>

      {preview && summary ? (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">
            {t('plans.import.previewHeading')}: {preview.title}
          </h2>
          <table className="table">
            <caption className="visually-hidden">{t('plans.import.counts')}</caption>
            <tbody>
              {(
                [
                  ['goals', summary.goals],
                  ['objectives', summary.objectives],
                  ['actions', summary.actions],
                  ['budgetLines', summary.budgetLines],
                  ['milestones', summary.milestones],
                  ['partners', summary.partners],
                ] as const
              ).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{t(`plans.import.${key}`)}</th>
                  <td className="numeric">{value}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('plans.budgetTotal')}</th>
                <td className="numeric">{formatMoney(summary.budgetTotalCents)}</td>
              </tr>
            </tbody>
          </table>

          <h3>{t('plans.import.warnings')}</h3>
          {summary.warnings.length === 0 ? (
            <p>{t('plans.import.noWarnings')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.import.line')}</th>
                  <th scope="col">{t('plans.import.warningCode')}</th>
                  <th scope="col">{t('plans.import.original')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.warnings.map((warning, index) => (
                  <tr key={index}>
                    <td>{warning.line ?? ''}</td>
                    <td>
                      {t(`plans.import.warningCodes.${warning.code}`, { defaultValue: warning.code })}
                      {warning.action ? ` (${t('plans.tree.action')} ${warning.action})` : ''}
                    </td>
                    <td>{warning.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('plans.import.spreidingHeading')}</h3>
          <p>{t('plans.import.spreidingMapped', { count: preview.spreiding.mapped })}</p>
          {preview.spreiding.unmapped.length > 0 ? (
            <>
              <p>{t('plans.import.spreidingUnmappedLead')}</p>
              <ul className="plan-unmapped">
                {preview.spreiding.unmapped.map((item) => (
                  <li key={item.text}>
                    <q>{item.text}</q> <span className="muted">({t('plans.import.spreidingActions', { count: item.actions.length, numbers: item.actions.join(', ') })})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {preview.partnerSuggestions.length > 0 ? (
            <>
              <h3>{t('plans.import.suggestionsHeading')}</h3>
              <p>{t('plans.import.suggestionsLead')}</p>
              <ul>
                {preview.partnerSuggestions.map((item) => (
                  <li key={item.name}>
                    <strong>{item.name}</strong>:{' '}
                    {item.suggestions.map((suggestion) => `${suggestion.actorName} (${t(`plans.partners.confidence.${suggestion.confidence}`)})`).join(', ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h3>{t('plans.tree.heading')}</h3>
          <ul>
            {preview.goals.map((goal) => (
              <li key={goal.code}>
                {goal.code} {goal.title}
                <ul>
                  {goal.objectives.map((objective) => (
                    <li key={objective.code}>
                      {objective.code} {objective.title} — {t('plans.tree.actionCount', { count: objective.actions.length })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            {preview.actions.map((action) => (
              <li key={action.number}>
                {action.number}. {action.title} — {formatMoney(action.budgetCents)} —{' '}
                {action.partners.map((partner) => `${partner.name} (${partner.linked ? t('plans.import.linked') : t('plans.import.unlinked')})`).join(', ')}
              </li>
            ))}
          </ul>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void confirmSubmit.run();
            }}
          >
            <SubmitButton busy={confirmSubmit.busy}>{t('plans.import.confirm')}</SubmitButton>
            <div role="status">{importing ? <p>{t('plans.import.running')}</p> : null}</div>
          </form>
          {confirmSubmit.error ? <Notice kind="error">{confirmSubmit.error.message}</Notice> : null}
        </section>
      ) : null}
    </Page>
  );
}
