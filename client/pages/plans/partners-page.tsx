import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PartnerSuggestions, PlanPartners } from '../../../common/schemas/plans.js';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { Field, SubmitButton, useSubmit } from '../../components/form';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { networkPaths } from '../network/network-common';
import { planParams, planPaths } from './plan-common';
import './plans.css';

type Partner = PlanPartners['items'][number];

type Suggestion = PartnerSuggestions['items'][number]['suggestions'][number];

/**
 * The likely actors for an unlinked name, each with one button that links every mention of the name.
 * A plural such as "Bibliotheken" with several confident actors also gets one button for all of them.
 */
function PartnerSuggestionButtons({ name, suggestions, onLinked }: { name: string; suggestions: Suggestion[]; onLinked: (message: string) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const { run, busy, error } = useSubmit(async (picked: Suggestion[]) => {
    await api.POST('/api/regions/{slug}/plans/{planId}/partner-suggestions/accept', { params: { path: planParams(region.slug, planId) }, body: { name, actorIds: picked.map((suggestion) => suggestion.actorId) } });
    onLinked(t('plans.partners.linkDone', { name, actor: picked.map((suggestion) => suggestion.actorName).join(', ') }));
  });
  const confident = suggestions.filter((suggestion) => suggestion.confidence === 'high');
  const accept = (picked: Suggestion[]) => void run(picked);
  return (
    <div className="plan-suggestions">
      <p className="muted">{t('plans.partners.suggestionsLead', { name })}</p>
      <ul className="plain-list">
        {confident.length > 1 ? (
          <li>
            <button type="button" className="button" disabled={busy} onClick={() => accept(confident)}>
              {t('plans.partners.acceptAll', { count: confident.length })}
              <span className="visually-hidden"> {name}</span>
            </button>
          </li>
        ) : null}
        {suggestions.map((suggestion) => (
          <li key={suggestion.actorId}>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => accept([suggestion])}>
              {t('plans.partners.acceptOne', { actor: suggestion.actorName })}
              <span className="visually-hidden"> ({name})</span>
            </button>{' '}
            <span className="muted">{t(`plans.partners.confidence.${suggestion.confidence}`)}</span>
          </li>
        ))}
      </ul>
      {error ? <Notice kind="error">{error.message}</Notice> : null}
    </div>
  );
}

/** Links an unlinked partner name to an actor of the network map, in every action that names it. */
function LinkPartnerForm({ partner, index, onLinked }: { partner: Partner; index: number; onLinked: (message: string) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const [actor, setActor] = useState<PickedActor | null>(null);
  const [missing, setMissing] = useState(false);
  const { run, busy, error } = useSubmit(async () => {
    if (!actor) {
      setMissing(true);
      return;
    }
    setMissing(false);
    // Every mention of the name (one partner row per action) gets the same actor.
    for (const partnerId of partner.partnerIds) {
      await api.POST('/api/regions/{slug}/plans/{planId}/partners/{partnerId}/link', { params: { path: { ...planParams(region.slug, planId), partnerId } }, body: { actorId: actor.id } });
    }
    onLinked(t('plans.partners.linkDone', { name: partner.name, actor: actor.name }));
  });
  const id = `partner-link-${index}`;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <Field id={id} label={t('plans.partners.linkLabel', { name: partner.name })} error={missing ? t('plans.partners.chooseFirst', { name: partner.name }) : error?.fieldMessage('actorId')}>
        {(control) => <ActorPicker control={control} slug={region.slug} value={actor} onChange={setActor} />}
      </Field>
      <SubmitButton busy={busy}>
        {t('plans.partners.linkButton')}
        <span className="visually-hidden"> {partner.name}</span>
      </SubmitButton>
      {error && !error.fieldMessage('actorId') ? <Notice kind="error">{error.message}</Notice> : null}
    </form>
  );
}

/** /r/:slug/plannen/:planId/partners — which partners take part in which actions; unlinked names can be linked here. */
export function PlanPartnersPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const partners = useApi('/api/regions/{slug}/plans/{planId}/partners', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const [status, setStatus] = useState<string | null>(null);
  const canLink = (plan.data?.myRole === 'admin' || plan.data?.myRole === 'editor') && plan.data.status !== 'afgesloten';
  const suggestions = useApi(canLink ? '/api/regions/{slug}/plans/{planId}/partner-suggestions' : null, { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const suggestionsFor = (partner: Partner) => suggestions.data?.items.find((item) => item.partnerIds.some((id) => partner.partnerIds.includes(id)));

  if (plan.error?.status === 404 || partners.error?.status === 404) return <NotFoundPage />;
  if (!plan.data || !partners.data) {
    return (
      <Page title={t('plans.partners.heading')} regionName={region.name}>
        {plan.error || partners.error ? <Notice kind="error">{(plan.error ?? partners.error)!.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const items = partners.data.items;

  return (
    <Page title={`${t('plans.partners.heading')}: ${plan.data.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <p>{t('plans.partners.lead')}</p>
      {items.length === 0 ? (
        <p>{t('plans.partners.empty')}</p>
      ) : (
        <>
          <p>{t('plans.partners.summary', { count: items.length, unlinked: items.filter((partner) => !partner.linked).length })}</p>
          <LiveStatus message={status} />
          <table className="table">
            <caption className="visually-hidden">{t('plans.partners.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.partners.partner')}</th>
                <th scope="col" className="numeric">
                  {t('plans.partners.count')}
                </th>
                <th scope="col">{t('plans.partners.actions')}</th>
                {canLink ? <th scope="col">{t('plans.partners.linkColumn')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((partner, index) => (
                <tr key={partner.actorId ?? `name-${partner.partnerIds[0] ?? index}`}>
                  <th scope="row">
                    {partner.actorId && partner.actorVisible ? <Link to={networkPaths.actor(region.slug, partner.actorId)}>{partner.name}</Link> : partner.name}
                    {partner.linked && !partner.actorVisible ? <div className="muted">{t('plans.partners.hiddenActor')}</div> : null}
                    {!partner.linked ? (
                      <div>
                        <span className="plan-badge">{t('plans.partners.unlinked')}</span>
                      </div>
                    ) : null}
                  </th>
                  <td className="numeric">{partner.actions.length}</td>
                  <td>
                    <ul className="plain-list">
                      {partner.actions.map((action) => (
                        <li key={action.id}>
                          <Link to={planPaths.action(region.slug, planId, action.id)}>{t('plans.partners.actionLink', { number: action.number, title: action.title })}</Link>
                          {action.objectiveCode ? <span className="muted"> ({t('plans.partners.actionCode', { goal: action.goalCode ?? '', objective: action.objectiveCode })})</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                  {canLink ? (
                    <td>
                      {!partner.linked && suggestionsFor(partner) ? (
                        <PartnerSuggestionButtons
                          name={suggestionsFor(partner)!.name}
                          suggestions={suggestionsFor(partner)!.suggestions}
                          onLinked={(message) => {
                            setStatus(message);
                            partners.reload();
                            suggestions.reload();
                          }}
                        />
                      ) : null}
                      {!partner.linked ? (
                        <LinkPartnerForm
                          partner={partner}
                          index={index}
                          onLinked={(message) => {
                            setStatus(message);
                            partners.reload();
                          }}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
