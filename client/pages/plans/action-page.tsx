import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail, Proposal } from '../../../common/schemas/plans.js';
import { ACTOR_KINDS, type ActorKind } from '../../../common/schemas/network.js';
import type { Sector } from '../../../common/schemas/regions.js';
import { formatDate, formatDateTime, formatMoney } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api, ApiError } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planApi, planPaths, ProgressBar } from './plan-common';
import { IndicatorChart } from './indicator-chart';
import { MergeForm } from './merge-form';
import { formatChanges } from './history-format';
import { ProposalSummary, useHistoryContext } from './proposal-summary';
import './plans.css';

interface ChangeEntry {
  id: string;
  change: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  user: { id: string; name: string } | null;
  proposalId: string | null;
  createdAt: string;
}

interface Draft {
  title: string;
  description: string;
  status: PlanAction['status'];
  progress: number;
  timingLabel: string;
  spreidingAll: boolean;
  spreidingNis: string[];
  budgetLines: LineDraft[];
  milestones: MilestoneDraft[];
  partners: PartnerDraft[];
}

type BudgetLineInput = Omit<PlanAction['budgetLines'][number], 'id'>;
type MilestoneDraft = Omit<PlanAction['milestones'][number], 'id'>;
type FundingSource = BudgetLineInput['fundingSource'];
/** A budget line as typed: amount and year as text; the fields the form does not show are kept. */
interface LineDraft {
  amount: string;
  description: string;
  year: string;
  fundingSource: FundingSource;
  kept: BudgetLineInput | null;
}
/** A partner as typed; the link to an actor is kept while the name is unchanged. */
interface PartnerDraft {
  name: string;
  actorId: string | null;
  linkedName: string | null;
}

const FUNDING_SOURCES: FundingSource[] = ['eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere'];

/** "2.500,00", "€ 1.000", "564" → cents; null when it is not an amount. */
function parseEuro(text: string): number | null {
  const cleaned = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.replace(/\./g, '').split(',');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}

function euroText(cents: number): string {
  return (cents / 100).toLocaleString('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function lineDraftOf({ id: _id, ...line }: PlanAction['budgetLines'][number]): LineDraft {
  return { amount: euroText(line.amountCents), description: line.description, year: line.year === null ? '' : String(line.year), fundingSource: line.fundingSource, kept: line };
}

const NEW_LINE: LineDraft = { amount: '', description: '', year: '', fundingSource: 'eigen-middelen', kept: null };
const NEW_MILESTONE: MilestoneDraft = { title: '', startDate: null, endDate: null, status: 'gepland', note: '', group: '' };

/** The budget lines to send, in the API's shape (null when an amount or year cannot be read). */
function budgetPayload(lines: LineDraft[]): BudgetLineInput[] | { invalid: string } {
  const out: BudgetLineInput[] = [];
  for (const [index, line] of lines.entries()) {
    const amountCents = parseEuro(line.amount);
    if (amountCents === null) return { invalid: `budgetLines.${index}.amountCents` };
    const year = line.year.trim() === '' ? null : Number(line.year);
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2200)) return { invalid: `budgetLines.${index}.year` };
    const kept = line.kept ?? { amountCents: 0, description: '', year: null, workingYear: null, fundingSource: 'andere', cofinancingPartner: '', vatNote: '', marker: '', per: '', sourceText: '' };
    out.push(normalLine({ ...kept, amountCents, description: line.description, year, fundingSource: line.fundingSource }));
  }
  return out;
}

function normalLine(line: BudgetLineInput): BudgetLineInput {
  const { amountCents, description, year, workingYear, fundingSource, cofinancingPartner, vatNote, marker, per, sourceText } = line;
  return { amountCents, description, year, workingYear, fundingSource, cofinancingPartner, vatNote, marker, per, sourceText };
}

function normalMilestone(milestone: MilestoneDraft): MilestoneDraft {
  const { title, startDate, endDate, status, note, group } = milestone;
  return { title, startDate: startDate || null, endDate: endDate || null, status, note, group };
}

