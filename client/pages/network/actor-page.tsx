import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ActorDetail, HistoryEntry } from '../../../common/schemas/network.js';
import { RELATION_TYPES, type RelationType } from '../../../common/schemas/network.js';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { flashState, useFlash } from '../../flash';
import { useRegion } from '../regions/region-context';
import { NotFoundPage } from '../not-found-page';
import { NetworkNav, networkPaths, useSectors } from './network-common';
import type { ActorPlanActions } from '../../../common/schemas/plans.js';
import { periodLabel, planPaths } from '../plans/plan-common';

/** The plans and actions this actor takes part in as a linked partner (the other side of the plan's partners). */
function PlanActions({ slug, result, error }: { slug: string; result: ActorPlanActions | undefined; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="actor-plan-actions">
      <h2 id="actor-plan-actions">{t('network.planActions.heading')}</h2>
      {error ? <Notice kind="error">{error}</Notice> : !result ? <p>{t('network.ui.loading')}</p> : null}
      {result && result.items.length === 0 ? <p>{t('network.planActions.none')}</p> : null}
      {result && result.items.length > 0 ? <p>{t('network.planActions.lead')}</p> : null}
      {result?.items.map(({ plan, actions }) => (
        <div key={plan.id}>
          <h3>
            <Link to={planPaths.plan(slug, plan.id)}>{plan.title}</Link>
          </h3>
          <p className="muted">
            {[t(`plans.statuses.${plan.status}`), periodLabel(plan.period), t('network.planActions.actionCount', { count: actions.length })].filter(Boolean).join(' · ')}
          </p>
          <ul>
            {actions.map((action) => (
              <li key={action.id}>
                <Link to={planPaths.action(slug, plan.id, action.id)}>{t('network.planActions.action', { number: action.number, title: action.title })}</Link>
                {action.objectiveCode ? <span className="muted"> ({t('network.planActions.code', { goal: action.goalCode ?? '', objective: action.objectiveCode })})</span> : null}
                {' · '}
                {t(`plans.actionStatuses.${action.status}`)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Names for the codes an actor's history stores: sectors, municipalities and kinds. */
interface HistoryNames {
  sector: (key: string) => string;
  municipality: (nisCode: string) => string;
  kind: (kind: string) => string;
}

/** One stored value of an actor field in words: names instead of codes, lists joined, yes/no as marks. */
function show(value: unknown, field = '', names?: HistoryNames): string {
  if (value === null || value === undefined || value === '') return '—';
  const name = (item: unknown): string => {
    const text = String(item);
    if (!names) return text;
    if (field === 'sectors') return names.sector(text);
    if (field === 'municipality' || field === 'otherMunicipalities') return names.municipality(text);
    if (field === 'kind') return names.kind(text);
    return text;
  };
  if (Array.isArray(value)) return value.length > 0 ? value.map(name).join(', ') : '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return name(value);
}

/** The relation fields a history entry shows, with their labels (endpoints are in the line itself). */
const RELATION_FIELDS: Record<string, string> = {
  type: 'network.ui.relationType',
  validFrom: 'network.ui.relationFrom',
  validTo: 'network.ui.relationTo',
  note: 'network.ui.relationNote',
};

/** One history line: an actor change, or a relation from/to this actor added, changed or removed. */
function historyLine(entry: HistoryEntry, t: TFunction): string {
  const user = entry.user?.name ?? t('network.ui.unknownUser');
  const date = formatDateTime(entry.at);
  if (entry.relation) {
    return t(`network.ui.relationHistory.${entry.relation.direction}`, {
      action: t(`network.ui.relationActions.${entry.action}`, { defaultValue: entry.action }),
      type: entry.relation.type ? t(`network.relationTypes.${entry.relation.type}`, { defaultValue: entry.relation.type }) : t('network.ui.relation'),
      name: entry.relation.other.name ?? t('network.ui.removedActor'),
      user,
      date,
    });
  }
  return t('network.ui.historyLine', { action: t(`network.ui.actions.${entry.action}`, { defaultValue: entry.action }), user, date });
}

/** Field-level history: who changed what, when, before → after; relation changes included. */
function History({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const sectors = useSectors();
  const names: HistoryNames = {
    sector: (key) => sectors.find((sector) => sector.key === key)?.name ?? key,
    municipality: (nisCode) => region.municipalities.find((municipality) => municipality.nisCode === nisCode)?.name ?? nisCode,
    kind: (kind) => t(`network.kinds.${kind}`, { defaultValue: kind }),
  };
  if (entries.length === 0) return <p>{t('network.ui.noHistory')}</p>;
  return (
    <ol className="plain-list stack history">
      {entries.map((entry) => {
        const relation = entry.relation !== null;
        // A removed relation is fully described by its line; otherwise the changed fields in a table.
        const changes = Object.entries(entry.changes).filter(([field]) => !relation || (entry.action !== 'delete' && field in RELATION_FIELDS));
        const shown = (field: string, value: unknown) =>
          relation && field === 'type' && typeof value === 'string' ? t(`network.relationTypes.${value}`, { defaultValue: value }) : show(value, relation ? '' : field, names);
        return (
          <li key={entry.id}>
            <p>
              <strong>{historyLine(entry, t)}</strong>
            </p>
            {changes.length > 0 ? (
              <table className="table table--compare">
                <thead>
                  <tr>
                    <th scope="col">{t('network.ui.field')}</th>
                    <th scope="col">{t('network.ui.before')}</th>
                    <th scope="col">{t('network.ui.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map(([field, change]) => (
                    <tr key={field}>
                      <th scope="row">{relation ? t(RELATION_FIELDS[field] ?? field) : t(`network.ui.${field}`, { defaultValue: field })}</th>
                      <td>{shown(field, change.before)}</td>
                      <td>{shown(field, change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Adds a relation from this actor to another actor of the region. */
function RelationForm({ slug, actor, onAdded }: { slug: string; actor: ActorDetail; onAdded: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<PickedActor | null>(null);
  const [draft, setDraft] = useState<{ type: RelationType; validFrom: string; validTo: string; note: string }>({ type: 'samenwerking', validFrom: '', validTo: '', note: '' });
  const [done, setDone] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    await api.POST('/api/regions/{slug}/relations', {
      params: { path: { slug } },
      body: {
      sourceActorId: actor.id,
      targetActorId: target?.id ?? '',
      type: draft.type,
      validFrom: draft.validFrom || null,
      validTo: draft.validTo || null,
      note: draft.note,
      },
    });
    setDraft({ type: 'samenwerking', validFrom: '', validTo: '', note: '' });
    setTarget(null);
    setDone(true);
    onAdded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void run();
  };
  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      <h3>{t('network.ui.addRelation')}</h3>
      <ErrorSummary
        error={error}
        fields={[
          { path: 'targetActorId', id: 'relation-target', label: t('network.ui.relationOther') },
          { path: 'validTo', id: 'relation-to', label: t('network.ui.relationTo') },
        ]}
      />
      {done ? <Notice kind="success">{t('network.ui.relationAdded')}</Notice> : null}
      <Field id="relation-target" label={t('network.ui.relationOther')} error={error?.fieldMessage('targetActorId')}>
        {(control) => <ActorPicker control={control} slug={slug} value={target} onChange={setTarget} excludeId={actor.id} />}
      </Field>
      <Field id="relation-type" label={t('network.ui.relationType')}>
        {(control) => (
          <select {...control} value={draft.type} onChange={(event) => setDraft({ ...draft, type: chosenOption(RELATION_TYPES, event.target.value, draft.type) })}>
            {RELATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`network.relationTypes.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="relation-from" label={t('network.ui.relationFrom')}>
        {(control) => <input {...control} type="date" value={draft.validFrom} onChange={(event) => setDraft({ ...draft, validFrom: event.target.value })} />}
      </Field>
      <Field id="relation-to" label={t('network.ui.relationTo')} error={error?.fieldMessage('validTo')}>
        {(control) => <input {...control} type="date" value={draft.validTo} onChange={(event) => setDraft({ ...draft, validTo: event.target.value })} />}
      </Field>
      <Field id="relation-note" label={t('network.ui.relationNote')}>
        {(control) => <input {...control} type="text" value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} />}
      </Field>
      <SubmitButton busy={busy}>{t('network.ui.addRelation')}</SubmitButton>
    </form>
  );
}

/** Admins link members to this organisation: linked editors may edit it. */
function Editors({ slug, actor, onChanged }: { slug: string; actor: ActorDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const members = useApi('/api/regions/{slug}/members', { params: { path: { slug } } });
  const [userId, setUserId] = useState('');
  const link = useSubmit(async () => {
    if (!userId) return;
    await api.PUT('/api/regions/{slug}/actors/{actorId}/editors/{userId}', { params: { path: { slug, actorId: actor.id, userId } } });
    setUserId('');
    onChanged();
  });
  const unlink = useSubmit(async (id: string) => {
    await api.DELETE('/api/regions/{slug}/actors/{actorId}/editors/{userId}', { params: { path: { slug, actorId: actor.id, userId: id } } });
    onChanged();
  });
  const linked = new Set(actor.editors.map((editor) => editor.userId));
  return (
    <section aria-labelledby="actor-editors">
      <h2 id="actor-editors">{t('network.ui.editors')}</h2>
      <p>{t('network.ui.editorsHint')}</p>
      {link.error || unlink.error ? <Notice kind="error">{(link.error ?? unlink.error)!.message}</Notice> : null}
      {actor.editors.length === 0 ? <p>{t('network.ui.noEditors')}</p> : null}
      <ul>
        {actor.editors.map((editor) => (
          <li key={editor.userId}>
            {editor.name} ({t(`roles.${editor.role}`)}){' '}
            <button type="button" className="button button--small" onClick={() => void unlink.run(editor.userId)}>
              {t('network.ui.unlinkEditor', { name: editor.name })}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="button-row"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void link.run();
        }}
      >
        <label htmlFor="actor-editor">{t('network.ui.member')}</label>
        <select id="actor-editor" value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">{t('network.ui.chooseMember')}</option>
          {members.data?.members
            .filter((member) => !linked.has(member.userId))
            .map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
        </select>
        <SubmitButton busy={link.busy}>{t('network.ui.linkEditor')}</SubmitButton>
      </form>
    </section>
  );
}

/** One actor: profile, relations (with bovenlokaal / grensverleggend), and for members its history. */
export function ActorPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { actorId = '' } = useParams();
  const { roleIn, user } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const role = roleIn(region.slug);
  const actorParams = { path: { slug: region.slug, actorId } };
  const actor = useApi('/api/regions/{slug}/actors/{actorId}', { params: actorParams, refreshKey: user?.id ?? '' });
  const history = useApi(role ? '/api/regions/{slug}/actors/{actorId}/history' : null, { params: actorParams, refreshKey: actor.data?.version ?? 0 });
  const planActions = useApi('/api/regions/{slug}/actors/{actorId}/plan-actions', { params: actorParams, refreshKey: user?.id ?? '' });
  const [confirming, setConfirming] = useState(false);
  const removal = useSubmit(async () => {
    await api.DELETE('/api/regions/{slug}/actors/{actorId}', { params: actorParams });
    navigate(networkPaths.list(region.slug), { state: flashState('network.ui.deleted') });
  });
  const removeRelation = useSubmit(async (relationId: string) => {
    await api.DELETE('/api/regions/{slug}/relations/{relationId}', { params: { path: { slug: region.slug, relationId } } });
    actor.reload();
    history.reload();
  });

  if (actor.error?.status === 404) return <NotFoundPage />;
  if (actor.error) return <Page title={t('common.error')}><Notice kind="error">{actor.error.message}</Notice></Page>;
  const data = actor.data;
  if (!data) return <Page title={t('network.ui.loading')} regionName={region.name} />;

  return (
    <Page title={data.name} regionName={region.name}>
      <NetworkNav slug={region.slug} isAdmin={role === 'admin'} />
      {flash ? <Notice kind="success">{t(flash.key, flash.params)}</Notice> : null}
      {removal.error ? <Notice kind="error">{removal.error.message}</Notice> : null}
      <dl className="facts">
        <dt>{t('network.ui.kind')}</dt>
        <dd>{t(`network.kinds.${data.kind}`)}</dd>
        <dt>{t('network.ui.municipality')}</dt>
        <dd>{data.municipality?.name ?? '—'}</dd>
        {data.otherMunicipalities.length > 0 ? (
          <>
            <dt>{t('network.ui.otherMunicipalities')}</dt>
            <dd>{data.otherMunicipalities.map((m) => m.name).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('network.ui.sectors')}</dt>
        <dd>
          {data.sectors.map((s) => s.name).join(', ')} ({t(data.cultural ? 'network.ui.cultural' : 'network.ui.nonCultural')})
        </dd>
        {data.website ? (
          <>
            <dt>{t('network.ui.website')}</dt>
            <dd>
              <a href={data.website} rel="noopener noreferrer">
                {data.website}
              </a>
            </dd>
          </>
        ) : null}
        {!data.isPublic ? (
          <>
            <dt>{t('network.ui.isPublic')}</dt>
            <dd>{t('network.ui.notPublic')}</dd>
          </>
        ) : null}
      </dl>
      {data.canEdit ? (
        <div className="button-row">
          <Link className="button button--primary" to={networkPaths.edit(region.slug, data.id)}>
            {t('network.ui.edit')}
          </Link>
          {role === 'admin' ? (
            <button type="button" className="button button--danger-outline" onClick={() => setConfirming(true)}>
              {t('network.ui.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('network.ui.delete')}
        message={t('network.ui.deleteConfirm', { name: data.name })}
        confirmLabel={t('network.ui.delete')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void removal.run();
        }}
      />

      <section aria-labelledby="actor-description">
        <h2 id="actor-description">{t('network.ui.description')}</h2>
        <p>{data.description || '—'}</p>
      </section>
      <div className="card-grid">
        <section aria-labelledby="actor-strengths" className="panel">
          <h2 id="actor-strengths">{t('network.ui.strengths')}</h2>
          {data.strengths.length > 0 ? <ul>{data.strengths.map((s) => <li key={s}>{s}</li>)}</ul> : <p>—</p>}
        </section>
        <section aria-labelledby="actor-needs" className="panel">
          <h2 id="actor-needs">{t('network.ui.needs')}</h2>
          {data.needs.length > 0 ? <ul>{data.needs.map((s) => <li key={s}>{s}</li>)}</ul> : <p>—</p>}
        </section>
      </div>
      {data.targetGroups.length > 0 || data.tags.length > 0 ? (
        <dl className="facts">
          {data.targetGroups.length > 0 ? (
            <>
              <dt>{t('network.ui.targetGroups')}</dt>
              <dd>{data.targetGroups.join(', ')}</dd>
            </>
          ) : null}
          {data.tags.length > 0 ? (
            <>
              <dt>{t('network.ui.tags')}</dt>
              <dd>{data.tags.join(', ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <section aria-labelledby="actor-contact">
        <h2 id="actor-contact">{t('network.ui.contact')}</h2>
        {role ? (
          <dl className="facts">
            <dt>{t('network.ui.contactName')}</dt>
            <dd>{data.contactName ?? '—'}</dd>
            <dt>{t('network.ui.contactEmail')}</dt>
            <dd>{data.contactEmail ? <a href={`mailto:${data.contactEmail}`}>{data.contactEmail}</a> : '—'}</dd>
            <dt>{t('network.ui.contactPhone')}</dt>
            <dd>{data.contactPhone ?? '—'}</dd>
            <dt>{t('network.ui.address')}</dt>
            <dd>{data.address ?? '—'}</dd>
          </dl>
        ) : (
          <p>{t('network.ui.contactMembersOnly')}</p>
        )}
      </section>

      <section aria-labelledby="actor-relations">
        <h2 id="actor-relations">{t('network.ui.relations')}</h2>
        {data.relations.length === 0 ? <p>{t('network.ui.noRelations')}</p> : null}
        <ul className="stack">
          {data.relations.map((relation) => (
            <li key={relation.id}>
              {t(`network.relationTypes.${relation.type}`)}: <Link to={networkPaths.actor(region.slug, relation.other.id)}>{relation.other.name}</Link>
              {relation.other.municipality ? ` (${relation.other.municipality.name})` : ''}
              {relation.bovenlokaal ? ` · ${t('network.ui.bovenlokaal')}` : ''}
              {relation.grensverleggend ? ` · ${t('network.ui.grensverleggend')}` : ''}
              {relation.validFrom || relation.validTo ? ` · ${relation.validFrom ?? '…'} – ${relation.validTo ?? '…'}` : ''}
              {relation.note ? ` · ${relation.note}` : ''}
              {data.canEdit ? (
                <>
                  {' '}
                  <button type="button" className="button button--small" onClick={() => void removeRelation.run(relation.id)}>
                    {t('network.ui.removeRelation', { name: relation.other.name })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {data.canEdit ? <RelationForm slug={region.slug} actor={data} onAdded={() => {
              actor.reload();
              history.reload();
            }} /> : null}
      </section>

      <PlanActions slug={region.slug} result={planActions.data} error={planActions.error?.message} />

      {role === 'admin' ? <Editors slug={region.slug} actor={data} onChanged={actor.reload} /> : null}

      {role ? (
        <section aria-labelledby="actor-history">
          <h2 id="actor-history">{t('network.ui.history')}</h2>
          {history.data ? <History entries={history.data} /> : <p>{t('network.ui.loading')}</p>}
        </section>
      ) : null}
    </Page>
  );
}
