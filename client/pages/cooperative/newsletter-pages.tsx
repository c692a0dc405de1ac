import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../common/format.js';
import { api, conflictCurrent, type ApiResponse } from '../../api';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { chosenOption, ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { RepeatingRowsEditor } from '../../components/repeating-rows-editor';
import { useApi } from '../../use-api';
import { regionPath } from '../../modules';
import { waitForJob } from '../../wait-for-job';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';

type Issue = ApiResponse<'/api/regions/{slug}/cooperative/newsletters/{id}'>;
type Item = Issue['items'][number];
const AUDIENCES = ['leden', 'publiek'] as const;
const KINDS = ['actor', 'relation', 'offer', 'milestone', 'decision', 'plan', 'meeting', 'text'] as const;

function kindLabel(kind: string, t: (key: string) => string): string {
  return t(`cooperative.newsletter.kinds.${chosenOption(KINDS, kind, 'text')}`);
}

/** /r/:slug/cooperatie/nieuwsbrief — the archive; the regisseur composes a new draft from recent activity. */
export function NewslettersPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const navigate = useNavigate();
  const list = useApi('/api/regions/{slug}/cooperative/newsletters', { params: { path: { slug: region.slug } } });
  const [days, setDays] = useState('30');
  const { run, busy, error } = useSubmit(async () => {
    const created = await api.POST('/api/regions/{slug}/cooperative/newsletters', { params: { path: { slug: region.slug } }, body: { days: Number(days) || 30 } });
    void navigate(`${regionPath(region.slug, 'cooperatie')}/nieuwsbrief/${created.id}`);
  });
  return (
    <Page title={t('cooperative.newsletter.title')} regionName={region.name} lead={<p>{t('cooperative.newsletter.lead')}</p>}>
      <CooperativeNav slug={region.slug} />
      {list.error ? <Notice kind="error">{list.error.message}</Notice> : null}
      {list.data?.canManage ? (
        <form
          className="coop-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <h2>{t('cooperative.newsletter.compose')}</h2>
          <p className="muted">{t('cooperative.newsletter.composeHint', { days: Number(days) || 30 })}</p>
          <ErrorSummary error={error} fields={[{ path: 'days', id: 'newsletter-days', label: t('cooperative.newsletter.days') }]} />
          <Field id="newsletter-days" label={t('cooperative.newsletter.days')} error={error?.fieldMessage('days')}>
            {(control) => <input {...control} type="number" min={1} max={92} value={days} onChange={(event) => setDays(event.target.value)} />}
          </Field>
          <SubmitButton busy={busy}>{t('cooperative.newsletter.compose')}</SubmitButton>
        </form>
      ) : null}
      <h2>{t('cooperative.newsletter.archive')}</h2>
      {list.data && list.data.items.length === 0 ? <p>{t('cooperative.newsletter.none')}</p> : null}
      <ul className="coop-cards">
        {list.data?.items.map((issue) => (
          <li key={issue.id} className="coop-card">
            <h3>
              <Link to={issue.webPath}>{issue.title}</Link>
            </h3>
            <p className="muted">
              {issue.status === 'verzonden' && issue.sentAt ? t('cooperative.newsletter.sent', { date: formatDate(issue.sentAt), count: issue.recipientCount }) : t(`cooperative.newsletter.statuses.${issue.status === 'verzonden' ? 'verzonden' : 'concept'}`)}
              {' · '}
              {t(`cooperative.newsletter.audiences.${issue.audience}`)}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** The web version of one issue; for a draft, the regisseur's editor, the mail preview and the send button. */
export function NewsletterPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { newsletterId = '' } = useParams();
  const [refresh, setRefresh] = useState(0);
  const issue = useApi('/api/regions/{slug}/cooperative/newsletters/{id}', { params: { path: { slug: region.slug, id: newsletterId } }, refreshKey: refresh });
  const data = issue.data;
  const editable = data?.canManage && data.status === 'concept';
  // Kept here: the editor starts afresh (keyed by version) after every save.
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  return (
    <Page title={data?.title ?? t('cooperative.newsletter.title')} regionName={region.name}>
      <CooperativeNav slug={region.slug} />
      {issue.error ? <Notice kind="error">{issue.error.message}</Notice> : null}
      {data ? (
        <>
          <p className="muted">
            {data.status === 'verzonden' && data.sentAt ? t('cooperative.newsletter.sent', { date: formatDate(data.sentAt), count: data.recipientCount }) : t(`cooperative.newsletter.statuses.${data.status === 'verzonden' ? 'verzonden' : 'concept'}`)}
            {' · '}
            {t(`cooperative.newsletter.audiences.${data.audience}`)}
          </p>
          {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
          {editable ? (
            <NewsletterEditor
              key={data.version}
              slug={region.slug}
              issue={data}
              onChanged={(message) => {
                setNotice(message);
                setRefresh((count) => count + 1);
              }}
            />
          ) : (
            <NewsletterView issue={data} />
          )}
        </>
      ) : null}
    </Page>
  );
}

function NewsletterView({ issue }: { issue: Pick<Issue, 'intro' | 'items'> }) {
  const { t } = useTranslation();
  return (
    <article className="coop-newsletter">
      {issue.intro ? <p style={{ whiteSpace: 'pre-wrap' }}>{issue.intro}</p> : null}
      {issue.items.map((item, index) => (
        <section key={index} className="coop-newsletter-item">
          <p className="coop-newsletter-kind">{kindLabel(item.kind, t)}</p>
          <h2>{item.url ? item.url.startsWith('/') ? <Link to={item.url}>{item.title}</Link> : <a href={item.url}>{item.title}</a> : item.title}</h2>
          {item.text ? <p style={{ whiteSpace: 'pre-wrap' }}>{item.text}</p> : null}
        </section>
      ))}
    </article>
  );
}

function NewsletterEditor({ slug, issue, onChanged }: { slug: string; issue: Issue; onChanged: (notice: { kind: 'success' | 'warning'; text: string }) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(issue.title);
  const [intro, setIntro] = useState(issue.intro);
  const [audience, setAudience] = useState<(typeof AUDIENCES)[number]>(issue.audience);
  const [items, setItems] = useState<Item[]>(issue.items);
  const [confirming, setConfirming] = useState(false);
  const [sendState, setSendState] = useState<string | null>(null);
  const dirty = title !== issue.title || intro !== issue.intro || audience !== issue.audience || JSON.stringify(items) !== JSON.stringify(issue.items);
  const save = useSubmit(async () => {
    try {
      await api.PUT('/api/regions/{slug}/cooperative/newsletters/{id}', { params: { path: { slug, id: issue.id } }, body: { title, intro, audience, items, version: issue.version } });
      onChanged({ kind: 'success', text: t('cooperative.newsletter.saved') });
    } catch (thrown) {
      if (!conflictCurrent(thrown, 'put', '/api/regions/{slug}/cooperative/newsletters/{id}')) throw thrown;
      // The editor reloads with the current issue; the notice above it says why.
      onChanged({ kind: 'warning', text: t('cooperative.forms.conflict') });
    }
  });
  const send = useSubmit(async () => {
    setConfirming(false);
    setSendState(t('cooperative.newsletter.sending'));
    const started = await api.POST('/api/regions/{slug}/cooperative/newsletters/{id}/send', { params: { path: { slug, id: issue.id } }, body: { version: issue.version, recipients: 'leden' } });
    const result = await waitForJob(slug, started.jobId, (value) => value as { recipients: number });
    setSendState(t('cooperative.newsletter.sentNotice', { count: result.recipients }));
    onChanged({ kind: 'success', text: t('cooperative.newsletter.sentNotice', { count: result.recipients }) });
  });
  return (
    <>
      <form
        className="coop-form"
        noValidate
        aria-label={t('cooperative.newsletter.editDraft')}
        onSubmit={(event) => {
          event.preventDefault();
          void save.run();
        }}
      >
        <h2>{t('cooperative.newsletter.editDraft')}</h2>
        <ErrorSummary
          error={save.error}
          fields={[
            { path: 'title', id: 'newsletter-title', label: t('cooperative.newsletter.titleField') },
            { path: 'items', id: 'add-newsletter-items', label: t('cooperative.newsletter.items') },
          ]}
        />
        <Field id="newsletter-title" label={t('cooperative.newsletter.titleField')} error={save.error?.fieldMessage('title')}>
          {(control) => <input {...control} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field id="newsletter-intro" label={t('cooperative.newsletter.intro')}>
          {(control) => <textarea {...control} rows={4} value={intro} onChange={(event) => setIntro(event.target.value)} />}
        </Field>
        <Field id="newsletter-audience" label={t('cooperative.newsletter.audience')}>
          {(control) => (
            <select {...control} value={audience} onChange={(event) => setAudience(chosenOption(AUDIENCES, event.target.value, audience))}>
              {AUDIENCES.map((option) => (
                <option key={option} value={option}>
                  {t(`cooperative.newsletter.audiences.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RepeatingRowsEditor
          legend={t('cooperative.newsletter.items')}
          rows={items}
          onChange={setItems}
          newRow={(): Item => ({ kind: 'text', title: '', text: '', url: null, date: null })}
          idPrefix="newsletter-items"
          firstFieldId={(index) => `newsletter-item-${index}-title`}
          addLabel={t('cooperative.newsletter.addItem')}
          rowLabel={(_, index) => t('cooperative.newsletter.itemN', { n: index + 1 })}
          removeLabel={(_, index) => t('cooperative.newsletter.removeItem', { n: index + 1 })}
          errorPath="items"
          error={save.error}
          reorderable
          renderRow={({ row, index, update, fieldError }) => (
            <>
              <p className="coop-newsletter-kind">{kindLabel(row.kind, t)}</p>
              <Field id={`newsletter-item-${index}-title`} label={t('cooperative.newsletter.itemTitle', { n: index + 1 })} error={fieldError('title')}>
                {(control) => <input {...control} type="text" value={row.title} onChange={(event) => update({ title: event.target.value })} />}
              </Field>
              <Field id={`newsletter-item-${index}-text`} label={t('cooperative.newsletter.itemText', { n: index + 1 })}>
                {(control) => <textarea {...control} rows={2} value={row.text} onChange={(event) => update({ text: event.target.value })} />}
              </Field>
            </>
          )}
        />
        <SubmitButton busy={save.busy}>{t('cooperative.newsletter.save')}</SubmitButton>
      </form>
      <h2>{t('cooperative.newsletter.preview')}</h2>
      <NewsletterView issue={{ intro, items }} />
      {issue.mail ? (
        <details className="coop-card">
          <summary>{issue.mail.subject}</summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{issue.mail.text}</pre>
        </details>
      ) : null}
      {send.error ? <Notice kind="error">{send.error.message}</Notice> : sendState ? <Notice kind="info">{sendState}</Notice> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={dirty} onClick={() => setConfirming(true)}>
          {t('cooperative.newsletter.send')}
        </button>
      </div>
      <ConfirmDialog open={confirming} title={t('cooperative.newsletter.send')} message={t('cooperative.newsletter.sendConfirm')} confirmLabel={t('cooperative.newsletter.send')} onConfirm={() => void send.run()} onCancel={() => setConfirming(false)} />
    </>
  );
}
