import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { api, apiHref, type ApiResponse } from '../../api';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { BookingCalendar } from './booking-calendar';
import { BookingCard } from './booking-card';
import { LendingNav, lendingPaths, useLendingMe } from './lending-common';
import { ItemPhotos } from './item-photos';

type Booking = ApiResponse<'/api/regions/{slug}/lending/bookings/{bookingId}'>;

/** An item's page (what a QR label opens): conditions, calendar, request form, and for the owner its bookings with check-out and return. */
export function ItemPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const me = useLendingMe(region.slug);
  const [refresh, setRefresh] = useState(0);
  const item = useApi('/api/regions/{slug}/lending/items/{itemId}', { params: { path: { slug: region.slug, itemId } } });
  const bookings = useApi(item.data?.canManage ? '/api/regions/{slug}/lending/bookings' : null, {
    params: { path: { slug: region.slug }, query: { role: me?.isAdmin ? 'all' : 'owner', status: 'actief' } },
    refreshKey: refresh,
  });
  const [from, setFrom] = useState(params.get('van') ?? '');
  const [to, setTo] = useState(params.get('tot') ?? '');
  const [units, setUnits] = useState(params.get('aantal') ?? '1');
  const [note, setNote] = useState('');
  const [borrower, setBorrower] = useState<PickedActor | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const booking = useSubmit(async () => {
    const borrowerActorId = borrower?.id ?? me?.ownActor?.id;
    const answer = await api.POST('/api/regions/{slug}/lending/bookings', {
      params: { path: { slug: region.slug } },
      body: { itemId, from, to, units: Number(units), note, ...(borrowerActorId ? { borrowerActorId } : {}) },
    });
    setCreated(t('lending.book.done', { status: t(`lending.status.${answer.status}`) }));
    setRefresh((value) => value + 1);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    void booking.run();
  };
  const pick = (day: string) => {
    if (!from || (from && to) || day < from) {
      setFrom(day);
      setTo('');
    } else setTo(day);
  };

  if (item.error) return <Notice kind="error">{item.error.message}</Notice>;
  const data = item.data;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const itemBookings = (bookings.data ?? []).filter((entry) => entry.itemId === itemId);
  const replace = (next: Booking) => {
    bookings.setData((bookings.data ?? []).map((entry) => (entry.id === next.id ? next : entry)));
    setRefresh((value) => value + 1);
  };
  const overlap = booking.error?.code === 'BOOKING_OVERLAP' ? (booking.error.details as { conflicts?: { from: string; blockedUntil: string }[] } | undefined)?.conflicts?.[0] : undefined;

  return (
    <Page title={data.name} regionName={region.name} lead={<p>{t(`lending.kinds.${data.kind}`)} · {data.ownerName} · {data.municipality.name}</p>}>
      <LendingNav slug={region.slug} seesOverview={me?.seesOverview ?? false} canAddItems={me?.canAddItems ?? false} />
      {data.canManage && itemBookings.length > 0 ? (
        <section aria-labelledby="item-bookings">
          <h2 id="item-bookings">{t('lending.bookings.upcoming')}</h2>
          {itemBookings.map((entry) => (
            <BookingCard key={entry.id} slug={region.slug} booking={entry} onChange={replace} showItem={false} />
          ))}
        </section>
      ) : null}
      <div className="lending-two-col">
        <div>
          {data.canManage ? (
            <p>
              <Link className="button button--small" to={lendingPaths.editItem(region.slug, itemId)}>
                {t('lending.item.edit')}
              </Link>
            </p>
          ) : null}
          <ItemPhotos slug={region.slug} itemId={itemId} itemName={data.name} photos={data.photos} canManage={data.canManage} onChange={item.reload} />
          {data.description ? <p>{data.description}</p> : null}
          <h2>{t('lending.item.conditions')}</h2>
          <dl className="lending-facts">
            <dt>{t('lending.item.pickup')}</dt>
            <dd>{data.address.includes(data.municipality.name) ? data.address : [data.address, data.municipality.name].filter(Boolean).join(', ')}</dd>
            <dt>{t('lending.item.whoMay')}</dt>
            <dd>{t(`lending.audiences.${data.audience}`)}</dd>
            <dt>{t('lending.item.price')}</dt>
            <dd>{data.pricePerDayCents > 0 ? formatMoney(data.pricePerDayCents) : t('lending.item.free')}</dd>
            <dt>{t('lending.item.deposit')}</dt>
            <dd>{data.depositCents > 0 ? formatMoney(data.depositCents) : t('lending.item.none')}</dd>
            <dt>{t('lending.bookings.units')}</dt>
            <dd>{t('lending.search.units', { count: data.units })}</dd>
            {data.maxDays !== null ? (
              <>
                <dt>{t('lending.item.maxDays')}</dt>
                <dd>{t('lending.item.maxDaysValue', { count: data.maxDays })}</dd>
              </>
            ) : null}
            {data.bufferDays > 0 ? (
              <>
                <dt>{t('lending.item.buffer')}</dt>
                <dd>{t('lending.item.maxDaysValue', { count: data.bufferDays })}</dd>
              </>
            ) : null}
          </dl>
          {data.autoConfirmPartners ? <p className="muted">{t('lending.item.autoConfirm')}</p> : null}
          {data.kitParts.length > 0 ? (
            <>
              <h2>{t('lending.item.kitParts')}</h2>
              <ul>
                {data.kitParts.map((part) => (
                  <li key={part.itemId}>
                    {part.quantity} × {part.name}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.instructions ? (
            <>
              <h2>{t('lending.item.instructions')}</h2>
              <p>{data.instructions}</p>
            </>
          ) : null}
          {data.canManage ? (
            <p>
              <a className="button button--small" href={apiHref('/api/regions/{slug}/lending/labels', { path: { slug: region.slug }, query: { itemIds: itemId } })}>
                {t('lending.item.labels')}
              </a>
            </p>
          ) : null}
        </div>
        <div>
          <h2>{t('lending.calendar.heading')}</h2>
          <BookingCalendar key={refresh} slug={region.slug} itemId={itemId} onPick={pick} selected={{ from, to }} />
          <h2 id="book-heading">{t('lending.book.heading')}</h2>
          {me && !me.ownActor && !me.isAdmin ? <Notice kind="info">{t('lending.book.noActor')}</Notice> : null}
          <form onSubmit={submit} aria-labelledby="book-heading" noValidate>
            <ErrorSummary
              error={overlap ? undefined : booking.error}
              fields={[
                { path: 'from', id: 'book-from', label: t('lending.search.from') },
                { path: 'to', id: 'book-to', label: t('lending.search.to') },
                { path: 'units', id: 'book-units', label: t('lending.search.units') },
                { path: 'borrowerActorId', id: 'book-borrower', label: t('lending.book.borrower') },
              ]}
            />
            {overlap ? <Notice kind="error">{t('lending.book.overlap', { from: overlap.from.split('-').reverse().join('/'), to: overlap.blockedUntil.split('-').reverse().join('/') })}</Notice> : null}
            <Field id="book-from" label={t('lending.search.from')} error={booking.error?.fieldMessage('from')}>
              {(control) => <input {...control} type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />}
            </Field>
            <Field id="book-to" label={t('lending.search.to')} error={booking.error?.fieldMessage('to')}>
              {(control) => <input {...control} type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} required />}
            </Field>
            {data.units > 1 ? (
              <Field id="book-units" label={t('lending.search.units')} error={booking.error?.fieldMessage('units')}>
                {(control) => <input {...control} type="number" min={1} max={data.units} value={units} onChange={(event) => setUnits(event.target.value)} />}
              </Field>
            ) : null}
            {me?.isAdmin ? (
              <Field id="book-borrower" label={t('lending.book.borrower')} error={booking.error?.fieldMessage('borrowerActorId')}>
                {(control) => <ActorPicker control={control} slug={region.slug} value={borrower ?? (me.ownActor ? me.ownActor : null)} onChange={setBorrower} />}
              </Field>
            ) : me?.ownActor ? (
              <p>
                {t('lending.book.borrower')}: <strong>{me.ownActor.name}</strong>
              </p>
            ) : null}
            <Field id="book-note" label={t('lending.book.note')}>
              {(control) => <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
            </Field>
            <SubmitButton busy={booking.busy}>{t('lending.book.submit')}</SubmitButton>
            {created ? <Notice kind="success">{created}</Notice> : null}
          </form>
        </div>
      </div>
    </Page>
  );
}
