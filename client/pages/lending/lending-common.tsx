import { useTranslation } from 'react-i18next';
import { regionPath } from '../../modules';
import { useApi } from '../../use-api';
import { formatDate } from '../../../common/format.js';
import type { BookingStatus } from '../../../common/schemas/lending.js';
import './lending.css';
import { ModuleNav } from '../../components/module-nav';

/** Paths of the lending pages of a region. */
export const lendingPaths = {
  search: (slug: string) => regionPath(slug, 'uitleendienst'),
  item: (slug: string, id: string) => `${regionPath(slug, 'uitleendienst')}/items/${encodeURIComponent(id)}`,
  newItem: (slug: string) => `${regionPath(slug, 'uitleendienst')}/items/nieuw`,
  editItem: (slug: string, id: string) => `${regionPath(slug, 'uitleendienst')}/items/${encodeURIComponent(id)}/wijzigen`,
  bookings: (slug: string) => `${regionPath(slug, 'uitleendienst')}/reserveringen`,
  calendar: (slug: string) => `${regionPath(slug, 'uitleendienst')}/kalender`,
  overview: (slug: string) => `${regionPath(slug, 'uitleendienst')}/overzicht`,
};

/** The caller's own organisation and rights in the lending pool. */
export function useLendingMe(slug: string) {
  return useApi('/api/regions/{slug}/lending/me', { params: { path: { slug } } }).data;
}

/** Links between the lending views. */
export function LendingNav({ slug, seesOverview, canAddItems = false }: { slug: string; seesOverview: boolean; canAddItems?: boolean }) {
  const { t } = useTranslation();
  const links = [
    { to: lendingPaths.search(slug), label: t('lending.nav.search'), end: true },
    { to: lendingPaths.bookings(slug), label: t('lending.nav.bookings') },
    { to: lendingPaths.calendar(slug), label: t('lending.nav.calendar') },
    ...(seesOverview ? [{ to: lendingPaths.overview(slug), label: t('lending.nav.overview') }] : []),
    ...(canAddItems ? [{ to: lendingPaths.newItem(slug), label: t('lending.nav.newItem') }] : []),
  ];
  return <ModuleNav label={t('lending.title')} className="lending-nav" links={links} />;
}

/** A booking's status as a badge; overdue wins over "uitgeleend". */
export function StatusBadge({ status, overdue }: { status: BookingStatus; overdue: boolean }) {
  const { t } = useTranslation();
  const key = overdue ? 'overdue' : status;
  return <span className={`lending-status lending-status--${key}`}>{t(`lending.status.${key}`)}</span>;
}

/** dd/mm/jjjj – dd/mm/jjjj */
export function Period({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return <>{t('lending.bookings.period', { from: formatDate(from), to: formatDate(to) })}</>;
}

/** Today as YYYY-MM-DD in the browser's (Belgian) calendar. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A YYYY-MM-DD day moved by some days. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
