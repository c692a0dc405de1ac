import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { api, asApiError, type ApiResponse } from '../../api';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { BookingCard } from './booking-card';
import { LendingNav, useLendingMe } from './lending-common';

type Booking = ApiResponse<'/api/regions/{slug}/lending/bookings/{bookingId}'>;

function BookingList({ slug, role, heading }: { slug: string; role: 'borrower' | 'owner' | 'all'; heading: string }) {
  const { t } = useTranslation();
  const list = useApi('/api/regions/{slug}/lending/bookings', { params: { path: { slug }, query: { role } } });
  const replace = (next: Booking) => list.setData((list.data ?? []).map((entry) => (entry.id === next.id ? next : entry)));
  const id = `bookings-${role}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {list.data && list.data.length === 0 ? <p>{t('lending.bookings.none')}</p> : null}
      {(list.data ?? []).map((booking) => (
        <BookingCard key={booking.id} slug={slug} booking={booking} onChange={replace} />
      ))}
    </section>
  );
}

/** The borrower's and the owner's lists (the regisseur also sees all), and the organisation's iCal link. */
export function BookingsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const me = useLendingMe(region.slug);
  const [feed, setFeed] = useState<string | null>(null);
  const [feedError, setFeedError] = useState<string | null>(null);
  const showFeed = async () => {
    if (!me?.ownActor) return;
    try {
      const answer = await api.POST('/api/regions/{slug}/lending/feeds/{actorId}', { params: { path: { slug: region.slug, actorId: me.ownActor.id } }, body: { renew: false } });
      setFeed(answer.url);
    } catch (thrown) {
      setFeedError(asApiError(thrown).message);
    }
  };
  return (
    <Page title={t('lending.bookings.heading')} regionName={region.name}>
      <LendingNav slug={region.slug} seesOverview={me?.seesOverview ?? false} canAddItems={me?.canAddItems ?? false} />
      {me?.ownActor ? (
        <>
          <BookingList slug={region.slug} role="owner" heading={t('lending.bookings.asOwner')} />
          <BookingList slug={region.slug} role="borrower" heading={t('lending.bookings.asBorrower')} />
          <section aria-labelledby="feed-heading">
            <h2 id="feed-heading">{t('lending.bookings.feed')}</h2>
            <p className="muted">{t('lending.bookings.feedHelp')}</p>
            {feed ? (
              <p>
                <label htmlFor="feed-url">{t('lending.bookings.feed')}</label>
                <input id="feed-url" readOnly value={feed} onFocus={(event) => event.target.select()} style={{ width: '100%' }} />
              </p>
            ) : (
              <button type="button" className="button" onClick={() => void showFeed()}>
                {t('lending.bookings.showFeed')}
              </button>
            )}
            {feedError ? <Notice kind="error">{feedError}</Notice> : null}
          </section>
        </>
      ) : null}
      {me?.isAdmin ? <BookingList slug={region.slug} role="all" heading={t('lending.bookings.all')} /> : null}
      {me && !me.ownActor && !me.isAdmin ? <Notice kind="info">{t('lending.book.noActor')}</Notice> : null}
    </Page>
  );
}
