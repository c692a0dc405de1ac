import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { LiveStatus } from './notice';

/** What renderRow gets for one row: the row, its place, a patcher and the server's messages for it. */
export interface RowContext<Row> {
  row: Row;
  index: number;
  update: (patch: Partial<Row>) => void;
  /** The message for `<errorPath>.<index>` or, with a field, `<errorPath>.<index>.<field>`. */
  fieldError: (field?: string) => string | undefined;
}

export interface RepeatingRowsEditorProps<Row> {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** A blank row for the add button. */
  newRow: () => Row;
  /** Prefix of the element ids: the add button is `add-<idPrefix>`, move buttons `<idPrefix>-<n>-up|down`. */
  idPrefix: string;
  /** The id of the first field of row n, focused after adding it. */
  firstFieldId: (index: number) => string;
  addLabel: string;
  /** Short name of one row ("Budgetlijn 2"); as a <legend> when `rowLegend`, and in announcements. */
  rowLabel: (row: Row, index: number) => string;
  removeLabel: (row: Row, index: number) => string;
  renderRow: (context: RowContext<Row>) => ReactNode;
  /** Where the API reports this list's problems, e.g. `budgetLines` → `budgetLines.2.year`. */
  errorPath: string;
  error: ApiError | undefined;
  /** Each row a fieldset with its label as legend (rows of several fields); else a plain group. */
  rowLegend?: boolean;
  /** Offer move up / move down (the order is saved). */
  reorderable?: boolean;
}

function moved<Row>(rows: Row[], from: number, to: number): Row[] {
  const next = [...rows];
  const [row] = next.splice(from, 1);
  if (row !== undefined) next.splice(to, 0, row);
  return next;
}

/**
 * One editor for the lists inside a form (budget lines, milestones, partners…): add, remove and
 * reorder rows with buttons that say which row they act on; focus goes where the user expects it
 * (the new row's first field, the add button after a removal, the moved row's button) and every
 * change is announced in a live region, so it works by keyboard and with a screen reader.
 */
export function RepeatingRowsEditor<Row>(props: RepeatingRowsEditorProps<Row>) {
  const { legend, rows, onChange, newRow, idPrefix, firstFieldId, addLabel, rowLabel, removeLabel, renderRow, errorPath, error, rowLegend = true, reorderable = false } = props;
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // After React has rendered the changed list, so the element to focus exists.
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  const addId = `add-${idPrefix}`;

  const update = (index: number, patch: Partial<Row>) => onChange(rows.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  const remove = (index: number, label: string) => {
    onChange(rows.filter((_, position) => position !== index));
    setAnnouncement(t('plans.edit.rowRemoved', { label }));
    focusLater(addId);
  };
  const move = (index: number, to: number, label: string, direction: 'up' | 'down') => {
    onChange(moved(rows, index, to));
    setAnnouncement(t('rows.moved', { label, position: to + 1 }));
    // At the top or bottom the same-direction button disappears: focus the other one instead.
    const edge = (direction === 'up' && to === 0) || (direction === 'down' && to === rows.length - 1);
    focusLater(`${idPrefix}-${to}-${edge ? (direction === 'up' ? 'down' : 'up') : direction}`);
  };

  return (
    <fieldset className="field plan-rows">
      <legend>{legend}</legend>
      {rows.map((row, index) => {
        const label = rowLabel(row, index);
        const body = (
          <>
            {rowLegend ? <legend>{label}</legend> : null}
            {renderRow({
              row,
              index,
              update: (patch) => update(index, patch),
              fieldError: (field) => error?.fieldMessage(field ? `${errorPath}.${index}.${field}` : `${errorPath}.${index}`),
            })}
            {reorderable && rows.length > 1 ? (
              <span className="button-row">
                {index > 0 ? (
                  <button id={`${idPrefix}-${index}-up`} type="button" className="button button--small" onClick={() => move(index, index - 1, label, 'up')}>
                    {t('rows.moveUp', { label })}
                  </button>
                ) : null}
                {index < rows.length - 1 ? (
                  <button id={`${idPrefix}-${index}-down`} type="button" className="button button--small" onClick={() => move(index, index + 1, label, 'down')}>
                    {t('rows.moveDown', { label })}
                  </button>
                ) : null}
              </span>
            ) : null}
            <button type="button" className="button button--danger-outline" onClick={() => remove(index, label)}>
              {removeLabel(row, index)}
            </button>
          </>
        );
        // Rows are identified by place: the fields are controlled, so moving a row moves its values.
        return rowLegend ? (
          <fieldset key={index} className="plan-row">
            {body}
          </fieldset>
        ) : (
          // One field per row: its own label names the row, a group label would only repeat it.
          <div key={index} className="plan-row">
            {body}
          </div>
        );
      })}
      <button
        id={addId}
        type="button"
        className="button"
        onClick={() => {
          onChange([...rows, newRow()]);
          focusLater(firstFieldId(rows.length));
        }}
      >
        {addLabel}
      </button>
      <LiveStatus message={announcement} />
    </fieldset>
  );
}
