import { useCallback, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { WEEKDAYS } from '../../../common/schemas/catalog.js';
import { CURRENT_DUO_STATUSES, DUO_STATUSES, type Duo, type DuoStatus, type Volunteer } from '../../../common/schemas/buddies.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, conflictCurrent } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { languageName, TrajectoriesNav } from '../trajectories/trajectories-common';
import { Reasons } from './buddies-common';
import { MunicipalitySelect } from '../../components/municipality-select';

type Weekday = (typeof WEEKDAYS)[number];
const EMPTY_VOLUNTEER = { firstName: '', municipalityNis: '', languages: '', interests: '', days: [] as Weekday[], maxDuos: '1' };
const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/** /r/:slug/trajecten/buddies/:programmeId — a programme's pool of volunteers and its duos with their meetings. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const { programmeId = '' } = useParams();
  const programme = useApi('/api/regions/{slug}/buddies/programmes/{programmeId}', { params: { path: { slug: region.slug, programmeId } } });
  const [message, setMessage] = useState<string | null>(null);
  const data = programme.data;
  const done = (text: string) => {
    setMessage(text);
    programme.reload();
  };
  return (
    <Page title={data?.name ?? t('buddies.title')} regionName={region.name} lead={data?.description ? <p>{data.description}</p> : null}>
      <TrajectoriesNav slug={region.slug} role={roleIn(region.slug)} />
      <p className="muted">{t('buddies.privacy')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {programme.error ? <Notice kind="error">{programme.error.message}</Notice> : null}
      {data ? (
        <>
          <section aria-labelledby="buddy-pool">
            <h2 id="buddy-pool">{t('buddies.pool.title')}</h2>
            {data.pool.length === 0 ? <p>{t('buddies.pool.empty')}</p> : null}
            <ul className="buddy-pool">
              {data.pool.map((volunteer) => (
                <VolunteerCard key={volunteer.id} slug={region.slug} volunteer={volunteer} mayManage={data.mayManage} onDone={done} />
              ))}
            </ul>
          </section>
          {data.mayManage ? <AddVolunteer slug={region.slug} programmeId={data.id} onDone={done} /> : null}
          <section aria-labelledby="buddy-duos">
            <h2 id="buddy-duos">{t('buddies.duos.title')}</h2>
            {data.duos.length === 0 ? <p>{t('buddies.duos.empty')}</p> : null}
            {data.duos.map((duo) => (
              <DuoCard key={duo.id} slug={region.slug} duo={duo} onDone={done} />
            ))}
          </section>
        </>
      ) : null}
    </Page>
  );
}

function VolunteerCard({ slug, volunteer, mayManage, onDone }: { slug: string; volunteer: Volunteer; mayManage: boolean; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState(false);
  const toggle = useSubmit(
    useCallback(async () => {
      setConflict(false);
      const { id, version, active, firstName, municipalityNis, languages, interests, availableDays, maxDuos } = volunteer;
      try {
        await api.PUT('/api/regions/{slug}/buddies/volunteers/{volunteerId}', { params: { path: { slug, volunteerId: id } }, body: { firstName, municipalityNis, languages, interests, availableDays, maxDuos, active: !active, version } });
        onDone(t('buddies.duoActions.saved'));
      } catch (thrown) {
        if (conflictCurrent(thrown, 'put', '/api/regions/{slug}/buddies/volunteers/{volunteerId}')) {
          setConflict(true);
          onDone(t('buddies.volunteerForm.conflict'));
          return;
        }
        throw thrown;
      }
    }, [slug, volunteer, onDone, t]),
  );
  return (
    <li className={`traject-card${volunteer.active ? '' : ' buddy-inactive'}`}>
      <h3>
        {volunteer.firstName}
        {volunteer.active ? '' : ` (${t('buddies.pool.inactive')})`}
      </h3>
      <p className="muted">
        {volunteer.municipalityName} · {t('buddies.pool.currentDuos', { current: volunteer.currentDuos, max: volunteer.maxDuos })}
      </p>
      <dl className="traject-facts">
        <dt>{t('buddies.pool.languages')}</dt>
        <dd>{volunteer.languages.map((code) => languageName(t, code)).join(', ') || '—'}</dd>
        <dt>{t('buddies.pool.interests')}</dt>
        <dd>{volunteer.interests.join(', ') || '—'}</dd>
        <dt>{t('buddies.pool.days')}</dt>
        <dd>{volunteer.availableDays.map((day) => t(`trajectories.weekdays.${day}`)).join(', ') || '—'}</dd>
      </dl>
      {conflict ? <Notice kind="warning">{t('buddies.volunteerForm.conflict')}</Notice> : null}
      <ErrorSummary error={toggle.error} />
      {mayManage ? (
        <button type="button" className="button" aria-disabled={toggle.busy || undefined} onClick={() => void toggle.run()}>
          {volunteer.active ? t('buddies.volunteerForm.deactivate') : t('buddies.volunteerForm.activate')}
        </button>
      ) : null}
    </li>
  );
}

function AddVolunteer({ slug, programmeId, onDone }: { slug: string; programmeId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const [form, setForm] = useState(EMPTY_VOLUNTEER);
  const save = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/buddies/programmes/{programmeId}/volunteers', {
        params: { path: { slug, programmeId } },
        body: { firstName: form.firstName, municipalityNis: form.municipalityNis, languages: list(form.languages).map((code) => code.toLowerCase()), interests: list(form.interests), availableDays: form.days, maxDuos: Number(form.maxDuos) },
      });
      setForm(EMPTY_VOLUNTEER);
      onDone(t('buddies.volunteerForm.done'));
    }, [slug, programmeId, form, onDone, t]),
  );
  const fields = [
    { path: 'firstName', id: 'volunteer-name', label: t('buddies.volunteerForm.firstName') },
    { path: 'municipalityNis', id: 'volunteer-municipality', label: t('buddies.volunteerForm.municipality') },
    { path: 'maxDuos', id: 'volunteer-max', label: t('buddies.volunteerForm.maxDuos') },
  ];
  return (
    <section aria-labelledby="buddy-add" className="panel">
      <h2 id="buddy-add">{t('buddies.volunteerForm.title')}</h2>
      <ErrorSummary error={save.error} fields={fields} />
      <form
        className="form form--narrow traject-form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <Field id="volunteer-name" label={t('buddies.volunteerForm.firstName')} error={save.error?.fieldMessage('firstName')}>
          {(control) => <input {...control} type="text" autoComplete="off" value={form.firstName} onChange={(event) => setForm({ ...form, firstName: event.target.value })} />}
        </Field>
        <Field id="volunteer-municipality" label={t('buddies.volunteerForm.municipality')} error={save.error?.fieldMessage('municipalityNis')}>
          {(control) => (
            <MunicipalitySelect control={control} municipalities={region.municipalities} value={form.municipalityNis} onChange={(municipalityNis) => setForm({ ...form, municipalityNis })} emptyLabel="" />
          )}
        </Field>
        <Field id="volunteer-languages" label={t('buddies.volunteerForm.languages')}>
          {(control) => <input {...control} type="text" value={form.languages} onChange={(event) => setForm({ ...form, languages: event.target.value })} />}
        </Field>
        <Field id="volunteer-interests" label={t('buddies.volunteerForm.interests')}>
          {(control) => <input {...control} type="text" value={form.interests} onChange={(event) => setForm({ ...form, interests: event.target.value })} />}
        </Field>
        <fieldset className="traject-checks">
          <legend>{t('buddies.volunteerForm.days')}</legend>
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input type="checkbox" checked={form.days.includes(day)} onChange={(event) => setForm({ ...form, days: event.target.checked ? [...form.days, day] : form.days.filter((other) => other !== day) })} /> {t(`trajectories.weekdays.${day}`)}
            </label>
          ))}
        </fieldset>
        <Field id="volunteer-max" label={t('buddies.volunteerForm.maxDuos')} error={save.error?.fieldMessage('maxDuos')}>
          {(control) => <input {...control} type="number" min={1} max={5} value={form.maxDuos} onChange={(event) => setForm({ ...form, maxDuos: event.target.value })} />}
        </Field>
        <SubmitButton busy={save.busy}>{t('buddies.volunteerForm.submit')}</SubmitButton>
      </form>
    </section>
  );
}

function DuoCard({ slug, duo, onDone }: { slug: string; duo: Duo; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DuoStatus>(duo.status);
  const [metOn, setMetOn] = useState(new Date().toISOString().slice(0, 10));
  const [activity, setActivity] = useState('');
  const id = duo.id.slice(0, 8);
  const saveStatus = useSubmit(
    useCallback(async () => {
      await api.PATCH('/api/regions/{slug}/buddies/duos/{duoId}', { params: { path: { slug, duoId: duo.id } }, body: { status, version: duo.version } });
      onDone(t('buddies.duoActions.saved'));
    }, [slug, duo.id, duo.version, status, onDone, t]),
  );
  const logMeeting = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/buddies/duos/{duoId}/meetings', { params: { path: { slug, duoId: duo.id } }, body: { metOn, activity } });
      setActivity('');
      onDone(t('buddies.duoActions.logged'));
    }, [slug, duo.id, metOn, activity, onDone, t]),
  );
  // Only a current duo meets (the server refuses a meeting of a finished one).
  const current = CURRENT_DUO_STATUSES.includes(duo.status);
  const participant = duo.participantFirstName ? `${duo.participantFirstName} (${duo.participantCode})` : duo.participantCode;
  return (
    <section className="traject-card" aria-labelledby={`duo-${id}`}>
      <h3 id={`duo-${id}`}>{t('buddies.duos.with', { buddy: duo.volunteerFirstName, participant })}</h3>
      <p>
        <span className={`traject-status traject-status--${duo.status === 'actief' ? 'aanvaard' : duo.status === 'gepauzeerd' ? 'voorgesteld' : 'gestopt'}`}>{t(`buddies.statuses.${duo.status}`)}</span> · {t('buddies.duos.since', { date: formatDate(duo.startedOn) })}
        {duo.endedOn ? ` · ${t('buddies.duos.ended', { date: formatDate(duo.endedOn) })}` : ''} · {t('buddies.duos.meetings', { count: duo.meetings.length })}
      </p>
      <Reasons reasons={duo.reasons.map((text) => ({ kind: 'plus' as const, text }))} />
      {duo.meetings.length ? (
        <ul className="buddy-duo-meetings">
          {duo.meetings.map((meeting) => (
            <li key={meeting.id}>
              {formatDate(meeting.metOn)}
              {meeting.activity ? ` — ${meeting.activity}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary error={saveStatus.error ?? logMeeting.error} fields={[{ path: 'activity', id: `duo-activity-${id}`, label: t('buddies.duoActions.activity') }]} />
      {duo.mayUpdate ? (
        <>
          <form
            className="traject-inline-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void saveStatus.run();
            }}
          >
            <Field id={`duo-status-${id}`} label={t('buddies.duoActions.status')}>
              {(control) => (
                <select {...control} value={status} onChange={(event) => setStatus(event.target.value as DuoStatus)}>
                  {DUO_STATUSES.map((option) => (
                    <option key={option} value={option}>
                      {t(`buddies.statuses.${option}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <SubmitButton busy={saveStatus.busy}>{t('buddies.duoActions.save')}</SubmitButton>
          </form>
          {current ? (
          <form
            className="traject-inline-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void logMeeting.run();
            }}
          >
            <Field id={`duo-date-${id}`} label={t('buddies.duoActions.meetingDate')}>
              {(control) => <input {...control} type="date" value={metOn} onChange={(event) => setMetOn(event.target.value)} />}
            </Field>
            <Field id={`duo-activity-${id}`} label={t('buddies.duoActions.activity')} error={logMeeting.error?.fieldMessage('activity')}>
              {(control) => <input {...control} type="text" maxLength={200} value={activity} onChange={(event) => setActivity(event.target.value)} />}
            </Field>
            <SubmitButton busy={logMeeting.busy}>{t('buddies.duoActions.logMeeting')}</SubmitButton>
          </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
