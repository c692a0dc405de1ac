import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { POLL_KINDS, type PollKind } from '../../../common/schemas/participation.js';
import { formatDateTime } from '../../../common/format.js';
import { api } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, chosenOption, useSubmit } from '../../components/form';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { participationPaths } from './participation-common';
import './participation.css';

const AUDIENCES = ['steering', 'members', 'organisations'] as const;

function NewPollForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<PollKind>('proposal');
  const { run, busy, error } = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const closes = String(data.get('closesAt') ?? '');
    const created = await api.POST('/api/regions/{slug}/polls', {
      params: { path: { slug } },
      body: {
        title: String(data.get('title') ?? ''),
        description: String(data.get('description') ?? ''),
        kind,
        options: kind === 'proposal' ? [] : String(data.get('options') ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
        closesAt: closes ? new Date(closes).toISOString() : '',
        audience: chosenOption(AUDIENCES, String(data.get('audience')), 'steering'),
        anonymous: data.get('anonymous') === 'on',
        hideResults: data.get('hideResults') === 'on',
        points: Number(data.get('points') ?? 10) || 10,
        weighted: data.get('weighted') === 'on',
        ...(data.get('weighted') === 'on' && String(data.get('weightYear') ?? '').trim() ? { weightYear: Number(data.get('weightYear')) } : {}),
      },
    });
    navigate(participationPaths.poll(slug, created.id));
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(event.currentTarget);
  };
  const field = (path: string) => error?.fieldMessage(path);
  return (
    <form className="pp-form" onSubmit={onSubmit} noValidate>
      <h2>{t('participation.polls.newHeading')}</h2>
      <ErrorSummary error={error} fields={[{ path: 'title', id: 'poll-title', label: t('participation.polls.title') }, { path: 'closesAt', id: 'poll-closes', label: t('participation.polls.closesAt') }, { path: 'options', id: 'poll-options', label: t('participation.polls.options') }, { path: 'weightYear', id: 'poll-weight-year', label: t('participation.polls.weightYear') }]} />
      <Field id="poll-title" label={t('participation.polls.title')} error={field('title')}>
        {(control) => <input {...control} name="title" required />}
      </Field>
      <Field id="poll-description" label={t('participation.polls.description')}>
        {(control) => <textarea {...control} name="description" />}
      </Field>
      <Field id="poll-kind" label={t('participation.polls.kind')}>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(chosenOption(POLL_KINDS, event.target.value, 'proposal'))}>
            {POLL_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`participation.kinds.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind !== 'proposal' ? (
        <Field id="poll-options" label={t('participation.polls.options')} error={field('options')}>
          {(control) => <textarea {...control} name="options" />}
        </Field>
      ) : null}
      {kind === 'dot' || kind === 'score' ? (
        <Field id="poll-points" label={t('participation.polls.points')}>
          {(control) => <input {...control} name="points" type="number" min={1} max={100} defaultValue={10} />}
        </Field>
      ) : null}
      <Field id="poll-closes" label={t('participation.polls.closesAt')} error={field('closesAt')}>
        {(control) => <input {...control} name="closesAt" type="datetime-local" required />}
      </Field>
      <Field id="poll-audience" label={t('participation.polls.audience')}>
        {(control) => (
          <select {...control} name="audience" defaultValue="steering">
            {AUDIENCES.map((value) => (
              <option key={value} value={value}>
                {t(`participation.audiences.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="pp-choice">
        <input type="checkbox" name="anonymous" /> {t('participation.polls.anonymous')}
      </label>
      <label className="pp-choice">
        <input type="checkbox" name="hideResults" /> {t('participation.polls.hideResults')}
      </label>
      <label className="pp-choice">
        <input type="checkbox" name="weighted" /> {t('participation.polls.weighted')}
      </label>
      <Field id="poll-weight-year" label={t('participation.polls.weightYear')} hint={t('participation.polls.weightYearHint')} error={field('weightYear')}>
        {(control) => <input {...control} name="weightYear" type="number" min={2000} max={2100} />}
      </Field>
      <SubmitButton busy={busy}>{t('participation.polls.create')}</SubmitButton>
    </form>
  );
}

/** /r/:slug/cooperatie/stemrondes — the region's voting rounds; admins open new ones. */
export function PollsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const polls = useApi('/api/regions/{slug}/polls', { params: { path: { slug: region.slug } }, refreshKey: session.user?.id ?? null });
  const isAdmin = region.myRole === 'admin';
  return (
    <Page title={t('participation.polls.heading')} regionName={region.name} lead={<p>{t('participation.polls.lead')}</p>}>
      <p>
        <Link to={participationPaths.surveys(region.slug)}>{t('participation.nav.surveys')}</Link>
      </p>
      {polls.error ? <Notice kind="error">{polls.error.message}</Notice> : null}
      {polls.data ? (
        polls.data.items.length ? (
          <ul className="pp-list">
            {polls.data.items.map((poll) => (
              <li key={poll.id} className="pp-item">
                <h2>
                  <Link to={participationPaths.poll(region.slug, poll.id)}>{poll.title}</Link>
                </h2>
                <p className="pp-meta">
                  {t(`participation.kinds.${poll.kind}`)} · {t(`participation.status.${poll.status}`)} · {t('participation.polls.closes', { date: formatDateTime(poll.closesAt) })}
                </p>
                <p className="pp-meta">
                  {t('participation.polls.votedOf', { voted: poll.voted, voters: poll.voters })} · {t(`participation.audiences.${poll.audience}`)}
                  {poll.mayVote ? ` · ${t('participation.polls.mayVote')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('participation.polls.empty')}</p>
        )
      ) : polls.error ? null : (
        <p>{t('app.loading')}</p>
      )}
      {isAdmin ? <NewPollForm slug={region.slug} /> : null}
    </Page>
  );
}
