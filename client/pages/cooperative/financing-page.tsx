import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';
import { Disclosure } from './member-forms';
import { FinancingYearForm, SharesForm } from './financing-forms';

/** Co-financing per working year: contribution per cooperant by the key, as a chart and as a table. */
export function FinancingPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const [refresh, setRefresh] = useState(0);
  const list = useApi('/api/regions/{slug}/cooperative/financing', { params: { path: { slug: region.slug } }, refreshKey: refresh });
  const [chosen, setChosen] = useState<string | null>(null);
  const yearId = chosen ?? list.data?.years[0]?.id ?? null;
  const year = useApi(yearId ? '/api/regions/{slug}/cooperative/financing/{id}' : null, { params: { path: { slug: region.slug, id: yearId ?? '' } }, refreshKey: refresh });
  const reload = () => setRefresh((count) => count + 1);
  const canManage = list.data?.canManage ?? false;
  const data = year.data;
  const largest = data ? Math.max(1, ...data.rows.map((row) => row.shareCents)) : 1;
  return (
    <Page title={t('cooperative.financing.title')} regionName={region.name} lead={<p>{t('cooperative.financing.lead')}</p>}>
      <CooperativeNav slug={region.slug} />
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {list.data && list.data.years.length === 0 ? <p>{t('cooperative.financing.none')}</p> : null}
      {list.data && canManage ? (
        <Disclosure label={t('cooperative.forms.addYear')}>
          {(close) => (
            <FinancingYearForm
              slug={region.slug}
              fundingOptions={list.data!.fundingOptions}
              onDone={(id) => {
                close();
                setChosen(id);
                reload();
              }}
            />
          )}
        </Disclosure>
      ) : null}
      {list.data && list.data.years.length > 1 ? (
        <p>
          <label htmlFor="coop-year">{t('cooperative.financing.year')}</label>{' '}
          <select id="coop-year" value={yearId ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {list.data.years.map((option) => (
              <option key={option.id} value={option.id}>
                {option.year}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {data ? (
        <>
          <ul className="coop-meta">
            <li>
              {t('cooperative.financing.budget')}: <strong>{formatMoney(data.budgetCents)}</strong>
            </li>
            <li>
              {t('cooperative.financing.keyLabel')}: {t(`cooperative.financing.keys.${data.keyKind}`)}
              {data.keyKind === 'mix' ? ` (${t('cooperative.financing.mixWeights', data.weights)})` : ''}
            </li>
            {data.inhabitantsSource && (data.keyKind === 'inwoners' || data.keyKind === 'mix') ? <li>{t('cooperative.financing.inhabitantsSource', { source: data.inhabitantsSource })}</li> : null}
            <li>
              {t('cooperative.financing.received')}: {formatMoney(data.totals.receivedCents)} · {t('cooperative.financing.open')}: {formatMoney(data.totals.openCents)}
            </li>
            {data.planFunding ? (
              <li>{t('cooperative.financing.linkedFunding', { label: data.planFunding.label, amount: formatMoney(data.planFunding.amountCents), plan: data.planFunding.planTitle })}</li>
            ) : null}
          </ul>
          {canManage && list.data ? (
            <>
              <Disclosure label={t('cooperative.forms.editYear', { year: data.year })}>
                {(close) => (
                  <FinancingYearForm
                    key={data.version}
                    slug={region.slug}
                    fundingOptions={list.data!.fundingOptions}
                    year={data}
                    onDone={() => {
                      close();
                      reload();
                    }}
                  />
                )}
              </Disclosure>
              {data.rows.length ? (
                <Disclosure label={t('cooperative.forms.sharesTitle')}>
                  {(close) => (
                    <SharesForm
                      key={data.version}
                      slug={region.slug}
                      year={data}
                      onDone={() => {
                        close();
                        reload();
                      }}
                    />
                  )}
                </Disclosure>
              ) : null}
            </>
          ) : null}
          {data.problem ? <Notice kind="warning">{t(`cooperative.financing.problems.${data.problem as 'noMembers'}`)}</Notice> : null}
          <p>
            <a className="button" href={apiHref('/api/regions/{slug}/cooperative/financing/{id}/export.xlsx', { path: { slug: region.slug, id: data.id } })} download>
              {t('cooperative.financing.exportXlsx')}
            </a>
          </p>
          <h2>{t('cooperative.financing.chartTitle')}</h2>
          {/* The chart repeats the table below for sighted users; screen readers get the table. */}
          <div className="coop-chart" aria-hidden="true">
            <div className="coop-legend">
              <span className="share">{t('cooperative.financing.columns.share')}</span>
              <span className="received">{t('cooperative.financing.columns.received')}</span>
            </div>
            {data.rows.map((row) => (
              <div key={row.memberId} className="coop-chart-row">
                <span className="coop-chart-name">{row.actorName}</span>
                <span className="coop-chart-bars" title={`${formatMoney(row.shareCents)} / ${formatMoney(row.receivedCents)}`}>
                  <span className="coop-bar-share" style={{ width: `${(row.shareCents / largest) * 100}%` }} />
                  <span className="coop-bar-received" style={{ width: `${(Math.min(row.receivedCents, row.shareCents) / largest) * 100}%` }} />
                </span>
              </div>
            ))}
          </div>
          <p className="muted">{t('cooperative.financing.chartHint')}</p>
          <p id="coop-financing-caption" className="coverage-title">
            {t('cooperative.financing.tableCaption', { year: data.year })}
          </p>
          <div className="table-scroll coop-scroll" tabIndex={0} role="region" aria-labelledby="coop-financing-caption">
            <table className="table" aria-labelledby="coop-financing-caption">
              <thead>
                <tr>
                  <th scope="col">{t('cooperative.financing.columns.member')}</th>
                  <th scope="col" className="num">{t('cooperative.financing.columns.inhabitants')}</th>
                  <th scope="col" className="num">{t('cooperative.financing.columns.sharePercent')}</th>
                  <th scope="col" className="num">{t('cooperative.financing.columns.share')}</th>
                  <th scope="col" className="num">{t('cooperative.financing.columns.received')}</th>
                  <th scope="col" className="num">{t('cooperative.financing.columns.open')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.memberId}>
                    <th scope="row">{row.actorName}</th>
                    <td className="num">{row.inhabitants === null ? '—' : formatNumber(row.inhabitants)}</td>
                    <td className="num">{formatNumber(row.sharePercent)} %</td>
                    <td className="num">{formatMoney(row.shareCents)}</td>
                    <td className="num">
                      {formatMoney(row.receivedCents)}
                      {row.receivedOn ? <span className="muted"> ({formatDate(row.receivedOn)})</span> : null}
                    </td>
                    <td className="num">{formatMoney(row.openCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('cooperative.financing.total')}</th>
                  <td />
                  <td className="num">100 %</td>
                  <td className="num">{formatMoney(data.totals.shareCents)}</td>
                  <td className="num">{formatMoney(data.totals.receivedCents)}</td>
                  <td className="num">{formatMoney(data.totals.openCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </Page>
  );
}
