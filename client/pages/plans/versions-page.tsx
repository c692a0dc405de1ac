import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VersionCompare } from '../../../common/schemas/plans.js';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { LoginPrompt, NoAccess } from '../../components/access';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { NotFoundPage } from '../not-found-page';
import { useRegion } from '../regions/region-context';
import { planParams, planPaths } from './plan-common';
import './plans.css';

/** /r/:slug/plannen/:planId/versies — named versions and the comparison of any two (members). */
export function PlanVersionsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const session = useSession();
  const { planId = '' } = useParams();
  const key = session.user?.id ?? null;
  const member = region.myRole !== null;
  const plan = useApi('/api/regions/{slug}/plans/{planId}', { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const versions = useApi(member ? '/api/regions/{slug}/plans/{planId}/versions' : null, { params: { path: planParams(region.slug, planId) }, refreshKey: key });
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [comparison, setComparison] = useState<VersionCompare | null>(null);

  const create = useSubmit(async () => {
    setStatus(null);
    await api.POST('/api/regions/{slug}/plans/{planId}/versions', { params: { path: planParams(region.slug, planId) }, body: { name } });
    setName('');
    setStatus(t('plans.versions.created'));
    versions.reload();
  });
  const compare = useSubmit(async () => {
    const first = from || versions.data?.items[0]?.id;
    if (!first) return;
    setComparison(await api.GET('/api/regions/{slug}/plans/{planId}/compare', { params: { path: planParams(region.slug, planId), query: { from: first, to } } }));
  });

  if (!session.user) return <LoginPrompt />;
  if (!member) return <NoAccess />;
  if (plan.error?.status === 404) return <NotFoundPage />;
  const items = versions.data?.items ?? [];
  const canCreate = region.myRole === 'admin' || region.myRole === 'steering';
  const options = [...items.map((version) => ({ value: version.id, label: `${version.name} (${formatDateTime(version.createdAt)})` })), { value: 'current', label: t('plans.versions.current') }];

  return (
    <Page title={`${t('plans.versions.heading')}${plan.data ? `: ${plan.data.title}` : ''}`} regionName={region.name}>
      <p>
        <Link to={planPaths.plan(region.slug, planId)}>{t('plans.links.backToPlan')}</Link>
      </p>
      {items.length === 0 ? (
        <p>{t('plans.versions.empty')}</p>
      ) : (
        <ul>
          {items.map((version) => (
            <li key={version.id}>
              <strong>{version.name}</strong> — {formatDateTime(version.createdAt)} {version.createdBy ? t('plans.versions.by', { user: version.createdBy }) : ''}
            </li>
          ))}
        </ul>
      )}

      {canCreate ? (
        <>
          <ErrorSummary error={create.error} fields={[{ path: 'name', id: 'version-name', label: t('plans.versions.name') }]} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void create.run();
            }}
          >
            <Field id="version-name" label={t('plans.versions.name')} hint={t('plans.versions.nameHint')} error={create.error?.fieldMessage('name')}>
              {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
            </Field>
            <SubmitButton busy={create.busy}>{t('plans.versions.create')}</SubmitButton>
          </form>
          <LiveStatus message={status} />
        </>
      ) : null}

      {items.length > 0 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t('plans.versions.compare')}</h2>
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              void compare.run();
            }}
          >
            <Field id="compare-from" label={t('plans.versions.from')}>
              {(control) => (
                <select {...control} value={from || items[0]!.id} onChange={(event) => setFrom(event.target.value)}>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="compare-to" label={t('plans.versions.to')}>
              {(control) => (
                <select {...control} value={to} onChange={(event) => setTo(event.target.value)}>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <SubmitButton busy={compare.busy}>{t('plans.versions.compare')}</SubmitButton>
          </form>
          {compare.error ? <Notice kind="error">{compare.error.message}</Notice> : null}
          {comparison ? (
            <div role="status">
              {(['added', 'removed', 'merged', 'reworded', 'moved'] as const).map((kind) => (
                <section key={kind}>
                  <h3>
                    {t(`plans.versions.${kind}`)} ({comparison[kind].length})
                  </h3>
                  {comparison[kind].length === 0 ? (
                    <p className="muted">{t('plans.versions.noDifferences')}</p>
                  ) : (
                    <ul>
                      {comparison[kind].map((item) => (
                        <li key={item.id}>
                          {item.code} {item.title}
                          {kind === 'moved' ? ` — ${t('plans.versions.movedFromTo', { from: item.from || '—', to: item.to || '—' })}` : ''}
                          {kind === 'merged' ? ` — ${t('plans.versions.mergedInto', { to: item.to ?? '—' })}` : ''}
                          {kind === 'reworded' && item.fields ? ` — ${item.fields.join(', ')}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
