import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { useRegion } from '../../regions/region-context';
import { formatDate } from '../../../../common/format.js';
import type { RoomSnapshot } from '../../../../common/schemas/workshops.js';
import { useLiveRoom } from './use-room';
import { RoomBubbles } from './room-bubbles';
import { roomPaths } from './room-paths';
import './room.css';

/** "Name, e-mail" per line → invitees; the numbers of lines that are not. */
function parseInvitees(text: string): { invitees: { name: string; email: string }[]; bad: number[] } {
  const invitees: { name: string; email: string }[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const match = /^(.+?)[,;\t]\s*([^\s,;]+@[^\s,;]+\.[^\s,;]+)\s*$/.exec(line.trim());
    if (match) invitees.push({ name: match[1]!.trim(), email: match[2]! });
    else bad.push(index + 1);
  });
  return { invitees, bad };
}

function Steps({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  return (
    <section className="room-panel" aria-labelledby="room-steps">
      <h2 id="room-steps">{t('workshops.room.stepsTitle')}</h2>
      {room.participants.length === 0 ? <p className="room-empty">{t('workshops.room.noParticipants')}</p> : null}
      <ol className="room-steps">
        {room.steps.map(({ step, count }) => (
          <li key={step} className="room-steps__column">
            <h3>
              <span className="room-steps__number">{step}</span> {t(`workshops.room.steps.${step}`)} <span className="room-steps__count">({count})</span>
            </h3>
            <ul className="plain-list room-people">
              {room.participants
                .filter((person) => person.step === step)
                .map((person) => (
                  <li key={person.id} className="room-person" data-participant={person.id}>
                    <strong>{person.organisation}</strong>
                    <span>{person.name}</span>
                    {person.newOrganisation ? <span className="room-tag room-tag--new">{t('workshops.room.newOrganisation')}</span> : null}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Cards({ room }: { room: RoomSnapshot }) {
  const { t } = useTranslation();
  return (
    <section className="room-panel" aria-labelledby="room-cards">
      <h2 id="room-cards">{t('workshops.room.cardsTitle')}</h2>
      {room.cards.length === 0 ? <p className="room-empty">{t('workshops.room.noCards')}</p> : null}
      <ul className="plain-list room-cards">
        {room.cards.map((card) => (
          <li key={card.id} className="room-card">
            <p className="room-card__kind">{t(card.startKind === 'need' ? 'workshops.room.fromNeed' : 'workshops.room.fromStrength')}</p>
            <h3 className="room-card__start">“{card.startText}”</h3>
            <p className="room-card__who">{card.organisation}</p>
            <ul className="plain-list room-card__partners">
              {card.partners.map((partner, index) => (
                <li key={`${partner.actorId ?? partner.name}-${index}`}>
                  <strong>{partner.name}</strong>
                  {partner.municipality ? ` (${partner.municipality.name})` : ''}
                  {partner.kept ? <span className="room-tag room-tag--kept">{t('workshops.room.kept')}</span> : null}
                  {partner.bovenlokaal ? <span className="room-tag">{t('workshops.room.bovenlokaal')}</span> : null}
                  {partner.grensverleggend ? <span className="room-tag">{t('workshops.room.grensverleggend')}</span> : null}
                  {partner.ideas.length > 0 ? <span className="room-card__idea">{partner.ideas.join(' · ')}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Combinations({ combinations }: { combinations: RoomSnapshot['combinations'] }) {
  const { t } = useTranslation();
  return (
    <>
      {combinations.length === 0 ? <p className="room-empty">{t('workshops.room.noCombinations')}</p> : null}
      <ul className="plain-list room-cards">
        {combinations.map((combination) => (
          <li key={combination.id} className={`room-card${combination.pursue ? ' room-card--pursue' : ''}`}>
            <h3 className="room-card__start">{combination.title}</h3>
            <p className="room-card__who">{combination.actors.map((actor) => actor.name).join(' + ')}</p>
            {combination.scenario ? <p>{combination.scenario}</p> : null}
            {combination.ideas.length > 0 ? <p className="room-card__idea">{combination.ideas.join(' · ')}</p> : null}
            {combination.pursue ? <span className="room-tag room-tag--kept">{t('workshops.room.pursue')}</span> : null}
            {combination.cooperationIdea ? <p>{t('workshops.room.cooperationIdea', { title: combination.cooperationIdea.title, status: combination.cooperationIdea.status })}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function InviteForm({ slug, workshopId }: { slug: string; workshopId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [bad, setBad] = useState<number[]>([]);
  const submit = useSubmit(async () => {
    const parsed = parseInvitees(text);
    setBad(parsed.bad);
    if (parsed.bad.length > 0 || parsed.invitees.length === 0) return;
    const sent = await api.POST('/api/regions/{slug}/workshops/{workshopId}/invitations', { params: { path: { slug, workshopId } }, body: { invitees: parsed.invitees } });
    setResult(t('workshops.room.inviteSent', { count: sent.sent }));
    setText('');
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    void submit.run();
  };
  const lineError = bad.length > 0 ? bad.map((line) => t('workshops.room.inviteBadLine', { line })).join(' ') : undefined;
  return (
    <details className="room-invite">
      <summary>{t('workshops.room.invite')}</summary>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} fields={[{ path: 'invitees', id: 'invitees', label: t('workshops.room.inviteField') }]} />
        {result ? <Notice kind="success">{result}</Notice> : null}
        <Field id="invitees" label={t('workshops.room.inviteField')} hint={t('workshops.room.inviteHelp')} error={lineError ?? submit.error?.fieldMessage('invitees')}>
          {(control) => <textarea {...control} rows={4} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('workshops.room.inviteSend')}</SubmitButton>
      </form>
    </details>
  );
}

/** The facilitator's projector screen: the join code, who is at which step, the cards, the bubbles and the combinations, live. */
export function RoomPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { workshopId = '' } = useParams();
  const { room, error, live, reload } = useLiveRoom(region.slug, workshopId);
  const [confirming, setConfirming] = useState(false);
  const close = useSubmit(async () => {
    if (!room) return;
    await api.POST('/api/regions/{slug}/workshops/{workshopId}/close', { params: { path: { slug: region.slug, workshopId } }, body: { version: room.workshop.version } });
    setConfirming(false);
    await reload();
  });
  const title = room?.workshop.title ?? t('workshops.title');
  const joinUrl = `${window.location.host}/doe-mee`;

  return (
    <div className="room">
      <Page title={title} regionName={region.name}>
        {error ? <Notice kind="error">{error.message}</Notice> : null}
        {close.error ? <Notice kind="error">{close.error.message}</Notice> : null}
        {room ? (
          <>
            <p className="room-meta">
              {[room.workshop.heldOn ? formatDate(room.workshop.heldOn) : null, room.workshop.place].filter(Boolean).join(' · ')}
              <span className={`room-live${live ? ' room-live--on' : ''}`} role="status">
                {room.workshop.status === 'closed' ? t('workshops.room.closed') : live ? t('workshops.room.live') : t('workshops.room.reconnecting')}
              </span>
            </p>
            {room.workshop.status === 'open' ? (
              <p className="room-join">
                {t('workshops.room.joinAt', { url: joinUrl })} {t('workshops.room.withCode')} <strong className="join-code">{room.workshop.joinCode}</strong>
              </p>
            ) : null}
            <Steps room={room} />
            <Cards room={room} />
            <section className="room-panel" aria-labelledby="room-bubbles">
              <h2 id="room-bubbles">{t('workshops.room.bubblesTitle')}</h2>
              <RoomBubbles bubbles={room.bubbles} />
            </section>
            <section className="room-panel" aria-labelledby="room-combinations">
              <h2 id="room-combinations">{t('workshops.room.combinationsTitle')}</h2>
              <Combinations combinations={room.combinations} />
            </section>
            <div className="button-row room-actions">
              <Link className="button" to={roomPaths.report(region.slug, workshopId)}>
                {t('workshops.openReport')}
              </Link>
              {room.workshop.status === 'open' ? (
                <button type="button" className="button" onClick={() => setConfirming(true)}>
                  {t('workshops.room.close')}
                </button>
              ) : null}
            </div>
            {room.workshop.status === 'open' ? <InviteForm slug={region.slug} workshopId={workshopId} /> : null}
            <ConfirmDialog
              open={confirming}
              title={t('workshops.room.close')}
              message={t('workshops.room.closeConfirm')}
              confirmLabel={t('workshops.room.close')}
              onConfirm={() => void close.run()}
              onCancel={() => setConfirming(false)}
            />
          </>
        ) : null}
      </Page>
    </div>
  );
}
