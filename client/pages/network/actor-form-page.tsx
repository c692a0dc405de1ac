import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActorDetail } from '../../../common/schemas/network.js';
import { ACTOR_KINDS, type ActorKind } from '../../../common/schemas/network.js';
import { Page } from '../../components/page';
import { NoAccess } from '../../components/access';
import { Notice } from '../../components/notice';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, conflictCurrent } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { flashState } from '../../flash';
import { useRegion } from '../regions/region-context';
import { networkPaths, useSectors } from './network-common';
import { MunicipalitySelect } from '../../components/municipality-select';

interface Draft {
  name: string;
  kind: ActorKind;
  sectors: string[];
  municipality: string;
  otherMunicipalities: string[];
  address: string;
  description: string;
  strengths: string;
  needs: string;
  targetGroups: string;
  tags: string;
  website: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  isPublic: boolean;
  version: number;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function draftOf(actor: ActorDetail | undefined, firstMunicipality: string): Draft {
  return {
    name: actor?.name ?? '',
    kind: actor?.kind ?? 'organisatie',
    sectors: actor?.sectors.map((s) => s.key) ?? [''],
    municipality: actor?.municipality?.nisCode ?? firstMunicipality,
    otherMunicipalities: actor?.otherMunicipalities.map((m) => m.nisCode) ?? [],
    address: actor?.address ?? '',
    description: actor?.description ?? '',
    strengths: actor?.strengths.join('\n') ?? '',
    needs: actor?.needs.join('\n') ?? '',
    targetGroups: actor?.targetGroups.join('\n') ?? '',
    tags: actor?.tags.join('\n') ?? '',
    website: actor?.website ?? '',
    contactName: actor?.contactName ?? '',
    contactEmail: actor?.contactEmail ?? '',
    contactPhone: actor?.contactPhone ?? '',
    isPublic: actor?.isPublic ?? true,
    version: actor?.version ?? 1,
  };
}

/** Create (no actorId) or edit an actor, with field errors from the server and a conflict reload. */
export function ActorFormPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { actorId } = useParams();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const sectors = useSectors();
  const role = roleIn(region.slug);
  const existing = useApi(actorId ? '/api/regions/{slug}/actors/{actorId}' : null, { params: { path: { slug: region.slug, actorId: actorId ?? '' } } });
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined, region.municipalities[0]?.nisCode ?? ''));
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data, region.municipalities[0]?.nisCode ?? ''));
  }, [existing.data, region.municipalities]);

  const { run, busy, error } = useSubmit(async () => {
    setConflict(false);
    const body = {
      name: draft.name,
      kind: draft.kind,
      sectors: draft.sectors.filter(Boolean),
      municipality: draft.municipality,
      otherMunicipalities: draft.otherMunicipalities,
      address: draft.address || null,
      description: draft.description,
      strengths: lines(draft.strengths),
      needs: lines(draft.needs),
      targetGroups: lines(draft.targetGroups),
      tags: lines(draft.tags),
      website: draft.website.trim() || null,
      contactName: draft.contactName || null,
      contactEmail: draft.contactEmail.trim() || null,
      contactPhone: draft.contactPhone.trim() || null,
      isPublic: draft.isPublic,
    };
    try {
      const saved = actorId
        ? await api.PATCH('/api/regions/{slug}/actors/{actorId}', { params: { path: { slug: region.slug, actorId } }, body: { ...body, version: draft.version } })
        : await api.POST('/api/regions/{slug}/actors', { params: { path: { slug: region.slug } }, body });
      navigate(networkPaths.actor(region.slug, saved.id), { state: flashState('network.ui.saved') });
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'patch', '/api/regions/{slug}/actors/{actorId}');
      if (current) {
        setDraft(draftOf(current, region.municipalities[0]?.nisCode ?? ''));
        setConflict(true);
      }
      throw thrown;
    }
  });

  const allowed = actorId ? existing.data?.canEdit : role === 'admin';
  if (actorId && existing.error) return <Page title={t('common.error')}><Notice kind="error">{existing.error.message}</Notice></Page>;
  if (actorId && !existing.data) return <Page title={t('network.ui.loading')} regionName={region.name} />;
  if (!allowed) return <NoAccess />;

  const title = actorId ? t('network.ui.editTitle', { name: existing.data?.name ?? '' }) : t('network.ui.newActor');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  const text = (key: 'name' | 'address' | 'website' | 'contactName' | 'contactEmail' | 'contactPhone', label: string, type = 'text') => (
    <Field id={`actor-${key}`} label={label} error={error?.fieldMessage(key)}>
      {(control) => <input {...control} type={type} value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const area = (key: 'description' | 'strengths' | 'needs' | 'targetGroups' | 'tags', label: string, hint?: string) => (
    <Field id={`actor-${key}`} label={label} hint={hint} error={error?.fieldMessage(key)}>
      {(control) => <textarea {...control} rows={key === 'description' ? 5 : 3} value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );

  return (
    <Page title={title} regionName={region.name}>
      {conflict ? <Notice kind="warning">{t('network.ui.conflict')}</Notice> : null}
      <ErrorSummary
        error={conflict ? undefined : error}
        fields={[
          { path: 'name', id: 'actor-name', label: t('network.ui.name') },
          { path: 'sectors', id: 'actor-sector-0', label: t('network.ui.sectors') },
          { path: 'municipality', id: 'actor-municipality', label: t('network.ui.municipality') },
          { path: 'website', id: 'actor-website', label: t('network.ui.website') },
          { path: 'contactEmail', id: 'actor-contactEmail', label: t('network.ui.contactEmail') },
          { path: 'contactPhone', id: 'actor-contactPhone', label: t('network.ui.contactPhone') },
        ]}
      />
      <form className="form" onSubmit={submit} noValidate>
        {text('name', t('network.ui.name'))}
        <Field id="actor-kind" label={t('network.ui.kind')}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(event) => set('kind', chosenOption(ACTOR_KINDS, event.target.value, draft.kind))}>
              {ACTOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`network.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('network.ui.sectors')}</legend>
          <p className="field__hint">{t('network.ui.sectorsHint')}</p>
          {error?.fieldMessage('sectors') ? <p className="field__error">{error.fieldMessage('sectors')}</p> : null}
          {draft.sectors.map((key, index) => (
            <div key={index} className="button-row">
              <label htmlFor={`actor-sector-${index}`} className="visually-hidden">
                {index === 0 ? t('network.ui.primarySector') : `${t('network.ui.sector')} ${index + 1}`}
              </label>
              <select
                id={`actor-sector-${index}`}
                value={key}
                aria-invalid={error?.fieldMessage('sectors') ? true : undefined}
                onChange={(event) => set('sectors', draft.sectors.map((current, i) => (i === index ? event.target.value : current)))}
              >
                <option value="">—</option>
                {sectors.map((sector) => (
                  <option key={sector.key} value={sector.key}>
                    {sector.name}
                  </option>
                ))}
              </select>
              {index > 0 ? (
                <button type="button" className="button button--small" onClick={() => set('sectors', draft.sectors.filter((_, i) => i !== index))}>
                  {t('network.ui.removeSector', { name: sectors.find((s) => s.key === key)?.name ?? '' })}
                </button>
              ) : null}
            </div>
          ))}
          {draft.sectors.length < 6 ? (
            <button type="button" className="button button--small" onClick={() => set('sectors', [...draft.sectors, ''])}>
              {t('network.ui.addSector')}
            </button>
          ) : null}
        </fieldset>
        <Field id="actor-municipality" label={t('network.ui.municipality')} error={error?.fieldMessage('municipality')}>
          {(control) => (
            <MunicipalitySelect control={control} municipalities={region.municipalities} value={draft.municipality} onChange={(nis) => set('municipality', nis)} />
          )}
        </Field>
        <fieldset className="field">
          <legend>{t('network.ui.otherMunicipalities')}</legend>
          <div className="checkbox-grid">
            {region.municipalities
              .filter((m) => m.nisCode !== draft.municipality)
              .map((m) => (
                <label key={m.nisCode} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.otherMunicipalities.includes(m.nisCode)}
                    onChange={(event) =>
                      set('otherMunicipalities', event.target.checked ? [...draft.otherMunicipalities, m.nisCode] : draft.otherMunicipalities.filter((code) => code !== m.nisCode))
                    }
                  />{' '}
                  {m.name}
                </label>
              ))}
          </div>
        </fieldset>
        {text('address', t('network.ui.address'))}
        {area('description', t('network.ui.description'), t('network.ui.descriptionHint'))}
        {area('strengths', t('network.ui.strengths'), t('network.ui.listHint'))}
        {area('needs', t('network.ui.needs'), t('network.ui.listHint'))}
        {area('targetGroups', t('network.ui.targetGroups'), t('network.ui.listHint'))}
        {area('tags', t('network.ui.tags'), t('network.ui.listHint'))}
        {text('website', t('network.ui.website'), 'url')}
        {text('contactName', t('network.ui.contactName'))}
        {text('contactEmail', t('network.ui.contactEmail'), 'email')}
        {text('contactPhone', t('network.ui.contactPhone'), 'tel')}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={draft.isPublic} aria-describedby="actor-public-hint" onChange={(event) => set('isPublic', event.target.checked)} /> {t('network.ui.isPublic')}
          </label>
          <p id="actor-public-hint" className="field__hint">
            {t('network.ui.isPublicHint')}
          </p>
        </div>
        <div className="button-row">
          <SubmitButton busy={busy}>{t('network.ui.save')}</SubmitButton>
          <button type="button" className="button" onClick={() => navigate(actorId ? networkPaths.actor(region.slug, actorId) : networkPaths.list(region.slug))}>
            {t('network.ui.cancel')}
          </button>
        </div>
      </form>
    </Page>
  );
}
