import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { Page } from '../../../components/page';
import { Notice } from '../../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { useApi } from '../../../use-api';
import { useRegion } from '../../regions/region-context';
import { formatDate } from '../../../../common/format.js';
import { roomPaths } from './room-paths';
import './room.css';

/** The facilitator's list of workshops with the form that opens a new one. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const list = useApi('/api/regions/{slug}/workshops', { params: { path: { slug: region.slug } } });
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const submit = useSubmit(async () => {
    const workshop = await api.POST('/api/regions/{slug}/workshops', { params: { path: { slug: region.slug } }, body: { title, heldOn: heldOn || null, place } });
    setCreated(workshop.joinCode);
    setTitle('');
    setHeldOn('');
    setPlace('');
    list.reload();
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };

  return (
    <Page title={t('workshops.title')} regionName={region.name} lead={<p>{t('workshops.intro')}</p>}>
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('workshops.none')}</p> : null}
      <ul className="plain-list workshop-list">
        {list.data?.items.map((workshop) => (
          <li key={workshop.id} className="card">
            <h2 className="card__title">{workshop.title}</h2>
            <p className="card__meta">
              {[workshop.heldOn ? formatDate(workshop.heldOn) : null, workshop.place, t(`workshops.status.${workshop.status}`), t('workshops.participants', { count: workshop.participantCount })].filter(Boolean).join(' · ')}
            </p>
            {workshop.status === 'open' ? (
              <p>
                {t('workshops.code')}: <strong className="join-code join-code--small">{workshop.joinCode}</strong>
              </p>
            ) : null}
            <p className="button-row">
              {workshop.status === 'open' ? (
                <Link className="button button--primary" to={roomPaths.room(region.slug, workshop.id)}>
                  {t('workshops.openRoom')}
                </Link>
              ) : null}
              <Link className="button" to={roomPaths.report(region.slug, workshop.id)}>
                {t('workshops.openReport')}
              </Link>
            </p>
          </li>
        ))}
      </ul>

      <h2>{t('workshops.newWorkshop')}</h2>
      {created ? <Notice kind="success">{t('workshops.created', { code: created })}</Notice> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorSummary
          error={submit.error}
          fields={[
            { path: 'title', id: 'workshop-title', label: t('workshops.fields.title') },
            { path: 'heldOn', id: 'workshop-date', label: t('workshops.fields.heldOn') },
            { path: 'place', id: 'workshop-place', label: t('workshops.fields.place') },
          ]}
        />
        <Field id="workshop-title" label={t('workshops.fields.title')} error={submit.error?.fieldMessage('title')}>
          {(control) => <input {...control} value={title} onChange={(event) => setTitle(event.target.value)} required />}
        </Field>
        <Field id="workshop-date" label={t('workshops.fields.heldOn')} error={submit.error?.fieldMessage('heldOn')}>
          {(control) => <input {...control} type="date" value={heldOn} onChange={(event) => setHeldOn(event.target.value)} />}
        </Field>
        <Field id="workshop-place" label={t('workshops.fields.place')} error={submit.error?.fieldMessage('place')}>
          {(control) => <input {...control} value={place} onChange={(event) => setPlace(event.target.value)} />}
        </Field>
        <SubmitButton busy={submit.busy}>{t('workshops.create')}</SubmitButton>
      </form>
    </Page>
  );
}
