import { useCallback, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../common/format.js';
import { CONSENT_KINDS, TRAJECTORY_STAGES, type ParticipantDetail } from '../../../common/schemas/trajectories.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, Field, SubmitButton, chosenOption, useSubmit } from '../../components/form';
import { api, apiHref } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { regionPath } from '../../modules';
import { useRegion } from '../regions/region-context';
import { formatHours, languageName, TrajectoriesNav, TRAJECTORIES_SEGMENT } from './trajectories-common';
import { ParticipantReads } from './participant-reads';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type Message = { kind: 'success' | 'error'; text: string } | null;

/** The coach's record of one participant: details, steps, suggestions, placements with hours, consents, hand-over, export and erasure. */
export function ParticipantPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const participantId = useParams().participantId ?? '';
  const path = { slug: region.slug, participantId };
  const detail = useApi('/api/regions/{slug}/trajectories/participants/{participantId}', { params: { path } });
  const suggestions = useApi('/api/regions/{slug}/trajectories/participants/{participantId}/suggestions', { params: { path } });
  const [message, setMessage] = useState<Message>(null);
  const data = detail.data;
  const adopt = (next: ParticipantDetail, text: string) => {
    detail.setData(next);
    suggestions.reload();
    setMessage({ kind: 'success', text });
  };
  const base = regionPath(region.slug, TRAJECTORIES_SEGMENT);
  if (detail.error) {
    return (
      <Page title={t('trajectories.title')} regionName={region.name}>
        <Notice kind="error">{detail.error.message}</Notice>
      </Page>
    );
  }
  if (!data) return null;
  const title = data.firstName ? `${data.code} · ${data.firstName}` : data.code;
  return (
    <Page title={title} regionName={region.name} lead={<p>{t('trajectories.participant.referredBy', { name: data.referredBy?.name ?? '—', date: formatDate(data.referredOn) })}</p>}>
      <TrajectoriesNav slug={region.slug} role={roleIn(region.slug)} />
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <Facts data={data} />
      <Progress data={data} slug={region.slug} onSaved={(next) => adopt(next, t('trajectories.participant.saved'))} />
      <Steps data={data} slug={region.slug} onSaved={(next) => adopt(next, t('trajectories.participant.saved'))} />
      <h2>{t('trajectories.participant.placements')}</h2>
      {data.placements.length === 0 ? <p>{t('trajectories.participant.noPlacements')}</p> : null}
      {data.placements.map((placement) => (
        <PlacementCard key={placement.id} placement={placement} slug={region.slug} onLogged={() => { detail.reload(); setMessage({ kind: 'success', text: t('trajectories.participant.hoursSaved') }); }} />
      ))}
      <h2>{t('trajectories.participant.suggestions')}</h2>
      <p>{t('trajectories.participant.suggestionsLead')}</p>
      {suggestions.error ? <Notice kind="error">{suggestions.error.message}</Notice> : null}
      {suggestions.data && suggestions.data.suggestions.length === 0 ? <p>{t('trajectories.participant.noSuggestions')}</p> : null}
      {suggestions.data?.suggestions.map((suggestion) => (
        <SuggestionCard key={suggestion.offerId} suggestion={suggestion} slug={region.slug} participantId={data.id} onChosen={() => { detail.reload(); suggestions.reload(); setMessage({ kind: 'success', text: t('trajectories.participant.chosen') }); }} />
      ))}
      <Consents data={data} slug={region.slug} onSaved={(next) => adopt(next, t('trajectories.participant.saved'))} />
      <Handover data={data} slug={region.slug} onDone={(name) => navigate(base, { state: { message: t('trajectories.participant.handedOver', { name }) } })} />
      <Privacy data={data} slug={region.slug} onErased={() => navigate(base)} />
      <ParticipantReads slug={region.slug} participantId={data.id} />
    </Page>
  );
}

