import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../../common/schemas/plans.js';
import { formatDate } from '../../../../common/format.js';
import { LiveStatus } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { IndicatorChart } from '../indicator-chart';

/** The action's indicators: table with baseline, target and latest measurement, a chart each, and a form for a new measurement. */
export function Indicators({
  indicators,
  period,
  canMeasure,
  measure,
}: {
  indicators: PlanAction['indicators'];
  period: PlanDetail['period'];
  canMeasure: boolean;
  measure: (indicatorId: string, input: { measuredOn: string; value: number; source: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ indicatorId: indicators[0]?.id ?? '', measuredOn: '', value: '', source: '' });
  const [status, setStatus] = useState<string | null>(null);
  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    await measure(draft.indicatorId, { measuredOn: draft.measuredOn, value: Number(draft.value.replace(',', '.')), source: draft.source });
    setDraft({ ...draft, measuredOn: '', value: '', source: '' });
    setStatus(t('plans.indicators.added'));
  });
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString('nl-BE'));
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('plans.action.indicators')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('plans.action.indicators')}</th>
            <th scope="col" className="numeric">
              {t('plans.indicators.baseline')}
            </th>
            <th scope="col" className="numeric">
              {t('plans.indicators.target')}
            </th>
            <th scope="col">{t('plans.indicators.latest')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const latest = indicator.measurements.at(-1);
            return (
              <tr key={indicator.id}>
                <th scope="row">
                  {indicator.name} {indicator.unit ? <span className="muted">({indicator.unit})</span> : null}
                </th>
                <td className="numeric">{number(indicator.baseline)}</td>
                <td className="numeric">{number(indicator.target)}</td>
                <td>{latest ? `${number(latest.value)} (${formatDate(latest.measuredOn)}${latest.source ? `, ${latest.source}` : ''})` : t('plans.indicators.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {indicators.map((indicator) => (
        <IndicatorChart key={indicator.id} indicator={indicator} period={period} headingLevel={3} />
      ))}
      {canMeasure ? (
        <>
          <ErrorSummary error={error} fields={[{ path: 'measuredOn', id: 'measure-date', label: t('plans.indicators.measuredOn') }, { path: 'value', id: 'measure-value', label: t('plans.indicators.value') }]} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run();
            }}
          >
            <Field id="measure-indicator" label={t('plans.action.indicators')}>
              {(control) => (
                <select {...control} value={draft.indicatorId} onChange={(event) => setDraft({ ...draft, indicatorId: event.target.value })}>
                  {indicators.map((indicator) => (
                    <option key={indicator.id} value={indicator.id}>
                      {indicator.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="measure-date" label={t('plans.indicators.measuredOn')} error={error?.fieldMessage('measuredOn')}>
              {(control) => <input {...control} type="date" value={draft.measuredOn} onChange={(event) => setDraft({ ...draft, measuredOn: event.target.value })} />}
            </Field>
            <Field id="measure-value" label={t('plans.indicators.value')} error={error?.fieldMessage('value')}>
              {(control) => <input {...control} type="text" inputMode="decimal" value={draft.value} onChange={(event) => setDraft({ ...draft, value: event.target.value })} />}
            </Field>
            <Field id="measure-source" label={t('plans.indicators.source')}>
              {(control) => <input {...control} type="text" value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.target.value })} />}
            </Field>
            <SubmitButton busy={busy}>{t('plans.indicators.add')}</SubmitButton>
          </form>
          <LiveStatus message={status} />
        </>
      ) : null}
    </section>
  );
}

/** A new indicator with unit, baseline and target. */
export function NewIndicator({ create }: { create: (input: { name: string; unit: string; baseline: number | null; target: number | null }) => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: '', unit: '', baseline: '', target: '' });
  const [status, setStatus] = useState<string | null>(null);
  const toNumber = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));
  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    await create({ name: draft.name, unit: draft.unit, baseline: toNumber(draft.baseline), target: toNumber(draft.target) });
    setDraft({ name: '', unit: '', baseline: '', target: '' });
    setStatus(t('plans.indicators.created'));
  });
  return (
    <details>
      <summary>{t('plans.indicators.newHeading')}</summary>
      <ErrorSummary error={error} fields={[{ path: 'name', id: 'indicator-name', label: t('plans.indicators.name') }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="indicator-name" label={t('plans.indicators.name')} error={error?.fieldMessage('name')}>
          {(control) => <input {...control} type="text" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />}
        </Field>
        <Field id="indicator-unit" label={t('plans.indicators.unit')}>
          {(control) => <input {...control} type="text" value={draft.unit} onChange={(event) => setDraft({ ...draft, unit: event.target.value })} />}
        </Field>
        <Field id="indicator-baseline" label={t('plans.indicators.baseline')} error={error?.fieldMessage('baseline')}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.baseline} onChange={(event) => setDraft({ ...draft, baseline: event.target.value })} />}
        </Field>
        <Field id="indicator-target" label={t('plans.indicators.target')} error={error?.fieldMessage('target')}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} />}
        </Field>
        <SubmitButton busy={busy}>{t('plans.indicators.create')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
    </details>
  );
}
