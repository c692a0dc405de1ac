import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api';
import { chosenOption, Field } from '../../../components/form';
import { RepeatingRowsEditor } from '../../../components/repeating-rows-editor';
import { MILESTONE_STATUSES, NEW_MILESTONE, type MilestoneDraft } from './action-drafts';

/** The milestones of the edit form: title, start and end date, status. */
export function MilestonesEditor({ milestones, onChange, error }: { milestones: MilestoneDraft[]; onChange: (milestones: MilestoneDraft[]) => void; error: ApiError | undefined }) {
  const { t } = useTranslation();
  return (
    <RepeatingRowsEditor
      legend={t('plans.action.milestones')}
      rows={milestones}
      onChange={onChange}
      newRow={() => ({ ...NEW_MILESTONE })}
      idPrefix="milestone"
      firstFieldId={(index) => `milestone-${index}-title`}
      addLabel={t('plans.edit.addMilestone')}
      rowLabel={(_, index) => t('plans.edit.milestoneN', { n: index + 1 })}
      removeLabel={(_, index) => t('plans.edit.removeMilestone', { n: index + 1 })}
      errorPath="milestones"
      error={error}
      reorderable
      renderRow={({ row: milestone, index, update, fieldError }) => (
        <>
          <Field id={`milestone-${index}-title`} label={t('plans.edit.milestoneTitle', { n: index + 1 })} error={fieldError()}>
            {(control) => <input {...control} type="text" value={milestone.title} onChange={(event) => update({ title: event.target.value })} />}
          </Field>
          <Field id={`milestone-${index}-start`} label={t('plans.edit.milestoneStart', { n: index + 1 })}>
            {(control) => <input {...control} type="date" value={milestone.startDate ?? ''} onChange={(event) => update({ startDate: event.target.value || null })} />}
          </Field>
          <Field id={`milestone-${index}-end`} label={t('plans.edit.milestoneEnd', { n: index + 1 })}>
            {(control) => <input {...control} type="date" value={milestone.endDate ?? ''} onChange={(event) => update({ endDate: event.target.value || null })} />}
          </Field>
          <Field id={`milestone-status-${index}`} label={t('plans.edit.milestoneStatus', { title: milestone.title || t('plans.edit.milestoneN', { n: index + 1 }) })}>
            {(control) => (
              <select {...control} value={milestone.status} onChange={(event) => update({ status: chosenOption(MILESTONE_STATUSES, event.target.value, milestone.status) })}>
                {MILESTONE_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`plans.milestoneStatuses.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    />
  );
}
