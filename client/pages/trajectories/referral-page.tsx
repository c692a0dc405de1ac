import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../common/schemas/catalog.js';
import { DUTCH_LEVELS, INBURGERAAR_STATUSES, TRANSPORTS, TRAJECTORY_LANGUAGES, TRAJECTORY_THEMES } from '../../../common/schemas/trajectories.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, chosenOption, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { languageName, TrajectoriesNav } from './trajectories-common';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const EMPTY = {
  firstName: '',
  municipalityNis: '',
  languages: [] as string[],
  dutchLevel: 'geen' as (typeof DUTCH_LEVELS)[number],
  interests: [] as string[],
  transport: 'openbaar-vervoer' as (typeof TRANSPORTS)[number],
  needsChildcare: false,
  withChildren: false,
  availableDays: [] as (typeof WEEKDAYS)[number][],
  availableFrom: '',
  availableUntil: '',
  uitpasKansentarief: false,
  freeOnly: false,
  inburgeraarStatus: 'verplicht' as (typeof INBURGERAAR_STATUSES)[number],
  referredOn: today(),
  referralNote: '',
  coachId: '',
  consentGiven: false,
};

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((item) => item !== value);
}

/** The trajectbegeleider's referral: only what the search for a place needs, with the consent for the trajectory. */
export function ReferralPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const role = roleIn(region.slug);
  const list = useApi('/api/regions/{slug}/trajectories/participants', { params: { path: { slug: region.slug } } });
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(
    useCallback(async () => {
      const created = await api.POST('/api/regions/{slug}/trajectories/participants', {
        params: { path: { slug: region.slug } },
        body: {
          ...form,
          firstName: form.firstName.trim() || null,
          availableFrom: form.availableFrom || null,
          availableUntil: form.availableUntil || null,
          coachId: form.coachId || null,
          consentGiven: form.consentGiven as true,
        },
      });
      setDone(created.code);
      setForm({ ...EMPTY, referredOn: today() });
      list.reload();
    }, [form, region.slug, list]),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void submit.run();
  };
  const fieldError = (path: string) => submit.error?.fieldMessage(path) ?? undefined;
  const checks = <T extends string>(legend: string, name: string, options: readonly T[], selected: readonly T[], label: (value: T) => string, onChange: (next: T[]) => void) => (
    <fieldset className="traject-checks" id={`referral-${name}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="checkbox" checked={selected.includes(option)} onChange={(event) => onChange(toggle(selected, option, event.target.checked))} /> {label(option)}
        </label>
      ))}
    </fieldset>
  );
  return (
    <Page title={t('trajectories.refer.title')} regionName={region.name} lead={<p>{t('trajectories.refer.lead')}</p>}>
      <TrajectoriesNav slug={region.slug} role={role} />
      {done ? <Notice kind="success">{t('trajectories.refer.done', { code: done })}</Notice> : null}
      <ErrorSummary
        error={submit.error}
        fields={[
          { path: 'municipalityNis', id: 'referral-municipality', label: t('trajectories.refer.municipality') },
          { path: 'consentGiven', id: 'referral-consent', label: t('trajectories.refer.consent') },
          { path: 'referredOn', id: 'referral-date', label: t('trajectories.refer.referredOn') },
          { path: 'coachId', id: 'referral-coach', label: t('trajectories.refer.coach') },
        ]}
      />
      <form className="traject-form" onSubmit={onSubmit} noValidate>
        <Field id="referral-first-name" label={t('trajectories.refer.firstName')}>
          {(control) => <input {...control} type="text" autoComplete="off" value={form.firstName} onChange={(event) => setForm({ ...form, firstName: event.target.value })} />}
        </Field>
        <Field id="referral-municipality" label={t('trajectories.refer.municipality')} error={fieldError('municipalityNis')}>
          {(control) => (
            <select {...control} value={form.municipalityNis} onChange={(event) => setForm({ ...form, municipalityNis: event.target.value })}>
              <option value="">{t('trajectories.refer.choose')}</option>
              {region.municipalities.map((municipality) => (
                <option key={municipality.nisCode} value={municipality.nisCode}>
                  {municipality.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {checks(t('trajectories.refer.languages'), 'languages', TRAJECTORY_LANGUAGES, form.languages as (typeof TRAJECTORY_LANGUAGES)[number][], (code) => languageName(t, code), (languages) => setForm({ ...form, languages }))}
        <Field id="referral-level" label={t('trajectories.refer.dutchLevel')}>
          {(control) => (
            <select {...control} value={form.dutchLevel} onChange={(event) => setForm({ ...form, dutchLevel: chosenOption(DUTCH_LEVELS, event.target.value, 'geen') })}>
              {DUTCH_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`trajectories.levels.${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {checks(t('trajectories.refer.interests'), 'interests', TRAJECTORY_THEMES, form.interests as (typeof TRAJECTORY_THEMES)[number][], (theme) => theme, (interests) => setForm({ ...form, interests }))}
        <Field id="referral-transport" label={t('trajectories.refer.transport')}>
          {(control) => (
            <select {...control} value={form.transport} onChange={(event) => setForm({ ...form, transport: chosenOption(TRANSPORTS, event.target.value, 'openbaar-vervoer') })}>
              {TRANSPORTS.map((transport) => (
                <option key={transport} value={transport}>
                  {t(`trajectories.transport.${transport}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="traject-checks">
          <legend>{t('trajectories.refer.constraints')}</legend>
          <label>
            <input type="checkbox" checked={form.needsChildcare} onChange={(event) => setForm({ ...form, needsChildcare: event.target.checked })} /> {t('trajectories.refer.needsChildcare')}
          </label>
          <label>
            <input type="checkbox" checked={form.withChildren} onChange={(event) => setForm({ ...form, withChildren: event.target.checked })} /> {t('trajectories.refer.withChildren')}
          </label>
          <label>
            <input type="checkbox" checked={form.uitpasKansentarief} onChange={(event) => setForm({ ...form, uitpasKansentarief: event.target.checked })} /> {t('trajectories.refer.kansentarief')}
          </label>
          <label>
            <input type="checkbox" checked={form.freeOnly} onChange={(event) => setForm({ ...form, freeOnly: event.target.checked })} /> {t('trajectories.refer.freeOnly')}
          </label>
        </fieldset>
        {checks(t('trajectories.refer.days'), 'days', WEEKDAYS, form.availableDays, (day) => t(`trajectories.weekdays.${day}`), (availableDays) => setForm({ ...form, availableDays }))}
        <div className="traject-inline-form">
          <Field id="referral-from" label={t('trajectories.refer.from')} error={fieldError('availableFrom')}>
            {(control) => <input {...control} type="time" value={form.availableFrom} onChange={(event) => setForm({ ...form, availableFrom: event.target.value })} />}
          </Field>
          <Field id="referral-until" label={t('trajectories.refer.until')} error={fieldError('availableUntil')}>
            {(control) => <input {...control} type="time" value={form.availableUntil} onChange={(event) => setForm({ ...form, availableUntil: event.target.value })} />}
          </Field>
        </div>
        <fieldset className="traject-checks">
          <legend>{t('trajectories.refer.status')}</legend>
          {INBURGERAAR_STATUSES.map((status) => (
            <label key={status}>
              <input type="radio" name="inburgeraarStatus" checked={form.inburgeraarStatus === status} onChange={() => setForm({ ...form, inburgeraarStatus: status })} /> {t(`trajectories.statuses.${status}`)}
            </label>
          ))}
        </fieldset>
        <Field id="referral-date" label={t('trajectories.refer.referredOn')} error={fieldError('referredOn')}>
          {(control) => <input {...control} type="date" value={form.referredOn} onChange={(event) => setForm({ ...form, referredOn: event.target.value })} />}
        </Field>
        <Field id="referral-note" label={t('trajectories.refer.note')}>
          {(control) => <textarea {...control} rows={3} value={form.referralNote} onChange={(event) => setForm({ ...form, referralNote: event.target.value })} />}
        </Field>
        {role === 'trajectbegeleider' ? (
          <Field id="referral-coach" label={t('trajectories.refer.coach')} error={fieldError('coachId')}>
            {(control) => (
              <select {...control} value={form.coachId} onChange={(event) => setForm({ ...form, coachId: event.target.value })}>
                <option value="">{t('trajectories.refer.noCoach')}</option>
                {(list.data?.coaches ?? []).map((coach) => (
                  <option key={coach.id} value={coach.id}>
                    {coach.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className={['field', fieldError('consentGiven') ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
          {fieldError('consentGiven') ? (
            <p id="referral-consent-error" className="field__error">
              {fieldError('consentGiven')}
            </p>
          ) : null}
          <label>
            <input id="referral-consent" type="checkbox" checked={form.consentGiven} aria-describedby={fieldError('consentGiven') ? 'referral-consent-error' : undefined} onChange={(event) => setForm({ ...form, consentGiven: event.target.checked })} /> {t('trajectories.refer.consent')}
          </label>
        </div>
        <SubmitButton busy={submit.busy}>{t('trajectories.refer.submit')}</SubmitButton>
      </form>
    </Page>
  );
}
