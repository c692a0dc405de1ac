import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, asApiError } from '../../api';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { Field } from '../../components/form';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { useRegion } from '../regions/region-context';
import { brokeringPaths, SaveStatus, useSaver } from './brokering-common';

/** The admin's lists: pursued combinations to turn into ideas, and the proposed new actors. */
function AdminLists({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const saver = useSaver();
  const combinations = useApi('/api/regions/{slug}/brokering/combinations', { params: { path: { slug } } });
  const proposed = useApi('/api/regions/{slug}/brokering/proposed-actors', { params: { path: { slug } } });
  const pursued = (combinations.data?.items ?? []).filter((combination) => combination.pursue);
  return (
    <>
      <SaveStatus state={saver.state} />
      <section aria-labelledby="region-combinations">
        <h2 id="region-combinations">{t('brokering.combinations.region')}</h2>
        {pursued.length === 0 ? <p className="muted">{t('brokering.combinations.none')}</p> : null}
        <ul className="plain-list">
          {pursued.map((combination) => (
            <li key={combination.id} className="partner-card">
              <strong>{combination.title}</strong> <span className="muted">· {combination.organisationName}</span>
              <p>{combination.actors.map((actor) => actor.name).join(' + ')}</p>
              {combination.ideaId ? (
                <Link to={brokeringPaths.ideas(slug)}>{t('brokering.combinations.hasIdea')}</Link>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    void saver.run(async () => {
                      await api.POST('/api/regions/{slug}/brokering/combinations/{combinationId}/idea', { params: { path: { slug, combinationId: combination.id } } });
                      combinations.reload();
                    })
                  }
                >
                  {t('brokering.combinations.toIdea')} <span className="visually-hidden">({combination.title})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="proposed-actors">
        <h2 id="proposed-actors">{t('brokering.proposed.title')}</h2>
        {(proposed.data?.items ?? []).length === 0 ? <p className="muted">{t('brokering.proposed.none')}</p> : null}
        <ul className="plain-list">
          {(proposed.data?.items ?? []).map((item) => (
            <li key={item.id} className="partner-card">
              <strong>{item.typedName}</strong>
              <span className="muted">
                {' '}
                · {[item.municipality?.name, item.sector?.name].filter(Boolean).join(' · ')} · {t('brokering.proposed.by', { name: item.proposedBy })}
              </span>
              <div className="step-actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={!item.municipality || !item.sector}
                  onClick={() =>
                    void saver.run(async () => {
                      await api.POST('/api/regions/{slug}/brokering/proposed-actors/{proposedActorId}/create', {
                        params: { path: { slug, proposedActorId: item.id } },
                        body: { name: item.typedName, municipality: item.municipality!.nisCode, sector: item.sector!.key },
                      });
                      proposed.reload();
                    })
                  }
                >
                  {t('brokering.proposed.create')} <span className="visually-hidden">({item.typedName})</span>
                </button>
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  onClick={() =>
                    void saver.run(async () => {
                      await api.POST('/api/regions/{slug}/brokering/proposed-actors/{proposedActorId}/dismiss', { params: { path: { slug, proposedActorId: item.id } } });
                      proposed.reload();
                    })
                  }
                >
                  {t('brokering.proposed.dismiss')} <span className="visually-hidden">({item.typedName})</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The module's landing page: open (or resume) an organisation's sheet; the admin's follow-up lists. */
export function BrokeringHomePage() {
  const { t } = useTranslation();
  const { region } = useRegion();
  const { roleIn } = useSession();
  const navigate = useNavigate();
  const slug = region.slug;
  const isAdmin = roleIn(slug) === 'admin';
  const sheets = useApi('/api/regions/{slug}/brokering/sheets', { params: { path: { slug } } });
  const [actor, setActor] = useState<PickedActor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (actorId: string) => {
    try {
      const sheet = await api.POST('/api/regions/{slug}/brokering/sheets', { params: { path: { slug } }, body: { actorId } });
      void navigate(brokeringPaths.sheet(slug, sheet.id));
    } catch (thrown) {
      setError(asApiError(thrown).message);
    }
  };
  const own = sheets.data?.ownActor ?? null;
  return (
    <Page title={t('brokering.title')} regionName={region.name} lead={<p>{t('brokering.intro')}</p>}>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="step-actions">
        {own ? (
          <button type="button" className="button button--primary" onClick={() => void open(own.id)}>
            {t('brokering.start.own', { name: own.name })}
          </button>
        ) : null}
        <Link className="button" to={brokeringPaths.ideas(slug)}>
          {t('brokering.ideas.link')}
        </Link>
        {isAdmin ? (
          <>
            <Link className="button" to={`${brokeringPaths.home(slug)}/workshops`}>
              {t('brokering.moreLinks.workshops')}
            </Link>
            <Link className="button" to={`${brokeringPaths.home(slug)}/suggesties`}>
              {t('brokering.moreLinks.suggestions')}
            </Link>
          </>
        ) : (
          <Link className="button" to={`${brokeringPaths.home(slug)}/doe-mee`}>
            {t('brokering.moreLinks.join')}
          </Link>
        )}
      </div>
      {!own && !isAdmin && sheets.data ? <Notice kind="info">{t('brokering.start.noActor')}</Notice> : null}
      {isAdmin ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (actor) void open(actor.id);
          }}
        >
          <Field id="sheet-actor" label={t('brokering.start.pick')}>
            {(control) => <ActorPicker control={control} slug={slug} value={actor} onChange={setActor} />}
          </Field>
          <button type="submit" className="button" disabled={!actor}>
            {t('brokering.start.open')}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="sheets">
        <h2 id="sheets">{t('brokering.start.sheets')}</h2>
        {sheets.data && sheets.data.items.length === 0 ? <p className="muted">{t('brokering.start.noSheets')}</p> : null}
        <ul className="plain-list">
          {(sheets.data?.items ?? []).map((sheet) => (
            <li key={sheet.id}>
              <Link to={brokeringPaths.sheet(slug, sheet.id)}>{sheet.organisationName}</Link> <span className="muted">· {t('brokering.start.stepOf', { step: sheet.currentStep })}</span>
            </li>
          ))}
        </ul>
      </section>
      {isAdmin ? <AdminLists slug={slug} /> : null}
    </Page>
  );
}
