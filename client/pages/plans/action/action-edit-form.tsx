import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../../common/schemas/plans.js';
import { LiveStatus } from '../../../components/notice';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../../components/form';
import { api, ApiError, conflictCurrent, type ApiRequestBody } from '../../../api';
import { useRegion } from '../../regions/region-context';
import { planParams } from '../plan-common';
import {
  budgetPayload,
  draftOf,
  normalLine,
  normalMilestone,
  partnerPayload,
  STATUSES,
  summaryOfLines,
  type Draft,
  type LineDraft,
  type MilestoneDraft,
} from './action-drafts';
import { BudgetLinesEditor } from './budget-lines-editor';
import { MilestonesEditor } from './milestones-editor';
import { PartnersEditor } from './partners-editor';

type ActionChanges = Omit<ApiRequestBody<'/api/regions/{slug}/plans/{planId}/actions/{actionId}', 'patch'>, 'version'>;

/** Someone saved the action meanwhile: their version beside mine, field by field, and a button to take theirs. */
function ConflictPanel({ mine, newest, onLoad }: { mine: Draft; newest: PlanAction; onLoad: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [newest.version]);
  const theirs = draftOf(newest);
  const milestoneSummary = (list: MilestoneDraft[]) => list.map((milestone) => `${milestone.title} (${t(`plans.milestoneStatuses.${milestone.status}`)})`).join('; ');
  const linesSummary = (lines: LineDraft[]) => {
    const payload = budgetPayload(lines);
    return 'invalid' in payload ? lines.map((line) => `${line.amount} ${line.description}`).join('; ') : summaryOfLines(payload);
  };
  const rows: [string, string, string][] = [
    [t('plans.edit.title'), mine.title, theirs.title],
    [t('plans.edit.status'), t(`plans.actionStatuses.${mine.status}`), t(`plans.actionStatuses.${theirs.status}`)],
    [t('plans.edit.progress'), String(mine.progress), String(theirs.progress)],
    [t('plans.edit.timing'), mine.timingLabel, theirs.timingLabel],
    [t('plans.action.milestones'), milestoneSummary(mine.milestones), milestoneSummary(theirs.milestones)],
    [t('plans.action.budgetLines'), linesSummary(mine.budgetLines), linesSummary(theirs.budgetLines)],
    [t('plans.tree.partners'), mine.partners.map((partner) => partner.name).join('; '), theirs.partners.map((partner) => partner.name).join('; ')],
    [t('plans.edit.description'), mine.description, theirs.description],
  ];
  return (
    <div ref={ref} className="notice notice--warning conflict" role="alert" tabIndex={-1}>
      <p>
        <strong>{t('plans.edit.conflict')}</strong>
      </p>
      <table className="table table--compare">
        <thead>
          <tr>
            <th scope="col">{t('plans.action.field')}</th>
            <th scope="col">{t('plans.edit.yours')}</th>
            <th scope="col">{t('plans.edit.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{a}</td>
              <td>{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onLoad}>
          {t('plans.edit.loadNewest')}
        </button>
      </div>
    </div>
  );
}

/** The edit form of an action; in an approved plan, content changes become a proposal and only monitoring is saved directly. */
export function EditForm({ action, plan, onSaved }: { action: PlanAction; plan: PlanDetail; onSaved: (action: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const [draft, setDraft] = useState<Draft>(() => draftOf(action));
  const [base, setBase] = useState(action);
  const [conflict, setConflict] = useState<PlanAction | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const approved = plan.status !== 'ontwerp';
  // A newer version saved elsewhere on this page (a partner linked): take it over while nothing was typed.
  useEffect(() => {
    if (action.version > base.version && JSON.stringify(draft) === JSON.stringify(draftOf(base))) {
      setBase(action);
      setDraft(draftOf(action));
    }
  }, [action, base, draft]);
  const actionParams = { path: { ...planParams(region.slug, plan.id), actionId: action.id } };

  const changes = () => {
    const out: ActionChanges = {};
    if (draft.title !== base.title) out.title = draft.title;
    if (draft.description !== base.description) out.description = draft.description;
    if (draft.status !== base.status) out.status = draft.status;
    if (draft.progress !== base.progress) out.progress = draft.progress;
    if (draft.spreidingAll !== base.spreiding.all || [...draft.spreidingNis].sort().join() !== [...base.spreiding.nisCodes].sort().join()) {
      out.spreiding = { all: draft.spreidingAll, text: base.spreiding.text, nisCodes: draft.spreidingAll ? [] : draft.spreidingNis };
    }
    const milestones = draft.milestones.map(normalMilestone);
    const baseMilestones = base.milestones.map(({ id: _id, ...milestone }) => normalMilestone(milestone));
    if (JSON.stringify(milestones) !== JSON.stringify(baseMilestones)) out.milestones = milestones;
    const lines = budgetPayload(draft.budgetLines);
    if ('invalid' in lines) throw new ApiError(400, 'VALIDATION_FAILED', t('plans.edit.invalidLines'), [{ path: lines.invalid, message: t(lines.invalid.endsWith('year') ? 'plans.edit.invalidYear' : 'plans.edit.invalidAmount') }]);
    if (JSON.stringify(lines) !== JSON.stringify(base.budgetLines.map(({ id: _id, ...line }) => normalLine(line)))) out.budgetLines = lines;
    const partners = partnerPayload(draft.partners);
    if (JSON.stringify(partners) !== JSON.stringify(base.partners.map(({ name, actorId }) => ({ name, actorId })))) out.partners = partners;
    if (draft.timingLabel !== (base.timing?.label ?? '')) out.timing = { kind: base.timing?.kind ?? 'text', start: base.timing?.start ?? null, end: base.timing?.end ?? null, label: draft.timingLabel, note: base.timing?.note ?? '' };
    return out;
  };

  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    const all = changes();
    // Milestone statuses are monitoring; new, removed, renamed or re-dated milestones are content.
    const milestoneContent = (list: MilestoneDraft[]) => JSON.stringify(list.map((milestone) => ({ ...normalMilestone(milestone), status: null })));
    const statusesOnly = milestoneContent(draft.milestones) === milestoneContent(base.milestones.map(({ id: _id, ...milestone }) => milestone));
    const isMonitoring = (key: string) => key === 'status' || key === 'progress' || (key === 'milestones' && statusesOnly);
    const monitoring = Object.fromEntries(Object.entries(all).filter(([key]) => isMonitoring(key)));
    const content = Object.fromEntries(Object.entries(all).filter(([key]) => !isMonitoring(key)));
    try {
      const direct = approved ? monitoring : all;
      let saved = base;
      if (Object.keys(direct).length > 0) {
        saved = await api.PATCH('/api/regions/{slug}/plans/{planId}/actions/{actionId}', { params: actionParams, body: { ...direct, version: base.version } });
        setBase(saved);
        onSaved(saved);
      }
      if (approved && Object.keys(content).length > 0) {
        await api.POST('/api/regions/{slug}/plans/{planId}/actions/{actionId}/proposals', { params: actionParams, body: { changes: content, reason } });
        setStatus(t('plans.edit.proposed'));
      } else setStatus(t('plans.edit.saved'));
      setConflict(null);
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'patch', '/api/regions/{slug}/plans/{planId}/actions/{actionId}');
      if (!current) throw thrown;
      setConflict(current);
    }
  });

  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('plans.edit.heading')}</h2>
      {approved ? <p className="muted">{t('plans.edit.approvedHint')}</p> : null}
      {conflict ? (
        <ConflictPanel
          mine={draft}
          newest={conflict}
          onLoad={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            onSaved(conflict);
            setConflict(null);
          }}
        />
      ) : null}
      <ErrorSummary
        error={error}
        fields={[
          { path: 'title', id: 'action-title', label: t('plans.edit.title') },
          { path: 'progress', id: 'action-progress', label: t('plans.edit.progress') },
          ...draft.budgetLines.flatMap((_, index) => [
            { path: `budgetLines.${index}.amountCents`, id: `line-${index}-amount`, label: t('plans.edit.lineAmount', { n: index + 1 }) },
            { path: `budgetLines.${index}.year`, id: `line-${index}-year`, label: t('plans.edit.lineYear', { n: index + 1 }) },
          ]),
          ...draft.milestones.map((_, index) => ({ path: `milestones.${index}`, id: `milestone-${index}-title`, label: t('plans.edit.milestoneTitle', { n: index + 1 }) })),
          { path: 'milestones', id: 'milestone-0-title', label: t('plans.action.milestones') },
          ...draft.partners.map((_, index) => ({ path: `partners.${index}`, id: `partner-${index}-name`, label: t('plans.edit.partnerName', { n: index + 1 }) })),
        ]}
      />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="action-title" label={t('plans.edit.title')} error={error?.fieldMessage('title')}>
          {(control) => <input {...control} type="text" value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />}
        </Field>
        <Field id="action-status" label={t('plans.edit.status')}>
          {(control) => (
            <select {...control} value={draft.status} onChange={(event) => setDraft({ ...draft, status: chosenOption(STATUSES, event.target.value, draft.status) })}>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`plans.actionStatuses.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="action-progress" label={t('plans.edit.progress')} hint={t('plans.edit.progressHint')} error={error?.fieldMessage('progress')}>
          {(control) => (
            <input {...control} type="number" min={0} max={100} inputMode="numeric" value={draft.progress} onChange={(event) => setDraft({ ...draft, progress: Number(event.target.value) })} />
          )}
        </Field>
        <BudgetLinesEditor lines={draft.budgetLines} onChange={(budgetLines) => setDraft({ ...draft, budgetLines })} error={error} />
        <MilestonesEditor milestones={draft.milestones} onChange={(milestones) => setDraft({ ...draft, milestones })} error={error} />
        <PartnersEditor partners={draft.partners} onChange={(partners) => setDraft({ ...draft, partners })} error={error} />
        <fieldset className="field checkbox-group">
          <legend>{t('plans.edit.spreidingLegend')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={draft.spreidingAll} onChange={(event) => setDraft({ ...draft, spreidingAll: event.target.checked })} /> {t('plans.edit.spreidingAll')}
          </label>
          {!draft.spreidingAll ? (
            <div className="checkbox-grid">
              {region.municipalities.map((municipality) => (
                <label key={municipality.nisCode} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.spreidingNis.includes(municipality.nisCode)}
                    onChange={(event) =>
                      setDraft({
                        ...draft,
                        spreidingNis: event.target.checked ? [...draft.spreidingNis, municipality.nisCode] : draft.spreidingNis.filter((code) => code !== municipality.nisCode),
                      })
                    }
                  />{' '}
                  {municipality.name}
                </label>
              ))}
            </div>
          ) : null}
        </fieldset>
        <Field id="action-timing" label={t('plans.edit.timing')}>
          {(control) => <input {...control} type="text" value={draft.timingLabel} onChange={(event) => setDraft({ ...draft, timingLabel: event.target.value })} />}
        </Field>
        <Field id="action-description" label={t('plans.edit.description')}>
          {(control) => <textarea {...control} rows={4} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} />}
        </Field>
        {approved ? (
          <Field id="action-reason" label={t('plans.edit.reason')}>
            {(control) => <textarea {...control} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
        ) : null}
        <SubmitButton busy={busy}>{t('plans.edit.save')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
    </section>
  );
}
