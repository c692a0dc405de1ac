import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, asApiError, type ApiError } from '../../../api';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { useSession } from '../../../session';
import { formatDate } from '../../../../common/format.js';
import type { JoinResult } from '../../../../common/schemas/workshops.js';
import { GUEST_STORAGE_KEY, type StoredGuest } from './room-paths';
import './room.css';

type Lookup = Awaited<ReturnType<typeof lookupWorkshop>>;
const lookupWorkshop = (code: string) => api.GET('/api/workshops/lookup', { params: { query: { code } } });

/** The organisations of the map that fit what the guest typed (after a short pause). */
function useOrganisationMatches(code: string, q: string) {
  const [items, setItems] = useState<{ id: string; name: string; municipality: string | null }[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .GET('/api/workshops/organisations', { params: { query: { code, q } }, signal: controller.signal })
        .then((answer) => setItems(answer.items))
        .catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [code, q]);
  return items;
}

function JoinForm({ workshop, code, onJoined }: { workshop: Lookup; code: string; onJoined: (result: JoinResult) => void }) {
  const { t } = useTranslation();
  const { user, roleIn } = useSession();
  const member = user && roleIn(workshop.region.slug) ? user : null;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const matches = useOrganisationMatches(code, actor ? '' : organisation);
  const submit = useSubmit(async () => {
    const body = member ? { code } : { code, name, email, organisation, actorId: actor?.id ?? null };
    onJoined(await api.POST('/api/workshops/join', { body }));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form join-form">
      <ErrorSummary
        error={submit.error}
        fields={[
          { path: 'name', id: 'join-name', label: t('workshops.join.name') },
          { path: 'email', id: 'join-email', label: t('workshops.join.email') },
          { path: 'organisation', id: 'join-organisation', label: t('workshops.join.organisation') },
          { path: 'code', id: 'join-name', label: t('workshops.join.code') },
        ]}
      />
      {member ? (
        <p>{t('workshops.join.asMember', { name: member.name })}</p>
      ) : (
        <>
          <Field id="join-name" label={t('workshops.join.name')} error={submit.error?.fieldMessage('name')}>
            {(control) => <input {...control} autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <Field id="join-email" label={t('workshops.join.email')} error={submit.error?.fieldMessage('email')}>
            {(control) => <input {...control} type="email" autoComplete="email" inputMode="email" value={email} onChange={(event) => setEmail(event.target.value)} />}
          </Field>
          <Field id="join-organisation" label={t('workshops.join.organisation')} hint={t('workshops.join.organisationHelp')} error={submit.error?.fieldMessage('organisation')}>
            {(control) => (
              <input
                {...control}
                autoComplete="organization"
                value={organisation}
                onChange={(event) => {
                  setOrganisation(event.target.value);
                  setActor(null);
                }}
              />
            )}
          </Field>
          {actor ? (
            <p className="join-picked" role="status">
              {t('workshops.join.picked', { name: actor.name })}{' '}
              <button type="button" className="button button--small" onClick={() => setActor(null)}>
                {t('workshops.join.notListed')}
              </button>
            </p>
          ) : matches.length > 0 ? (
            <fieldset className="join-matches">
              <legend>{t('workshops.join.matches')}</legend>
              <ul className="plain-list">
                {matches.map((match) => (
                  <li key={match.id}>
                    <button
                      type="button"
                      className="button join-match"
                      aria-label={t('workshops.join.pickMatch', { name: match.name })}
                      onClick={() => {
                        setActor({ id: match.id, name: match.name });
                        setOrganisation(match.name);
                      }}
                    >
                      {match.name}
                      {match.municipality ? <span className="muted"> · {match.municipality}</span> : null}
                    </button>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : organisation.trim().length >= 2 ? (
            <p className="muted">{t('workshops.join.newOrganisation', { name: organisation.trim() })}</p>
          ) : null}
        </>
      )}
      <SubmitButton busy={submit.busy}>{t('workshops.join.submit')}</SubmitButton>
    </form>
  );
}

/** The public join page: a big code field, then who you are; a guest's token stays on this device. */
export function JoinPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const [code, setCode] = useState(search.get('code') ?? '');
  const [workshop, setWorkshop] = useState<Lookup | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | undefined>();
  const [joined, setJoined] = useState<JoinResult | null>(null);
  const find = async (value: string) => {
    try {
      setLookupError(undefined);
      setWorkshop(await lookupWorkshop(value));
    } catch (thrown) {
      setWorkshop(null);
      setLookupError(asApiError(thrown));
    }
  };
  useEffect(() => {
    const initial = search.get('code');
    if (initial) void find(initial);
    // Only the code the link carried is looked up by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onJoined = (result: JoinResult) => {
    if (result.token) {
      const stored: StoredGuest = { token: result.token, slug: result.slug, workshopId: result.workshopId, sheetId: result.sheetId };
      localStorage.setItem(GUEST_STORAGE_KEY, JSON.stringify(stored));
    }
    setJoined(result);
  };

  return (
    <Page title={t('workshops.join.title')} lead={<p>{t('workshops.join.intro')}</p>}>
      {joined ? (
        <div className="join-done">
          <Notice kind="success">{t('workshops.join.welcome')}</Notice>
          <Link className="button button--primary button--large" to={joined.sheetPath}>
            {t('workshops.join.toSheet')}
          </Link>
        </div>
      ) : (
        <>
          <form
            className="join-code-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void find(code);
            }}
          >
            <ErrorSummary error={lookupError} fields={[{ path: 'code', id: 'join-code', label: t('workshops.join.code') }]} />
            <Field id="join-code" label={t('workshops.join.code')} error={lookupError?.fieldMessage('code')}>
              {(control) => (
                <input
                  {...control}
                  className="join-code-input"
                  value={code}
                  onChange={(event) => setCode(event.target.value.toUpperCase())}
                  autoCapitalize="characters"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={9}
                />
              )}
            </Field>
            {workshop ? null : (
              <button type="submit" className="button button--primary">
                {t('workshops.join.next')}
              </button>
            )}
          </form>
          {workshop ? (
            <section aria-labelledby="join-workshop">
              <h2 id="join-workshop">{t('workshops.join.workshop', { title: workshop.title })}</h2>
              <p className="muted">{t('workshops.join.when', { date: workshop.heldOn ? formatDate(workshop.heldOn) : '', place: [workshop.place, workshop.region.name].filter(Boolean).join(', ') })}</p>
              <JoinForm workshop={workshop} code={code} onJoined={onJoined} />
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
