import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../common/format.js';
import { Page } from '../../components/page';
import { Notice } from '../../components/notice';
import { useApi } from '../../use-api';
import { useRegion } from '../regions/region-context';
import { CooperativeNav } from './cooperative-common';

/** The mails the cooperative sent (for the admin; without SMTP they were only logged). */
export function OutboxPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const outbox = useApi('/api/regions/{slug}/cooperative/outbox', { params: { path: { slug: region.slug } } });
  return (
    <Page title={t('cooperative.outbox.title')} regionName={region.name} lead={<p>{t('cooperative.outbox.lead')}</p>}>
      <CooperativeNav slug={region.slug} />
      {outbox.error ? <Notice kind="error">{outbox.error.message}</Notice> : null}
      {outbox.data && !outbox.data.delivered ? <Notice kind="info">{t('cooperative.outbox.notDelivered')}</Notice> : null}
      {outbox.data && outbox.data.items.length === 0 ? <p>{t('cooperative.outbox.none')}</p> : null}
      {outbox.data?.items.map((mail) => (
        <details key={mail.id} className="coop-card">
          <summary>
            {formatDateTime(mail.createdAt)} · {mail.recipient} · {mail.subject}
          </summary>
          <pre style={{ whiteSpace: 'pre-wrap' }}>{mail.body}</pre>
          {mail.attachmentNames.length ? <p>{t('cooperative.outbox.attachments')}: {mail.attachmentNames.join(', ')}</p> : null}
        </details>
      ))}
    </Page>
  );
}
