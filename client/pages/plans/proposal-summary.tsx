import { useTranslation } from 'react-i18next';
import type { PlanDetail, Proposal } from '../../../common/schemas/plans.js';
import { formatDateTime } from '../../../common/format.js';
import { useRegion } from '../regions/region-context';
import { formatValue, type HistoryContext } from './history-format';

/** What the history formatter looks up: translations, the region's municipalities and the plan's objectives. */
export function useHistoryContext(plan: PlanDetail | undefined): HistoryContext {
  const { t } = useTranslation();
  const { region } = useRegion();
  const names = new Map(region.municipalities.map((municipality) => [municipality.nisCode, municipality.name]));
  const objectives = new Map((plan?.goals ?? []).flatMap((goal) => goal.objectives.map((objective) => [objective.id, `${objective.code} ${objective.title}`] as const)));
  return { t, municipalityName: (code) => names.get(code), objectiveLabel: (id) => objectives.get(id) };
}

/** A change proposal as the action page and the proposals page show it: status, who, when, why, and the proposed values in words. */
export function ProposalSummary({ proposal, context }: { proposal: Proposal; context: HistoryContext }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        <span className="plan-badge">{t(`plans.proposals.statuses.${proposal.status}`)}</span> {t('plans.proposals.by', { user: proposal.proposedBy ?? '—' })} ·{' '}
        {formatDateTime(proposal.createdAt)}
      </p>
      {proposal.reason ? <p>{proposal.reason}</p> : null}
      <ul>
        {Object.entries(proposal.changes).map(([field, value]) => (
          <li key={field}>
            {t(`plans.history.fields.${field}`, { defaultValue: field })}: {formatValue(field, value, context)}
          </li>
        ))}
      </ul>
      {proposal.decisionComment ? <p className="muted">{proposal.decisionComment}</p> : null}
    </>
  );
}
