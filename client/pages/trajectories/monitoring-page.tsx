import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth, formatNumber } from '../../../common/format.js';
import { MONITORING_TOTALS } from '../../../common/schemas/trajectories.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, useSubmit } from '../../components/form';
import { api, apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { formatHours, TrajectoriesNav } from './trajectories-common';

/** A table of groups: the first column's figure is drawn as bars, the table below carries all figures for screen readers and keyboard. */
function FigureTable({ id, title, chartLabel, head, rows, hidden }: { id: string; title: string; chartLabel: string; head: string[]; rows: { key: string; label: string; values: (number | null)[]; hours?: number[] }[]; hidden: string }) {
  const { t } = useTranslation();
  const biggest = Math.max(1, ...rows.map((row) => row.values[0] ?? 0));
  const show = (value: number | null, hours: boolean) => (value === null ? hidden : hours ? formatHours(value) : String(value));
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('trajectories.monitoring.none')}</p>
      ) : (
        <>
          <figure className="traject-figure">
            <figcaption className="muted">{chartLabel}</figcaption>
            {/* The bars repeat the table below; screen readers read the table. */}
            <ul className="traject-bars" aria-hidden="true">
              {rows.map((row) => (
                <li key={row.key}>
                  <span>
                    {row.label} ({show(row.values[0] ?? null, false)})
                  </span>
                  <span className="traject-bar" style={{ width: `${((row.values[0] ?? 0) / biggest) * 100}%` }} />
                </li>
              ))}
            </ul>
          </figure>
          <div className="traject-table-scroll" tabIndex={0} role="region" aria-label={t('trajectories.monitoring.tableOf', { title })}>
            <table className="table">
              <thead>
                <tr>
                  {head.map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((value, index) => (
                      <td key={head[index + 1] ?? index}>{show(value, row.hours?.includes(index) ?? false)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Pseudonymous figures for the regisseur and the steering group: each table also drawn as bars, no group under five. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const figures = useApi('/api/regions/{slug}/trajectories/monitoring', { params: { path: { slug: region.slug } } });
  // The buddy network's figures (server/domains/buddies), suppressed the same way.
  const buddies = useApi('/api/regions/{slug}/buddies/figures', { params: { path: { slug: region.slug } } });
  const [message, setMessage] = useState<string | null>(null);
  const data = figures.data;
  const min = data?.minGroup ?? 5;
  const hidden = t('trajectories.monitoring.hidden', { min });
  const m = (key: string) => t(`trajectories.monitoring.${key}`);
  const show = (value: number | null, hours = false) => (value === null ? hidden : hours ? formatHours(value) : formatNumber(value, 1));
  const name = (municipalityName: string) => municipalityName || m('otherMunicipalities');
  return (
    <Page title={m('title')} regionName={region.name} lead={<p>{t('trajectories.monitoring.lead', { min })}</p>}>
      <TrajectoriesNav slug={region.slug} role={roleIn(region.slug)} />
      {message ? <Notice kind="success">{message}</Notice> : null}
      {figures.error ? <Notice kind="error">{figures.error.message}</Notice> : null}
      {data ? (
        <>
          <dl className="traject-figures">
            {MONITORING_TOTALS.map((key) => (
              <div key={key}>
                <dt>{m(key)}</dt>
                <dd>{show(data.totals[key], key === 'hours')}</dd>
              </div>
            ))}
          </dl>
          <p>
            <a className="button" href={apiHref('/api/regions/{slug}/trajectories/monitoring.xlsx', { path: { slug: region.slug } })} download>
              {m('export')}
            </a>
          </p>
          <FigureTable
            id="traject-per-municipality"
            title={m('perMunicipality')}
            chartLabel={m('chartLabel')}
            hidden={hidden}
            head={[m('municipality'), m('participants'), m('intakes'), m('placed'), m('hours')]}
            rows={data.perMunicipality.map((row) => ({ key: row.municipalityName || 'other', label: name(row.municipalityName), values: [row.participants, row.intakes, row.placed, row.hours], hours: [3] }))}
          />
          <FigureTable
            id="traject-per-month"
            title={m('perMonth')}
            chartLabel={m('chartMonth')}
            hidden={hidden}
            head={[m('month'), m('referrals'), m('intakes'), m('placements'), m('hours')]}
            rows={data.perMonth.map((row) => ({ key: row.month, label: formatMonth(row.month), values: [row.referrals, row.intakes, row.placements, row.hours], hours: [3] }))}
          />
          <FigureTable
            id="traject-per-stage"
            title={m('perStage')}
            chartLabel={m('chartStage')}
            hidden={hidden}
            head={[m('stage'), m('participants')]}
            rows={data.perStage.map((row) => ({ key: row.stage, label: t(`trajectories.stages.${row.stage}`), values: [row.participants] }))}
          />
          <FigureTable
            id="traject-offers-municipality"
            title={m('offersPerMunicipality')}
            chartLabel={m('chartOffersMunicipality')}
            hidden={hidden}
            head={[m('municipality'), m('placedPeople'), m('offers')]}
            rows={data.offersPerMunicipality.map((row) => ({ key: row.name || 'other', label: name(row.name), values: [row.participants, row.offers] }))}
          />
          <FigureTable
            id="traject-offers-sector"
            title={m('offersPerSector')}
            chartLabel={m('chartOffersSector')}
            hidden={hidden}
            head={[m('sector'), m('placedPeople'), m('offers')]}
            rows={data.offersPerSector.map((row) => ({ key: row.name || 'other', label: row.name || m('otherGroups'), values: [row.participants, row.offers] }))}
          />
          {buddies.data ? (
            <FigureTable
              id="traject-buddies"
              title={m('buddies')}
              chartLabel={m('chartBuddies')}
              hidden={hidden}
              head={[m('buddyFigure'), m('count')]}
              rows={(['volunteers', 'currentDuos', 'finishedDuos', 'meetings'] as const).map((key) => ({ key, label: m(`buddyFigures.${key}`), values: [buddies.data![key]] }))}
            />
          ) : null}
          {roleIn(region.slug) === 'admin' ? <Unassigned data={data} slug={region.slug} onAssigned={(code) => { setMessage(t('trajectories.monitoring.assigned', { code })); figures.reload(); }} /> : null}
        </>
      ) : null}
    </Page>
  );
}

type Figures = { unassigned: { id: string; code: string; municipalityName: string; referredOn: string }[]; coaches: { id: string; name: string }[] };

function Unassigned({ data, slug, onAssigned }: { data: Figures; slug: string; onAssigned: (code: string) => void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const assign = useSubmit(
    useCallback(
      async (participantId: string, code: string) => {
        await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/coach', { params: { path: { slug, participantId } }, body: { coachId: choice[participantId] ?? '' } });
        onAssigned(code);
      },
      [slug, choice, onAssigned],
    ),
  );
  return (
    <>
      <h2>{t('trajectories.monitoring.unassigned')}</h2>
      <p>{t('trajectories.monitoring.unassignedLead')}</p>
      <ErrorSummary error={assign.error} />
      {data.unassigned.length === 0 ? <p>{t('trajectories.monitoring.noneWaiting')}</p> : null}
      <ul className="plain-list">
        {data.unassigned.map((row) => (
          <li key={row.id} className="traject-inline-form traject-assign">
            <span>
              <strong>{row.code}</strong> · {row.municipalityName} · {formatDate(row.referredOn)}
            </span>
            <label htmlFor={`assign-${row.id}`} className="visually-hidden">
              {t('trajectories.monitoring.assignTo', { code: row.code })}
            </label>
            <select id={`assign-${row.id}`} value={choice[row.id] ?? ''} onChange={(event) => setChoice({ ...choice, [row.id]: event.target.value })}>
              <option value="">{t('trajectories.refer.choose')}</option>
              {data.coaches.map((coach) => (
                <option key={coach.id} value={coach.id}>
                  {coach.name}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => void assign.run(row.id, row.code)}>
              {t('trajectories.monitoring.assign')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
