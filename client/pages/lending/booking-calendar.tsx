import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { useApi } from '../../use-api';
import { shiftDay, todayIso } from './lending-common';

interface BookingCalendarProps {
  slug: string;
  itemId?: string;
  municipality?: string;
  /** Called with a day chosen by click or Enter (e.g. as start or end of a request). */
  onPick?: (day: string) => void;
  /** Days shown as chosen (the request being made). */
  selected?: { from?: string; to?: string };
}

const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return shiftDay(day, -weekday);
}

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

function monthTitle(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * Month or week view of bookings (one item, or the items of a municipality) as a grid of day buttons:
 * arrow keys move a day or a week, Page Up/Down a month or week, Enter or a click picks the day.
 */
export function BookingCalendar({ slug, itemId, municipality, onPick, selected }: BookingCalendarProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'month' | 'week'>('month');
  const [focusDay, setFocusDay] = useState(todayIso());
  const gridRef = useRef<HTMLTableElement>(null);
  const [moveFocus, setMoveFocus] = useState(false);

  const first = view === 'month' ? mondayOf(monthStart(focusDay)) : mondayOf(focusDay);
  const weeks = view === 'month' ? 6 : 1;
  const last = shiftDay(first, weeks * 7 - 1);
  const data = useApi('/api/regions/{slug}/lending/calendar', { params: { path: { slug }, query: { from: first, to: last, ...(itemId ? { itemId } : {}), ...(municipality ? { municipality } : {}) } } }).data;

  const byDay = useMemo(() => {
    const map = new Map<string, { count: number; names: string[]; parts: string[] }>();
    for (const booking of data?.bookings ?? []) {
      for (let day = booking.from; day <= booking.to; day = shiftDay(day, 1)) {
        const entry = map.get(day) ?? { count: 0, names: [], parts: [] };
        if (booking.partName !== null) {
          // A part in use elsewhere: the kit is not free that day, without a booking of its own.
          if (!entry.parts.includes(booking.partName)) entry.parts.push(booking.partName);
        } else {
          entry.count += booking.units;
          const name = booking.kitName === null ? booking.borrowerName : t('lending.calendar.withKit', { name: booking.borrowerName, kit: booking.kitName });
          if (!entry.names.includes(name)) entry.names.push(name);
        }
        map.set(day, entry);
      }
    }
    return map;
  }, [data, t]);

  useEffect(() => {
    if (!moveFocus) return;
    gridRef.current?.querySelector<HTMLButtonElement>(`button[data-day="${focusDay}"]`)?.focus();
    setMoveFocus(false);
  }, [focusDay, moveFocus, data]);

  const move = (days: number) => {
    setFocusDay((day) => shiftDay(day, days));
    setMoveFocus(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7, PageUp: view === 'month' ? -28 : -7, PageDown: view === 'month' ? 28 : 7 };
    if (event.key in steps) {
      event.preventDefault();
      move(steps[event.key]!);
    }
  };

  const longDate = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const days = Array.from({ length: weeks * 7 }, (_, index) => shiftDay(first, index));
  const inRange = (day: string) => Boolean(selected?.from && day >= selected.from && day <= (selected.to ?? selected.from));
  const title = view === 'month' ? monthTitle(focusDay, i18n.language) : `${formatDate(first)} – ${formatDate(last)}`;

  return (
    <section className="lending-calendar-block" aria-label={t('lending.calendar.heading')}>
      <div className="lending-calendar__bar">
        <span className="lending-calendar__title" aria-live="polite">
          {title}
        </span>
        <button type="button" className="button button--small" onClick={() => setFocusDay((day) => shiftDay(view === 'month' ? monthStart(day) : day, view === 'month' ? -1 : -7))}>
          {t('lending.calendar.previous')}
        </button>
        <button type="button" className="button button--small" onClick={() => setFocusDay(todayIso())}>
          {t('lending.calendar.today')}
        </button>
        <button type="button" className="button button--small" onClick={() => setFocusDay((day) => shiftDay(view === 'month' ? monthStart(day) : day, view === 'month' ? 32 : 7))}>
          {t('lending.calendar.next')}
        </button>
        <span role="group" aria-label={t('lending.calendar.heading')} className="button-row">
          {(['month', 'week'] as const).map((option) => (
            <button key={option} type="button" className="button button--small" aria-pressed={view === option} onClick={() => setView(option)}>
              {t(`lending.calendar.${option}`)}
            </button>
          ))}
        </span>
      </div>
      <p className="muted" id={`calendar-help-${itemId ?? municipality ?? 'all'}`}>
        {t('lending.calendar.help')}
      </p>
      <table className="lending-calendar" ref={gridRef} aria-describedby={`calendar-help-${itemId ?? municipality ?? 'all'}`}>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col">
                {weekday}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: weeks }, (_, week) => (
            <tr key={week}>
              {days.slice(week * 7, week * 7 + 7).map((day) => {
                const entry = byDay.get(day);
                // The label starts with the visible day number (WCAG 2.5.3: the name contains the visible text).
                const date = longDate.format(new Date(`${day}T00:00:00Z`));
                const booked = entry && entry.count > 0 ? t('lending.calendar.dayBooked', { date, count: entry.count, names: entry.names.join(', ') }) : null;
                const parts = entry && entry.parts.length > 0 ? t('lending.calendar.partsInUse', { parts: entry.parts.join(', ') }) : null;
                const label = entry ? [booked ?? date, parts].filter(Boolean).join('; ') : t('lending.calendar.dayFree', { date });
                return (
                  <td key={day}>
                    <button
                      type="button"
                      data-day={day}
                      data-booked={entry ? 'true' : 'false'}
                      data-outside={view === 'month' && day.slice(0, 7) !== focusDay.slice(0, 7) ? 'true' : 'false'}
                      aria-label={label}
                      aria-pressed={inRange(day)}
                      tabIndex={day === focusDay ? 0 : -1}
                      onKeyDown={onKeyDown}
                      onFocus={() => setFocusDay(day)}
                      onClick={() => onPick?.(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lending-legend" aria-hidden="true">
        <span className="booked">{t('lending.calendar.legendBooked')}</span>
        <span className="free">{t('lending.calendar.legendFree')}</span>
      </p>
    </section>
  );
}