function Facts({ data }: { data: ParticipantDetail }) {
  const { t } = useTranslation();
  const costs = [data.uitpasKansentarief ? t('trajectories.participant.kansentarief') : null, data.freeOnly ? t('trajectories.participant.freeOnly') : null].filter(Boolean).join(', ');
  const window = data.availableFrom || data.availableUntil ? ` (${data.availableFrom ?? '…'}–${data.availableUntil ?? '…'})` : '';
  return (
    <>
      <h2>{t('trajectories.participant.facts')}</h2>
      <dl className="traject-facts">
        <dt>{t('trajectories.list.municipality')}</dt>
        <dd>{data.municipalityName}</dd>
        <dt>{t('trajectories.refer.status')}</dt>
        <dd>{t(`trajectories.statuses.${data.inburgeraarStatus}`)}</dd>
        <dt>{t('trajectories.refer.languages')}</dt>
        <dd>{data.languages.map((code) => languageName(t, code)).join(', ') || '—'}</dd>
        <dt>{t('trajectories.refer.dutchLevel')}</dt>
        <dd>
          {t(`trajectories.levels.${data.dutchLevel}`)} — {t('trajectories.participant.languageIcons', { count: data.maxLanguageIcons })}
        </dd>
        <dt>{t('trajectories.refer.interests')}</dt>
        <dd>{data.interests.join(', ') || '—'}</dd>
        <dt>{t('trajectories.refer.transport')}</dt>
        <dd>{t(`trajectories.transport.${data.transport}`)}</dd>
        <dt>{t('trajectories.participant.available')}</dt>
        <dd>{(data.availableDays.map((day) => t(`trajectories.weekdays.${day}`)).join(', ') || '—') + window}</dd>
        <dt>{t('trajectories.participant.costs')}</dt>
        <dd>{costs || t('trajectories.participant.noCostConstraint')}</dd>
        {data.needsChildcare || data.withChildren ? (
          <>
            <dt>{t('trajectories.refer.needsChildcare')}</dt>
            <dd>{[data.needsChildcare ? t('trajectories.refer.needsChildcare') : null, data.withChildren ? t('trajectories.refer.withChildren') : null].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('trajectories.list.coach')}</dt>
        <dd>{data.coach?.name ?? '—'}</dd>
      </dl>
    </>
  );
}

function updateBody(data: ParticipantDetail, continuesAfter: boolean | null) {
  return {
    firstName: data.firstName,
    municipalityNis: data.municipalityNis,
    languages: data.languages,
    dutchLevel: data.dutchLevel,
    interests: data.interests,
    transport: data.transport,
    needsChildcare: data.needsChildcare,
    withChildren: data.withChildren,
    availableDays: data.availableDays,
    availableFrom: data.availableFrom,
    availableUntil: data.availableUntil,
    uitpasKansentarief: data.uitpasKansentarief,
    freeOnly: data.freeOnly,
    inburgeraarStatus: data.inburgeraarStatus,
    continuesAfter,
    version: data.version,
  };
}

function Progress({ data, slug, onSaved }: { data: ParticipantDetail; slug: string; onSaved: (next: ParticipantDetail) => void }) {
  const { t } = useTranslation();
  const [continues, setContinues] = useState(data.continuesAfter === true);
  const save = useSubmit(
    useCallback(async () => {
      onSaved(await api.PUT('/api/regions/{slug}/trajectories/participants/{participantId}', { params: { path: { slug, participantId: data.id } }, body: updateBody(data, continues) }));
    }, [data, slug, continues, onSaved]),
  );
  const reached = data.hours >= data.hoursGoal;
  return (
    <>
      <h2 id="traject-progress">{t('trajectories.participant.progress')}</h2>
      <div className="traject-progress">
        <progress max={data.hoursGoal} value={Math.min(data.hours, data.hoursGoal)} aria-labelledby="traject-progress" />
        <span>{t('trajectories.hoursProgress', { hours: formatHours(data.hours), goal: data.hoursGoal })}</span>
        {reached ? (
          <>
            <strong>{t('trajectories.participant.goalReached')}</strong>
            <a className="button" href={apiHref('/api/regions/{slug}/trajectories/participants/{participantId}/certificate.pdf', { path: { slug, participantId: data.id } })} download>
              {t('trajectories.participant.certificate')}
            </a>
          </>
        ) : null}
      </div>
      <form
        className="traject-inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <ErrorSummary error={save.error} />
        <label>
          <input type="checkbox" checked={continues} onChange={(event) => setContinues(event.target.checked)} /> {t('trajectories.participant.continuesAfter')}
        </label>
        <SubmitButton busy={save.busy}>{t('trajectories.participant.continuesSave')}</SubmitButton>
      </form>
    </>
  );
}

function Steps({ data, slug, onSaved }: { data: ParticipantDetail; slug: string; onSaved: (next: ParticipantDetail) => void }) {
  const { t } = useTranslation();
  const nextStage = TRAJECTORY_STAGES[Math.min(TRAJECTORY_STAGES.indexOf(data.stage) + 1, TRAJECTORY_STAGES.length - 1)]!;
  const [form, setForm] = useState({ kind: nextStage, happenedOn: today(), note: '' });
  const submit = useSubmit(
    useCallback(async () => {
      onSaved(await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/steps', { params: { path: { slug, participantId: data.id } }, body: form }));
      setForm((current) => ({ ...current, note: '' }));
    }, [data.id, slug, form, onSaved]),
  );
  return (
    <>
      <h2>{t('trajectories.participant.steps')}</h2>
      <ol>
        {data.steps.map((step) => (
          <li key={step.id}>
            <strong>{t(`trajectories.stages.${step.kind}`)}</strong> · {formatDate(step.happenedOn)}
            {step.doneBy ? ` · ${t('trajectories.participant.by', { name: step.doneBy.name })}` : ''}
            {step.kind === 'overdracht' ? ` · ${t('trajectories.participant.handoverNote', { from: step.fromCoach?.name ?? '—', to: step.toCoach?.name ?? '—' })}` : ''}
            {step.note ? <p className="muted">{step.note}</p> : null}
          </li>
        ))}
      </ol>
      <h3>{t('trajectories.participant.addStep')}</h3>
      <ErrorSummary error={submit.error} fields={[{ path: 'happenedOn', id: 'step-date', label: t('trajectories.participant.stepDate') }]} />
      <form
        className="traject-inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <Field id="step-kind" label={t('trajectories.participant.stepKind')}>
          {(control) => (
            <select {...control} value={form.kind} onChange={(event) => setForm({ ...form, kind: chosenOption(TRAJECTORY_STAGES, event.target.value, nextStage) })}>
              {TRAJECTORY_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`trajectories.stages.${stage}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="step-date" label={t('trajectories.participant.stepDate')}>
          {(control) => <input {...control} type="date" value={form.happenedOn} onChange={(event) => setForm({ ...form, happenedOn: event.target.value })} />}
        </Field>
        <Field id="step-note" label={t('trajectories.participant.stepNote')}>
          {(control) => <input {...control} type="text" value={form.note} onChange={(event) => setForm({ ...form, note: event.target.value })} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('trajectories.participant.addStep')}</SubmitButton>
      </form>
    </>
  );
}

type PlacementData = ParticipantDetail['placements'][number];

function PlacementCard({ placement, slug, onLogged }: { placement: PlacementData; slug: string; onLogged: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ attendedOn: today(), hours: '3' });
  const submit = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/trajectories/placements/{placementId}/hours', { params: { path: { slug, placementId: placement.id } }, body: { attendedOn: form.attendedOn, hours: Number(form.hours.replace(',', '.')) } });
      onLogged();
    }, [slug, placement.id, form, onLogged]),
  );
  const id = placement.id.slice(0, 8);
  return (
    <section className="traject-card" aria-labelledby={`placement-${id}`}>
      <h3 id={`placement-${id}`}>{placement.offerTitle}</h3>
      <p>
        {placement.organizerName ? `${placement.organizerName} · ` : ''}
        <span className={`traject-status traject-status--${placement.status}`}>{t(`trajectories.placementStatuses.${placement.status}`)}</span> · {t('trajectories.hoursProgress', { hours: formatHours(placement.hours), goal: 40 })}
      </p>
      {placement.partnerMessage ? <p>{t('trajectories.participant.partnerMessage', { message: placement.partnerMessage })}</p> : null}
      {placement.entries.length ? (
        <p className="muted">
          {placement.entries.map((entry) => `${formatDate(entry.attendedOn)}: ${formatHours(entry.hours)}`).join(' · ')}
        </p>
      ) : null}
      {placement.status === 'aanvaard' ? (
        <>
          <ErrorSummary error={submit.error} fields={[{ path: 'hours', id: `hours-${id}`, label: t('trajectories.participant.hours') }]} />
          <form
            className="traject-inline-form"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void submit.run();
            }}
          >
            <Field id={`hours-date-${id}`} label={t('trajectories.participant.date')}>
              {(control) => <input {...control} type="date" value={form.attendedOn} onChange={(event) => setForm({ ...form, attendedOn: event.target.value })} />}
            </Field>
            <Field id={`hours-${id}`} label={t('trajectories.participant.hours')}>
              {(control) => <input {...control} type="text" inputMode="decimal" size={4} value={form.hours} onChange={(event) => setForm({ ...form, hours: event.target.value })} />}
            </Field>
            <SubmitButton busy={submit.busy}>{t('trajectories.participant.logHours')}</SubmitButton>
          </form>
        </>
      ) : null}
      <p className="muted">{formatDateTime(placement.createdAt)}</p>
    </section>
  );
}

type SuggestionData = { offerId: string; title: string; organizerName: string | null; municipalityName: string | null; reasons: { kind: 'plus' | 'min'; text: string }[] };

function SuggestionCard({ suggestion, slug, participantId, onChosen }: { suggestion: SuggestionData; slug: string; participantId: string; onChosen: () => void }) {
  const { t } = useTranslation();
  const [expectations, setExpectations] = useState('');
  const submit = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/placements', { params: { path: { slug, participantId } }, body: { offerId: suggestion.offerId, expectations } });
      onChosen();
    }, [slug, participantId, suggestion.offerId, expectations, onChosen]),
  );
  const id = suggestion.offerId.slice(0, 8);
  return (
    <section className="traject-card" aria-labelledby={`suggestion-${id}`}>
      <h3 id={`suggestion-${id}`}>{suggestion.title}</h3>
      <p className="muted">{[suggestion.organizerName, suggestion.municipalityName].filter(Boolean).join(' · ')}</p>
      <ul className="traject-reasons">
        {suggestion.reasons.map((reason) => (
          <li key={reason.text} className={reason.kind === 'min' ? 'traject-reason--min' : undefined}>
            {reason.kind === 'min' ? '⚠ ' : '✓ '}
            {reason.text}
          </li>
        ))}
      </ul>
      <ErrorSummary error={submit.error} />
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <Field id={`expect-${id}`} label={t('trajectories.participant.expectations')}>
          {(control) => <textarea {...control} rows={2} value={expectations} onChange={(event) => setExpectations(event.target.value)} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('trajectories.participant.choose', { title: suggestion.title })}</SubmitButton>
      </form>
    </section>
  );
}

function Consents({ data, slug, onSaved }: { data: ParticipantDetail; slug: string; onSaved: (next: ParticipantDetail) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'delen-voornaam' as (typeof CONSENT_KINDS)[number], givenOn: today() });
  const submit = useSubmit(
    useCallback(async () => {
      onSaved(await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/consents', { params: { path: { slug, participantId: data.id } }, body: form }));
    }, [data.id, slug, form, onSaved]),
  );
  const withdraw = useSubmit(
    useCallback(
      async (consentId: string) => {
        onSaved(await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/consents/{consentId}/withdraw', { params: { path: { slug, participantId: data.id, consentId } } }));
      },
      [data.id, slug, onSaved],
    ),
  );
  return (
    <>
      <h2>{t('trajectories.participant.consents')}</h2>
      <ErrorSummary error={withdraw.error ?? submit.error} />
      <ul>
        {data.consents.map((consent) => (
          <li key={consent.id}>
            <strong>{t(`trajectories.consents.${consent.kind}`)}</strong>: {t('trajectories.participant.consentGiven', { date: formatDate(consent.givenOn), name: consent.recordedBy?.name ?? '—' })}
            {consent.withdrawnOn ? (
              ` · ${t('trajectories.participant.consentWithdrawn', { date: formatDate(consent.withdrawnOn) })}`
            ) : consent.kind !== 'traject' ? (
              <>
                {' '}
                <button type="button" className="button button--small" onClick={() => void withdraw.run(consent.id)}>
                  {t('trajectories.participant.withdraw')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="traject-inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <Field id="consent-kind" label={t('trajectories.participant.consentKind')}>
          {(control) => (
            <select {...control} value={form.kind} onChange={(event) => setForm({ ...form, kind: chosenOption(CONSENT_KINDS, event.target.value, 'delen-voornaam') })}>
              {CONSENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`trajectories.consents.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="consent-date" label={t('trajectories.participant.consentDate')}>
          {(control) => <input {...control} type="date" value={form.givenOn} onChange={(event) => setForm({ ...form, givenOn: event.target.value })} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('trajectories.participant.addConsent')}</SubmitButton>
      </form>
    </>
  );
}

function Handover({ data, slug, onDone }: { data: ParticipantDetail; slug: string; onDone: (name: string) => void }) {
  const { t } = useTranslation();
  const others = data.coaches.filter((coach) => coach.id !== data.coach?.id);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit(
    useCallback(async () => {
      const result = await api.POST('/api/regions/{slug}/trajectories/participants/{participantId}/handover', { params: { path: { slug, participantId: data.id } }, body: { toCoachId: to, note, version: data.version } });
      onDone(result.coach.name);
    }, [slug, data.id, data.version, to, note, onDone]),
  );
  if (!others.length) return null;
  return (
    <>
      <h2>{t('trajectories.participant.handover')}</h2>
      <ErrorSummary
        error={submit.error}
        fields={[
          { path: 'toCoachId', id: 'handover-to', label: t('trajectories.participant.handoverTo') },
          { path: 'note', id: 'handover-note', label: t('trajectories.privacyRegion.handoverNoteLabel') },
        ]}
      />
      <form
        className="traject-inline-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit.run();
        }}
      >
        <Field id="handover-to" label={t('trajectories.participant.handoverTo')}>
          {(control) => (
            <select {...control} value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="">{t('trajectories.refer.choose')}</option>
              {others.map((coach) => (
                <option key={coach.id} value={coach.id}>
                  {coach.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="handover-note" label={t('trajectories.privacyRegion.handoverNoteLabel')} hint={t('trajectories.privacyRegion.handoverNoteHint')} error={submit.error?.fieldMessage('note')}>
          {(control) => <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('trajectories.participant.handoverSubmit')}</SubmitButton>
      </form>
    </>
  );
}

function Privacy({ data, slug, onErased }: { data: ParticipantDetail; slug: string; onErased: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const erase = useSubmit(
    useCallback(async () => {
      await api.DELETE('/api/regions/{slug}/trajectories/participants/{participantId}', { params: { path: { slug, participantId: data.id } } });
      onErased();
    }, [slug, data.id, onErased]),
  );
  return (
    <>
      <h2>{t('trajectories.participant.privacyTitle')}</h2>
      <ErrorSummary error={erase.error} />
      <div className="button-row">
        <a className="button" href={apiHref('/api/regions/{slug}/trajectories/participants/{participantId}/export', { path: { slug, participantId: data.id } })} download>
          {t('trajectories.participant.export')}
        </a>
        <a className="button" href={apiHref('/api/regions/{slug}/trajectories/participants/{participantId}/export.pdf', { path: { slug, participantId: data.id } })} download>
          {t('trajectories.privacyRegion.exportPdf')}
        </a>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t('trajectories.participant.erase')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('trajectories.participant.eraseTitle', { code: data.code })}
        message={t('trajectories.participant.eraseMessage')}
        confirmLabel={t('trajectories.participant.erase')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void erase.run();
        }}
      />
    </>
  );
}
