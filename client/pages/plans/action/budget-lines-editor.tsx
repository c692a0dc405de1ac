import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api';
import { chosenOption, Field } from '../../../components/form';
import { RepeatingRowsEditor } from '../../../components/repeating-rows-editor';
import { FUNDING_SOURCES, NEW_LINE, type LineDraft } from './action-drafts';

/** The budget lines of the edit form: amount (€), description, year and funding source per line. */
export function BudgetLinesEditor({ lines, onChange, error }: { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void; error: ApiError | undefined }) {
  const { t } = useTranslation();
  return (
    <RepeatingRowsEditor
      legend={t('plans.action.budgetLines')}
      rows={lines}
      onChange={onChange}
      newRow={() => ({ ...NEW_LINE })}
      idPrefix="line"
      firstFieldId={(index) => `line-${index}-amount`}
      addLabel={t('plans.edit.addLine')}
      rowLabel={(_, index) => t('plans.edit.lineN', { n: index + 1 })}
      removeLabel={(_, index) => t('plans.edit.removeLine', { n: index + 1 })}
      errorPath="budgetLines"
      error={error}
      reorderable
      renderRow={({ row: line, index, update, fieldError }) => (
        <>
          <Field id={`line-${index}-amount`} label={t('plans.edit.lineAmount', { n: index + 1 })} hint={t('plans.edit.amountHint')} error={fieldError('amountCents')}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={line.amount} onChange={(event) => update({ amount: event.target.value })} />}
          </Field>
          <Field id={`line-${index}-description`} label={t('plans.edit.lineDescription', { n: index + 1 })}>
            {(control) => <input {...control} type="text" value={line.description} onChange={(event) => update({ description: event.target.value })} />}
          </Field>
          <Field id={`line-${index}-year`} label={t('plans.edit.lineYear', { n: index + 1 })} error={fieldError('year')}>
            {(control) => <input {...control} type="text" inputMode="numeric" value={line.year} onChange={(event) => update({ year: event.target.value })} />}
          </Field>
          <Field id={`line-${index}-source`} label={t('plans.edit.lineSource', { n: index + 1 })}>
            {(control) => (
              <select {...control} value={line.fundingSource} onChange={(event) => update({ fundingSource: chosenOption(FUNDING_SOURCES, event.target.value, line.fundingSource) })}>
                {FUNDING_SOURCES.map((value) => (
                  <option key={value} value={value}>
                    {t(`plans.fundingSources.${value}`)}
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
