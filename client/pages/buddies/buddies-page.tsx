import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { ActorPicker } from '../../components/actor-picker';
import { api, type ApiResponse } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { regionPath } from '../../modules';
import { useRegion } from '../regions/region-context';
import { TrajectoriesNav } from '../trajectories/trajectories-common';
import { BUDDIES_SEGMENT, Reasons } from './buddies-common';

type Overview = ApiResponse<'/api/regions/{slug}/buddies'>;

/** /r/:slug/trajecten/buddies — the region's buddy programmes, pairing for coaches, and the coordinators' learning network. */
export function BuddiesPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn, user } = useSession();
  const role = roleIn(region.slug);
  const overview = useApi('/api/regions/{slug}/buddies', { params: { path: { slug: region.slug } }, refreshKey: user?.id });
  const [message, setMessage] = useState<string | null>(null);
  const data = overview.data;
  const done = (text: string) => {
    setMessage(text);
    overview.reload();
  };
  return (
    <Page title={t('buddies.title')} regionName={region.name} lead={<p>{t('buddies.lead')}</p>}>
      <TrajectoriesNav slug={region.slug} role={role} />
      <p className="muted">{t('buddies.privacy')}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {overview.error ? <Notice kind="error">{overview.error.message}</Notice> : null}
      {data ? (
        <>
          <section aria-labelledby="buddy-programmes">
            <h2 id="buddy-programmes">{t('buddies.programmes')}</h2>
            {data.programmes.length === 0 ? <p>{t('buddies.noProgrammes')}</p> : null}
            <ul className="buddy-programmes">
              {data.programmes.map((programme) => (
                <li key={programme.id} className="traject-card">
                  <h3>
                    <Link to={`${regionPath(region.slug, BUDDIES_SEGMENT)}/${programme.id}`}>{programme.name}</Link>
                  </h3>
                  {programme.municipalityName ? <p className="muted">{programme.municipalityName}</p> : null}
                  {programme.description ? <p>{programme.description}</p> : null}
                  <p>{t('buddies.programmeFacts', { volunteers: programme.volunteers, duos: programme.activeDuos })}</p>
                </li>
              ))}
            </ul>
          </section>
          {role === 'coach' || role === 'admin' ? <PairSection slug={region.slug} onPaired={done} /> : null}
          <LearningNetwork slug={region.slug} network={data.learningNetwork} />
          {data.mayRegisterProgrammes ? <RegisterProgramme slug={region.slug} onDone={done} /> : null}
          {data.mayRegisterProgrammes ? <LinkLearningNetwork slug={region.slug} current={data.learningNetwork?.bodyId ?? null} onDone={done} /> : null}
        </>
      ) : null}
    </Page>
  );
}

