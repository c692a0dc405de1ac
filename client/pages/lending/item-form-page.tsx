import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ITEM_AUDIENCES, ITEM_KINDS, type ItemAudience, type ItemDetail, type ItemKind } from '../../../common/schemas/lending.js';
import { Page } from '../../components/page';
import { NoAccess } from '../../components/access';
import { LiveStatus, Notice } from '../../components/notice';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, ApiError, conflictCurrent } from '../../api';
import { useApi } from '../../use-api';
import { flashState } from '../../flash';
import { useRegion } from '../regions/region-context';
import { LendingNav, lendingPaths, useLendingMe } from './lending-common';

interface KitPartRow {
  itemId: string;
  quantity: string;
}

interface Draft {
  name: string;
  kind: ItemKind;
  owner: PickedActor | null;
  municipality: string;
  address: string;
  units: string;
  description: string;
  instructions: string;
  audience: ItemAudience;
  price: string;
  deposit: string;
  maxDays: string;
  bufferDays: string;
  autoConfirmPartners: boolean;
  kitParts: KitPartRow[];
  version: number;
}

/** Cents as the euro text a person types ("12,50"; "0" for nothing). */
function euroText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

/** "12,50", "12.5" or "12" → cents; null when it is not an amount. */
function parseEuro(text: string): number | null {
  const trimmed = text.trim().replace(/\s|€/g, '');
  if (trimmed === '') return 0;
  if (!/^\d+([.,]\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed.replace(',', '.')) * 100);
}

function draftOf(item: ItemDetail | undefined, defaults: { owner: PickedActor | null; municipality: string }): Draft {
  return {
    name: item?.name ?? '',
    kind: item?.kind ?? 'materiaal',
    owner: item ? { id: item.ownerActorId, name: item.ownerName } : defaults.owner,
    municipality: item?.municipality.nisCode ?? defaults.municipality,
    address: item?.address ?? '',
    units: String(item?.units ?? 1),
    description: item?.description ?? '',
    instructions: item?.instructions ?? '',
    audience: item?.audience ?? 'partners',
    price: euroText(item?.pricePerDayCents ?? 0),
    deposit: euroText(item?.depositCents ?? 0),
    maxDays: item?.maxDays === null || item?.maxDays === undefined ? '' : String(item.maxDays),
    bufferDays: String(item?.bufferDays ?? 0),
    autoConfirmPartners: item?.autoConfirmPartners ?? false,
    kitParts: item?.kitParts.map((part) => ({ itemId: part.itemId, quantity: String(part.quantity) })) ?? [],
    version: item?.version ?? 1,
  };
}

// An existing item brings its own owner and municipality.
const NO_DEFAULTS = { owner: null, municipality: '' };

