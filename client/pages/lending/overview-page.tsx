import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, SubmitButton, useSubmit } from '../../components/form';
import { api, apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { LendingNav, lendingPaths, useLendingMe } from './lending-common';

type ImportResult = Awaited<ReturnType<typeof previewImport>>;

async function previewImport(slug: string, fileName: string, content: string, commit: boolean) {
  const path = commit ? '/api/regions/{slug}/lending/import' : '/api/regions/{slug}/lending/import/preview';
  return api.POST(path, { params: { path: { slug } }, body: { fileName, content } });
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** The regisseur's overview of the pool (inventory, use, bovenlokaal share, never borrowed), export and import. */
export function LendingOverviewPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const me = useLendingMe(region.slug);
  const [refresh, setRefresh] = useState(0);
  const overview = useApi('/api/regions/{slug}/lending/overview', { params: { path: { slug: region.slug } }, refreshKey: refresh });
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importer = useSubmit(async (commit: boolean) => {
    if (!file) return;
    const answer = await previewImport(region.slug, file.name, await fileToBase64(file), commit);
    setResult(answer);
    if (answer.committed) setRefresh((value) => value + 1);
  });
  const data = overview.data;
  const months = [...new Set((data?.usage ?? []).map((row) => row.month))].sort();
  const itemsUsed = [...new Map((data?.usage ?? []).map((row) => [row.itemId, row.itemName])).entries()];

  return (
    <Page title={t('lending.overview.title')} regionName={region.name}>
      <LendingNav slug={region.slug} seesOverview={me?.seesOverview ?? true} canAddItems={me?.canAddItems ?? false} />
      {overview.error ? <Notice kind="error">{overview.error.message}</Notice> : null}
      <p>
        <a className="button" href={apiHref('/api/regions/{slug}/lending/overview/export', { path: { slug: region.slug } })} download>
          {t('lending.overview.export')}
        </a>
      </p>
      {data ? (
        <>
          <h2>{t('lending.overview.totals')}</h2>
          <dl className="lending-facts">
            <dt>{t('lending.overview.items')}</dt>
            <dd>{data.totals.items}</dd>
            <dt>{t('lending.overview.units')}</dt>
            <dd>{data.totals.units}</dd>
            <dt>{t('lending.overview.bookings')}</dt>
            <dd>{data.totals.bookings}</dd>
            <dt>{t('lending.overview.bovenlokaal')}</dt>
            <dd>
              {data.totals.bovenlokaal} ({formatNumber(Math.round(data.totals.bovenlokaalShare * 1000) / 10, 1)} %) <span className="muted">{t('lending.overview.bovenlokaalHelp')}</span>
            </dd>
          </dl>
          <h2>{t('lending.overview.inventory')}</h2>
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('lending.overview.columns.municipality')}</th>
                <th scope="col">{t('lending.overview.columns.sector')}</th>
                <th scope="col">{t('lending.overview.columns.items')}</th>
                <th scope="col">{t('lending.overview.columns.units')}</th>
              </tr>
            </thead>
            <tbody>
              {data.inventory.map((row) => (
                <tr key={`${row.nisCode}-${row.sector}`}>
                  <th scope="row" data-label={t('lending.overview.columns.municipality')}>{row.municipality}</th>
                  <td data-label={t('lending.overview.columns.sector')}>{row.sectorName}</td>
                  <td data-label={t('lending.overview.columns.items')}>{row.items}</td>
                  <td data-label={t('lending.overview.columns.units')}>{row.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('lending.overview.usage')}</h2>
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('lending.overview.usage')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('lending.overview.columns.item')}</th>
                  {months.map((month) => (
                    <th key={month} scope="col">
                      {month.slice(5)}/{month.slice(0, 4)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {itemsUsed.map(([itemId, name]) => (
                  <tr key={itemId}>
                    <th scope="row">
                      <Link to={lendingPaths.item(region.slug, itemId)}>{name}</Link>
                    </th>
                    {months.map((month) => (
                      <td key={month}>{data.usage.find((row) => row.itemId === itemId && row.month === month)?.bookings ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('lending.overview.neverBorrowed')}</h2>
          <ul>
            {data.neverBorrowed.map((row) => (
              <li key={row.itemId}>
                <Link to={lendingPaths.item(region.slug, row.itemId)}>{row.itemName}</Link> — {row.ownerName}, {row.municipality}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {me?.isAdmin ? (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{t('lending.overview.import')}</h2>
          <p className="muted">{t('lending.overview.importHelp')}</p>
          <form
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void importer.run(false);
            }}
          >
            <ErrorSummary error={importer.error} />
            <div className="field">
              <label htmlFor="import-file">{t('lending.overview.file')}</label>
              <input id="import-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(event) => { setFile(event.target.files?.[0] ?? null); setResult(null); }} />
            </div>
            <div className="button-row">
              <SubmitButton busy={importer.busy}>{t('lending.overview.preview')}</SubmitButton>
              {result && !result.committed && result.errorCount === 0 ? (
                <button type="button" className="button" onClick={() => void importer.run(true)}>
                  {t('lending.overview.commit')}
                </button>
              ) : null}
            </div>
          </form>
          {result ? (
            <div role="status">
              {result.committed ? (
                <Notice kind="success">{t('lending.overview.imported', { count: result.created })}</Notice>
              ) : result.errorCount === 0 ? (
                <p>{t('lending.overview.noErrors')}</p>
              ) : (
                <Notice kind="warning">{t('lending.overview.withErrors', { count: result.errorCount })}</Notice>
              )}
              <ul>
                {result.rows
                  .filter((row) => row.errors.length > 0)
                  .map((row) => (
                    <li key={row.row}>{t('lending.overview.rowErrors', { row: row.row, errors: row.errors.map((error) => `${error.column}: ${error.message}`).join('; ') })}</li>
                  ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
