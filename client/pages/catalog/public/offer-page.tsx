import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../../api';
import { useApi } from '../../../use-api';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { currentLocale } from '../../../i18n';
import { formatMoney } from '../../../../common/format.js';
import type { PublicOfferDetail } from '../../../../common/schemas/catalog-public.js';
import { LanguageIcons } from './language-icons';
import { formatDay, formatTime, formatWhen, languageName, textLanguage, weekdayName } from './format';
import './public-catalog.css';

/** A route planner link: the address when there is one (people recognise it), else the coordinates. */
function routePlannerHref(offer: PublicOfferDetail): string | null {
  const address = [offer.address, [offer.postalCode, offer.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const destination = address || (offer.latitude !== null && offer.longitude !== null ? `${offer.latitude},${offer.longitude}` : '');
  return destination ? `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}` : null;
}

function ShareButton({ title }: { title: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const url = window.location.href;
    // The phone's own share sheet where there is one; else the link goes to the clipboard.
    if (navigator.share) {
      try {
        await navigator.share({ title, url });
        return;
      } catch {
        // Cancelled or refused: fall back to copying.
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      window.prompt(t('catalogPublic.offer.copyLink'), url);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void share()}>
        {t('catalogPublic.offer.share')}
      </button>
      <span role="status" className="offer-actions__status">
        {copied ? t('catalogPublic.offer.copied') : ''}
      </span>
    </>
  );
}

function When({ offer }: { offer: PublicOfferDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const hours = offer.openingHours.map((slot) =>
    t('catalogPublic.offer.openingHours', { days: slot.days.map((day) => weekdayName(day, locale)).join(', '), opens: slot.opens, closes: slot.closes }),
  );
  if (offer.calendarType === 'permanent') {
    return (
      <>
        <p>{t('catalogPublic.alwaysOpen')}</p>
        {hours.length > 0 ? <ul>{hours.map((line) => <li key={line}>{line}</li>)}</ul> : null}
      </>
    );
  }
  if (offer.calendarType === 'periodic' && offer.dates[0]) {
    const period = offer.dates[0];
    return (
      <>
        <p>{t('catalogPublic.offer.period', { from: formatDay(period.startsAt, locale), to: formatDay(period.endsAt ?? period.startsAt, locale) })}</p>
        {hours.length > 0 ? <ul>{hours.map((line) => <li key={line}>{line}</li>)}</ul> : null}
      </>
    );
  }
  return (
    <ul className="offer-dates">
      {offer.dates.slice(0, 10).map((date) => (
        <li key={date.startsAt}>
          {formatWhen(date.startsAt, locale)}
          {date.endsAt ? ` – ${formatTime(date.endsAt, locale)}` : ''}
        </li>
      ))}
    </ul>
  );
}

function ForWhom({ offer }: { offer: PublicOfferDetail }) {
  const { t } = useTranslation();
  const lines = [
    offer.ageMin !== null && offer.ageMax !== null
      ? t('catalogPublic.offer.ages', { min: offer.ageMin, max: offer.ageMax })
      : offer.ageMin !== null
        ? t('catalogPublic.offer.ageFrom', { min: offer.ageMin })
        : offer.ageMax !== null
          ? t('catalogPublic.offer.ageTo', { max: offer.ageMax })
          : t('catalogPublic.offer.everyone'),
    offer.kids ? t('catalogPublic.offer.withChildren') : null,
    offer.childcare ? t('catalogPublic.offer.childcare') : null,
    offer.placesLeft !== null ? t('catalogPublic.offer.placesLeft', { count: offer.placesLeft }) : null,
    offer.fourthPillar ? t('catalogPublic.offer.fourthPillar') : null,
  ].filter((line): line is string => line !== null);
  return <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>;
}

/** One activity for residents and newcomers: when, where and the way there, the cost, the language icons in words, who welcomes you. */
export function PublicOfferPage() {
  const { t } = useTranslation();
  const { slug = '', offerId = '' } = useParams();
  const locale = currentLocale();
  const { data: offer, error } = useApi('/api/regions/{slug}/offers/{offerId}', { params: { path: { slug, offerId }, query: { lang: locale } } });
  const back = (
    <p>
      <Link to={`/r/${slug}/aanbod`}>{t('catalogPublic.offer.back')}</Link>
    </p>
  );
  if (error) {
    return (
      <>
        {back}
        <Notice kind="error">{error.status === 404 ? t('catalogPublic.offer.notFound') : error.message}</Notice>
      </>
    );
  }
  if (!offer) return <p role="status">{t('app.loading')}</p>;
  const route = routePlannerHref(offer);
  const municipalityName = offer.municipality?.name ?? null;
  // The municipality too when the locality is a part of it (Oostvleteren in Vleteren): that is what the filters named.
  const place = [
    offer.locationName,
    offer.address,
    [offer.postalCode, offer.locality ?? municipalityName].filter(Boolean).join(' '),
    municipalityName && offer.locality && offer.locality !== municipalityName ? municipalityName : null,
  ].filter((line): line is string => Boolean(line));

  return (
    <article className="offer-page">
      {back}
      <div {...textLanguage(offer.titleLanguage, locale)}>
        <Page title={offer.title} />
      </div>
      {offer.organizer ? <p className="lead">{t('catalogPublic.offer.organizer', { name: offer.organizer.name })}</p> : null}
      {offer.titleLanguage !== locale || offer.descriptionLanguage !== locale ? <p className="hint">{t('catalogPublic.inDutch')}</p> : null}
      {offer.description ? (
        <p className="offer-page__description" {...textLanguage(offer.descriptionLanguage, locale)}>
          {offer.description}
        </p>
      ) : null}

      <div className="offer-actions">
        {offer.dates.length > 0 ? (
          <a className="button button--primary" href={apiHref('/api/regions/{slug}/offers/{offerId}/ical', { path: { slug, offerId }, query: { lang: locale } })} download>
            {t('catalogPublic.offer.addToCalendar')}
          </a>
        ) : null}
        <ShareButton title={offer.title} />
      </div>

      <div className="offer-facts">
        <section>
          <h2>{t('catalogPublic.offer.when')}</h2>
          <When offer={offer} />
        </section>
        <section>
          <h2>{t('catalogPublic.offer.where')}</h2>
          <address lang="nl" dir="ltr">
            {place.map((line) => (
              <span key={line} className="offer-page__line">
                {line}
              </span>
            ))}
          </address>
          {route ? (
            <p>
              <a href={route} target="_blank" rel="noreferrer" className="button">
                {t('catalogPublic.offer.route')}
              </a>
            </p>
          ) : null}
        </section>
        <section>
          <h2>{t('catalogPublic.offer.cost')}</h2>
          <p>{offer.free ? t('catalogPublic.free') : offer.priceCents !== null ? t('catalogPublic.offer.price', { amount: formatMoney(offer.priceCents) }) : null}</p>
          {offer.priceNote ? <p lang="nl">{offer.priceNote}</p> : null}
          {offer.uitpas ? <p>{t('catalogPublic.offer.uitpas')}</p> : null}
          {offer.kansentarief ? <p>{t('catalogPublic.offer.kansentarief')}</p> : null}
          {offer.bookingUrl ? (
            <p>
              <a href={offer.bookingUrl} target="_blank" rel="noreferrer">
                {t('catalogPublic.offer.book')}
              </a>
            </p>
          ) : null}
        </section>
        <section>
          <h2>{t('catalogPublic.offer.dutch')}</h2>
          <LanguageIcons count={offer.languageIcons} explain="visible" />
        </section>
        <section>
          <h2>{t('catalogPublic.offer.forWhom')}</h2>
          <ForWhom offer={offer} />
        </section>
        {offer.contact ? (
          <section>
            <h2>{t('catalogPublic.offer.welcome')}</h2>
            {offer.contact.name ? <p>{offer.contact.name}</p> : null}
            {offer.contact.languages.length > 0 ? (
              <p>{t('catalogPublic.offer.speaks', { languages: offer.contact.languages.map((code) => languageName(code, locale)).join(', ') })}</p>
            ) : null}
            {offer.contact.phone ? (
              <p>
                <a href={`tel:${offer.contact.phone.replace(/\s/g, '')}`} dir="ltr">
                  {t('catalogPublic.offer.call', { phone: offer.contact.phone })}
                </a>
              </p>
            ) : null}
            {offer.contact.email ? (
              <p>
                <a href={`mailto:${offer.contact.email}`}>{t('catalogPublic.offer.mail', { email: offer.contact.email })}</a>
              </p>
            ) : null}
          </section>
        ) : null}
        {offer.accessibility.length > 0 ? (
          <section>
            <h2>{t('catalogPublic.offer.access')}</h2>
            <ul>
              {offer.accessibility.map((feature) => (
                <li key={feature}>{t(`catalogPublic.offer.accessibility.${feature}`)}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </article>
  );
}
