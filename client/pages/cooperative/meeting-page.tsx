import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field } from '../../components/form';
import { api, apiHref, asApiError, conflictCurrent, type ApiError } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { regionPath } from '../../modules';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';
import { Disclosure } from './member-forms';
import { ActionPointForm, ActionPointStatus, AttendanceForm, MeetingForm } from './meeting-forms';

const AUTOSAVE_MS = 1500;

interface MinutesConflict {
  minutes: string;
  minutesVersion: number;
  minutesUpdatedBy: string | null;
}

/** One meeting: agenda, attendance and quorum, minutes written during the meeting (autosaved), decisions, action points. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const { meetingId = '' } = useParams();
  const [refresh, setRefresh] = useState(0);
  const meeting = useApi('/api/regions/{slug}/cooperative/meetings/{id}', { params: { path: { slug: region.slug, id: meetingId } }, refreshKey: refresh });
  const data = meeting.data;
  const [text, setText] = useState<string | null>(null);
  const version = useRef<number | null>(null);
  const [state, setState] = useState<'idle' | 'dirty' | 'saving' | 'saved'>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<MinutesConflict | null>(null);
  const [decisionText, setDecisionText] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [outcome, setOutcome] = useState<'goedgekeurd' | 'afgewezen'>('goedgekeurd');
  const [decisionError, setDecisionError] = useState<ApiError | undefined>();
  const [recorded, setRecorded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inviteResult, setInviteResult] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    // Take the server's minutes when we have no local edits (first load, after a decision).
    if (state === 'idle' || state === 'saved') {
      setText(data.minutes ?? '');
      version.current = data.minutesVersion;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  useEffect(() => {
    if (state !== 'dirty' || conflict || text === null || version.current === null) return;
    const timer = window.setTimeout(async () => {
      setState('saving');
      try {
        const saved = await api.PUT('/api/regions/{slug}/cooperative/meetings/{id}/minutes', { params: { path: { slug: region.slug, id: meetingId } }, body: { minutes: text, minutesVersion: version.current ?? 0 } });
        version.current = saved.minutesVersion;
        setSavedAt(saved.minutesUpdatedAt);
        setState((current) => (current === 'saving' ? 'saved' : current));
      } catch (error) {
        const current = conflictCurrent(error, 'put', '/api/regions/{slug}/cooperative/meetings/{id}/minutes') as unknown as MinutesConflict | null;
        if (current) setConflict(current);
        setState('dirty');
      }
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [state, text, conflict, region.slug, meetingId]);

  const resolve = (keep: 'mine' | 'theirs') => {
    if (!conflict) return;
    version.current = conflict.minutesVersion;
    if (keep === 'theirs') {
      setText(conflict.minutes);
      setState('saved');
    } else setState('dirty');
    setConflict(null);
  };

  const decide = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDecisionError(undefined);
    try {
      const decision = await api.POST('/api/regions/{slug}/cooperative/meetings/{id}/decisions', {
        params: { path: { slug: region.slug, id: meetingId } },
        body: { text: decisionText, proposalId: proposalId || null, outcome, planActionId: null, ...(text !== null && version.current !== null ? { minutes: text, minutesVersion: version.current } : {}) },
      });
      setRecorded(t('cooperative.decisions.recorded', { reference: decision.reference }));
      setDecisionText('');
      setProposalId('');
      setState('idle');
      setRefresh((count) => count + 1);
    } catch (error) {
      const current = conflictCurrent(error, 'put', '/api/regions/{slug}/cooperative/meetings/{id}/minutes') as unknown as MinutesConflict | null;
      if (current && 'minutes' in current) setConflict(current);
      setDecisionError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const invite = async () => {
    try {
      const result = await api.POST('/api/regions/{slug}/cooperative/meetings/{id}/invitations', { params: { path: { slug: region.slug, id: meetingId } } });
      setInviteResult(t(result.delivered ? 'cooperative.meetings.invitationsSent' : 'cooperative.meetings.invitationsLogged', { count: result.sent }));
      setRefresh((count) => count + 1);
    } catch (error) {
      setInviteResult(asApiError(error).message);
    }
  };

  const isAdmin = roleIn(region.slug) === 'admin';
  return (
    <Page title={data ? `${data.bodyName}: ${data.title}` : t('cooperative.meetings.title')} regionName={region.name}>
      <CooperativeNav slug={region.slug} />
      {meeting.error ? <Notice kind="error">{meeting.error.message}</Notice> : null}
      {data ? (
        <>
          <ul className="coop-meta">
            <li>{formatDateTime(data.startsAt)}</li>
            {data.location ? <li>{t('cooperative.meetings.location')}: {data.location}</li> : null}
            {data.videoUrl ? (
              <li>
                <a href={data.videoUrl}>{t('cooperative.meetings.videoUrl')}</a>
              </li>
            ) : null}
            <li>{data.minutesPublic ? t('cooperative.meetings.minutesPublic') : t('cooperative.meetings.minutesMembers')}</li>
            {data.invitationsSentAt ? <li>{t('cooperative.meetings.invited', { date: formatDate(data.invitationsSentAt) })}</li> : null}
          </ul>
          <div className="button-row">
            {data.minutes !== null ? (
              <a className="button" href={apiHref('/api/regions/{slug}/cooperative/meetings/{id}/minutes.pdf', { path: { slug: region.slug, id: data.id } })} download>
                {t('cooperative.meetings.pdf')}
              </a>
            ) : null}
            {isAdmin ? (
              <button type="button" className="button" onClick={invite}>
                {t('cooperative.meetings.invite')}
              </button>
            ) : null}
          </div>
          {inviteResult ? <Notice kind="info">{inviteResult}</Notice> : null}
          {isAdmin ? (
            <Disclosure label={t('cooperative.forms.editMeeting')}>
              {(close) => (
                <MeetingForm
                  key={data.version}
                  slug={region.slug}
                  bodies={[]}
                  meeting={data}
                  onDone={() => {
                    close();
                    setRefresh((count) => count + 1);
                  }}
                />
              )}
            </Disclosure>
          ) : null}

          <h2>{t('cooperative.meetings.agenda')}</h2>
          <ol>
            {data.agenda.map((item) => (
              <li key={item.id}>
                {item.title}
                {item.linkKind && item.linkLabel ? (
                  <>
                    {' — '}
                    {t(`cooperative.meetings.linkKinds.${item.linkKind}`)}:{' '}
                    {item.linkHref ? item.linkHref.startsWith('/') ? <Link to={item.linkHref}>{item.linkLabel}</Link> : <a href={item.linkHref}>{item.linkLabel}</a> : item.linkLabel}
                  </>
                ) : null}
                {item.description ? <p className="muted">{item.description}</p> : null}
              </li>
            ))}
          </ol>

          {data.attendance.length ? (
            <>
              <h2>{t('cooperative.meetings.attendance')}</h2>
              <ul>
                {data.attendance.map((entry) => (
                  <li key={entry.userId}>
                    {entry.name} ({t(`cooperative.roles.${entry.role}`)}): {t(`cooperative.attendance.${entry.status ?? 'unknown'}`)}
                  </li>
                ))}
              </ul>
              <p>
                {t('cooperative.meetings.quorum')}: {t('cooperative.meetings.quorumState', { present: data.quorum.present, needed: data.quorum.needed })} —{' '}
                <strong>{data.quorum.reached ? t('cooperative.meetings.quorumReached') : t('cooperative.meetings.quorumMissing')}</strong>
              </p>
              {data.canEdit ? (
                <Disclosure label={t('cooperative.forms.attendanceTitle')}>
                  {(close) => (
                    <AttendanceForm
                      slug={region.slug}
                      meeting={data}
                      onDone={() => {
                        close();
                        setRefresh((count) => count + 1);
                      }}
                    />
                  )}
                </Disclosure>
              ) : null}
            </>
          ) : null}

          <h2>{t('cooperative.meetings.minutes')}</h2>
          {data.minutes === null ? (
            <p>{t('cooperative.meetings.minutesHidden')}</p>
          ) : data.canEdit ? (
            <>
              <label htmlFor="coop-minutes" className="visually-hidden">
                {t('cooperative.meetings.minutes')}
              </label>
              <textarea
                id="coop-minutes"
                className="coop-minutes"
                value={text ?? ''}
                onChange={(event) => {
                  setText(event.target.value);
                  setState('dirty');
                }}
              />
              <p className="muted" role="status">
                {state === 'saving' ? t('cooperative.meetings.saving') : state === 'saved' && savedAt ? t('cooperative.meetings.saved', { time: formatDateTime(savedAt).slice(-5) }) : state === 'dirty' ? t('cooperative.meetings.unsaved') : ''}
              </p>
              {conflict ? (
                <div className="coop-conflict">
                  <Notice kind="warning">{t('cooperative.meetings.conflict', { name: conflict.minutesUpdatedBy ?? '?' })}</Notice>
                  <p>{t('cooperative.meetings.conflictTheirs')}</p>
                  <pre>{conflict.minutes}</pre>
                  <div className="button-row">
                    <button type="button" className="button" onClick={() => resolve('theirs')}>
                      {t('cooperative.meetings.takeTheirs')}
                    </button>
                    <button type="button" className="button" onClick={() => resolve('mine')}>
                      {t('cooperative.meetings.keepMine')}
                    </button>
                  </div>
                </div>
              ) : null}
            </>
          ) : (
            <p style={{ whiteSpace: 'pre-wrap' }}>{data.minutes || '—'}</p>
          )}

          <h2>{t('cooperative.meetings.decisions')}</h2>
          {recorded ? <Notice kind="success">{recorded}</Notice> : null}
          <ul className="coop-decisions">
            {data.decisions.map((decision) => (
              <li key={decision.id}>
                <strong>{t('cooperative.decisions.reference', { reference: decision.reference })}</strong> {decision.text}
                {decision.proposal ? (
                  <>
                    <br />
                    <Link to={`${regionPath(region.slug, 'plannen')}/${decision.proposal.planId}/voorstellen`}>
                      {t('cooperative.decisions.changesProposal', { outcome: t(`cooperative.decisions.outcomes.${decision.proposal.outcome}`), number: decision.proposal.actionNumber, title: decision.proposal.actionTitle })}
                    </Link>
                  </>
                ) : null}
                {decision.planAction ? (
                  <>
                    <br />
                    <Link to={`${regionPath(region.slug, 'plannen')}/${decision.planAction.planId}/acties/${decision.planAction.id}`}>
                      {t('cooperative.decisions.changesAction', { number: decision.planAction.number, title: decision.planAction.title })}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {data.canDecide ? (
            <form onSubmit={decide} noValidate>
              <h3>{t('cooperative.decisions.record')}</h3>
              <ErrorSummary error={decisionError} fields={[{ path: 'text', id: 'coop-decision-text', label: t('cooperative.decisions.text') }]} />
              <Field id="coop-decision-text" label={t('cooperative.decisions.text')} error={decisionError?.fieldMessage('text')}>
                {(control) => <textarea {...control} value={decisionText} onChange={(event) => setDecisionText(event.target.value)} rows={3} />}
              </Field>
              <Field id="coop-decision-proposal" label={t('cooperative.decisions.proposal')}>
                {(control) => (
                <select {...control} value={proposalId} onChange={(event) => setProposalId(event.target.value)}>
                  <option value="">{t('cooperative.decisions.noProposal')}</option>
                  {data.openProposals.map((proposal) => (
                    <option key={proposal.id} value={proposal.id}>
                      {proposal.planTitle}: {proposal.actionNumber} {proposal.actionTitle}
                    </option>
                  ))}
                </select>
                )}
              </Field>
              {proposalId ? (
                <fieldset>
                  <legend>{t('cooperative.decisions.outcome')}</legend>
                  {(['goedgekeurd', 'afgewezen'] as const).map((option) => (
                    <label key={option}>
                      <input type="radio" name="coop-outcome" value={option} checked={outcome === option} onChange={() => setOutcome(option)} /> {t(`cooperative.decisions.outcomes.${option}`)}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              <button type="submit" className="button primary" disabled={busy}>
                {t('cooperative.decisions.record')}
              </button>
            </form>
          ) : null}

          {data.actionPoints.length || data.canEdit ? (
            <>
              <h2 id="coop-action-points">{t('cooperative.meetings.actionPoints')}</h2>
              {data.actionPoints.length === 0 ? <p>{t('cooperative.actionPoints.none')}</p> : null}
              {data.canEdit ? (
                <Disclosure label={t('cooperative.forms.addActionPoint')}>
                  {(close) => (
                    <ActionPointForm
                      slug={region.slug}
                      meeting={data}
                      onDone={() => {
                        close();
                        setRefresh((count) => count + 1);
                      }}
                    />
                  )}
                </Disclosure>
              ) : null}
              {data.actionPoints.length ? (
              <div className="table-scroll coop-scroll" tabIndex={0} role="region" aria-labelledby="coop-action-points">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('cooperative.actionPoints.what')}</th>
                      <th scope="col">{t('cooperative.actionPoints.who')}</th>
                      <th scope="col">{t('cooperative.actionPoints.due')}</th>
                      <th scope="col">{t('cooperative.actionPoints.status')}</th>
                      <th scope="col">{t('cooperative.actionPoints.planAction')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.actionPoints.map((point) => (
                      <tr key={point.id}>
                        <td>{point.description}</td>
                        <td>{point.assignee?.name ?? '—'}</td>
                        <td>{point.dueOn ? formatDate(point.dueOn) : '—'}</td>
                        <td>{data.canEdit ? <ActionPointStatus key={point.version} slug={region.slug} point={point} onDone={() => setRefresh((count) => count + 1)} /> : t(`cooperative.actionPointStatus.${point.status}`)}</td>
                        <td>
                          {point.planAction ? (
                            <Link to={`${regionPath(region.slug, 'plannen')}/${point.planAction.planId}/acties/${point.planAction.id}`}>
                              {point.planAction.number} {point.planAction.title}
                            </Link>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