/** Adding (no itemId) or changing a lending item: owner, pickup place, conditions, units and a kit's parts; 409 reloads the newest version. */
export function ItemFormPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { itemId } = useParams();
  const navigate = useNavigate();
  const me = useLendingMe(region.slug);
  const existing = useApi(itemId ? '/api/regions/{slug}/lending/items/{itemId}' : null, { params: { path: { slug: region.slug, itemId: itemId ?? '' } } });
  const defaults = { owner: me?.isAdmin ? null : (me?.ownActor ?? null), municipality: region.municipalities[0]?.nisCode ?? '' };
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined, defaults));
  const [conflict, setConflict] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The items a kit can bundle: the region's items that are not kits themselves.
  const candidates = useApi(draft.kind === 'set' ? '/api/regions/{slug}/lending/items' : null, { params: { path: { slug: region.slug }, query: {} } });

  useEffect(() => {
    if (existing.data) setDraft(draftOf(existing.data, NO_DEFAULTS));
  }, [existing.data]);
  useEffect(() => {
    // The own organisation arrives after the first render: take it as owner of a new item.
    if (!itemId && me && !me.isAdmin && me.ownActor) setDraft((current) => (current.owner ? current : { ...current, owner: me.ownActor }));
  }, [itemId, me]);

  const save = useSubmit(async () => {
    setConflict(false);
    const price = parseEuro(draft.price);
    const deposit = parseEuro(draft.deposit);
    const amountErrors = [
      ...(price === null ? [{ path: 'pricePerDayCents', message: t('lending.form.badAmount') }] : []),
      ...(deposit === null ? [{ path: 'depositCents', message: t('lending.form.badAmount') }] : []),
    ];
    if (amountErrors.length > 0) throw new ApiError(400, 'VALIDATION_FAILED', t('errors.VALIDATION_FAILED'), amountErrors);
    const body = {
      name: draft.name,
      kind: draft.kind,
      ownerActorId: draft.owner?.id ?? '',
      municipality: draft.municipality,
      address: draft.address,
      description: draft.description,
      instructions: draft.instructions,
      audience: draft.audience,
      pricePerDayCents: price ?? 0,
      depositCents: deposit ?? 0,
      maxDays: draft.maxDays.trim() === '' ? null : Number(draft.maxDays),
      bufferDays: Number(draft.bufferDays || '0'),
      autoConfirmPartners: draft.autoConfirmPartners,
      ...(draft.kind === 'materiaal' ? { units: Number(draft.units) } : {}),
      ...(draft.kind === 'set' ? { kitParts: draft.kitParts.map((part) => ({ itemId: part.itemId, quantity: Number(part.quantity) })) } : {}),
    };
    try {
      const saved = itemId
        ? await api.PATCH('/api/regions/{slug}/lending/items/{itemId}', { params: { path: { slug: region.slug, itemId } }, body: { ...body, version: draft.version } })
        : await api.POST('/api/regions/{slug}/lending/items', { params: { path: { slug: region.slug } }, body });
      navigate(lendingPaths.item(region.slug, saved.id), { state: flashState('lending.form.saved') });
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'patch', '/api/regions/{slug}/lending/items/{itemId}');
      if (current) {
        setDraft(draftOf(current, NO_DEFAULTS));
        setConflict(true);
        return;
      }
      throw thrown;
    }
  });
  const remove = useSubmit(async () => {
    setConfirmDelete(false);
    if (!itemId) return;
    await api.DELETE('/api/regions/{slug}/lending/items/{itemId}', { params: { path: { slug: region.slug, itemId } } });
    navigate(lendingPaths.search(region.slug), { state: flashState('lending.form.deleted') });
  });

  if (itemId && existing.error) return <Notice kind="error">{existing.error.message}</Notice>;
  if ((itemId && !existing.data) || !me) return <p className="muted">{t('app.loading')}</p>;
  if (itemId ? !existing.data?.canManage : !me.canAddItems) return <NoAccess />;

  const error = save.error;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const input = (key: 'name' | 'address', label: string, hint?: string) => (
    <Field id={`item-${key}`} label={label} hint={hint} error={error?.fieldMessage(key)}>
      {(control) => <input {...control} type="text" value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const number = (key: 'units' | 'maxDays' | 'bufferDays', path: string, label: string, hint: string, min: number, max: number) => (
    <Field id={`item-${key}`} label={label} hint={hint} error={error?.fieldMessage(path)}>
      {(control) => <input {...control} type="number" inputMode="numeric" min={min} max={max} value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const money = (key: 'price' | 'deposit', path: string, label: string, hint?: string) => (
    <Field id={`item-${key}`} label={label} hint={hint} error={error?.fieldMessage(path)}>
      {(control) => <input {...control} type="text" inputMode="decimal" value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const area = (key: 'description' | 'instructions', label: string) => (
    <Field id={`item-${key}`} label={label} error={error?.fieldMessage(key)}>
      {(control) => <textarea {...control} rows={4} value={draft[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const partOptions = (candidates.data ?? []).filter((candidate) => candidate.kind !== 'set' && candidate.id !== itemId);
  const setPart = (index: number, patch: Partial<KitPartRow>) => set('kitParts', draft.kitParts.map((part, position) => (position === index ? { ...part, ...patch } : part)));
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);

  const title = itemId ? t('lending.form.editHeading', { name: existing.data?.name ?? '' }) : t('lending.form.heading');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <Page title={title} regionName={region.name}>
      <LendingNav slug={region.slug} seesOverview={me.seesOverview} canAddItems={me.canAddItems} />
      {conflict ? <Notice kind="warning">{t('lending.form.conflict')}</Notice> : null}
      <ErrorSummary
        error={error ?? remove.error}
        fields={[
          { path: 'name', id: 'item-name', label: t('lending.form.name') },
          { path: 'ownerActorId', id: 'item-owner', label: t('lending.form.owner') },
          { path: 'municipality', id: 'item-municipality', label: t('lending.form.municipality') },
          { path: 'address', id: 'item-address', label: t('lending.form.address') },
          { path: 'units', id: 'item-units', label: t('lending.form.units') },
          { path: 'pricePerDayCents', id: 'item-price', label: t('lending.form.pricePerDay') },
          { path: 'depositCents', id: 'item-deposit', label: t('lending.form.deposit') },
          { path: 'maxDays', id: 'item-maxDays', label: t('lending.form.maxDays') },
          { path: 'bufferDays', id: 'item-bufferDays', label: t('lending.form.bufferDays') },
          { path: 'kitParts', id: 'item-part-0-item', label: t('lending.form.kitParts') },
          { path: 'description', id: 'item-description', label: t('lending.form.description') },
          { path: 'instructions', id: 'item-instructions', label: t('lending.form.instructions') },
        ]}
      />
      <form className="form" onSubmit={submit} noValidate>
        <Field id="item-kind" label={t('lending.form.kind')} error={error?.fieldMessage('kind')}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(event) => set('kind', chosenOption(ITEM_KINDS, event.target.value, draft.kind))}>
              {ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`lending.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('name', t('lending.form.name'))}
        {me.isAdmin ? (
          <Field id="item-owner" label={t('lending.form.owner')} hint={t('lending.form.ownerPickHint')} error={error?.fieldMessage('ownerActorId')}>
            {(control) => <ActorPicker control={control} slug={region.slug} value={draft.owner} onChange={(owner) => set('owner', owner)} />}
          </Field>
        ) : (
          <p>
            {t('lending.form.owner')}: <strong>{draft.owner?.name}</strong>
            <br />
            <span className="muted">{t('lending.form.ownerHint')}</span>
          </p>
        )}
        <Field id="item-municipality" label={t('lending.form.municipality')} error={error?.fieldMessage('municipality')}>
          {(control) => (
            <select {...control} value={draft.municipality} onChange={(event) => set('municipality', event.target.value)}>
              {region.municipalities.map((municipality) => (
                <option key={municipality.nisCode} value={municipality.nisCode}>
                  {municipality.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('address', t('lending.form.address'), t('lending.form.addressHint'))}
        {draft.kind === 'materiaal' ? number('units', 'units', t('lending.form.units'), t('lending.form.unitsHint'), 1, 500) : null}
        {draft.kind === 'set' ? (
          <fieldset className="field">
            <legend>{t('lending.form.kitParts')}</legend>
            <p className="field__hint">{t('lending.form.kitHint')}</p>
            {error?.fieldMessage('kitParts') ? <p className="field__error">{error.fieldMessage('kitParts')}</p> : null}
            {draft.kitParts.map((part, index) => {
              const number = index + 1;
              return (
                <fieldset key={index} className="lending-kit-part">
                  <legend>{t('lending.form.kitPart', { number })}</legend>
                  <Field id={`item-part-${index}-item`} label={t('lending.form.kitPartItem', { number })} error={error?.fieldMessage(`kitParts.${index}.itemId`)}>
                    {(control) => (
                      <select {...control} value={part.itemId} onChange={(event) => setPart(index, { itemId: event.target.value })}>
                        <option value="">{t('lending.form.choosePart')}</option>
                        {partOptions.map((option) => (
                          <option key={option.id} value={option.id}>
                            {option.name} ({option.municipality.name})
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field id={`item-part-${index}-quantity`} label={t('lending.form.kitPartQuantity', { number })} error={error?.fieldMessage(`kitParts.${index}.quantity`)}>
                    {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={500} value={part.quantity} onChange={(event) => setPart(index, { quantity: event.target.value })} />}
                  </Field>
                  <button
                    type="button"
                    className="button button--danger-outline"
                    onClick={() => {
                      set('kitParts', draft.kitParts.filter((_, position) => position !== index));
                      setAnnouncement(t('lending.form.kitPartRemoved', { number }));
                      focusLater('item-add-part');
                    }}
                  >
                    {t('lending.form.removeKitPart', { number })}
                  </button>
                </fieldset>
              );
            })}
            <button
              id="item-add-part"
              type="button"
              className="button"
              onClick={() => {
                set('kitParts', [...draft.kitParts, { itemId: '', quantity: '1' }]);
                focusLater(`item-part-${draft.kitParts.length}-item`);
              }}
            >
              {t('lending.form.addKitPart')}
            </button>
            <LiveStatus message={announcement} />
          </fieldset>
        ) : null}
        {area('description', t('lending.form.description'))}
        <fieldset className="field">
          <legend>{t('lending.form.conditions')}</legend>
          <fieldset className="field">
            <legend>{t('lending.form.audience')}</legend>
            {ITEM_AUDIENCES.map((audience) => (
              <label key={audience} className="checkbox">
                <input type="radio" name="item-audience" value={audience} checked={draft.audience === audience} onChange={() => set('audience', audience)} /> {t(`lending.audiences.${audience}`)}
              </label>
            ))}
          </fieldset>
          {money('price', 'pricePerDayCents', t('lending.form.pricePerDay'), t('lending.form.priceHint'))}
          {money('deposit', 'depositCents', t('lending.form.deposit'))}
          {number('maxDays', 'maxDays', t('lending.form.maxDays'), t('lending.form.maxDaysHint'), 1, 365)}
          {number('bufferDays', 'bufferDays', t('lending.form.bufferDays'), t('lending.form.bufferDaysHint'), 0, 60)}
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" checked={draft.autoConfirmPartners} onChange={(event) => set('autoConfirmPartners', event.target.checked)} /> {t('lending.form.autoConfirm')}
            </label>
          </div>
        </fieldset>
        {area('instructions', t('lending.form.instructions'))}
        <div className="button-row">
          <SubmitButton busy={save.busy}>{t('lending.form.submit')}</SubmitButton>
          <button type="button" className="button" onClick={() => navigate(itemId ? lendingPaths.item(region.slug, itemId) : lendingPaths.search(region.slug))}>
            {t('lending.form.cancel')}
          </button>
          {itemId ? (
            <button type="button" className="button button--danger-outline" onClick={() => setConfirmDelete(true)}>
              {t('lending.form.delete')}
            </button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('lending.form.deleteTitle', { name: existing.data?.name ?? '' })}
        message={t('lending.form.deleteMessage')}
        confirmLabel={t('lending.form.delete')}
        onConfirm={() => void remove.run()}
        onCancel={() => setConfirmDelete(false)}
      />
    </Page>
  );
}
