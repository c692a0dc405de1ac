import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, useSubmit } from '../../components/form';
import { api, apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { formatHours, TrajectoriesNav } from './trajectories-common';

/** Pseudonymous figures for the regisseur and the steering group: a chart with the same numbers in a table, no group under five. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const figures = useApi('/api/regions/{slug}/trajectories/monitoring', { params: { path: { slug: region.slug } } });
  const [message, setMessage] = useState<string | null>(null);
  const data = figures.data;
  const min = data?.minGroup ?? 5;
  const show = (value: number | null, hours = false) => (value === null ? t('trajectories.monitoring.hidden', { min }) : hours ? formatHours(value) : String(value));
  const biggest = Math.max(1, ...(data?.perMunicipality.map((row) => row.participants ?? 0) ?? []));
  const name = (municipalityName: string) => municipalityName || t('trajectories.monitoring.otherMunicipalities');
  return (
    <Page title={t('trajectories.monitoring.title')} regionName={region.name} lead={<p>{t('trajectories.monitoring.lead', { min })}</p>}>
      <TrajectoriesNav slug={region.slug} role={roleIn(region.slug)} />
      {message ? <Notice kind="success">{message}</Notice> : null}
      {figures.error ? <Notice kind="error">{figures.error.message}</Notice> : null}
      {data ? (
        <>
          <dl className="traject-figures">
            {(['participants', 'placements', 'hours', 'reached40', 'uitpas', 'continuing', 'waitingDays'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`trajectories.monitoring.${key}`)}</dt>
                <dd>{show(data.totals[key], key === 'hours')}</dd>
              </div>
            ))}
          </dl>
          <p>
            <a className="button" href={apiHref('/api/regions/{slug}/trajectories/monitoring.xlsx', { path: { slug: region.slug } })} download>
              {t('trajectories.monitoring.export')}
            </a>
          </p>
          <h2 id="traject-per-municipality">{t('trajectories.monitoring.perMunicipality')}</h2>
          <figure className="traject-figure">
            <figcaption className="muted">{t('trajectories.monitoring.chartLabel')}</figcaption>
            {/* The bars repeat the table below; screen readers read the table. */}
            <ul className="traject-bars" aria-hidden="true">
              {data.perMunicipality
                .filter((row) => row.participants !== null)
                .map((row) => (
                  <li key={row.municipalityName || 'other'}>
                    <span>
                      {name(row.municipalityName)} ({row.participants})
                    </span>
                    <span className="traject-bar" style={{ width: `${((row.participants ?? 0) / biggest) * 100}%` }} />
                  </li>
                ))}
            </ul>
          </figure>
          <div className="traject-table-scroll" tabIndex={0} role="region" aria-labelledby="traject-per-municipality">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('trajectories.monitoring.municipality')}</th>
                  <th scope="col">{t('trajectories.monitoring.participants')}</th>
                  <th scope="col">{t('trajectories.monitoring.hours')}</th>
                </tr>
              </thead>
              <tbody>
                {data.perMunicipality.map((row) => (
                  <tr key={row.municipalityName || 'other'}>
                    <th scope="row">{name(row.municipalityName)}</th>
                    <td>{show(row.participants)}</td>
                    <td>{show(row.hours, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 id="traject-per-stage">{t('trajectories.monitoring.perStage')}</h2>
          <div className="traject-table-scroll" tabIndex={0} role="region" aria-labelledby="traject-per-stage">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('trajectories.monitoring.stage')}</th>
                  <th scope="col">{t('trajectories.monitoring.participants')}</th>
                </tr>
              </thead>
              <tbody>
                {data.perStage.map((row) => (
                  <tr key={row.stage}>
                    <th scope="row">{t(`trajectories.stages.${row.stage}`)}</th>
                    <td>{show(row.participants)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