/** The coach picks one of their participants and sees the volunteers with room, ranked with reasons. */
function PairSection({ slug, onPaired }: { slug: string; onPaired: (message: string) => void }) {
  const { t } = useTranslation();
  const participants = useApi('/api/regions/{slug}/trajectories/participants', { params: { path: { slug } } });
  const [participantId, setParticipantId] = useState('');
  const [startedOn, setStartedOn] = useState(new Date().toISOString().slice(0, 10));
  const suggestions = useApi(participantId ? '/api/regions/{slug}/buddies/suggestions/{participantId}' : null, { params: { path: { slug, participantId } } });
  const pair = useSubmit(
    useCallback(
      async (volunteerId: string) => {
        await api.POST('/api/regions/{slug}/buddies/duos', { params: { path: { slug } }, body: { participantId, volunteerId, startedOn } });
        suggestions.reload();
        onPaired(t('buddies.pair.done'));
      },
      [slug, participantId, startedOn, suggestions, onPaired, t],
    ),
  );
  const own = participants.data?.relation === 'coach' ? participants.data.participants.filter((participant) => participant.coach) : [];
  const current = suggestions.data?.currentDuo;
  return (
    <section aria-labelledby="buddy-pair" className="panel">
      <h2 id="buddy-pair">{t('buddies.pair.title')}</h2>
      <p>{t('buddies.pair.lead')}</p>
      {participants.data && own.length === 0 ? <p>{t('buddies.pair.none')}</p> : null}
      {own.length ? (
        <div className="traject-inline-form">
          <Field id="buddy-participant" label={t('buddies.pair.participant')}>
            {(control) => (
              <select {...control} value={participantId} onChange={(event) => setParticipantId(event.target.value)}>
                <option value="">{t('buddies.pair.choose')}</option>
                {own.map((participant) => (
                  <option key={participant.id} value={participant.id}>
                    {participant.firstName ? `${participant.firstName} (${participant.code})` : participant.code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="buddy-start" label={t('buddies.pair.startedOn')}>
            {(control) => <input {...control} type="date" value={startedOn} onChange={(event) => setStartedOn(event.target.value)} />}
          </Field>
        </div>
      ) : null}
      <ErrorSummary error={pair.error} />
      {current ? <Notice kind="info" live={false}>{t('buddies.pair.current', { buddy: current.volunteerFirstName, programme: current.programmeName })}</Notice> : null}
      {suggestions.data && !current && suggestions.data.suggestions.length === 0 ? <p>{t('buddies.pair.noSuggestions')}</p> : null}
      {suggestions.data && !current ? (
        <ol className="buddy-suggestions">
          {suggestions.data.suggestions.map((suggestion) => (
            <li key={suggestion.volunteerId} className="traject-card">
              <h3>{suggestion.firstName}</h3>
              <p className="muted">
                {t('buddies.pair.where', { programme: suggestion.programmeName, municipality: suggestion.municipalityName })}
                {suggestion.distanceKm ? ` · ${t('buddies.pair.distance', { km: suggestion.distanceKm })}` : ''}
              </p>
              <Reasons reasons={suggestion.reasons} />
              <button type="button" className="button button--primary" aria-disabled={pair.busy || undefined} onClick={() => void pair.run(suggestion.volunteerId)}>
                {t('buddies.pair.submit', { name: suggestion.firstName })}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function LearningNetwork({ slug, network }: { slug: string; network: Overview['learningNetwork'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="buddy-learning">
      <h2 id="buddy-learning">{t('buddies.learning.title')}</h2>
      {!network ? <p>{t('buddies.learning.none')}</p> : null}
      {network ? <p>{t('buddies.learning.lead', { name: network.name })}</p> : null}
      {network && network.meetings.length === 0 ? <p>{t('buddies.learning.noMeetings')}</p> : null}
      {network?.meetings.length ? (
        <ul className="buddy-meetings">
          {network.meetings.map((meeting) => (
            <li key={meeting.id}>
              <Link to={`${regionPath(slug, 'cooperatie')}/vergaderingen/${meeting.id}`}>{meeting.title}</Link> · {formatDateTime(meeting.startsAt)}
              {meeting.location ? ` · ${meeting.location}` : ''}
              {meeting.topics.length ? (
                <p>
                  {t('buddies.learning.topics')}: {meeting.topics.join(' · ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RegisterProgramme({ slug, onDone }: { slug: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [description, setDescription] = useState('');
  const save = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/buddies/programmes', { params: { path: { slug } }, body: { actorId: actor?.id ?? '', description } });
      setActor(null);
      setDescription('');
      onDone(t('buddies.register.done'));
    }, [slug, actor, description, onDone, t]),
  );
  return (
    <section aria-labelledby="buddy-register" className="panel">
      <h2 id="buddy-register">{t('buddies.register.title')}</h2>
      <ErrorSummary error={save.error} fields={[{ path: 'actorId', id: 'buddy-actor', label: t('buddies.register.actor') }]} />
      <form
        className="form form--narrow"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <Field id="buddy-actor" label={t('buddies.register.actor')} error={save.error?.fieldMessage('actorId')}>
          {(control) => <ActorPicker control={control} slug={slug} value={actor} onChange={setActor} />}
        </Field>
        <Field id="buddy-description" label={t('buddies.register.description')}>
          {(control) => <textarea {...control} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        <SubmitButton busy={save.busy}>{t('buddies.register.submit')}</SubmitButton>
      </form>
    </section>
  );
}

function LinkLearningNetwork({ slug, current, onDone }: { slug: string; current: string | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const cooperative = useApi('/api/regions/{slug}/cooperative', { params: { path: { slug } } });
  const [bodyId, setBodyId] = useState(current ?? '');
  const save = useSubmit(
    useCallback(async () => {
      await api.PUT('/api/regions/{slug}/buddies/learning-network', { params: { path: { slug } }, body: { bodyId } });
      onDone(t('buddies.learning.linked'));
    }, [slug, bodyId, onDone, t]),
  );
  const groups = cooperative.data?.bodies.filter((body) => body.kind === 'werkgroep') ?? [];
  if (!groups.length) return null;
  return (
    <form
      className="traject-inline-form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <ErrorSummary error={save.error} fields={[{ path: 'bodyId', id: 'buddy-body', label: t('buddies.learning.link') }]} />
      <Field id="buddy-body" label={t('buddies.learning.link')} error={save.error?.fieldMessage('bodyId')}>
        {(control) => (
          <select {...control} value={bodyId} onChange={(event) => setBodyId(event.target.value)}>
            <option value="" />
            {groups.map((body) => (
              <option key={body.id} value={body.id}>
                {body.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton busy={save.busy}>{t('buddies.learning.linkSubmit')}</SubmitButton>
    </form>
  );
}

