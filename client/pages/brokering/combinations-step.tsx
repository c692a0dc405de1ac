import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrokeringActorRef, Combination } from '../../../common/schemas/brokering.js';
import { api, asApiError, conflictCurrent, type ApiError } from '../../api';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { ErrorSummary, Field } from '../../components/form';
import type { StepProps } from './profile-step';
import { lines } from './brokering-common';

const combinationPath = '/api/regions/{slug}/brokering/sheets/{sheetId}/combinations/{combinationId}' as const;

/** Step 4: combine actors from different bubbles into a scenario with ideas; mark which to pursue. */
export function CombinationsStep({ slug, sheet, onSheet, saver }: StepProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', scenario: '', ideas: '', pursue: false });
  const [chosen, setChosen] = useState<string[]>(sheet.actor ? [sheet.actor.id] : []);
  const [extra, setExtra] = useState<PickedActor[]>([]);
  const [picker, setPicker] = useState<PickedActor | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const setCombinations = (combinations: Combination[]) => onSheet({ ...sheet, combinations });

  // The candidates: the organisation itself and the partners on its cards (kept ones first).
  const candidates = new Map<string, BrokeringActorRef>();
  if (sheet.actor) candidates.set(sheet.actor.id, sheet.actor);
  const partners = sheet.cards.flatMap((card) => card.partners).sort((a, b) => Number(b.kept) - Number(a.kept));
  for (const partner of partners) if (partner.actor) candidates.set(partner.actor.id, partner.actor);
  for (const actor of extra) if (!candidates.has(actor.id)) candidates.set(actor.id, { id: actor.id, name: actor.name, municipality: null, sectors: [] });

  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((value) => value !== id));
  const create = () =>
    void saver.run(async () => {
      try {
        const combination = await api.POST('/api/regions/{slug}/brokering/sheets/{sheetId}/combinations', {
          params: { path: { slug, sheetId: sheet.id } },
          body: { title: form.title, scenario: form.scenario, ideas: lines(form.ideas), actorIds: chosen, pursue: form.pursue },
        });
        setCombinations([...sheet.combinations, combination]);
        setForm({ title: '', scenario: '', ideas: '', pursue: false });
        setChosen(sheet.actor ? [sheet.actor.id] : []);
        setError(undefined);
      } catch (thrown) {
        setError(asApiError(thrown));
        throw thrown;
      }
    });
  const setPursue = (combination: Combination, pursue: boolean) =>
    void saver.run(async () => {
      const body = { title: combination.title, scenario: combination.scenario, ideas: combination.ideas, actorIds: combination.actors.map((actor) => actor.id), pursue, version: combination.version };
      try {
        const saved = await api.PUT(combinationPath, { params: { path: { slug, sheetId: sheet.id, combinationId: combination.id } }, body });
        setCombinations(sheet.combinations.map((c) => (c.id === saved.id ? saved : c)));
      } catch (thrown) {
        const current = conflictCurrent(thrown, 'put', combinationPath);
        if (current) setCombinations(sheet.combinations.map((c) => (c.id === current.id ? current : c)));
        throw thrown;
      }
    });
  const remove = (combination: Combination) =>
    void saver.run(async () => {
      await api.DELETE(combinationPath, { params: { path: { slug, sheetId: sheet.id, combinationId: combination.id } } });
      setCombinations(sheet.combinations.filter((c) => c.id !== combination.id));
    });

  return (
    <div>
      <p>{t('brokering.combinations.intro')}</p>
      {sheet.combinations.length === 0 ? <p className="muted">{t('brokering.combinations.none')}</p> : null}
      {sheet.combinations.map((combination) => (
        <article key={combination.id} className="partner-card" aria-labelledby={`combination-${combination.id}`}>
          <h3 id={`combination-${combination.id}`}>{combination.title}</h3>
          <p>{combination.actors.map((actor) => `${actor.name}${actor.municipality ? ` (${actor.municipality.name})` : ''}`).join(' + ')}</p>
          {combination.scenario ? <p>{combination.scenario}</p> : null}
          <ul>
            {combination.ideas.map((idea) => (
              <li key={idea}>{idea}</li>
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={combination.pursue} onChange={(event) => setPursue(combination, event.target.checked)} /> {t('brokering.combinations.pursueLabel')}
            <span className="visually-hidden"> ({combination.title})</span>
          </label>
          {combination.ideaId ? <p className="muted">{t('brokering.combinations.hasIdea')}</p> : null}
          <div className="step-actions">
            <button type="button" className="button button--small button--danger-outline" onClick={() => remove(combination)}>
              {t('brokering.combinations.remove')} <span className="visually-hidden">({combination.title})</span>
            </button>
          </div>
        </article>
      ))}
      <form
        className="partner-card"
        aria-labelledby="new-combination"
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <h3 id="new-combination">{t('brokering.combinations.new')}</h3>
        <ErrorSummary
          error={error}
          fields={[
            { path: 'title', id: 'combination-title', label: t('brokering.combinations.title') },
            { path: 'actorIds', id: 'combination-actors', label: t('brokering.combinations.actors') },
          ]}
        />
        <fieldset id="combination-actors" tabIndex={-1}>
          <legend>{t('brokering.combinations.actors')}</legend>
          {error?.fieldMessage('actorIds') ? <p className="field__error">{error.fieldMessage('actorIds')}</p> : null}
          <ul className="plain-list">
            {[...candidates.values()].map((actor) => (
              <li key={actor.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.includes(actor.id)} onChange={(event) => toggle(actor.id, event.target.checked)} /> {actor.name}
                  {actor.municipality ? <span className="muted"> · {actor.municipality.name}</span> : null}
                </label>
              </li>
            ))}
          </ul>
          <Field id="combination-add" label={t('brokering.combinations.addActor')}>
            {(control) => (
              <ActorPicker
                control={control}
                slug={slug}
                value={picker}
                onChange={(actor) => {
                  setPicker(null);
                  if (actor) {
                    setExtra([...extra, actor]);
                    setChosen([...chosen, actor.id]);
                  }
                }}
              />
            )}
          </Field>
        </fieldset>
        <Field id="combination-title" label={t('brokering.combinations.title')} error={error?.fieldMessage('title')}>
          {(control) => <input {...control} type="text" value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} />}
        </Field>
        <Field id="combination-scenario" label={t('brokering.combinations.scenario')}>
          {(control) => <textarea {...control} rows={4} value={form.scenario} onChange={(event) => setForm({ ...form, scenario: event.target.value })} />}
        </Field>
        <Field id="combination-ideas" label={t('brokering.combinations.ideas')} hint={t('brokering.profile.listHelp')}>
          {(control) => <textarea {...control} rows={3} value={form.ideas} onChange={(event) => setForm({ ...form, ideas: event.target.value })} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={form.pursue} onChange={(event) => setForm({ ...form, pursue: event.target.checked })} /> {t('brokering.combinations.pursueLabel')}
        </label>
        <div className="step-actions">
          <button type="submit" className="button button--primary">
            {t('brokering.combinations.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
