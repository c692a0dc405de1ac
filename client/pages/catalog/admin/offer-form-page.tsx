import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCESSIBILITY_FEATURES, CALENDAR_TYPES, OFFER_STATUSES, WEEKDAYS } from '../../../../common/schemas/catalog.js';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { NoAccess } from '../../../components/access';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ActorPicker } from '../../../components/actor-picker';
import { ErrorSummary, Field, SubmitButton, chosenOption, useSubmit } from '../../../components/form';
import { api, ApiError, conflictCurrent } from '../../../api';
import { flashState } from '../../../flash';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { useRegion } from '../../regions/region-context';
import { CatalogAdminNav, catalogAdminPaths, mayEditOffers } from './catalog-admin-common';
import { CONTACT_LANGUAGES, DraftFieldError, TRANSLATED_LANGUAGES, draftOf, inputOf, type DateDraft, type Draft, type HoursDraft } from './offer-draft';
import { MunicipalitySelect } from '../../../components/municipality-select';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="panel">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Create (no offerId) or edit an offer with every field, field errors from the API and a clear 409. */
export function OfferFormPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { offerId } = useParams();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const role = roleIn(region.slug);
  const isAdmin = role === 'admin';
  const existing = useApi(offerId ? '/api/regions/{slug}/catalog/offers/{offerId}' : null, { params: { path: { slug: region.slug, offerId: offerId ?? '' } } });
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined));
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data));
  }, [existing.data]);

  const { run, busy, error } = useSubmit(async () => {
    setConflict(false);
    let body: ReturnType<typeof inputOf>;
    try {
      body = inputOf(draft, isAdmin, t);
    } catch (thrown) {
      // Shown like the API's own 400s: in the summary and next to the field.
      if (thrown instanceof DraftFieldError) throw new ApiError(400, 'VALIDATION_FAILED', t('errors.VALIDATION_FAILED'), [{ path: thrown.field, message: thrown.message }]);
      throw thrown;
    }
    try {
      if (offerId) {
        await api.PATCH('/api/regions/{slug}/catalog/offers/{offerId}', {
            params: { path: { slug: region.slug, offerId } },
            // An editor's offer keeps its organiser (their own organisation); only admins move it.
            body: { ...body, ...(isAdmin ? {} : { organizerActorId: undefined }), version: draft.version },
        });
      } else {
        await api.POST('/api/regions/{slug}/catalog/offers', { params: { path: { slug: region.slug } }, body });
      }
      navigate(catalogAdminPaths.list(region.slug), { state: flashState('catalog.form.saved') });
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'patch', '/api/regions/{slug}/catalog/offers/{offerId}');
      if (current) {
        setDraft(draftOf(current));
        setConflict(true);
        return;
      }
      throw thrown;
    }
  });
  const removing = useSubmit(async () => {
    if (!offerId) return;
    await api.DELETE('/api/regions/{slug}/catalog/offers/{offerId}', { params: { path: { slug: region.slug, offerId } } });
    navigate(catalogAdminPaths.list(region.slug));
  });

  if (!role) return <NoAccess />;
  if (offerId && existing.error) {
    return (
      <Page title={t('common.error')} regionName={region.name}>
        <Notice kind="error">{existing.error.message}</Notice>
      </Page>
    );
  }
  if (offerId && !existing.data) return <Page title={t('catalog.admin.loading')} regionName={region.name} />;
  if (!offerId && !mayEditOffers(role)) return <NoAccess />;
  const canEdit = offerId ? (existing.data?.canEdit ?? false) : true;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const fieldError = (path: string) => error?.fieldMessage(path);
  const text = (key: 'title' | 'locationName' | 'address' | 'postalCode' | 'locality' | 'latitude' | 'longitude' | 'priceNote' | 'bookingUrl' | 'contactName' | 'contactPhone' | 'contactEmail', label: string, options: { type?: string; hint?: string; path?: string; inputMode?: 'decimal' | 'numeric' } = {}) => (
    <Field id={`offer-${key}`} label={label} hint={options.hint} error={fieldError(options.path ?? key)}>
      {(control) => <input {...control} type={options.type ?? 'text'} inputMode={options.inputMode} value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const numberField = (key: 'price' | 'ageMin' | 'ageMax' | 'placesLeft' | 'fourthPillarHours', label: string, path: string, hint?: string) => (
    <Field id={`offer-${key}`} label={label} hint={hint} error={fieldError(path)}>
      {(control) => <input {...control} type="text" inputMode="decimal" value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const check = (key: 'isFree' | 'uitpas' | 'kansentarief' | 'withChildren' | 'childcare' | 'fourthPillar', label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={draft[key]} onChange={(event) => set(key, event.target.checked)} /> {label}
    </label>
  );
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((entry) => entry !== value));
  const updateDate = (index: number, change: Partial<DateDraft>) => set('dates', draft.dates.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const updateHours = (index: number, change: Partial<HoursDraft>) => set('openingHours', draft.openingHours.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const languageName = (code: string) => t(`catalog.form.languages.${code}`);

  const title = offerId ? t('catalog.form.editTitle', { title: existing.data?.title ?? '' }) : t('catalog.form.newTitle');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canEdit) void run();
  };

  return (
    <Page title={title} regionName={region.name}>
      <CatalogAdminNav slug={region.slug} role={role} />
      {conflict ? <Notice kind="warning">{t('catalog.form.conflict')}</Notice> : null}
      {!canEdit ? <Notice kind="info">{t('catalog.form.readOnly')}</Notice> : null}
      {/* An editor whose account has no organisation yet may not add offers: say why, not only "forbidden". */}
      {!offerId && role === 'editor' && error?.code === 'FORBIDDEN' ? <Notice kind="warning">{t('catalog.admin.noOrganisation')}</Notice> : null}
      {existing.data?.source === 'uitdatabank' ? <Notice kind="info" live={false}>{t('catalog.form.fromUitdatabank')}</Notice> : null}
      <ErrorSummary
        error={error ?? removing.error}
        fields={[
          { path: 'title', id: 'offer-title', label: t('catalog.form.title') },
          { path: 'description', id: 'offer-description', label: t('catalog.form.description') },
          { path: 'organizerActorId', id: 'offer-organizer', label: t('catalog.form.organizer') },
          { path: 'municipalityNis', id: 'offer-municipality', label: t('catalog.form.municipality') },
          { path: 'latitude', id: 'offer-latitude', label: t('catalog.form.latitude') },
          { path: 'longitude', id: 'offer-longitude', label: t('catalog.form.longitude') },
          { path: 'dates', id: draft.calendarType === 'periodic' ? 'offer-period-from' : 'offer-date-0-start', label: t('catalog.form.sections.when') },
          { path: 'openingHours', id: 'offer-calendarType', label: t('catalog.form.sections.when') },
          { path: 'priceCents', id: 'offer-price', label: t('catalog.form.price') },
          { path: 'ageMin', id: 'offer-ageMin', label: t('catalog.form.ageMin') },
          { path: 'ageMax', id: 'offer-ageMax', label: t('catalog.form.ageMax') },
          { path: 'placesLeft', id: 'offer-placesLeft', label: t('catalog.form.placesLeft') },
          { path: 'bookingUrl', id: 'offer-bookingUrl', label: t('catalog.form.bookingUrl') },
          { path: 'contactEmail', id: 'offer-contactEmail', label: t('catalog.form.contactEmail') },
          { path: 'fourthPillarHours', id: 'offer-fourthPillarHours', label: t('catalog.form.fourthPillarHours') },
        ]}
      />
      <form className="form offer-form" onSubmit={submit} noValidate>
        <fieldset disabled={!canEdit} className="offer-form__all">
          <Section title={t('catalog.form.sections.what')}>
            {text('title', t('catalog.form.title'), { hint: t('catalog.form.titleHint') })}
            <Field id="offer-description" label={t('catalog.form.description')} hint={t('catalog.form.descriptionHint')} error={fieldError('description')}>
              {(control) => <textarea {...control} rows={5} value={draft.description} onChange={(event) => set('description', event.target.value)} />}
            </Field>
            <Field id="offer-themes" label={t('catalog.form.themes')} hint={t('catalog.form.themesHint')} error={fieldError('themes')}>
              {(control) => <input {...control} type="text" value={draft.themes} onChange={(event) => set('themes', event.target.value)} />}
            </Field>
            {isAdmin ? (
              <Field id="offer-organizer" label={t('catalog.form.organizer')} hint={t('catalog.form.organizerHint')} error={fieldError('organizerActorId')}>
                {(control) => <ActorPicker control={control} slug={region.slug} value={draft.organizer} onChange={(actor) => set('organizer', actor)} />}
              </Field>
            ) : draft.organizer ? (
              <p>{t('catalog.form.ownOrganizer', { name: draft.organizer.name })}</p>
            ) : null}
          </Section>

          <Section title={t('catalog.form.sections.translations')}>
            <p className="field__hint">{t('catalog.form.translationsHint')}</p>
            {TRANSLATED_LANGUAGES.map((language) => {
              const entry = draft.translations[language] ?? { title: '', description: '' };
              const setEntry = (change: Partial<typeof entry>) => set('translations', { ...draft.translations, [language]: { ...entry, ...change } });
              return (
                <div key={language} className="offer-form__repeat">
                  <Field id={`offer-translation-${language}-title`} label={t('catalog.form.translationTitle', { language: languageName(language) })} error={fieldError(`translations.${language}.title`)}>
                    {(control) => <input {...control} type="text" lang={language} dir={language === 'ar' ? 'rtl' : undefined} value={entry.title} onChange={(event) => setEntry({ title: event.target.value })} />}
                  </Field>
                  <Field id={`offer-translation-${language}-description`} label={t('catalog.form.translationDescription', { language: languageName(language) })} error={fieldError(`translations.${language}.description`)}>
                    {(control) => <textarea {...control} rows={3} lang={language} dir={language === 'ar' ? 'rtl' : undefined} value={entry.description} onChange={(event) => setEntry({ description: event.target.value })} />}
                  </Field>
                </div>
              );
            })}
          </Section>

          <Section title={t('catalog.form.sections.where')}>
            {text('locationName', t('catalog.form.locationName'))}
            {text('address', t('catalog.form.address'))}
            <div className="offer-form__row">
              {text('postalCode', t('catalog.form.postalCode'), { inputMode: 'numeric' })}
              {text('locality', t('catalog.form.locality'))}
            </div>
            <Field id="offer-municipality" label={t('catalog.form.municipality')} error={fieldError('municipalityNis')}>
              {(control) => (
                <MunicipalitySelect control={control} municipalities={region.municipalities} value={draft.municipalityNis} onChange={(nis) => set('municipalityNis', nis)} emptyLabel={t('catalog.form.noMunicipality')} />
              )}
            </Field>
            <p className="field__hint">{t('catalog.form.coordinatesHint')}</p>
            <div className="offer-form__row">
              {text('latitude', t('catalog.form.latitude'), { inputMode: 'decimal' })}
              {text('longitude', t('catalog.form.longitude'), { inputMode: 'decimal' })}
            </div>
          </Section>

          <Section title={t('catalog.form.sections.when')}>
            <Field id="offer-calendarType" label={t('catalog.form.calendarType')} error={fieldError('calendarType') ?? fieldError('openingHours')}>
              {(control) => (
                <select {...control} value={draft.calendarType} onChange={(event) => set('calendarType', chosenOption(CALENDAR_TYPES, event.target.value, draft.calendarType))}>
                  {CALENDAR_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`catalog.form.calendarTypes.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {error?.fields.find((problem) => problem.path === 'dates') ? <p className="field__error">{error.fields.find((problem) => problem.path === 'dates')?.message}</p> : null}
            {draft.calendarType === 'single' || draft.calendarType === 'multiple'
              ? (draft.calendarType === 'single' ? draft.dates.slice(0, 1) : draft.dates).map((row, index) => (
                  <fieldset key={index} className="offer-form__repeat">
                    <legend>{t('catalog.form.dateLegend', { number: index + 1 })}</legend>
                    <div className="offer-form__row">
                      <Field id={`offer-date-${index}-start`} label={t('catalog.form.startsAt')} error={fieldError(`dates.${index}.startsAt`)}>
                        {(control) => <input {...control} type="datetime-local" value={row.startsAt} onChange={(event) => updateDate(index, { startsAt: event.target.value })} />}
                      </Field>
                      <Field id={`offer-date-${index}-end`} label={t('catalog.form.endsAt')} error={fieldError(`dates.${index}.endsAt`)}>
                        {(control) => <input {...control} type="datetime-local" value={row.endsAt} onChange={(event) => updateDate(index, { endsAt: event.target.value })} />}
                      </Field>
                    </div>
                    {draft.calendarType === 'multiple' && draft.dates.length > 1 ? (
                      <button type="button" className="button button--small" onClick={() => set('dates', draft.dates.filter((_, i) => i !== index))}>
                        {t('catalog.form.removeDate', { number: index + 1 })}
                      </button>
                    ) : null}
                  </fieldset>
                ))
              : null}
            {draft.calendarType === 'multiple' ? (
              <button type="button" className="button button--small" onClick={() => set('dates', [...draft.dates, { startsAt: '', endsAt: '' }])}>
                {t('catalog.form.addDate')}
              </button>
            ) : null}
            {draft.calendarType === 'periodic' ? (
              <>
                <div className="offer-form__row">
                  <Field id="offer-period-from" label={t('catalog.form.periodFrom')} error={fieldError('dates.0.startsAt')}>
                    {(control) => <input {...control} type="date" value={draft.periodFrom} onChange={(event) => set('periodFrom', event.target.value)} />}
                  </Field>
                  <Field id="offer-period-to" label={t('catalog.form.periodTo')} error={fieldError('dates.0.endsAt')}>
                    {(control) => <input {...control} type="date" value={draft.periodTo} onChange={(event) => set('periodTo', event.target.value)} />}
                  </Field>
                </div>
                {draft.openingHours.map((row, index) => (
                  <fieldset key={index} className="offer-form__repeat">
                    <legend>{t('catalog.form.openingHoursLegend', { number: index + 1 })}</legend>
                    <ul className="checkbox-grid">
                      {WEEKDAYS.map((day) => (
                        <li key={day}>
                          <label className="checkbox">
                            <input type="checkbox" checked={row.days.includes(day)} onChange={(event) => updateHours(index, { days: WEEKDAYS.filter((d) => (d === day ? event.target.checked : row.days.includes(d))) })} />{' '}
                            {t(`catalog.form.weekdays.${day}`)}
                          </label>
                        </li>
                      ))}
                    </ul>
                    <div className="offer-form__row">
                      <Field id={`offer-hours-${index}-opens`} label={t('catalog.form.opens')} error={fieldError(`openingHours.${index}.opens`)}>
                        {(control) => <input {...control} type="time" value={row.opens} onChange={(event) => updateHours(index, { opens: event.target.value })} />}
                      </Field>
                      <Field id={`offer-hours-${index}-closes`} label={t('catalog.form.closes')} error={fieldError(`openingHours.${index}.closes`)}>
                        {(control) => <input {...control} type="time" value={row.closes} onChange={(event) => updateHours(index, { closes: event.target.value })} />}
                      </Field>
                    </div>
                    <button type="button" className="button button--small" onClick={() => set('openingHours', draft.openingHours.filter((_, i) => i !== index))}>
                      {t('catalog.form.removeOpeningHours', { number: index + 1 })}
                    </button>
                  </fieldset>
                ))}
                <button type="button" className="button button--small" onClick={() => set('openingHours', [...draft.openingHours, { days: [], opens: '10:00', closes: '17:00' }])}>
                  {t('catalog.form.addOpeningHours')}
                </button>
              </>
            ) : null}
          </Section>

          <Section title={t('catalog.form.sections.dutch')}>
            <Field id="offer-languageIcons" label={t('catalog.form.languageIcons')} hint={t('catalog.form.languageIconsHint')} error={fieldError('languageIcons')}>
              {(control) => (
                <select {...control} value={draft.languageIcons} onChange={(event) => set('languageIcons', event.target.value)}>
                  <option value="">{t('catalog.form.icons.unknown')}</option>
                  {(['1', '2', '3', '4'] as const).map((count) => (
                    <option key={count} value={count}>
                      {t(`catalog.form.icons.${count}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="checkbox-group">
              <legend>{t('catalog.form.accessibility')}</legend>
              <ul className="checkbox-grid">
                {ACCESSIBILITY_FEATURES.map((feature) => (
                  <li key={feature}>
                    <label className="checkbox">
                      <input type="checkbox" checked={draft.accessibility.includes(feature)} onChange={(event) => set('accessibility', toggle(draft.accessibility, feature, event.target.checked))} />{' '}
                      {t(`catalog.form.accessibilityFeatures.${feature}`)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </Section>

          <Section title={t('catalog.form.sections.price')}>
            {check('isFree', t('catalog.form.isFree'))}
            {!draft.isFree ? numberField('price', t('catalog.form.price'), 'priceCents', t('catalog.form.priceHint')) : null}
            {text('priceNote', t('catalog.form.priceNote'))}
            {check('uitpas', t('catalog.form.uitpas'))}
            {draft.uitpas ? check('kansentarief', t('catalog.form.kansentarief')) : null}
          </Section>

          <Section title={t('catalog.form.sections.who')}>
            {check('withChildren', t('catalog.form.withChildren'))}
            {check('childcare', t('catalog.form.childcare'))}
            <div className="offer-form__row">
              {numberField('ageMin', t('catalog.form.ageMin'), 'ageMin')}
              {numberField('ageMax', t('catalog.form.ageMax'), 'ageMax')}
            </div>
            {numberField('placesLeft', t('catalog.form.placesLeft'), 'placesLeft', t('catalog.form.placesLeftHint'))}
            {text('bookingUrl', t('catalog.form.bookingUrl'), { type: 'url' })}
          </Section>

          <Section title={t('catalog.form.sections.welcome')}>
            {text('contactName', t('catalog.form.contactName'))}
            <div className="offer-form__row">
              {text('contactPhone', t('catalog.form.contactPhone'), { type: 'tel' })}
              {text('contactEmail', t('catalog.form.contactEmail'), { type: 'email' })}
            </div>
            <fieldset className="checkbox-group">
              <legend>{t('catalog.form.contactLanguages')}</legend>
              {fieldError('contactLanguages') ? <p className="field__error">{fieldError('contactLanguages')}</p> : null}
              <ul className="checkbox-grid">
                {CONTACT_LANGUAGES.map((language) => (
                  <li key={language}>
                    <label className="checkbox">
                      <input type="checkbox" checked={draft.contactLanguages.includes(language)} onChange={(event) => set('contactLanguages', toggle(draft.contactLanguages, language, event.target.checked))} />{' '}
                      {languageName(language)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </Section>

          <Section title={t('catalog.form.sections.fourthPillar')}>
            {check('fourthPillar', t('catalog.form.fourthPillar'))}
            {draft.fourthPillar ? numberField('fourthPillarHours', t('catalog.form.fourthPillarHours'), 'fourthPillarHours') : null}
          </Section>

          <Section title={t('catalog.form.sections.publish')}>
            <Field id="offer-status" label={t('catalog.form.status')} hint={t('catalog.form.statusHint')} error={fieldError('status')}>
              {(control) => (
                <select {...control} value={draft.status} onChange={(event) => set('status', chosenOption(OFFER_STATUSES, event.target.value, draft.status))}>
                  {OFFER_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`catalog.admin.status.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </Section>
        </fieldset>
        {canEdit ? (
          <div className="button-row">
            <SubmitButton busy={busy}>{t('catalog.form.save')}</SubmitButton>
            {offerId ? (
              <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>
                {t('catalog.form.delete')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('catalog.form.delete')}
        message={t('catalog.form.deleteConfirm')}
        confirmLabel={t('catalog.form.delete')}
        onConfirm={() => {
          setConfirmDelete(false);
          void removing.run();
        }}
        onCancel={() => setConfirmDelete(false)}
      />
    </Page>
  );
}
