import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { formatDateTime, formatNumber } from '../../../../common/format.js';
import { api } from '../../../api';
import { useApi } from '../../../use-api';
import { LiveStatus } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { useRegion } from '../../regions/region-context';
import { planParams } from '../plan-common';

/**
 * Links the action's indicators to a figure of another module (decision 032) and updates them on request;
 * the link carries the action's version, so a stale page gets the conflict message instead of overwriting.
 */
export function IndicatorSources({ planId, action, onChanged }: { planId: string; action: PlanAction; onChanged: (next: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const path = planParams(region.slug, planId);
  const sources = useApi('/api/regions/{slug}/plan-indicator-sources', { params: { path: { slug: region.slug } } });
  const [indicatorId, setIndicatorId] = useState(action.indicators[0]?.id ?? '');
  const chosen = action.indicators.find((indicator) => indicator.id === indicatorId);
  const [sourceKey, setSourceKey] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const selectedKey = sourceKey ?? chosen?.source?.key ?? '';
  const label = (key: string) => sources.data?.items.find((item) => item.key === key)?.label ?? key;
  const link = useSubmit(async () => {
    setStatus(null);
    const next = await api.PUT('/api/regions/{slug}/plans/{planId}/indicators/{indicatorId}/source', { params: { path: { ...path, indicatorId } }, body: { sourceKey: selectedKey || null, version: action.version } });
    onChanged(next);
    setSourceKey(null);
    setStatus(t('plans.indicatorSources.saved'));
  });
  const refresh = useSubmit(async (id: string) => {
    setStatus(null);
    const next = await api.POST('/api/regions/{slug}/plans/{planId}/indicators/{indicatorId}/source/refresh', { params: { path: { ...path, indicatorId: id } } });
    onChanged(next);
    setStatus(t('plans.indicatorSources.refreshed'));
  });
  const linked = action.indicators.filter((indicator) => indicator.source);
  if (action.indicators.length === 0) return null;
  return (
    <section aria-labelledby="indicator-sources-heading">
      <h2 id="indicator-sources-heading">{t('plans.indicatorSources.heading')}</h2>
      <p>{t('plans.indicatorSources.lead')}</p>
      {linked.length === 0 ? (
        <p>{t('plans.indicatorSources.noneLinked')}</p>
      ) : (
        <div className="plan-table-scroll" tabIndex={0} role="region" aria-label={t('plans.indicatorSources.linkedTable')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('plans.indicatorSources.indicator')}</th>
                <th scope="col">{t('plans.indicatorSources.linkedTo')}</th>
                <th scope="col">{t('plans.indicatorSources.value')}</th>
                <th scope="col">{t('plans.indicatorSources.updatedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('plans.indicatorSources.refresh')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {linked.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">{indicator.name}</th>
                  <td>{label(indicator.source!.key)}</td>
                  <td>{indicator.source!.updatedAt === null ? t('plans.indicatorSources.notYet') : indicator.source!.value === null ? t('plans.indicatorSources.notAvailable') : formatNumber(indicator.source!.value, 1)}</td>
                  <td>{indicator.source!.updatedAt ? formatDateTime(indicator.source!.updatedAt) : '—'}</td>
                  <td>
                    <button type="button" className="button button--small" aria-label={t('plans.indicatorSources.refreshNamed', { name: indicator.name })} disabled={refresh.busy} onClick={() => void refresh.run(indicator.id)}>
                      {t('plans.indicatorSources.refresh')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorSummary error={link.error ?? refresh.error} fields={[{ path: 'sourceKey', id: 'indicator-source-key', label: t('plans.indicatorSources.source') }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void link.run();
        }}
      >
        <Field id="indicator-source-indicator" label={t('plans.indicatorSources.indicator')}>
          {(control) => (
            <select
              {...control}
              value={indicatorId}
              onChange={(event) => {
                setIndicatorId(event.target.value);
                setSourceKey(null);
              }}
            >
              {action.indicators.map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {indicator.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="indicator-source-key" label={t('plans.indicatorSources.source')} error={link.error?.fieldMessage('sourceKey')}>
          {(control) => (
            <select {...control} value={selectedKey} onChange={(event) => setSourceKey(event.target.value)}>
              <option value="">{t('plans.indicatorSources.none')}</option>
              {(sources.data?.items ?? []).map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton busy={link.busy}>{t('plans.indicatorSources.save')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
    </section>
  );
}
