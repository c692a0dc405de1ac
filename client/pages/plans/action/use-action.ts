import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { api } from '../../../api';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { useRegion } from '../../regions/region-context';
import { planParams } from '../plan-common';

/**
 * Everything the action page loads: the plan, the action and, for members, its change log and the
 * plan's proposals; with the writes that change several of them at once.
 */
export function useAction(planId: string, actionId: string) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const refreshKey = session.user?.id ?? null;
  const path = planParams(region.slug, planId);
  const member = region.myRole !== null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path }, refreshKey });
  const action = useApi('/api/regions/{slug}/plans/{planId}/actions/{actionId}', { params: { path: { ...path, actionId } }, refreshKey });
  const history = useApi(member ? '/api/regions/{slug}/plans/{planId}/changes' : null, { params: { path, query: { actionId } }, refreshKey });
  const proposals = useApi(member ? '/api/regions/{slug}/plans/{planId}/proposals' : null, { params: { path }, refreshKey });
  const [decisionError, setDecisionError] = useState<string | null>(null);

  /** A write answered the new action: show it and the new history entry. */
  const saved = (next: PlanAction) => {
    action.setData(next);
    history.reload();
  };
  /** A write that answers nothing useful (a new indicator or measurement): load the action again. */
  const changed = () => {
    action.reload();
    history.reload();
  };
  const decide = async (proposalId: string, decision: 'goedgekeurd' | 'afgewezen') => {
    setDecisionError(null);
    try {
      await api.POST('/api/regions/{slug}/plans/{planId}/proposals/{proposalId}/decision', { params: { path: { ...path, proposalId } }, body: { decision, comment: '' } });
      proposals.reload();
      changed();
    } catch (thrown) {
      setDecisionError(thrown instanceof Error ? thrown.message : t('common.error'));
    }
  };
  const createIndicator = async (input: { name: string; unit: string; baseline: number | null; target: number | null }) => {
    await api.POST('/api/regions/{slug}/plans/{planId}/actions/{actionId}/indicators', { params: { path: { ...path, actionId } }, body: input });
    changed();
  };
  const measure = async (indicatorId: string, input: { measuredOn: string; value: number; source: string }) => {
    await api.POST('/api/regions/{slug}/plans/{planId}/indicators/{indicatorId}/measurements', { params: { path: { ...path, indicatorId } }, body: input });
    changed();
  };

  return { member, plan, action, history, proposals, decisionError, saved, decide, createIndicator, measure };
}
