import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, asApiError, type ApiError, type ApiResponse } from '../../api';
import { Notice } from '../../components/notice';
import { lendingPaths, Period, StatusBadge } from './lending-common';

type Booking = ApiResponse<'/api/regions/{slug}/lending/bookings/{bookingId}'>;
type Transition = 'confirm' | 'refuse' | 'check-out' | 'return' | 'cancel';

/**
 * One booking with the steps the viewer may take. Checking out and taking back are two taps: the
 * first opens the condition notes, the second confirms.
 */
export function BookingCard({ slug, booking, onChange, showItem = true }: { slug: string; booking: Booking; onChange: (booking: Booking) => void; showItem?: boolean }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<'check-out' | 'return' | null>(null);
  const [notes, setNotes] = useState('');
  const [damage, setDamage] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);

  const run = async (transition: Transition) => {
    setError(undefined);
    try {
      const next = await api.POST('/api/regions/{slug}/lending/bookings/{bookingId}/{transition}', {
        params: { path: { slug, bookingId: booking.id, transition } },
        body: { version: booking.version, notes, damageNotes: damage },
      });
      setPending(null);
      setNotes('');
      setDamage('');
      setDone(t('lending.bookings.done', { status: t(`lending.status.${next.status}`) }));
      onChange(next);
    } catch (thrown) {
      setError(asApiError(thrown));
    }
  };
  const idBase = `booking-${booking.id}`;

  return (
    <article className="lending-booking" aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`}>
        {showItem ? <Link to={lendingPaths.item(slug, booking.itemId)}>{booking.itemName}</Link> : <Period from={booking.from} to={booking.to} />}{' '}
        <StatusBadge status={booking.status} overdue={booking.overdue} />
      </h3>
      <p className="muted">
        {showItem ? (
          <>
            <Period from={booking.from} to={booking.to} /> ·{' '}
          </>
        ) : null}
        {t('lending.bookings.borrower')}: {booking.borrowerName}
        {booking.borrowerMunicipality ? ` (${booking.borrowerMunicipality})` : ''} · {t('lending.bookings.units')}: {booking.units} · {t('lending.item.owner')}: {booking.ownerName}
      </p>
      {booking.checkoutNotes ? <p>{t('lending.bookings.notes')}: {booking.checkoutNotes}</p> : null}
      {booking.returnNotes ? <p>{t('lending.bookings.returnNotes')}: {booking.returnNotes}</p> : null}
      {booking.damageNotes ? <p>{t('lending.bookings.damage')}: {booking.damageNotes}</p> : null}
      {pending ? (
        <div className="field-group">
          <div className="field">
            <label htmlFor={`${idBase}-notes`}>{pending === 'check-out' ? t('lending.bookings.notes') : t('lending.bookings.returnNotes')}</label>
            <textarea id={`${idBase}-notes`} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />
          </div>
          {pending === 'return' ? (
            <div className="field">
              <label htmlFor={`${idBase}-damage`}>{t('lending.bookings.damage')}</label>
              <textarea id={`${idBase}-damage`} rows={2} value={damage} onChange={(event) => setDamage(event.target.value)} />
            </div>
          ) : null}
          <div className="lending-actions">
            <button type="button" className="button button--primary" onClick={() => void run(pending)}>
              {pending === 'check-out' ? t('lending.bookings.confirmCheckOut') : t('lending.bookings.confirmReturn')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('lending.bookings.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="lending-actions">
          {booking.canManage && booking.status === 'aangevraagd' ? (
            <>
              <button type="button" className="button button--primary" onClick={() => void run('confirm')}>
                {t('lending.bookings.confirm')}
              </button>
              <button type="button" className="button" onClick={() => void run('refuse')}>
                {t('lending.bookings.refuse')}
              </button>
            </>
          ) : null}
          {booking.canManage && booking.status === 'bevestigd' ? (
            <button type="button" className="button button--primary" onClick={() => setPending('check-out')}>
              {t('lending.bookings.checkOut')}
            </button>
          ) : null}
          {booking.canManage && booking.status === 'uitgeleend' ? (
            <button type="button" className="button button--primary" onClick={() => setPending('return')}>
              {t('lending.bookings.return')}
            </button>
          ) : null}
          {booking.canCancel ? (
            <button type="button" className="button" onClick={() => void run('cancel')}>
              {t('lending.bookings.cancel')}
            </button>
          ) : null}
        </div>
      )}
      {error ? <Notice kind="error">{error.message}</Notice> : null}
      {done ? <p role="status" className="muted">{done}</p> : null}
    </article>
  );
}
