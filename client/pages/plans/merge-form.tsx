import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary, SubmitButton, useSubmit } from '../../components/form';
import { LiveStatus } from '../../components/notice';
import { api } from '../../api';
import { planParams } from './plan-common';

interface Candidate {
  action: PlanAction;
  /** "SD1 › OD1.2" — where the action sits, so equal numbers in different objectives stay apart. */
  place: string;
}

function candidatesOf(plan: PlanDetail, exceptId: string): Candidate[] {
  const out: Candidate[] = [];
  for (const goal of plan.goals) {
    for (const objective of goal.objectives) {
      for (const action of objective.actions) if (action.id !== exceptId) out.push({ action, place: `${goal.code} › ${objective.code}` });
    }
  }
  for (const action of plan.actions) if (action.id !== exceptId) out.push({ action, place: '' });
  return out;
}

const SHOWN = 150;

/**
 * Merges other actions of a draft plan into this one (what seed 001 writes as "actie 40 en 41 worden
 * één actie"): pick them, confirm, and their lists and texts move here.
 */
export function MergeForm({ slug, plan, action, onMerged }: { slug: string; plan: PlanDetail; action: PlanAction; onMerged: (saved: PlanAction) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const candidates = useMemo(() => candidatesOf(plan, action.id), [plan, action.id]);
  const needle = filter.trim().toLowerCase();
  const shown = candidates.filter(({ action: a, place }) => !needle || `${a.number} ${a.title} ${place}`.toLowerCase().includes(needle) || chosen.has(a.id)).slice(0, SHOWN);
  const { run, busy, error, setError } = useSubmit(async () => {
    const saved = await api.POST('/api/regions/{slug}/plans/{planId}/actions/{actionId}/merge', {
      params: { path: { ...planParams(slug, plan.id), actionId: action.id } },
      body: { version: action.version, sourceActionIds: [...chosen] },
    });
    setStatus(t('plans.merge.done', { count: chosen.size }));
    setChosen(new Set());
    onMerged(saved);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    if (chosen.size === 0) {
      setError(undefined);
      setStatus(t('plans.merge.noneChosen'));
      return;
    }
    setConfirming(true);
  };
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <details className="plan-merge">
      <summary>{t('plans.merge.heading')}</summary>
      <p>{t('plans.merge.lead')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fields={[{ path: 'sourceActionIds', id: 'merge-filter', label: t('plans.merge.choose') }]} />
        <fieldset>
          <legend>{t('plans.merge.choose')}</legend>
          <label htmlFor="merge-filter">{t('plans.merge.filter')}</label>
          <input id="merge-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
          <ul className="plain-list plan-merge__list">
            {shown.map(({ action: candidate, place }) => (
              <li key={candidate.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(candidate.id)} onChange={() => toggle(candidate.id)} /> {candidate.number} {candidate.title}
                  {place ? <span className="muted"> ({place})</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <SubmitButton busy={busy}>{t('plans.merge.submit')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
      <ConfirmDialog
        open={confirming}
        title={t('plans.merge.confirmTitle')}
        message={t('plans.merge.confirm', { count: chosen.size, number: action.number })}
        confirmLabel={t('plans.merge.submit')}
        onConfirm={() => {
          setConfirming(false);
          void run();
        }}
        onCancel={() => setConfirming(false)}
      />
    </details>
  );
}
