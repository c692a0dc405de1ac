import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { LoginPrompt, NoAccess } from '../../components/access';
import { api, asApiError } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planParams, planPaths } from './plan-common';
import { ProposalSummary, useHistoryContext } from './proposal-summary';
import './plans.css';


/** /r/:slug/plannen/:planId/voorstellen — every change proposal of a plan; steering members decide here. */
export function PlanProposalsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const member = region.myRole !== null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const proposals = useApi(member ? '/api/regions/{slug}/plans/{planId}/proposals' : null, { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Proposed values in words, as in the history (no raw JSON).
  const context = useHistoryContext(plan.data);

  if (!session.user) return <LoginPrompt />;
  if (!member) return <NoAccess />;
  if (plan.error?.status === 404) return <NotFoundPage />;
  const canDecide = region.myRole === 'steering';
  const decide = async (id: string, decision: 'goedgekeurd' | 'afgewezen') => {
    setMessage(null);
    setProblem(null);
    try {
      await api.POST('/api/regions/{slug}/plans/{planId}/proposals/{proposalId}/decision', {
        params: { path: { ...planParams(region.slug, planId), proposalId: id } },
        body: { decision, comment: comments[id] ?? '' },
      });
      setMessage(t('plans.proposals.decided'));
      proposals.reload();
    } catch (thrown) {
      setProblem(asApiError(thrown).message);
    }
  };

  return (
    <Page title={`${t('plans.proposals.heading')}${plan.data ? `: ${plan.data.title}` : ''}`} regionName={region.name} lead={<p>{t('plans.proposals.pageLead')}</p>}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <LiveStatus message={message} />
      {proposals.data && proposals.data.items.length === 0 ? <p>{t('plans.proposals.empty')}</p> : null}
      <ul className="plain-list">
        {(proposals.data?.items ?? []).map((proposal) => (
          <li key={proposal.id} className="card">
            <h2 className="card__title">
              <Link to={planPaths.action(region.slug, planId, proposal.actionId)}>{t('plans.proposals.forAction', { number: proposal.actionNumber, title: proposal.actionTitle })}</Link>
            </h2>
            <ProposalSummary proposal={proposal} context={context} />
            {canDecide && proposal.status === 'open' ? (
              <>
                <div className="field">
                  <label htmlFor={`comment-${proposal.id}`}>{t('plans.proposals.comment')}</label>
                  <textarea id={`comment-${proposal.id}`} rows={2} value={comments[proposal.id] ?? ''} onChange={(event) => setComments({ ...comments, [proposal.id]: event.target.value })} />
                </div>
                <div className="button-row">
                  <button type="button" className="button button--primary" onClick={() => void decide(proposal.id, 'goedgekeurd')}>
                    {t('plans.proposals.approve')}
                  </button>
                  <button type="button" className="button button--danger-outline" onClick={() => void decide(proposal.id, 'afgewezen')}>
                    {t('plans.proposals.reject')}
                  </button>
                </div>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
