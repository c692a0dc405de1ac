import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { formatHours, languageName, TrajectoriesNav } from './trajectories-common';

type InboxPlacement = {
  id: string;
  participantCode: string;
  firstName: string | null;
  languages: string[] | null;
  dutchLevel: string | null;
  expectations: string | null;
  offerTitle: string;
  status: string;
  partnerMessage: string;
  hours: number;
  createdAt: string;
  version: number;
};

/** The partner's inbox: placements proposed at their organisation, with only what the participant agreed to share. */
export function InboxPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn, user } = useSession();
  const inbox = useApi('/api/regions/{slug}/trajectories/inbox', { params: { path: { slug: region.slug } }, refreshKey: user?.id });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={t('trajectories.inbox.title')} regionName={region.name} lead={<p>{t('trajectories.inbox.lead')}</p>}>
      <TrajectoriesNav slug={region.slug} role={roleIn(region.slug)} />
      {message ? <Notice kind="success">{message}</Notice> : null}
      {inbox.error ? <Notice kind="error">{inbox.error.status === 403 ? t('trajectories.inbox.noOrganisation') : inbox.error.message}</Notice> : null}
      {inbox.data && inbox.data.placements.length === 0 ? <p>{t('trajectories.inbox.none')}</p> : null}
      {inbox.data?.placements.map((placement) => (
        <InboxCard
          key={placement.id}
          placement={placement}
          slug={region.slug}
          onDone={(text) => {
            setMessage(text);
            inbox.reload();
          }}
        />
      ))}
    </Page>
  );
}

function InboxCard({ placement, slug, onDone }: { placement: InboxPlacement; slug: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [hours, setHours] = useState('3');
  const [attendedOn, setAttendedOn] = useState(new Date().toISOString().slice(0, 10));
  const answer = useSubmit(
    useCallback(
      async (choice: 'aanvaard' | 'ander-moment' | 'geweigerd') => {
        await api.POST('/api/regions/{slug}/trajectories/placements/{placementId}/response', { params: { path: { slug, placementId: placement.id } }, body: { answer: choice, message: text, version: placement.version } });
        onDone(t('trajectories.inbox.answered'));
      },
      [slug, placement.id, placement.version, text, onDone, t],
    ),
  );
  const log = useSubmit(
    useCallback(async () => {
      await api.POST('/api/regions/{slug}/trajectories/placements/{placementId}/hours', { params: { path: { slug, placementId: placement.id } }, body: { attendedOn, hours: Number(hours.replace(',', '.')) } });
      onDone(t('trajectories.participant.hoursSaved'));
    }, [slug, placement.id, attendedOn, hours, onDone, t]),
  );
  const id = placement.id.slice(0, 8);
  const notShared = <span className="muted">{t('trajectories.inbox.notShared')}</span>;
  return (
    <section className="traject-card" aria-labelledby={`inbox-${id}`}>
      <h2 id={`inbox-${id}`}>{placement.firstName ? `${placement.firstName} (${placement.participantCode})` : placement.participantCode}</h2>
      <dl className="traject-facts">
        <dt>{t('trajectories.inbox.offer')}</dt>
        <dd>{placement.offerTitle}</dd>
        <dt>{t('trajectories.inbox.status')}</dt>
        <dd>
          <span className={`traject-status traject-status--${placement.status}`}>{t(`trajectories.placementStatuses.${placement.status}`)}</span> · {formatDateTime(placement.createdAt)}
        </dd>
        <dt>{t('trajectories.inbox.languages')}</dt>
        <dd>{placement.languages ? `${placement.languages.map((code) => languageName(t, code)).join(', ')}${placement.dutchLevel ? ` · ${t(`trajectories.levels.${placement.dutchLevel}`)}` : ''}` : notShared}</dd>
        <dt>{t('trajectories.inbox.expectations')}</dt>
        <dd>{placement.expectations ?? notShared}</dd>
        <dt>{t('trajectories.list.hours')}</dt>
        <dd>{t('trajectories.hoursProgress', { hours: formatHours(placement.hours), goal: 40 })}</dd>
      </dl>
      {placement.partnerMessage ? <p>{placement.partnerMessage}</p> : null}
      <ErrorSummary error={answer.error ?? log.error} />
      {placement.status !== 'aanvaard' && placement.status !== 'geweigerd' ? (
        <>
          <Field id={`answer-${id}`} label={t('trajectories.inbox.message')}>
            {(control) => <textarea {...control} rows={2} value={text} onChange={(event) => setText(event.target.value)} />}
          </Field>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void answer.run('aanvaard')}>
              {t('trajectories.inbox.accept')}
            </button>
            <button type="button" className="button" onClick={() => void answer.run('ander-moment')}>
              {t('trajectories.inbox.otherMoment')}
            </button>
            <button type="button" className="button" onClick={() => void answer.run('geweigerd')}>
              {t('trajectories.inbox.decline')}
            </button>
          </div>
        </>
      ) : null}
      {placement.status === 'aanvaard' ? (
        <form
          className="traject-inline-form"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void log.run();
          }}
        >
          <Field id={`inbox-date-${id}`} label={t('trajectories.participant.date')}>
            {(control) => <input {...control} type="date" value={attendedOn} onChange={(event) => setAttendedOn(event.target.value)} />}
          </Field>
          <Field id={`inbox-hours-${id}`} label={t('trajectories.participant.hours')}>
            {(control) => <input {...control} type="text" inputMode="decimal" size={4} value={hours} onChange={(event) => setHours(event.target.value)} />}
          </Field>
          <SubmitButton busy={log.busy}>{t('trajectories.participant.logHours')}</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
