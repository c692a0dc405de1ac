import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanAction } from '../../../common/schemas/plans.js';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { LoginPrompt, NoAccess } from '../../components/access';
import { api, asApiError, conflictCurrent } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { actionsOf, planParams, planPaths } from './plan-common';
import './plans.css';

const STATUSES: PlanAction['status'][] = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'];

interface RowDraft {
  status: PlanAction['status'];
  responsible: string;
  spreiding: string;
  partners: string;
  start: string;
  end: string;
}

function rowOf(action: PlanAction): RowDraft {
  return {
    status: action.status,
    responsible: action.responsible,
    spreiding: action.spreiding.text,
    partners: action.partners.map((partner) => partner.name).join('; '),
    start: action.timing?.start ?? '',
    end: action.timing?.end ?? '',
  };
}

/** The changes of one row, as the API takes them (only what differs from the stored action). */
function changesOf(action: PlanAction, draft: RowDraft, contentAllowed: boolean): Record<string, unknown> {
  const stored = rowOf(action);
  const out: Record<string, unknown> = {};
  if (draft.status !== stored.status) out.status = draft.status;
  if (!contentAllowed) return out;
  if (draft.responsible !== stored.responsible) out.responsible = draft.responsible;
  if (draft.spreiding !== stored.spreiding) out.spreiding = { all: /\balle\s+gemeenten\b/i.test(draft.spreiding), text: draft.spreiding, nisCodes: action.spreiding.nisCodes };
  if (draft.partners !== stored.partners) {
    out.partners = draft.partners
      .split(';')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name, actorId: action.partners.find((partner) => partner.name === name)?.actorId ?? null }));
  }
  if (draft.start !== stored.start || draft.end !== stored.end) {
    out.timing =
      draft.start || draft.end
        ? { kind: 'range', start: draft.start || null, end: draft.end || null, label: action.timing?.label ?? '', note: action.timing?.note ?? '' }
        : action.timing
          ? { ...action.timing, kind: action.timing.kind === 'range' ? 'text' : action.timing.kind, start: null, end: null }
          : null;
  }
  return out;
}

/** /r/:slug/plannen/:planId/tabel — bulk editing like a spreadsheet: status, dates, partners, responsible, spreiding. */
export function PlanTablePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: session.user?.id ?? null });
  const [drafts, setDrafts] = useState<Record<string, RowDraft>>({});
  const [saved, setSaved] = useState<Record<string, PlanAction>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (!session.user) return <LoginPrompt />;
  if (region.myRole !== 'admin' && region.myRole !== 'editor') return <NoAccess />;
  if (plan.error?.status === 404) return <NotFoundPage />;
  if (!plan.data) return <Page title={t('plans.table.heading')} regionName={region.name}>{plan.error ? <Notice kind="error">{plan.error.message}</Notice> : <p>{t('app.loading')}</p>}</Page>;
  const contentAllowed = plan.data.status === 'ontwerp';
  const actions = actionsOf(plan.data).map((action) => saved[action.id] ?? action);

  const update = (action: PlanAction, patch: Partial<RowDraft>) => setDrafts((current) => ({ ...current, [action.id]: { ...(current[action.id] ?? rowOf(action)), ...patch } }));
  const save = async (action: PlanAction) => {
    const draft = drafts[action.id] ?? rowOf(action);
    setMessage(null);
    setProblem(null);
    setBusy(action.id);
    try {
      const result = await api.PATCH('/api/regions/{slug}/plans/{planId}/actions/{actionId}', {
        params: { path: { ...planParams(region.slug, planId), actionId: action.id } },
        body: { ...changesOf(action, draft, contentAllowed), version: action.version },
      });
      setSaved((current) => ({ ...current, [action.id]: result }));
      setDrafts((current) => ({ ...current, [action.id]: rowOf(result) }));
      setMessage(t('plans.table.savedRow', { number: action.number }));
    } catch (thrown) {
      const current = conflictCurrent(thrown, 'patch', '/api/regions/{slug}/plans/{planId}/actions/{actionId}');
      if (current) {
        setSaved((all) => ({ ...all, [action.id]: current }));
        setDrafts((all) => ({ ...all, [action.id]: rowOf(current) }));
        setProblem(t('plans.table.conflictRow', { number: action.number }));
      } else setProblem(asApiError(thrown).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page title={`${t('plans.table.heading')}: ${plan.data.title}`} regionName={region.name} lead={<p>{contentAllowed ? t('plans.table.lead') : t('plans.table.approvedLead')}</p>}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <LiveStatus message={message} />
      <div className="plan-table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('plans.tree.number')}</th>
              <th scope="col">{t('plans.tree.action')}</th>
              <th scope="col">{t('plans.tree.status')}</th>
              <th scope="col">{t('plans.table.start')}</th>
              <th scope="col">{t('plans.table.end')}</th>
              <th scope="col">{t('plans.tree.partners')}</th>
              <th scope="col">{t('plans.action.responsible')}</th>
              <th scope="col">{t('plans.action.spreiding')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('plans.edit.save')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => {
              const draft = drafts[action.id] ?? rowOf(action);
              const label = (field: string) => `${field} — ${t('plans.tree.number')} ${action.number}`;
              return (
                <tr key={action.id}>
                  <td>{action.number}</td>
                  <td>{action.title}</td>
                  <td>
                    <select aria-label={label(t('plans.tree.status'))} value={draft.status} onChange={(event) => update(action, { status: event.target.value as RowDraft['status'] })}>
                      {STATUSES.map((value) => (
                        <option key={value} value={value}>
                          {t(`plans.actionStatuses.${value}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="date" aria-label={label(t('plans.table.start'))} disabled={!contentAllowed} value={draft.start} onChange={(event) => update(action, { start: event.target.value })} />
                  </td>
                  <td>
                    <input type="date" aria-label={label(t('plans.table.end'))} disabled={!contentAllowed} value={draft.end} onChange={(event) => update(action, { end: event.target.value })} />
                  </td>
                  <td>
                    <input type="text" aria-label={label(t('plans.tree.partners'))} disabled={!contentAllowed} value={draft.partners} onChange={(event) => update(action, { partners: event.target.value })} />
                  </td>
                  <td>
                    <input type="text" aria-label={label(t('plans.action.responsible'))} disabled={!contentAllowed} value={draft.responsible} onChange={(event) => update(action, { responsible: event.target.value })} />
                  </td>
                  <td>
                    <input type="text" aria-label={label(t('plans.action.spreiding'))} disabled={!contentAllowed} value={draft.spreiding} onChange={(event) => update(action, { spreiding: event.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="button button--small" aria-busy={busy === action.id} onClick={() => void save(action)}>
                      {t('plans.table.saveRow', { number: action.number })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
