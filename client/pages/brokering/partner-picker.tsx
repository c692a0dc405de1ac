import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrokeringActorRef } from '../../../common/schemas/brokering.js';
import { ActorPicker, type PickedActor } from '../../components/actor-picker';
import { Field } from '../../components/form';
import { useApi } from '../../use-api';
import { useSession } from '../../session';
import { MatchSuggestions } from '../matching/match-suggestions';
import { lines } from './brokering-common';

/** A partner about to be added: an actor of the map or a typed name, with its ideas. */
export interface NewPartner {
  actorId: string | null;
  typedName: string | null;
  typedMunicipality: string | null;
  typedSector: string | null;
  ideas: string[];
  kept: boolean;
}

interface PickerProps {
  slug: string;
  homeActorId: string | null;
  startKind: 'need' | 'strength';
  startText: string;
  /** Actors already on the card (not offered again). */
  taken: string[];
  /** Adds the partner; resolves false when the server refused it (its message is shown by the card). */
  onAdd: (partner: NewPartner) => Promise<boolean>;
}

/** One actor as a button of a picker list. */
function PickButton({ actor, onPick, taken }: { actor: { id: string; name: string }; onPick: (actor: PickedActor) => void; taken: boolean }) {
  const { t } = useTranslation();
  return (
    <li>
      <button type="button" className="button button--small" disabled={taken} aria-label={t('brokering.cards.pickActor', { name: actor.name })} onClick={() => onPick({ id: actor.id, name: actor.name })}>
        {actor.name}
      </button>
    </li>
  );
}

/**
 * Finds a candidate partner: search on the map, the bubble scheme (own municipality first, cultural
 * actors on top), the 22-sector inspiration list with examples and white spots, the matching
 * suggestions, or a name that is not on the map yet; then asks for at least one idea.
 */
