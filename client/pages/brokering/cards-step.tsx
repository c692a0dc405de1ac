import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPartner, PartnerCard } from '../../../common/schemas/brokering.js';
import { api, asApiError, conflictCurrent } from '../../api';
import { Field } from '../../components/form';
import { Notice } from '../../components/notice';
import type { StepProps } from './profile-step';
import { PartnerPicker, type NewPartner } from './partner-picker';

const cardPath = '/api/regions/{slug}/brokering/sheets/{sheetId}/cards/{cardId}' as const;

function partnerInput(partner: CardPartner): NewPartner {
  return {
    actorId: partner.actor?.id ?? null,
    typedName: partner.actor ? null : partner.typedName,
    typedMunicipality: partner.actor ? null : (partner.municipality?.nisCode ?? null),
    typedSector: partner.actor ? null : (partner.sector?.key ?? null),
    ideas: partner.ideas,
    kept: partner.kept,
  };
}

/** A yes/no flag that does not rely on colour: the word says whether it holds. */
function Flag({ on, label }: { on: boolean; label: string }) {
  const { t } = useTranslation();
  return <span className={on ? 'flag' : 'flag flag--off'}>{`${label}: ${on ? t('brokering.pdf.yes') : t('brokering.pdf.no')}`}</span>;
}

/** One partner card: its starting point, the partners with their flags and ideas, and the picker. */
function CardEditor({ slug, sheet, card, onCard, onRemoved, saver }: Omit<StepProps, 'onSheet'> & { card: PartnerCard; onCard: (card: PartnerCard) => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const save = async (partners: NewPartner[]): Promise<boolean> => {
    const result = await saver.run(async () => {
      try {
        const saved = await api.PUT(cardPath, { params: { path: { slug, sheetId: sheet.id, cardId: card.id } }, body: { startKind: card.startKind, startText: card.startText, partners, version: card.version } });
        onCard(saved);
        setError(null);
        return true;
      } catch (thrown) {
        const current = conflictCurrent(thrown, 'put', cardPath);
        if (current) onCard(current);
        const apiError = asApiError(thrown);
        setError(apiError.fields[0]?.message ?? apiError.message);
        throw thrown;
      }
    });
    return result === true;
  };
  const partners = card.partners.map(partnerInput);
  const remove = () =>
    void saver.run(async () => {
      await api.DELETE(cardPath, { params: { path: { slug, sheetId: sheet.id, cardId: card.id } } });
      onRemoved();
    });
  const headingId = `card-${card.id}`;
  return (
    <article className="partner-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(card.startKind === 'need' ? 'brokering.cards.fromNeed' : 'brokering.cards.fromStrength')}: {card.startText}
      </h3>
      <h4>{t('brokering.cards.partners')}</h4>
      {card.partners.length === 0 ? <p className="muted">{t('brokering.cards.noPartners')}</p> : null}
      <ul className="partner-list">
        {card.partners.map((partner, index) => {
          const name = partner.actor?.name ?? partner.typedName ?? '';
          return (
            <li key={partner.id}>
              <strong>{name}</strong>
              {partner.actor ? null : <span className="muted"> ({t('brokering.cards.newActor')})</span>}
              <p>
                {t('brokering.cards.municipality')}: {partner.municipality?.name ?? t('brokering.cards.none')} · {t('brokering.cards.sector')}: {partner.sector?.name ?? t('brokering.cards.none')}
              </p>
              <p>
                <Flag on={partner.bovenlokaal} label={t('brokering.cards.bovenlokaal')} />
                <Flag on={partner.grensverleggend} label={t('brokering.cards.grensverleggend')} />
              </p>
              <ul>
                {partner.ideas.map((idea) => (
                  <li key={idea}>{idea}</li>
                ))}
              </ul>
              <label className="checkbox">
                <input type="checkbox" checked={partner.kept} onChange={(event) => void save(partners.map((p, i) => (i === index ? { ...p, kept: event.target.checked } : p)))} />{' '}
                {t('brokering.cards.keep')} <span className="visually-hidden">({name})</span>
              </label>{' '}
              <button type="button" className="button button--small button--danger-outline" onClick={() => void save(partners.filter((_, i) => i !== index))}>
                {t('brokering.cards.removePartner', { name })}
              </button>
            </li>
          );
        })}
      </ul>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <PartnerPicker
        slug={slug}
        homeActorId={sheet.actor?.id ?? null}
        startKind={card.startKind}
        startText={card.startText}
        taken={card.partners.flatMap((partner) => (partner.actor ? [partner.actor.id] : []))}
        onAdd={(partner) => save([...partners, partner])}
      />
      <div className="step-actions">
        <button type="button" className="button button--danger-outline" onClick={remove}>
          {t('brokering.cards.remove')}
        </button>
      </div>
    </article>
  );
}

/** Step 3: the two exercises (from a limitation, from a strength), each a partner card. */
export function CardsStep({ slug, sheet, onSheet, saver }: StepProps) {
  const { t } = useTranslation();
  const profile = !sheet.writesToMap && sheet.draft ? sheet.draft : sheet.actor;
  const needs = profile?.needs ?? [];
  const strengths = profile?.strengths ?? [];
  const [start, setStart] = useState('');
  const setCards = (cards: PartnerCard[]) => onSheet({ ...sheet, cards });
  const create = () =>
    void saver.run(async () => {
      const [kind, ...rest] = start.split(':');
      const card = await api.POST('/api/regions/{slug}/brokering/sheets/{sheetId}/cards', {
        params: { path: { slug, sheetId: sheet.id } },
        body: { startKind: kind === 'strength' ? 'strength' : 'need', startText: rest.join(':'), partners: [] },
      });
      setCards([...sheet.cards, card]);
      setStart('');
    });
  return (
    <div>
      <p>{t('brokering.cards.intro')}</p>
      {needs.length + strengths.length === 0 ? <Notice kind="info">{t('brokering.cards.noStart')}</Notice> : null}
      <Field id="card-start" label={t('brokering.cards.choose')}>
        {(control) => (
          <select {...control} value={start} onChange={(event) => setStart(event.target.value)}>
            <option value="">{t('brokering.cards.none')}</option>
            <optgroup label={t('brokering.cards.fromNeed')}>
              {needs.map((need) => (
                <option key={`need:${need}`} value={`need:${need}`}>
                  {need}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('brokering.cards.fromStrength')}>
              {strengths.map((strength) => (
                <option key={`strength:${strength}`} value={`strength:${strength}`}>
                  {strength}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <button type="button" className="button button--primary" disabled={!start} onClick={create}>
        {t('brokering.cards.newCard')}
      </button>
      {sheet.cards.map((card) => (
        <CardEditor
          key={card.id}
          slug={slug}
          sheet={sheet}
          card={card}
          saver={saver}
          onCard={(updated) => setCards(sheet.cards.map((c) => (c.id === updated.id ? updated : c)))}
          onRemoved={() => setCards(sheet.cards.filter((c) => c.id !== card.id))}
        />
      ))}
    </div>
  );
}
