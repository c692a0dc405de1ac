import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { regionPath } from '../../modules';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';
import { Disclosure } from './member-forms';
import { MeetingForm } from './meeting-forms';

/** Upcoming and past meetings of the steering group and the working groups. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const meetings = useApi('/api/regions/{slug}/cooperative/meetings', { params: { path: { slug: region.slug } } });
  const isAdmin = roleIn(region.slug) === 'admin';
  const overview = useApi(isAdmin ? '/api/regions/{slug}/cooperative' : null, { params: { path: { slug: region.slug } } });
  const bodies = overview.data?.bodies ?? [];
  const section = (title: string, items: NonNullable<typeof meetings.data>['past']) => (
    <>
      <h2>{title}</h2>
      {items.length === 0 ? <p>{t('cooperative.meetings.none')}</p> : null}
      <ul className="coop-cards">
        {items.map((meeting) => (
          <li key={meeting.id} className="coop-card">
            <h3>
              <Link to={`${regionPath(region.slug, 'cooperatie')}/vergaderingen/${meeting.id}`}>{meeting.title}</Link>
            </h3>
            <p>
              {meeting.bodyName} · {formatDateTime(meeting.startsAt)}
            </p>
            <p className="muted">
              {meeting.location || (meeting.videoUrl ? t('cooperative.meetings.videoUrl') : '')}
              {meeting.decisionCount ? ` · ${t('cooperative.meetings.decisionCount', { count: meeting.decisionCount })}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <Page title={t('cooperative.meetings.title')} regionName={region.name}>
      <CooperativeNav slug={region.slug} />
      {meetings.data?.canManage && bodies.length ? (
        <Disclosure label={t('cooperative.forms.addMeeting')}>
          {() => <MeetingForm slug={region.slug} bodies={bodies} onDone={(id) => void navigate(`${regionPath(region.slug, 'cooperatie')}/vergaderingen/${id}`)} />}
        </Disclosure>
      ) : null}
      {meetings.error ? <Notice kind="error">{meetings.error.message}</Notice> : null}
      {meetings.data ? (
        <>
          {section(t('cooperative.meetings.upcoming'), meetings.data.upcoming)}
          {section(t('cooperative.meetings.past'), meetings.data.past)}
        </>
      ) : null}
    </Page>
  );
}
