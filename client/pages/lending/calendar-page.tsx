import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useRegion } from '../regions/region-context';
import { BookingCalendar } from './booking-calendar';
import { LendingNav, useLendingMe } from './lending-common';

/** The calendar of all items in a municipality (or the whole region). */
export function LendingCalendarPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const me = useLendingMe(region.slug);
  const [municipality, setMunicipality] = useState(region.municipalities[0]?.nisCode ?? '');
  return (
    <Page title={t('lending.calendar.heading')} regionName={region.name}>
      <LendingNav slug={region.slug} seesOverview={me?.seesOverview ?? false} canAddItems={me?.canAddItems ?? false} />
      <div className="field">
        <label htmlFor="calendar-municipality">{t('lending.calendar.municipality')}</label>
        <select id="calendar-municipality" value={municipality} onChange={(event) => setMunicipality(event.target.value)}>
          <option value="">{t('lending.calendar.allMunicipalities')}</option>
          {region.municipalities.map((entry) => (
            <option key={entry.nisCode} value={entry.nisCode}>
              {entry.name}
            </option>
          ))}
        </select>
      </div>
      <BookingCalendar key={municipality} slug={region.slug} {...(municipality ? { municipality } : {})} />
    </Page>
  );
}
