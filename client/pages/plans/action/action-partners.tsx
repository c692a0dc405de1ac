import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { ACTOR_KINDS, type ActorKind } from '../../../../common/schemas/network.js';
import { LiveStatus, Notice } from '../../../components/notice';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { api } from '../../../api';
import { useApi } from '../../../use-api';
import { useRegion } from '../../regions/region-context';
import { planParams } from '../plan-common';
import { MunicipalitySelect } from '../../../components/municipality-select';

/** Searches the network map for an actor and links an unlinked partner name to it. */
function PartnerLinker({ partnerId, name, onLinked }: { partnerId: string; name: string; onLinked: (action: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const [query, setQuery] = useState(name);
  const [found, setFound] = useState<{ id: string; name: string }[] | null>(null);
  const [choice, setChoice] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const search = useSubmit(async () => {
    const result = await api.GET('/api/regions/{slug}/actors', { params: { path: { slug: region.slug }, query: { q: query } } });
    setFound(result.items.slice(0, 20));
    setChoice(result.items[0]?.id ?? '');
  });
  const link = useSubmit(async () => {
    const saved = await api.POST('/api/regions/{slug}/plans/{planId}/partners/{partnerId}/link', { params: { path: { ...planParams(region.slug, planId), partnerId } }, body: { actorId: choice } });
    setStatus(t('plans.action.linkDone', { name }));
    onLinked(saved);
  });
  const id = `link-${partnerId}`;
  return (
    <details>
      <summary>{t('plans.action.linkPartner')}</summary>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void search.run();
        }}
      >
        <Field id={`${id}-q`} label={t('plans.action.linkSearch', { name })}>
          {(control) => <input {...control} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />}
        </Field>
        <SubmitButton busy={search.busy}>{t('plans.action.linkSearchButton')}</SubmitButton>
      </form>
      {search.error ? <Notice kind="error">{search.error.message}</Notice> : null}
      {found && found.length === 0 ? <p>{t('plans.action.linkNone')}</p> : null}
      {found && found.length > 0 ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void link.run();
          }}
        >
          <Field id={`${id}-actor`} label={t('plans.action.linkChoose', { name })}>
            {(control) => (
              <select {...control} value={choice} onChange={(event) => setChoice(event.target.value)}>
                {found.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton busy={link.busy}>{t('plans.action.linkConfirm')}</SubmitButton>
        </form>
      ) : null}
      {link.error ? <Notice kind="error">{link.error.message}</Notice> : null}
      <LiveStatus message={status} />
    </details>
  );
}

/** Admins: turns an unlinked partner name into a new actor of the network map, linked right away. */
function PartnerActorCreator({ partnerId, name, onCreated }: { partnerId: string; name: string; onCreated: (action: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const sectors = useApi('/api/sectors').data ?? [];
  const [kind, setKind] = useState<ActorKind>('organisatie');
  const [sector, setSector] = useState('');
  const [municipality, setMunicipality] = useState(region.municipalities[0]?.nisCode ?? '');
  const chosenSector = sector || sectors[0]?.key || '';
  const { run, busy, error } = useSubmit(async () => {
    const saved = await api.POST('/api/regions/{slug}/plans/{planId}/partners/{partnerId}/actor', {
      params: { path: { ...planParams(region.slug, planId), partnerId } },
      body: { kind, sectors: [chosenSector], municipality },
    });
    onCreated(saved);
  });
  const id = `create-${partnerId}`;
  return (
    <details>
      <summary>{t('plans.action.createActor')}</summary>
      <p className="muted">{t('plans.action.createActorHint', { name })}</p>
      <ErrorSummary error={error} fields={[{ path: 'municipality', id: `${id}-municipality`, label: t('plans.action.createActorMunicipality', { name }) }, { path: 'sectors.0', id: `${id}-sector`, label: t('plans.action.createActorSector', { name }) }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id={`${id}-kind`} label={t('plans.action.createActorKind', { name })}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(chosenOption(ACTOR_KINDS, event.target.value, kind))}>
              {ACTOR_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`network.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-sector`} label={t('plans.action.createActorSector', { name })} error={error?.fieldMessage('sectors.0')}>
          {(control) => (
            <select {...control} value={chosenSector} onChange={(event) => setSector(event.target.value)}>
              {sectors.map((value) => (
                <option key={value.key} value={value.key}>
                  {value.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-municipality`} label={t('plans.action.createActorMunicipality', { name })} error={error?.fieldMessage('municipality')}>
          {(control) => (
            <MunicipalitySelect control={control} municipalities={region.municipalities} value={municipality} onChange={setMunicipality} />
          )}
        </Field>
        <SubmitButton busy={busy}>{t('plans.action.createActorConfirm')}</SubmitButton>
      </form>
    </details>
  );
}

/** The action's partners; editors link an unlinked name to an actor of the map, admins may create that actor. */
export function ActionPartners({ action, canEdit, isAdmin, onChanged }: { action: PlanAction; canEdit: boolean; isAdmin: boolean; onChanged: (saved: PlanAction) => void }) {
  const { t } = useTranslation();
  const [partnerStatus, setPartnerStatus] = useState<string | null>(null);
  return (
    <>
      <h2>{t('plans.tree.partners')}</h2>
      {action.partners.length === 0 ? (
        <p>{t('plans.action.none')}</p>
      ) : (
        <ul>
          {action.partners.map((partner) => (
            <li key={partner.id}>
              {partner.name} <span className="muted">({partner.actorId ? t('plans.action.partnerLinked') : t('plans.action.partnerUnlinked')})</span>
              {canEdit && !partner.actorId ? (
                <PartnerLinker
                  partnerId={partner.id}
                  name={partner.name}
                  onLinked={(saved) => {
                    setPartnerStatus(t('plans.action.linkDone', { name: partner.name }));
                    onChanged(saved);
                  }}
                />
              ) : null}
              {canEdit && isAdmin && !partner.actorId ? (
                <PartnerActorCreator
                  partnerId={partner.id}
                  name={partner.name}
                  onCreated={(saved) => {
                    setPartnerStatus(t('plans.action.createActorDone', { name: partner.name }));
                    onChanged(saved);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {/* The forms above disappear once a partner is linked, so their outcome is announced here. */}
      <LiveStatus message={partnerStatus} />
    </>
  );
}
