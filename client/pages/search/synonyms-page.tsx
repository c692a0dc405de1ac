import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SynonymGroup } from '../../../common/schemas/search.js';
import { Page } from '../../components/page';
import { LoginPrompt, NoAccess } from '../../components/access';
import { LiveStatus, Notice } from '../../components/notice';
import { ErrorSummary, Field, SubmitButton, useSubmit } from '../../components/form';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';

function SynonymsEditor({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const groups = useApi('/api/regions/{slug}/search/synonyms', { params: { path: { slug } } });
  const [terms, setTerms] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const add = useSubmit(async () => {
    setStatus(null);
    const list = terms
      .split(',')
      .map((term) => term.trim())
      .filter((term) => term.length > 0);
    await api.POST('/api/regions/{slug}/search/synonyms', { params: { path: { slug } }, body: { terms: list } });
    setTerms('');
    setStatus(t('search.synonyms.added'));
    groups.reload();
  });
  const remove = useSubmit(async (group: SynonymGroup) => {
    setStatus(null);
    await api.DELETE('/api/regions/{slug}/search/synonyms/{groupId}', { params: { path: { slug, groupId: group.id } } });
    setStatus(t('search.synonyms.deleted'));
    groups.reload();
  });

  if (groups.error) {
    return (
      <Notice kind="error">
        <p>{groups.error.message}</p>
      </Notice>
    );
  }
  if (!groups.data) return <p role="status">{t('app.loading')}</p>;
  const fieldError = add.error?.fieldMessage('terms') ?? add.error?.fieldMessage('terms.0') ?? add.error?.fieldMessage('terms.1');

  return (
    <>
      <ErrorSummary error={add.error ?? remove.error} fields={[{ path: 'terms', id: 'synonym-terms', label: t('search.synonyms.newTerms') }]} />
      <section aria-labelledby="synonym-groups" className="panel">
        <h2 id="synonym-groups">{t('search.synonyms.terms')}</h2>
        {groups.data.length === 0 ? (
          <p>{t('search.synonyms.none')}</p>
        ) : (
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('search.synonyms.terms')}</th>
                <th scope="col">{t('search.synonyms.scope')}</th>
                <th scope="col">{t('search.synonyms.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.data.map((group) => (
                <tr key={group.id}>
                  <td data-label={t('search.synonyms.terms')}>{group.terms.join(', ')}</td>
                  <td data-label={t('search.synonyms.scope')}>{t(group.scope === 'global' ? 'search.synonyms.global' : 'search.synonyms.region')}</td>
                  <td data-label={t('search.synonyms.actions')}>
                    {group.scope === 'region' ? (
                      <button
                        type="button"
                        className="button"
                        aria-label={t('search.synonyms.deleteLabel', { terms: group.terms.join(', ') })}
                        disabled={remove.busy}
                        onClick={() => void remove.run(group)}
                      >
                        {t('search.synonyms.delete')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <form
        className="form panel"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add.run();
        }}
      >
        <h2>{t('search.synonyms.add')}</h2>
        <Field id="synonym-terms" label={t('search.synonyms.newTerms')} hint={t('search.synonyms.newTermsHint')} error={fieldError}>
          {(control) => <input {...control} name="terms" value={terms} onChange={(event) => setTerms(event.target.value)} />}
        </Field>
        <div className="button-row">
          <SubmitButton busy={add.busy}>{t('search.synonyms.add')}</SubmitButton>
          <LiveStatus message={status} />
        </div>
      </form>
    </>
  );
}

/** Region settings: the search synonyms admins add to the global defaults. */
export function SynonymsPage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { user, roleIn } = useSession();
  const isAdmin = roleIn(region.slug) === 'admin';
  return (
    <Page title={t('search.synonyms.title')} regionName={region.name} lead={<p>{t('search.synonyms.intro')}</p>}>
      {!user ? <LoginPrompt /> : !isAdmin ? <NoAccess /> : <SynonymsEditor key={region.slug} slug={region.slug} />}
    </Page>
  );
}
