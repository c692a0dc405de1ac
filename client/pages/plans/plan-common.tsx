import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import { regionPath } from '../../modules';

/** Dutch paths of the plans module. */
export const planPaths = {
  list: (slug: string) => regionPath(slug, 'plannen'),
  import: (slug: string) => `${regionPath(slug, 'plannen')}/importeren`,
  plan: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}`,
  budget: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/budget`,
  timeline: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/tijdlijn`,
  spreiding: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/spreiding`,
  versions: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/versies`,
  table: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/tabel`,
  proposals: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/voorstellen`,
  partners: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/partners`,
  indicators: (slug: string, planId: string) => `${regionPath(slug, 'plannen')}/${planId}/indicatoren`,
  action: (slug: string, planId: string, actionId: string) => `${regionPath(slug, 'plannen')}/${planId}/acties/${actionId}`,
};

/** The path parameters every plan route shares. */
export function planParams(slug: string, planId: string): { slug: string; planId: string } {
  return { slug, planId };
}

/** A labelled progress bar: the percentage is also written out, never only drawn. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const { t } = useTranslation();
  return (
    <span className="plan-progress">
      <progress max={100} value={value} aria-label={label}>
        {value} %
      </progress>
      <span className="plan-progress__text">{t('plans.progressValue', { value })}</span>
    </span>
  );
}

/** Every action of a plan in tree order. */
export function actionsOf(plan: PlanDetail): PlanAction[] {
  return [...plan.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...plan.actions];
}

/** "2024–2026", "2021" or nothing. */
export function periodLabel(period: { start: number | null; end: number | null }): string {
  if (period.start === null) return '';
  return period.end !== null && period.end !== period.start ? `${period.start}–${period.end}` : String(period.start);
}
