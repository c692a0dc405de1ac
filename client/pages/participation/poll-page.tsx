import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../common/schemas/participation.js';
import { formatDateTime, formatNumber } from '../../../common/format.js';
import { api } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { BarChart } from './bar-chart';
import { participationPaths } from './participation-common';
import './participation.css';

function optionLabel(poll: Poll, key: string, t: (key: string) => string): string {
  if (poll.kind === 'proposal') return t(`participation.choices.${key}`);
  return poll.options.find((option) => option.key === key)?.label ?? key;
}

function stanceSummary(poll: Poll, points: Record<string, number>, ranking: string[], t: (key: string) => string): string {
  if (ranking.length) return ranking.map((key) => optionLabel(poll, key, t)).join(' › ');
  if (poll.kind === 'score' || poll.kind === 'dot') return Object.entries(points).map(([key, value]) => `${optionLabel(poll, key, t)}: ${value}`).join(', ');
  return Object.keys(points).map((key) => optionLabel(poll, key, t)).join(', ');
}

function VoteForm({ poll, slug, onSaved }: { poll: Poll; slug: string; onSaved: (poll: Poll) => void }) {
  const { t } = useTranslation();
  const mine = poll.myStance;
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '');
    let body: { choice?: string; choices?: string[]; scores?: Record<string, number>; reason: string } = { reason };
    if (poll.kind === 'proposal' || poll.kind === 'choose-one') body = { choice: String(data.get('choice') ?? ''), reason };
    else if (poll.kind === 'choose-several' || poll.kind === 'meeting') body = { choices: data.getAll('choices').map(String), reason };
    else if (poll.kind === 'ranked') body = { choices: poll.options.map((_, index) => String(data.get(`rank-${index}`) ?? '')).filter(Boolean), reason };
    else body = { scores: Object.fromEntries(poll.options.map((option) => [option.key, Number(data.get(`score-${option.key}`) ?? 0) || 0])), reason };
    const updated = await api.PUT('/api/regions/{slug}/polls/{pollId}/stance', { params: { path: { slug, pollId: poll.id } }, body });
    setSaved(true);
    onSaved(updated);
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void run(event.currentTarget);
  };
  const keys = poll.kind === 'proposal' ? ['akkoord', 'onthouding', 'niet-akkoord', 'blokkeren'] : poll.options.map((option) => option.key);
  const fieldPath = poll.kind === 'proposal' || poll.kind === 'choose-one' ? 'choice' : poll.kind === 'score' || poll.kind === 'dot' ? 'scores' : 'choices';
  return (
    <form className="pp-form" onSubmit={onSubmit} noValidate>
      <h2>{t('participation.poll.yourVote')}</h2>
      <ErrorSummary error={error} fields={[{ path: fieldPath, id: 'vote-options', label: t('participation.poll.yourVote') }]} />
      {saved ? <Notice kind="success">{t('participation.poll.saved')}</Notice> : null}
      <fieldset className="pp-question" id="vote-options" tabIndex={-1}>
        <legend>{poll.title}</legend>
        {poll.kind === 'proposal' || poll.kind === 'choose-one'
          ? keys.map((key) => (
              <label key={key} className="pp-choice">
                <input type="radio" name="choice" value={key} defaultChecked={Boolean(mine?.points[key])} /> {optionLabel(poll, key, t)}
              </label>
            ))
          : null}
        {poll.kind === 'choose-several' || poll.kind === 'meeting'
          ? keys.map((key) => (
              <label key={key} className="pp-choice">
                <input type="checkbox" name="choices" value={key} defaultChecked={Boolean(mine?.points[key])} /> {optionLabel(poll, key, t)}
              </label>
            ))
          : null}
        {poll.kind === 'ranked' ? (
          <>
            <p className="field__hint">{t('participation.poll.rankHint')}</p>
            {poll.options.map((_, index) => (
              <Field key={index} id={`rank-${index}`} label={t('participation.poll.rank', { place: index + 1 })}>
                {(control) => (
                  <select {...control} name={`rank-${index}`} defaultValue={mine?.ranking[index] ?? ''}>
                    <option value="">–</option>
                    {poll.options.map((option) => (
                      <option key={option.key} value={option.key}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </>
        ) : null}
        {poll.kind === 'score' || poll.kind === 'dot' ? (
          <>
            {poll.kind === 'dot' ? <p className="field__hint">{t('participation.poll.points', { count: poll.points })}</p> : null}
            {poll.options.map((option) => (
              <Field key={option.key} id={`score-${option.key}`} label={t('participation.poll.score', { option: option.label })}>
                {(control) => <input {...control} name={`score-${option.key}`} type="number" min={0} max={poll.points} defaultValue={mine?.points[option.key] ?? 0} />}
              </Field>
            ))}
          </>
        ) : null}
      </fieldset>
      <Field id="vote-reason" label={t('participation.poll.reason')}>
        {(control) => <textarea {...control} name="reason" defaultValue={mine?.reason ?? ''} />}
      </Field>
      <SubmitButton busy={busy}>{mine ? t('participation.poll.change') : t('participation.poll.vote')}</SubmitButton>
    </form>
  );
}

function ManagePoll({ poll, slug, onSaved }: { poll: Poll; slug: string; onSaved: (poll: Poll) => void }) {
  const { t } = useTranslation();
  const [reminded, setReminded] = useState<number | null>(null);
  const close = useSubmit(async (form: HTMLFormElement) => {
    const outcome = String(new FormData(form).get('outcome') ?? '');
    onSaved(await api.POST('/api/regions/{slug}/polls/{pollId}/close', { params: { path: { slug, pollId: poll.id } }, body: { outcome } }));
  });
  const remind = useSubmit(async () => {
    setReminded((await api.POST('/api/regions/{slug}/polls/{pollId}/reminders', { params: { path: { slug, pollId: poll.id } } })).sent);
  });
  if (poll.outcome) return null;
  return (
    <>
      {poll.status === 'open' ? (
        <div className="pp-actions">
          <button type="button" className="button" onClick={() => void remind.run()}>
            {t('participation.poll.remind')}
          </button>
          {reminded !== null ? <Notice kind="success">{t('participation.poll.reminded', { count: reminded })}</Notice> : null}
        </div>
      ) : null}
      <form
        className="pp-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void close.run(event.currentTarget);
        }}
      >
        <ErrorSummary error={close.error} fields={[{ path: 'outcome', id: 'poll-outcome', label: t('participation.poll.outcomeLabel') }]} />
        <Field id="poll-outcome" label={t('participation.poll.outcomeLabel')} error={close.error?.fieldMessage('outcome')}>
          {(control) => <textarea {...control} name="outcome" required />}
        </Field>
        <SubmitButton busy={close.busy}>{t('participation.poll.close')}</SubmitButton>
      </form>
    </>
  );
}

/** /r/:slug/cooperatie/stemrondes/:pollId — vote (and change the vote), see the results, close with an outcome. */
export function PollPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { pollId = '' } = useParams();
  const poll = useApi('/api/regions/{slug}/polls/{pollId}', { params: { path: { slug: region.slug, pollId } }, refreshKey: session.user?.id ?? null });
  if (poll.error?.status === 404) return <NotFoundPage />;
  if (!poll.data) {
    return (
      <Page title={t('participation.polls.heading')} regionName={region.name}>
        {poll.error ? <Notice kind="error">{poll.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const data = poll.data;
  const resultKeys = data.kind === 'proposal' ? ['akkoord', 'onthouding', 'niet-akkoord', 'blokkeren'] : data.options.map((option) => option.key);
  return (
    <Page
      title={data.title}
      regionName={region.name}
      lead={
        <p>
          {t(`participation.kinds.${data.kind}`)} · {t(`participation.status.${data.status}`)} · {t('participation.polls.closes', { date: formatDateTime(data.closesAt) })} · {t('participation.polls.votedOf', { voted: data.voted, voters: data.voters })} ·{' '}
          {t(`participation.audiences.${data.audience}`)}
        </p>
      }
    >
      <p>
        <Link to={participationPaths.polls(region.slug)}>{t('participation.polls.heading')}</Link>
      </p>
      {data.description ? <p>{data.description}</p> : null}
      {data.proposal ? (
        <Notice kind="info" live={false}>
          {t('participation.poll.proposal', { status: data.proposal.status })}{' '}
          <Link to={`/r/${region.slug}/plannen/${data.proposal.planId}/voorstellen`}>{t('participation.poll.outcome')}</Link>
        </Notice>
      ) : null}
      {data.outcome ? (
        <section>
          <h2>{t('participation.poll.outcome')}</h2>
          <p>{data.outcome}</p>
        </section>
      ) : null}
      {data.mayVote ? <VoteForm poll={data} slug={region.slug} onSaved={poll.setData} /> : data.status === 'open' ? <p>{t('participation.poll.notVoter')}</p> : <p>{t('participation.poll.closedNotice')}</p>}
      <section>
        <h2>{t('participation.poll.results')}</h2>
        {data.weighted && data.results ? <h3>{t('participation.poll.unweightedResults')}</h3> : null}
        {data.results ? <BarChart title={data.title} total={data.kind === 'proposal' || data.kind === 'choose-one' ? data.voted : 0} bars={resultKeys.map((key) => ({ label: optionLabel(data, key, t), count: data.results?.[key] ?? 0 }))} /> : <p>{t('participation.poll.hidden')}</p>}
        {data.weightedResults ? (
          <>
            <h3 id="poll-weighted">{t('participation.poll.weightedResults', { year: data.weightYear })}</h3>
            {data.kind === 'proposal' ? <p>{t('participation.poll.weightedDecides')}</p> : null}
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="poll-weighted">
              <table className="table" aria-labelledby="poll-weighted">
                <thead>
                  <tr>
                    <th scope="col">{t('participation.poll.results')}</th>
                    <th scope="col" className="num">{t('participation.poll.unweightedColumn')}</th>
                    <th scope="col" className="num">{t('participation.poll.weightedColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {resultKeys.map((key) => (
                    <tr key={key}>
                      <th scope="row">{optionLabel(data, key, t)}</th>
                      <td className="num">{formatNumber(data.results?.[key] ?? 0)}</td>
                      <td className="num">{formatNumber((data.weightedResults?.[key] ?? 0) * 100)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
      </section>
      {data.stances.length ? (
        <section>
          <h2>{t('participation.poll.stances')}</h2>
          <ul>
            {data.stances.map((stance, index) => (
              <li key={index}>
                <strong>{stance.voter}</strong>: {stanceSummary(data, stance.points, stance.ranking, t)}
                {stance.reason ? ` — ${stance.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : data.anonymous ? (
        <p>{t('participation.poll.anonymousNote')}</p>
      ) : null}
      {data.myHistory.length > 1 ? (
        <section className="pp-history">
          <h2>{t('participation.poll.history')}</h2>
          <ol>
            {data.myHistory.map((stance) => (
              <li key={stance.revision}>
                {t('participation.poll.revision', { revision: stance.revision })} ({formatDateTime(stance.updatedAt)}): {stanceSummary(data, stance.points, stance.ranking, t)}
                {stance.reason ? ` — ${stance.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.canManage ? <ManagePoll poll={data} slug={region.slug} onSaved={poll.setData} /> : null}
    </Page>
  );
}
