import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COOPERATION_STATUSES, type CooperationIdea, type CooperationStatus } from '../../../common/schemas/brokering.js';
import { api } from '../../api';
import { Field } from '../../components/form';
import { Page } from '../../components/page';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { brokeringPaths, SaveStatus, useSaver } from './brokering-common';

type Saver = ReturnType<typeof useSaver>;

/** The admin's controls of one idea: status with its dates, and the link to a plan action. */
function IdeaAdmin({ slug, idea, onIdea, saver }: { slug: string; idea: CooperationIdea; onIdea: (idea: CooperationIdea) => void; saver: Saver }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CooperationStatus>(idea.status);
  const [startedOn, setStartedOn] = useState(idea.startedOn ?? '');
  const [stoppedOn, setStoppedOn] = useState(idea.stoppedOn ?? '');
  const [planId, setPlanId] = useState('');
  const [actionId, setActionId] = useState('');
  const [mode, setMode] = useState<'link' | 'propose'>('link');
  const plans = useApi('/api/regions/{slug}/plans', { params: { path: { slug } } });
  const plan = useApi(planId ? '/api/regions/{slug}/plans/{planId}' : null, { params: { path: { slug, planId } } });
  const actions = plan.data ? [...plan.data.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...plan.data.actions] : [];
  const id = `idea-${idea.id}`;
  const saveStatus = () =>
    void saver.run(async () => {
      onIdea(
        await api.PUT('/api/regions/{slug}/brokering/ideas/{ideaId}', {
          params: { path: { slug, ideaId: idea.id } },
          body: { title: idea.title, description: idea.description, status, ownerActorIds: idea.owners.map((owner) => owner.id), startedOn: startedOn || null, stoppedOn: stoppedOn || null, version: idea.version },
        }),
      );
    });
  const link = () =>
    void saver.run(async () => {
      onIdea(await api.POST('/api/regions/{slug}/brokering/ideas/{ideaId}/plan-link', { params: { path: { slug, ideaId: idea.id } }, body: { planId, actionId, mode, reason: idea.title } }));
    });
  return (
    <div>
      <fieldset>
        <legend>{t('brokering.ideas.status')}</legend>
        <Field id={`${id}-status`} label={t('brokering.ideas.status')}>
          {(control) => (
            <select {...control} value={status} onChange={(event) => setStatus(event.target.value as CooperationStatus)}>
              {COOPERATION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`brokering.ideas.statuses.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-started`} label={t('brokering.ideas.startedOn')}>
          {(control) => <input {...control} type="date" value={startedOn} onChange={(event) => setStartedOn(event.target.value)} />}
        </Field>
        <Field id={`${id}-stopped`} label={t('brokering.ideas.stoppedOn')}>
          {(control) => <input {...control} type="date" value={stoppedOn} onChange={(event) => setStoppedOn(event.target.value)} />}
        </Field>
        <button type="button" className="button" onClick={saveStatus}>
          {t('brokering.ideas.saveStatus')} <span className="visually-hidden">({idea.title})</span>
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('brokering.ideas.linkPlan')}</legend>
        <Field id={`${id}-plan`} label={t('brokering.ideas.plan')}>
          {(control) => (
            <select {...control} value={planId} onChange={(event) => setPlanId(event.target.value)}>
              <option value="">–</option>
              {(plans.data?.items ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-action`} label={t('brokering.ideas.action')}>
          {(control) => (
            <select {...control} value={actionId} onChange={(event) => setActionId(event.target.value)}>
              <option value="">–</option>
              {actions.map((action) => (
                <option key={action.id} value={action.id}>
                  {action.number} {action.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-mode`} label={t('brokering.ideas.mode')}>
          {(control) => (
            <select {...control} value={mode} onChange={(event) => setMode(event.target.value === 'propose' ? 'propose' : 'link')}>
              <option value="link">{t('brokering.ideas.modeLink')}</option>
              <option value="propose">{t('brokering.ideas.modePropose')}</option>
            </select>
          )}
        </Field>
        <button type="button" className="button" disabled={!planId || !actionId} onClick={link}>
          {t('brokering.ideas.linkSave')} <span className="visually-hidden">({idea.title})</span>
        </button>
      </fieldset>
    </div>
  );
}

/** The region's samenwerkingsvoorstellen, filtered by status; the admin moves them on and links them to the plan. */
export function IdeasPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const slug = region.slug;
  const isAdmin = roleIn(slug) === 'admin';
  const [status, setStatus] = useState<CooperationStatus | ''>('');
  const ideas = useApi('/api/regions/{slug}/brokering/ideas', { params: { path: { slug }, query: status ? { status } : {} } });
  const saver = useSaver();
  const replace = (idea: CooperationIdea) => ideas.data && ideas.setData({ items: ideas.data.items.map((item) => (item.id === idea.id ? idea : item)) });
  return (
    <Page title={t('brokering.ideas.title')} regionName={region.name}>
      <p>
        <Link to={brokeringPaths.home(slug)}>{t('brokering.title')}</Link>
      </p>
      <Field id="idea-filter" label={t('brokering.ideas.filter')}>
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(event.target.value as CooperationStatus | '')}>
            <option value="">{t('brokering.ideas.all')}</option>
            {COOPERATION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`brokering.ideas.statuses.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SaveStatus state={saver.state} />
      {ideas.data && ideas.data.items.length === 0 ? <p className="muted">{t('brokering.ideas.none')}</p> : null}
      {(ideas.data?.items ?? []).map((idea) => (
        <article key={idea.id} className="partner-card" aria-labelledby={`idea-title-${idea.id}`}>
          <h2 id={`idea-title-${idea.id}`}>{idea.title}</h2>
          <p>
            <strong>{t('brokering.ideas.status')}:</strong> {t(`brokering.ideas.statuses.${idea.status}`)}
          </p>
          <p>
            <strong>{t('brokering.ideas.owners')}:</strong> {idea.owners.map((owner) => owner.name).join(', ')}
          </p>
          {idea.description ? <p className="pre-line">{idea.description}</p> : null}
          {idea.planAction ? (
            <p>
              <strong>{t('brokering.ideas.planAction')}:</strong>{' '}
              <Link to={`/r/${encodeURIComponent(slug)}/plannen/${idea.planAction.planId}/acties/${idea.planAction.actionId}`}>
                {idea.planAction.number} {idea.planAction.title}
              </Link>{' '}
              <span className="muted">({idea.planAction.planTitle})</span>
            </p>
          ) : null}
          {idea.planProposal ? <p>{t('brokering.ideas.planProposal', { status: idea.planProposal.status })}</p> : null}
          {idea.relations.length ? (
            <p>
              <strong>{t('brokering.ideas.relations')}:</strong> {idea.relations.map((relation) => `${relation.sourceName} – ${relation.targetName}`).join('; ')}
            </p>
          ) : null}
          {isAdmin ? <IdeaAdmin slug={slug} idea={idea} onIdea={replace} saver={saver} /> : null}
        </article>
      ))}
    </Page>
  );
}
