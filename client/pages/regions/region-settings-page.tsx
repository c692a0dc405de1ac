import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Municipality, RegionDetail } from '../../../common/schemas/regions.js';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LoginPrompt, NoAccess } from '../../components/access';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, ApiError, conflictCurrent } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegions } from '../../regions';
import { useRegion } from './region-context';

interface SettingsDraft {
  name: string;
  description: string;
  municipalities: string[];
  version: number;
}

function draftOf(region: RegionDetail): SettingsDraft {
  return {
    name: region.name,
    description: region.description,
    municipalities: region.municipalities.map((municipality) => municipality.nisCode),
    version: region.version,
  };
}

/** The newest version the server sends with a 409. */
function conflictingRegion(error: ApiError): RegionDetail | null {
  return conflictCurrent(error, 'patch', '/api/regions/{slug}');
}

function ConflictPanel({
  mine,
  newest,
  allMunicipalities,
  onLoadNewest,
}: {
  mine: SettingsDraft;
  newest: RegionDetail;
  allMunicipalities: Municipality[];
  onLoadNewest: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [newest.version]);
  const names = (codes: string[]) =>
    allMunicipalities
      .filter((municipality) => codes.includes(municipality.nisCode))
      .map((municipality) => municipality.name)
      .join(', ');
  const rows = [
    { label: t('settings.name'), mine: mine.name, newest: newest.name },
    { label: t('settings.description'), mine: mine.description, newest: newest.description },
    { label: t('region.municipalities'), mine: names(mine.municipalities), newest: newest.municipalities.map((municipality) => municipality.name).join(', ') },
  ];

  return (
    <div ref={ref} className="notice notice--warning conflict" role="alert" tabIndex={-1}>
      <p>
        <strong>{t('settings.conflict')}</strong>
      </p>
      <p>
        {t('settings.newestVersion')}: {t('settings.lastChanged', { date: formatDateTime(newest.updatedAt) })}
      </p>
      <table className="table table--compare table--stack">
        <thead>
          <tr>
            <th scope="col">{t('settings.field')}</th>
            <th scope="col">{t('settings.yourVersion')}</th>
            <th scope="col">{t('settings.newestVersion')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td data-label={t('settings.yourVersion')}>{row.mine}</td>
              <td data-label={t('settings.newestVersion')}>{row.newest}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onLoadNewest}>
          {t('settings.reload')}
        </button>
      </div>
    </div>
  );
}

function SettingsForm({ allMunicipalities }: { allMunicipalities: Municipality[] }) {
  const { t } = useTranslation();
  const { region, setRegion } = useRegion();
  const regions = useRegions();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(region));
  const [conflict, setConflict] = useState<RegionDetail | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const { run, busy, error, setError } = useSubmit(async () => {
    setStatus(null);
    try {
      const saved = await api.PATCH('/api/regions/{slug}', { params: { path: { slug: region.slug } }, body: draft });
      setRegion(saved);
      setDraft(draftOf(saved));
      setConflict(null);
      setStatus(t('settings.saved'));
      regions.reload();
    } catch (thrown) {
      const newest = thrown instanceof ApiError && thrown.code === 'CONFLICT' ? conflictingRegion(thrown) : null;
      if (!newest) throw thrown;
      // Keep the user's draft in the form; they decide after seeing both versions.
      setConflict(newest);
    }
  });

  const loadNewest = () => {
    if (!conflict) return;
    // The conflict copy was made without the caller's role; keep the role this page already knows.
    const newest = { ...conflict, myRole: region.myRole };
    setRegion(newest);
    setDraft(draftOf(newest));
    setConflict(null);
    setError(undefined);
    setStatus(t('settings.reloaded'));
    regions.reload();
    document.getElementById('settings-name')?.focus();
  };

  const toggleMunicipality = (nisCode: string, checked: boolean) =>
    setDraft((current) => ({
      ...current,
      municipalities: checked ? [...current.municipalities, nisCode] : current.municipalities.filter((code) => code !== nisCode),
    }));

  const selectedCount = allMunicipalities.filter((municipality) => draft.municipalities.includes(municipality.nisCode)).length;
  const municipalitiesError = error?.fieldMessage('municipalities');

  return (
    <>
      {conflict ? <ConflictPanel mine={draft} newest={conflict} allMunicipalities={allMunicipalities} onLoadNewest={loadNewest} /> : null}
      <ErrorSummary
        error={error}
        fields={[
          { path: 'name', id: 'settings-name', label: t('settings.name') },
          { path: 'description', id: 'settings-description', label: t('settings.description') },
          { path: 'municipalities', id: 'settings-municipalities', label: t('settings.municipalitiesLegend') },
        ]}
      />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <section aria-labelledby="settings-general" className="panel">
          <h2 id="settings-general">{t('settings.general')}</h2>
          <Field id="settings-name" label={t('settings.name')} error={error?.fieldMessage('name')}>
            {(control) => (
              <input {...control} name="name" required value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
            )}
          </Field>
          <Field id="settings-description" label={t('settings.description')} error={error?.fieldMessage('description')}>
            {(control) => (
              <textarea
                {...control}
                name="description"
                rows={5}
                value={draft.description}
                onChange={(event) => setDraft({ ...draft, description: event.target.value })}
              />
            )}
          </Field>
        </section>

        <fieldset
          id="settings-municipalities"
          className={municipalitiesError ? 'panel checkbox-group field--invalid' : 'panel checkbox-group'}
          tabIndex={-1}
          aria-describedby={['municipalities-help', municipalitiesError ? 'municipalities-error' : ''].filter(Boolean).join(' ')}
        >
          <legend>{t('settings.municipalitiesLegend')}</legend>
          <p id="municipalities-help" className="field__hint">
            {t('settings.municipalitiesHelp')}
          </p>
          {municipalitiesError ? (
            <p id="municipalities-error" className="field__error">
              {municipalitiesError}
            </p>
          ) : null}
          <p className="selection-count" aria-live="polite">
            {t('settings.selectedCount', { count: selectedCount, total: allMunicipalities.length })}
          </p>
          <ul className="checkbox-grid">
            {allMunicipalities.map((municipality) => {
              const id = `municipality-${municipality.nisCode}`;
              return (
                <li key={municipality.nisCode} className="checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    name="municipalities"
                    value={municipality.nisCode}
                    checked={draft.municipalities.includes(municipality.nisCode)}
                    onChange={(event) => toggleMunicipality(municipality.nisCode, event.target.checked)}
                  />
                  <label htmlFor={id}>{municipality.name}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>

        <div className="button-row">
          <SubmitButton busy={busy}>{t('settings.save')}</SubmitButton>
          <LiveStatus message={status} />
        </div>
      </form>
    </>
  );
}

export function RegionSettingsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { user, roleIn } = useSession();
  const isAdmin = roleIn(region.slug) === 'admin';
  const municipalities = useApi(isAdmin ? '/api/municipalities' : null);

  return (
    <Page title={t('settings.title')} regionName={region.name} lead={<p>{region.name}</p>}>
      {!user ? (
        <LoginPrompt />
      ) : !isAdmin ? (
        <NoAccess />
      ) : municipalities.error ? (
        <Notice kind="error">
          <p>{municipalities.error.message}</p>
        </Notice>
      ) : !municipalities.data ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <>
          <SettingsForm key={region.slug} allMunicipalities={municipalities.data} />
          <p>
            <Link to={`/r/${encodeURIComponent(region.slug)}/instellingen/zoeken`}>{t('search.synonyms.link')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