export function PartnerPicker({ slug, homeActorId, startKind, startText, taken, onAdd }: PickerProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const [picked, setPicked] = useState<PickedActor | null>(null);
  const [typed, setTyped] = useState({ name: '', municipality: '', sector: '' });
  const [ideas, setIdeas] = useState('');
  const [kept, setKept] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const inspiration = useApi(open === 'inspiration' ? '/api/regions/{slug}/brokering/inspiration' : null, { params: { path: { slug }, query: { actor: homeActorId ?? undefined } } });
  const bubbles = useApi(open === 'bubbles' ? '/api/regions/{slug}/network/bubbles' : null, { params: { path: { slug } } });
  const region = useApi(open === 'typed' ? '/api/regions/{slug}' : null, { params: { path: { slug } } });
  const sectors = useApi(open === 'typed' ? '/api/sectors' : null);

  const pick = (actor: PickedActor) => {
    setPicked(actor);
    setTyped({ name: '', municipality: '', sector: '' });
    document.getElementById(`${id}-ideas`)?.focus();
  };
  const candidateName = picked?.name ?? typed.name.trim();
  const add = async () => {
    const ok = await onAdd({
      actorId: picked?.id ?? null,
      typedName: picked ? null : typed.name.trim() || null,
      typedMunicipality: picked ? null : typed.municipality || null,
      typedSector: picked ? null : typed.sector || null,
      ideas: lines(ideas),
      kept,
    });
    if (ok) {
      setPicked(null);
      setTyped({ name: '', municipality: '', sector: '' });
      setIdeas('');
      setKept(false);
    }
  };
  const source = (key: string, label: string, body: React.ReactNode) => (
    <details className="picker-source" open={open === key} onToggle={(event) => (event.currentTarget.open ? setOpen(key) : open === key ? setOpen(null) : undefined)}>
      <summary>{label}</summary>
      {open === key ? body : null}
    </details>
  );
  const refList = (actors: { id: string; name: string }[]) => (
    <ul className="pick-list">
      {actors.map((actor) => (
        <PickButton key={actor.id} actor={actor} onPick={pick} taken={taken.includes(actor.id) || actor.id === homeActorId} />
      ))}
    </ul>
  );

  return (
    <fieldset className="partner-picker">
      <legend>{t('brokering.cards.addPartner')}</legend>
      <p className="muted">{t('brokering.cards.sources')}</p>
      {source(
        'search',
        t('brokering.cards.search'),
        <Field id={`${id}-search`} label={t('brokering.cards.search')}>
          {(control) => <ActorPicker control={control} slug={slug} value={picked} onChange={(actor) => (actor ? pick(actor) : setPicked(null))} excludeId={homeActorId ?? undefined} />}
        </Field>,
      )}
      {source(
        'bubbles',
        t('brokering.cards.bubbles'),
        <div>
          {(bubbles.data?.municipalities ?? []).map((municipality) => (
            <section key={municipality.nisCode} className={`bubble-picker${municipality.own ? ' bubble-picker--own' : ''}`} aria-label={municipality.name}>
              <h4>
                {municipality.name}
                {municipality.own ? ` (${t('brokering.cards.ownMunicipality')})` : ''}
              </h4>
              <p className="muted">{t('brokering.cards.cultural')}</p>
              {refList(municipality.cultural)}
              <p className="muted">{t('brokering.cards.nonCultural')}</p>
              {refList(municipality.nonCultural)}
            </section>
          ))}
        </div>,
      )}
      {source(
        'inspiration',
        t('brokering.cards.inspiration'),
        <ul className="plain-list">
          {(inspiration.data?.sectors ?? []).map((sector) => (
            <li key={sector.key}>
              <strong>{sector.name}</strong>
              {sector.examples.length ? <span className="muted"> — {t('brokering.cards.examples', { examples: sector.examples.join(', ') })}</span> : null}
              {sector.whiteSpot ? <p className="white-spot">{t('brokering.cards.whiteSpot', { sector: sector.name })}</p> : refList(sector.actors as BrokeringActorRef[])}
            </li>
          ))}
        </ul>,
      )}
      {user
        ? source(
            'suggestions',
            t('brokering.cards.suggestions'),
            <MatchSuggestions slug={slug} actorId={homeActorId ?? undefined} need={startKind === 'need' ? startText : undefined} strength={startKind === 'strength' ? startText : undefined} onPick={pick} />,
          )
        : null}
      {source(
        'typed',
        t('brokering.cards.typed'),
        <div>
          <Field id={`${id}-typed-name`} label={t('brokering.cards.typedName')}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={typed.name}
                onChange={(event) => {
                  setPicked(null);
                  setTyped({ ...typed, name: event.target.value });
                }}
              />
            )}
          </Field>
          <Field id={`${id}-typed-municipality`} label={t('brokering.cards.typedMunicipality')}>
            {(control) => (
              <select {...control} value={typed.municipality} onChange={(event) => setTyped({ ...typed, municipality: event.target.value })}>
                <option value="">{t('brokering.cards.none')}</option>
                {(region.data?.municipalities ?? []).map((municipality) => (
                  <option key={municipality.nisCode} value={municipality.nisCode}>
                    {municipality.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-typed-sector`} label={t('brokering.cards.typedSector')}>
            {(control) => (
              <select {...control} value={typed.sector} onChange={(event) => setTyped({ ...typed, sector: event.target.value })}>
                <option value="">{t('brokering.cards.none')}</option>
                {(sectors.data ?? []).map((sector) => (
                  <option key={sector.key} value={sector.key}>
                    {sector.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>,
      )}
      {candidateName ? <p role="status">{t('brokering.cards.picked', { name: candidateName })}</p> : null}
      <Field id={`${id}-ideas`} label={t('brokering.cards.idea')} hint={t('brokering.cards.ideaHelp')}>
        {(control) => <textarea {...control} rows={3} value={ideas} onChange={(event) => setIdeas(event.target.value)} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} /> {t('brokering.cards.keep')}
      </label>
      <div className="step-actions">
        <button type="button" className="button button--primary" disabled={!candidateName} onClick={() => void add()}>
          {t('brokering.cards.addPartner')}
        </button>
      </div>
    </fieldset>
  );
}
