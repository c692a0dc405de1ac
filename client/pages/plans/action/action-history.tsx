import { useTranslation } from 'react-i18next';
import type { PlanDetail, Proposal } from '../../../../common/schemas/plans.js';
import { formatDateTime } from '../../../../common/format.js';
import type { ApiResponse } from '../../../api';
import { formatChanges } from '../history-format';
import { ProposalSummary, useHistoryContext } from '../proposal-summary';

/** One entry of an action's change log, as GET …/changes answers it. */
export type ChangeEntry = ApiResponse<'/api/regions/{slug}/plans/{planId}/changes'>['items'][number];

/** One value or, for a list change, one item per line. */
function HistoryLines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="plain-list">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** The action's change log, newest first: who changed which field from what to what. */
export function History({ items, plan }: { items: ChangeEntry[]; plan: PlanDetail | undefined }) {
  const { t } = useTranslation();
  const context = useHistoryContext(plan);
  if (items.length === 0) return <p>{t('plans.action.historyEmpty')}</p>;
  return (
    <ol className="plain-list plan-history">
      {items.map((entry) => (
        <li key={entry.id}>
          <p>
            <strong>{t('plans.action.historyBy', { user: entry.user?.name ?? '—', date: formatDateTime(entry.createdAt) })}</strong>
            {entry.proposalId ? ` (${t('plans.action.viaProposal')})` : ''}
          </p>
          <table className="table table--compare">
            <thead>
              <tr>
                <th scope="col">{t('plans.action.field')}</th>
                <th scope="col">{t('plans.action.before')}</th>
                <th scope="col">{t('plans.action.after')}</th>
              </tr>
            </thead>
            <tbody>
              {formatChanges(entry.changes, context).map((row) => (
                <tr key={row.field}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <HistoryLines lines={row.before} />
                  </td>
                  <td>
                    <HistoryLines lines={row.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}

/** The proposals for this action; the steering group approves or rejects the open ones. */
export function Proposals({ items, plan, canDecide, onDecide }: { items: Proposal[]; plan: PlanDetail | undefined; canDecide: boolean; onDecide: (id: string, decision: 'goedgekeurd' | 'afgewezen') => void }) {
  const { t } = useTranslation();
  const context = useHistoryContext(plan);
  if (items.length === 0) return <p>{t('plans.proposals.empty')}</p>;
  return (
    <ul className="plain-list">
      {items.map((proposal) => (
        <li key={proposal.id} className="card">
          <ProposalSummary proposal={proposal} context={context} />
          {canDecide && proposal.status === 'open' ? (
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={() => onDecide(proposal.id, 'goedgekeurd')}>
                {t('plans.proposals.approve')}
              </button>
              <button type="button" className="button button--danger-outline" onClick={() => onDecide(proposal.id, 'afgewezen')}>
                {t('plans.proposals.reject')}
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