function partnerPayload(partners: PartnerDraft[]): { name: string; actorId: string | null }[] {
  return partners.filter((partner) => partner.name.trim() !== '').map((partner) => ({ name: partner.name.trim(), actorId: partner.linkedName === partner.name.trim() ? partner.actorId : null }));
}

function summaryOfLines(lines: BudgetLineInput[]): string {
  return lines.map((line) => `${formatMoney(line.amountCents)} ${line.description}`.trim()).join('; ');
}

const MILESTONE_STATUSES: PlanAction['milestones'][number]['status'][] = ['gepland', 'bezig', 'behaald', 'vertraagd', 'geschrapt'];

const STATUSES: PlanAction['status'][] = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'];

function draftOf(action: PlanAction): Draft {
  return {
    title: action.title,
    description: action.description,
    status: action.status,
    progress: action.progress,
    timingLabel: action.timing?.label ?? '',
    spreidingAll: action.spreiding.all,
    spreidingNis: action.spreiding.nisCodes,
    budgetLines: action.budgetLines.map(lineDraftOf),
    milestones: action.milestones.map(({ id: _id, ...milestone }) => milestone),
    partners: action.partners.map((partner) => ({ name: partner.name, actorId: partner.actorId, linkedName: partner.name })),
  };
}


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

function Fields({ action }: { action: PlanAction }) {
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

/** Budget lines, milestones and partners of the edit form: change, add and remove rows. */
function ListEditors({ draft, setDraft, error }: { draft: Draft; setDraft: (draft: Draft) => void; error: ApiError | undefined }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  const setLine = (index: number, patch: Partial<LineDraft>) => setDraft({ ...draft, budgetLines: draft.budgetLines.map((line, position) => (position === index ? { ...line, ...patch } : line)) });
  const setMilestone = (index: number, patch: Partial<MilestoneDraft>) =>
    setDraft({ ...draft, milestones: draft.milestones.map((milestone, position) => (position === index ? { ...milestone, ...patch } : milestone)) });
  const setPartner = (index: number, name: string) => setDraft({ ...draft, partners: draft.partners.map((partner, position) => (position === index ? { ...partner, name } : partner)) });
  const removed = (label: string, focusId: string) => {
    setAnnouncement(t('plans.edit.rowRemoved', { label }));
    focusLater(focusId);
  };
  return (
    <>
      <fieldset className="field plan-rows">
        <legend>{t('plans.action.budgetLines')}</legend>
        {draft.budgetLines.map((line, index) => (
          <fieldset key={index} className="plan-row">
            <legend>{t('plans.edit.lineN', { n: index + 1 })}</legend>
            <Field id={`line-${index}-amount`} label={t('plans.edit.lineAmount', { n: index + 1 })} hint={t('plans.edit.amountHint')} error={error?.fieldMessage(`budgetLines.${index}.amountCents`)}>
              {(control) => <input {...control} type="text" inputMode="decimal" value={line.amount} onChange={(event) => setLine(index, { amount: event.target.value })} />}
            </Field>
            <Field id={`line-${index}-description`} label={t('plans.edit.lineDescription', { n: index + 1 })}>
              {(control) => <input {...control} type="text" value={line.description} onChange={(event) => setLine(index, { description: event.target.value })} />}
            </Field>
            <Field id={`line-${index}-year`} label={t('plans.edit.lineYear', { n: index + 1 })} error={error?.fieldMessage(`budgetLines.${index}.year`)}>
              {(control) => <input {...control} type="text" inputMode="numeric" value={line.year} onChange={(event) => setLine(index, { year: event.target.value })} />}
            </Field>
            <Field id={`line-${index}-source`} label={t('plans.edit.lineSource', { n: index + 1 })}>
              {(control) => (
                <select {...control} value={line.fundingSource} onChange={(event) => setLine(index, { fundingSource: event.target.value as FundingSource })}>
                  {FUNDING_SOURCES.map((value) => (
                    <option key={value} value={value}>
                      {t(`plans.fundingSources.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => {
                setDraft({ ...draft, budgetLines: draft.budgetLines.filter((_, position) => position !== index) });
                removed(t('plans.edit.lineN', { n: index + 1 }), 'add-line');
              }}
            >
              {t('plans.edit.removeLine', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          id="add-line"
          type="button"
          className="button"
          onClick={() => {
            setDraft({ ...draft, budgetLines: [...draft.budgetLines, { ...NEW_LINE }] });
            focusLater(`line-${draft.budgetLines.length}-amount`);
          }}
        >
          {t('plans.edit.addLine')}
        </button>
      </fieldset>

      <fieldset className="field plan-rows">
        <legend>{t('plans.action.milestones')}</legend>
        {draft.milestones.map((milestone, index) => (
          <fieldset key={index} className="plan-row">
            <legend>{t('plans.edit.milestoneN', { n: index + 1 })}</legend>
            <Field id={`milestone-${index}-title`} label={t('plans.edit.milestoneTitle', { n: index + 1 })} error={error?.fieldMessage(`milestones.${index}`)}>
              {(control) => <input {...control} type="text" value={milestone.title} onChange={(event) => setMilestone(index, { title: event.target.value })} />}
            </Field>
            <Field id={`milestone-${index}-start`} label={t('plans.edit.milestoneStart', { n: index + 1 })}>
              {(control) => <input {...control} type="date" value={milestone.startDate ?? ''} onChange={(event) => setMilestone(index, { startDate: event.target.value || null })} />}
            </Field>
            <Field id={`milestone-${index}-end`} label={t('plans.edit.milestoneEnd', { n: index + 1 })}>
              {(control) => <input {...control} type="date" value={milestone.endDate ?? ''} onChange={(event) => setMilestone(index, { endDate: event.target.value || null })} />}
            </Field>
            <Field id={`milestone-status-${index}`} label={t('plans.edit.milestoneStatus', { title: milestone.title || t('plans.edit.milestoneN', { n: index + 1 }) })}>
              {(control) => (
                <select {...control} value={milestone.status} onChange={(event) => setMilestone(index, { status: event.target.value as MilestoneDraft['status'] })}>
                  {MILESTONE_STATUSES.map((value) => (
                    <option key={value} value={value}>
                      {t(`plans.milestoneStatuses.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => {
                setDraft({ ...draft, milestones: draft.milestones.filter((_, position) => position !== index) });
                removed(t('plans.edit.milestoneN', { n: index + 1 }), 'add-milestone');
              }}
            >
              {t('plans.edit.removeMilestone', { n: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          id="add-milestone"
          type="button"
          className="button"
          onClick={() => {
            setDraft({ ...draft, milestones: [...draft.milestones, { ...NEW_MILESTONE }] });
            focusLater(`milestone-${draft.milestones.length}-title`);
          }}
        >
          {t('plans.edit.addMilestone')}
        </button>
      </fieldset>

      <fieldset className="field plan-rows">
        <legend>{t('plans.tree.partners')}</legend>
        {draft.partners.map((partner, index) => (
          <div key={index} className="plan-row">
            <Field id={`partner-${index}-name`} label={t('plans.edit.partnerName', { n: index + 1 })} hint={partner.actorId && partner.linkedName === partner.name.trim() ? t('plans.action.partnerLinked') : undefined} error={error?.fieldMessage(`partners.${index}`)}>
              {(control) => <input {...control} type="text" value={partner.name} onChange={(event) => setPartner(index, event.target.value)} />}
            </Field>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => {
                setDraft({ ...draft, partners: draft.partners.filter((_, position) => position !== index) });
                removed(partner.name || t('plans.edit.partnerName', { n: index + 1 }), 'add-partner');
              }}
            >
              {t('plans.edit.removePartner', { name: partner.name || String(index + 1) })}
            </button>
          </div>
        ))}
        <button
          id="add-partner"
          type="button"
          className="button"
          onClick={() => {
            setDraft({ ...draft, partners: [...draft.partners, { name: '', actorId: null, linkedName: null }] });
            focusLater(`partner-${draft.partners.length}-name`);
          }}
        >
          {t('plans.edit.addPartner')}
        </button>
      </fieldset>
      <LiveStatus message={announcement} />
    </>
  );
}

function EditForm({ action, plan, onSaved }: { action: PlanAction; plan: PlanDetail; onSaved: (action: PlanAction) => void }) {
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
  const url = planApi(region.slug, plan.id, `/actions/${action.id}`);

  const changes = () => {
    const out: Record<string, unknown> = {};
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
        saved = await api.patch<PlanAction>(url, { ...direct, version: base.version });
        setBase(saved);
        onSaved(saved);
      }
      if (approved && Object.keys(content).length > 0) {
        await api.post(`${url}/proposals`, { changes: content, reason });
        setStatus(t('plans.edit.proposed'));
      } else setStatus(t('plans.edit.saved'));
      setConflict(null);
    } catch (thrown) {
      const current = thrown instanceof ApiError && thrown.code === 'CONFLICT' ? ((thrown.details as { current?: PlanAction } | undefined)?.current ?? null) : null;
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
            <select {...control} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as Draft['status'] })}>
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
        <ListEditors draft={draft} setDraft={setDraft} error={error} />
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

function Indicators({
  indicators,
  period,
  canMeasure,
  measure,
}: {
  indicators: PlanAction['indicators'];
  period: PlanDetail['period'];
  canMeasure: boolean;
  measure: (indicatorId: string, input: { measuredOn: string; value: number; source: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ indicatorId: indicators[0]?.id ?? '', measuredOn: '', value: '', source: '' });
  const [status, setStatus] = useState<string | null>(null);
  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    await measure(draft.indicatorId, { measuredOn: draft.measuredOn, value: Number(draft.value.replace(',', '.')), source: draft.source });
    setDraft({ ...draft, measuredOn: '', value: '', source: '' });
    setStatus(t('plans.indicators.added'));
  });
  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString('nl-BE'));
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('plans.action.indicators')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('plans.action.indicators')}</th>
            <th scope="col" className="numeric">
              {t('plans.indicators.baseline')}
            </th>
            <th scope="col" className="numeric">
              {t('plans.indicators.target')}
            </th>
            <th scope="col">{t('plans.indicators.latest')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const latest = indicator.measurements.at(-1);
            return (
              <tr key={indicator.id}>
                <th scope="row">
                  {indicator.name} {indicator.unit ? <span className="muted">({indicator.unit})</span> : null}
                </th>
                <td className="numeric">{number(indicator.baseline)}</td>
                <td className="numeric">{number(indicator.target)}</td>
                <td>{latest ? `${number(latest.value)} (${formatDate(latest.measuredOn)}${latest.source ? `, ${latest.source}` : ''})` : t('plans.indicators.none')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {indicators.map((indicator) => (
        <IndicatorChart key={indicator.id} indicator={indicator} period={period} headingLevel={3} />
      ))}
      {canMeasure ? (
        <>
          <ErrorSummary error={error} fields={[{ path: 'measuredOn', id: 'measure-date', label: t('plans.indicators.measuredOn') }, { path: 'value', id: 'measure-value', label: t('plans.indicators.value') }]} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void run();
            }}
          >
            <Field id="measure-indicator" label={t('plans.action.indicators')}>
              {(control) => (
                <select {...control} value={draft.indicatorId} onChange={(event) => setDraft({ ...draft, indicatorId: event.target.value })}>
                  {indicators.map((indicator) => (
                    <option key={indicator.id} value={indicator.id}>
                      {indicator.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="measure-date" label={t('plans.indicators.measuredOn')} error={error?.fieldMessage('measuredOn')}>
              {(control) => <input {...control} type="date" value={draft.measuredOn} onChange={(event) => setDraft({ ...draft, measuredOn: event.target.value })} />}
            </Field>
            <Field id="measure-value" label={t('plans.indicators.value')} error={error?.fieldMessage('value')}>
              {(control) => <input {...control} type="text" inputMode="decimal" value={draft.value} onChange={(event) => setDraft({ ...draft, value: event.target.value })} />}
            </Field>
            <Field id="measure-source" label={t('plans.indicators.source')}>
              {(control) => <input {...control} type="text" value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.target.value })} />}
            </Field>
            <SubmitButton busy={busy}>{t('plans.indicators.add')}</SubmitButton>
          </form>
          <LiveStatus message={status} />
        </>
      ) : null}
    </section>
  );
}

/** Searches the network map for an actor and links an unlinked partner name to it. */
function PartnerLinker({ partnerId, name, onLinked }: { partnerId: string; name: string; onLinked: (action: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const [query, setQuery] = useState(name);
  const [found, setFound] = useState<{ id: string; name: string }[] | null>(null);
  const [choice, setChoice] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const search = useSubmit(async () => {
    const result = await api.get<{ items: { id: string; name: string }[] }>(`/api/regions/${encodeURIComponent(region.slug)}/actors?q=${encodeURIComponent(query)}`);
    setFound(result.items.slice(0, 20));
    setChoice(result.items[0]?.id ?? '');
  });
  const link = useSubmit(async () => {
    const saved = await api.post<PlanAction>(planApi(region.slug, planId, `/partners/${partnerId}/link`), { actorId: choice });
    setStatus(t('plans.action.linkDone', { name }));
    onLinked(saved);
  });
  const id = `link-${partnerId}`;
  return (
    <details>
      <summary>{t('plans.action.linkPartner')}</summary>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void search.run();
        }}
      >
        <Field id={`${id}-q`} label={t('plans.action.linkSearch', { name })}>
          {(control) => <input {...control} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />}
        </Field>
        <SubmitButton busy={search.busy}>{t('plans.action.linkSearchButton')}</SubmitButton>
      </form>
      {search.error ? <Notice kind="error">{search.error.message}</Notice> : null}
      {found && found.length === 0 ? <p>{t('plans.action.linkNone')}</p> : null}
      {found && found.length > 0 ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void link.run();
          }}
        >
          <Field id={`${id}-actor`} label={t('plans.action.linkChoose', { name })}>
            {(control) => (
              <select {...control} value={choice} onChange={(event) => setChoice(event.target.value)}>
                {found.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton busy={link.busy}>{t('plans.action.linkConfirm')}</SubmitButton>
        </form>
      ) : null}
      {link.error ? <Notice kind="error">{link.error.message}</Notice> : null}
      <LiveStatus message={status} />
    </details>
  );
}

/** Admins: turns an unlinked partner name into a new actor of the network map, linked right away. */
function PartnerActorCreator({ partnerId, name, onCreated }: { partnerId: string; name: string; onCreated: (action: PlanAction) => void }) {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { planId = '' } = useParams();
  const sectors = useApi<Sector[]>('/api/sectors').data ?? [];
  const [kind, setKind] = useState<ActorKind>('organisatie');
  const [sector, setSector] = useState('');
  const [municipality, setMunicipality] = useState(region.municipalities[0]?.nisCode ?? '');
  const chosenSector = sector || sectors[0]?.key || '';
  const { run, busy, error } = useSubmit(async () => {
    const saved = await api.post<PlanAction>(planApi(region.slug, planId, `/partners/${partnerId}/actor`), { kind, sectors: [chosenSector], municipality });
    onCreated(saved);
  });
  const id = `create-${partnerId}`;
  return (
    <details>
      <summary>{t('plans.action.createActor')}</summary>
      <p className="muted">{t('plans.action.createActorHint', { name })}</p>
      <ErrorSummary error={error} fields={[{ path: 'municipality', id: `${id}-municipality`, label: t('plans.action.createActorMunicipality', { name }) }, { path: 'sectors.0', id: `${id}-sector`, label: t('plans.action.createActorSector', { name }) }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id={`${id}-kind`} label={t('plans.action.createActorKind', { name })}>
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value as ActorKind)}>
              {ACTOR_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`network.kinds.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-sector`} label={t('plans.action.createActorSector', { name })} error={error?.fieldMessage('sectors.0')}>
          {(control) => (
            <select {...control} value={chosenSector} onChange={(event) => setSector(event.target.value)}>
              {sectors.map((value) => (
                <option key={value.key} value={value.key}>
                  {value.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-municipality`} label={t('plans.action.createActorMunicipality', { name })} error={error?.fieldMessage('municipality')}>
          {(control) => (
            <select {...control} value={municipality} onChange={(event) => setMunicipality(event.target.value)}>
              {region.municipalities.map((value) => (
                <option key={value.nisCode} value={value.nisCode}>
                  {value.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton busy={busy}>{t('plans.action.createActorConfirm')}</SubmitButton>
      </form>
    </details>
  );
}

/** A new indicator with unit, baseline and target. */
function NewIndicator({ create }: { create: (input: { name: string; unit: string; baseline: number | null; target: number | null }) => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: '', unit: '', baseline: '', target: '' });
  const [status, setStatus] = useState<string | null>(null);
  const toNumber = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));
  const { run, busy, error } = useSubmit(async () => {
    setStatus(null);
    await create({ name: draft.name, unit: draft.unit, baseline: toNumber(draft.baseline), target: toNumber(draft.target) });
    setDraft({ name: '', unit: '', baseline: '', target: '' });
    setStatus(t('plans.indicators.created'));
  });
  return (
    <details>
      <summary>{t('plans.indicators.newHeading')}</summary>
      <ErrorSummary error={error} fields={[{ path: 'name', id: 'indicator-name', label: t('plans.indicators.name') }]} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field id="indicator-name" label={t('plans.indicators.name')} error={error?.fieldMessage('name')}>
          {(control) => <input {...control} type="text" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />}
        </Field>
        <Field id="indicator-unit" label={t('plans.indicators.unit')}>
          {(control) => <input {...control} type="text" value={draft.unit} onChange={(event) => setDraft({ ...draft, unit: event.target.value })} />}
        </Field>
        <Field id="indicator-baseline" label={t('plans.indicators.baseline')} error={error?.fieldMessage('baseline')}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.baseline} onChange={(event) => setDraft({ ...draft, baseline: event.target.value })} />}
        </Field>
        <Field id="indicator-target" label={t('plans.indicators.target')} error={error?.fieldMessage('target')}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} />}
        </Field>
        <SubmitButton busy={busy}>{t('plans.indicators.create')}</SubmitButton>
      </form>
      <LiveStatus message={status} />
    </details>
  );
}

function History({ items, plan }: { items: ChangeEntry[]; plan: PlanDetail | undefined }) {
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

function Proposals({ items, plan, canDecide, onDecide }: { items: Proposal[]; plan: PlanDetail | undefined; canDecide: boolean; onDecide: (id: string, decision: 'goedgekeurd' | 'afgewezen') => void }) {
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

/** /r/:slug/plannen/:planId/acties/:actionId — one action: all fields, milestones, budget, partners, edit form, history. */
export function ActionPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '', actionId = '' } = useParams();
  const userKey = session.user?.id ?? null;
  const plan = useApi<PlanDetail>(planApi(region.slug, planId), userKey);
  const action = useApi<PlanAction>(planApi(region.slug, planId, `/actions/${actionId}`), userKey);
  const member = region.myRole !== null;
  const history = useApi<{ items: ChangeEntry[] }>(member ? planApi(region.slug, planId, `/changes?actionId=${actionId}`) : null, userKey);
  const proposals = useApi<{ items: Proposal[] }>(member ? planApi(region.slug, planId, '/proposals') : null, userKey);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [partnerStatus, setPartnerStatus] = useState<string | null>(null);

  if (action.error?.status === 404 || plan.error?.status === 404) return <NotFoundPage />;
  if (!action.data || !plan.data) {
    return (
      <Page title={t('plans.title')} regionName={region.name}>
        {action.error ? <Notice kind="error">{action.error.message}</Notice> : <p>{t('app.loading')}</p>}
      </Page>
    );
  }
  const current = action.data;
  const canEdit = (region.myRole === 'admin' || region.myRole === 'editor') && plan.data.status !== 'afgesloten';
  const decide = async (id: string, decision: 'goedgekeurd' | 'afgewezen') => {
    setDecisionError(null);
    try {
      await api.post(planApi(region.slug, planId, `/proposals/${id}/decision`), { decision, comment: '' });
      proposals.reload();
      action.reload();
      history.reload();
    } catch (thrown) {
      setDecisionError(thrown instanceof Error ? thrown.message : t('common.error'));
    }
  };

  return (
    <Page title={`${t('plans.tree.number')} ${current.number} — ${current.title}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      <p>
        <span className="plan-badge">{t(`plans.actionStatuses.${current.status}`)}</span> <ProgressBar value={current.progress} label={t('plans.progress')} />
      </p>
      <Fields action={current} />

      <h2>{t('plans.tree.partners')}</h2>
      {current.partners.length === 0 ? (
        <p>{t('plans.action.none')}</p>
      ) : (
        <ul>
          {current.partners.map((partner) => (
            <li key={partner.id}>
              {partner.name} <span className="muted">({partner.actorId ? t('plans.action.partnerLinked') : t('plans.action.partnerUnlinked')})</span>
              {canEdit && !partner.actorId ? (
                <PartnerLinker
                  partnerId={partner.id}
                  name={partner.name}
                  onLinked={(saved) => {
                    setPartnerStatus(t('plans.action.linkDone', { name: partner.name }));
                    action.setData(saved);
                    history.reload();
                  }}
                />
              ) : null}
              {canEdit && region.myRole === 'admin' && !partner.actorId ? (
                <PartnerActorCreator
                  partnerId={partner.id}
                  name={partner.name}
                  onCreated={(saved) => {
                    setPartnerStatus(t('plans.action.createActorDone', { name: partner.name }));
                    action.setData(saved);
                    history.reload();
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {/* The forms above disappear once a partner is linked, so their outcome is announced here. */}
      <LiveStatus message={partnerStatus} />

      <h2>{t('plans.action.budgetLines')}</h2>
      {current.budgetLines.length === 0 ? (
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
            {current.budgetLines.map((line) => (
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
                {formatMoney(current.budgetTotalCents)}
              </th>
              <td colSpan={3}>{t('plans.budget.total')}</td>
            </tr>
          </tfoot>
        </table>
      )}

      <h2>{t('plans.action.milestones')}</h2>
      {current.milestones.length === 0 ? (
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
            {current.milestones.map((milestone) => (
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

      {current.results.length > 0 ? (
        <>
          <h2>{t('plans.action.results')}</h2>
          <ul>
            {current.results.map((result, index) => (
              <li key={index}>{result}</li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <NewIndicator
          create={async (input) => {
            await api.post(planApi(region.slug, planId, `/actions/${current.id}/indicators`), input);
            action.reload();
            history.reload();
          }}
        />
      ) : null}
      {current.indicators.length > 0 ? (
        <Indicators
          indicators={current.indicators}
          period={plan.data.period}
          canMeasure={canEdit}
          measure={async (indicatorId, input) => {
            await api.post(planApi(region.slug, planId, `/indicators/${indicatorId}/measurements`), input);
            action.reload();
            history.reload();
          }}
        />
      ) : null}

      {canEdit ? <EditForm key={current.id} action={current} plan={plan.data} onSaved={(saved) => { action.setData(saved); history.reload(); proposals.reload(); }} /> : null}
      {canEdit && plan.data.status === 'ontwerp' ? (
        <MergeForm
          slug={region.slug}
          plan={plan.data}
          action={current}
          onMerged={(saved) => {
            action.setData(saved);
            plan.reload();
            history.reload();
          }}
        />
      ) : null}

      {member ? (
        <>
          <h2>{t('plans.proposals.heading')}</h2>
          {decisionError ? <Notice kind="error">{decisionError}</Notice> : null}
          <Proposals items={(proposals.data?.items ?? []).filter((proposal) => proposal.actionId === current.id)} plan={plan.data} canDecide={region.myRole === 'steering'} onDecide={(id, decision) => void decide(id, decision)} />
          <h2>{t('plans.action.history')}</h2>
          <History items={history.data?.items ?? []} plan={plan.data} />
        </>
      ) : null}
    </Page>
  );
}
