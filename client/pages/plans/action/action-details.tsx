import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { formatDate, formatMoney } from '../../../../common/format.js';

/** The action's text fields (timing, what, why, how, roles, spreiding …), only those that are filled in. */
export function Fields({ action }: { action: PlanAction }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('plans.tree.timing'), [action.timing?.label, action.timing?.note].filter(Boolean).join(' — ')],
    [t('plans.action.type'), action.type ? t(`plans.actionTypes.${action.type}`) : ''],
    [t('plans.action.description'), action.description],
    [t('plans.action.what'), action.what],
    [t('plans.action.why'), action.why],
    [t('plans.action.how'), action.how],
    [t('plans.action.regierol'), action.regierol],
    [t('plans.action.actorrol'), action.actorrol],
    [t('plans.action.spreiding'), action.spreiding.all ? t('plans.action.allMunicipalities') : action.spreiding.text],
    [t('plans.action.responsible'), action.responsible],
    [t('plans.action.crossRefs'), action.crossRefs.join('; ')],
  ];
  return (
    <dl className="plan-fields">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The budget lines as a table with the total. */
export function BudgetLinesTable({ action }: { action: PlanAction }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('plans.action.budgetLines')}</h2>
      {action.budgetLines.length === 0 ? (
        <p>{t('plans.action.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('plans.action.amount')}
              </th>
              <th scope="col">{t('plans.action.description')}</th>
              <th scope="col">{t('plans.action.year')}</th>
              <th scope="col">{t('plans.action.source')}</th>
            </tr>
          </thead>
          <tbody>
            {action.budgetLines.map((line) => (
              <tr key={line.id}>
                <td className="numeric">
                  {formatMoney(line.amountCents)}
                  {line.marker} {line.per ? t('plans.action.perYear', { per: line.per }) : ''} {line.vatNote}
                </td>
                <td>{line.description}</td>
                <td>{line.workingYear !== null ? t('plans.action.workingYear', { year: line.workingYear }) : (line.year ?? '')}</td>
                <td>{t(`plans.fundingSources.${line.fundingSource}`)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="numeric">
                {formatMoney(action.budgetTotalCents)}
              </th>
              <td colSpan={3}>{t('plans.budget.total')}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </>
  );
}

/** The milestones as a table. */
export function MilestonesTable({ action }: { action: PlanAction }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('plans.action.milestones')}</h2>
      {action.milestones.length === 0 ? (
        <p>{t('plans.action.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('plans.action.milestone')}</th>
              <th scope="col">{t('plans.action.start')}</th>
              <th scope="col">{t('plans.action.end')}</th>
              <th scope="col">{t('plans.tree.status')}</th>
            </tr>
          </thead>
          <tbody>
            {action.milestones.map((milestone) => (
              <tr key={milestone.id}>
                <td>
                  {milestone.group ? <span className="muted">{milestone.group}: </span> : null}
                  {milestone.title}
                  {milestone.note ? <span className="muted"> ({milestone.note})</span> : null}
                </td>
                <td>{milestone.startDate ? formatDate(milestone.startDate) : ''}</td>
                <td>{milestone.endDate ? formatDate(milestone.endDate) : ''}</td>
                <td>{t(`plans.milestoneStatuses.${milestone.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The expected results, when the plan lists any. */
export function ActionResults({ action }: { action: PlanAction }) {
  const { t } = useTranslation();
  if (action.results.length === 0) return null;
  return (
    <>
      <h2>{t('plans.action.results')}</h2>
      <ul>
        {action.results.map((result, index) => (
          <li key={index}>{result}</li>
        ))}
      </ul>
    </>
  );
}
