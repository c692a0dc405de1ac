import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OfferImportResult } from '../../../../common/schemas/catalog.js';
import { Page } from '../../../components/page';
import { NoAccess } from '../../../components/access';
import { LiveStatus, Notice } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { api, ApiError } from '../../../api';
import { useSession } from '../../../session';
import { useRegion } from '../../regions/region-context';
import { CatalogAdminNav, catalogAdminPaths } from './catalog-admin-common';

/** The preview's lists as tables: what is imported, what is skipped and why, what is wrong. */
function PreviewTables({ result }: { result: OfferImportResult }) {
  const { t } = useTranslation();
  return (
    <>
      {result.errors.length > 0 ? (
        <>
          <h3 id="import-errors">{t('catalog.importUi.errorsTitle')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-errors">
            <table className="table" aria-labelledby="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.importUi.id')}</th>
                  <th scope="col">{t('catalog.importUi.message')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((problem, index) => (
                  <tr key={index}>
                    <td className="import-id">{problem.id}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {result.skippedEvents.length > 0 ? (
        <>
          <h3 id="import-skipped">{t('catalog.importUi.skippedTitle')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-skipped">
            <table className="table" aria-labelledby="import-skipped">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.importUi.titleColumn')}</th>
                  <th scope="col">{t('catalog.importUi.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.skippedEvents.map((event) => (
                  <tr key={event.id}>
                    <td>{event.title || event.id}</td>
                    <td>{event.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {result.events.length > 0 ? (
        <>
          <h3 id="import-events">{t('catalog.importUi.eventsTitle')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="import-events">
            <table className="table" aria-labelledby="import-events">
              <thead>
                <tr>
                  <th scope="col">{t('catalog.importUi.titleColumn')}</th>
                  <th scope="col">{t('catalog.importUi.action')}</th>
                  <th scope="col">{t('catalog.importUi.municipality')}</th>
                  <th scope="col">{t('catalog.importUi.icons')}</th>
                </tr>
              </thead>
              <tbody>
                {result.events.slice(0, 500).map((event) => (
                  <tr key={event.id}>
                    <td>{event.title}</td>
                    <td>{t(`catalog.importUi.actions.${event.action}`)}</td>
                    <td>{event.municipality}</td>
                    <td className="numeric">{event.languageIcons ?? '?'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

/** Upload a UiTdatabank JSON-LD file → preview (nothing written) → confirm (one transaction on the server). */
export function OfferImportPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  // The File itself: it is read when sent, so a quick click after choosing never finds nothing.
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<OfferImportResult | null>(null);
  const [result, setResult] = useState<OfferImportResult | null>(null);
  const [createOrganizers, setCreateOrganizers] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) throw new ApiError(400, 'VALIDATION_FAILED', t('catalog.importUi.chooseFile'), [{ path: 'content', message: t('catalog.importUi.chooseFile') }]);
    return api.POST('/api/regions/{slug}/catalog/import', { params: { path: { slug: region.slug } }, body: { content: await file.text(), dryRun, createOrganizers } });
  };
  const previewing = useSubmit(async () => {
    setResult(null);
    setPreview(null);
    const answer = await send(true);
    setPreview(answer);
    setCreateOrganizers(answer.newOrganizers.map((organizer) => organizer.name));
    setStatus(t('catalog.importUi.summary', { created: answer.created, updated: answer.updated, skipped: answer.skipped, errors: answer.errors.length }));
  });
  const committing = useSubmit(async () => {
    const answer = await send(false);
    setResult(answer);
    setPreview(null);
    setStatus(t('catalog.importUi.done', { created: answer.created, updated: answer.updated, skipped: answer.skipped }));
  });

  if (role !== 'admin') return <NoAccess />;
  const blocked = preview !== null && preview.errors.length > 0;

  return (
    <Page title={t('catalog.importUi.title')} regionName={region.name} lead={<p>{t('catalog.importUi.lead')}</p>}>
      <CatalogAdminNav slug={region.slug} role={role} />
      <LiveStatus message={status} />
      <ErrorSummary error={previewing.error ?? committing.error} fields={[{ path: 'content', id: 'import-file', label: t('catalog.importUi.file') }]} />
      <form
        className="form form--narrow"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void previewing.run();
        }}
      >
        <Field id="import-file" label={t('catalog.importUi.file')} hint={t('catalog.importUi.fileHint')} error={(previewing.error ?? committing.error)?.fieldMessage('content')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(event) => {
                setPreview(null);
                setResult(null);
                setStatus(null);
                setFile(event.target.files?.[0] ?? null);
              }}
            />
          )}
        </Field>
        <SubmitButton busy={previewing.busy}>{t('catalog.importUi.preview')}</SubmitButton>
      </form>

      {result ? (
        <Notice kind="success">
          <p>{t('catalog.importUi.done', { created: result.created, updated: result.updated, skipped: result.skipped })}</p>
          <p>
            <Link to={catalogAdminPaths.list(region.slug)}>{t('catalog.importUi.toOffers')}</Link>
          </p>
        </Notice>
      ) : null}

      {preview ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t('catalog.importUi.previewTitle')}</h2>
          <p className="import-summary">{t('catalog.importUi.summary', { created: preview.created, updated: preview.updated, skipped: preview.skipped, errors: preview.errors.length })}</p>
          <PreviewTables result={preview} />
          <form
            className="form form--narrow import-commit"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              if (!blocked) void committing.run();
            }}
          >
            {preview.newOrganizers.length > 0 ? (
              <fieldset className="checkbox-group">
                <legend>{t('catalog.importUi.newOrganizersTitle')}</legend>
                <p className="field__hint">{t('catalog.importUi.newOrganizersHint')}</p>
                {preview.newOrganizers.map((organizer) => (
                  <label key={organizer.name} className="checkbox">
                    <input
                      type="checkbox"
                      checked={createOrganizers.includes(organizer.name)}
                      onChange={(event) => setCreateOrganizers((current) => (event.target.checked ? [...current, organizer.name] : current.filter((name) => name !== organizer.name)))}
                    />{' '}
                    {t('catalog.importUi.organizerEvents', { name: organizer.name, count: organizer.events })}
                  </label>
                ))}
              </fieldset>
            ) : null}
            {blocked ? <Notice kind="warning">{t('catalog.importUi.blocked')}</Notice> : <SubmitButton busy={committing.busy}>{t('catalog.importUi.confirm')}</SubmitButton>}
          </form>
        </section>
      ) : null}
    </Page>
  );
}
