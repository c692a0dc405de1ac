import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../common/i18n/all-catalogs.js';
import { formatChange, formatChanges, type HistoryContext } from './history-format.js';

const nl: HistoryContext = {
  t: createI18n('nl').t as HistoryContext['t'],
  municipalityName: (code) => ({ '33011': 'Ieper', '33021': 'Poperinge' })[code],
  objectiveLabel: (id) => (id === 'od-1' ? 'OD1.1 Overleg organiseren' : undefined),
};

const line = (amountCents: number, description: string, extra: Record<string, unknown> = {}) => ({
  amountCents,
  description,
  year: null,
  workingYear: null,
  fundingSource: 'andere',
  cofinancingPartner: '',
  vatNote: '',
  marker: '',
  per: '',
  sourceText: '',
  ...extra,
});
const milestone = (title: string, startDate: string | null, endDate: string | null, status = 'gepland') => ({ title, startDate, endDate, status, note: '', group: '' });

describe('readable plan history (nl-BE)', () => {
  it('shows partners that left and came as − and + items, and a new link as a change', () => {
    const change = formatChange(
      'partners',
      {
        before: [
          { actorId: 'a1', name: 'CC Ieper' },
          { actorId: null, name: 'Open Doek' },
          { actorId: 'a3', name: 'Westtoer' },
        ],
        after: [
          { actorId: 'a3', name: 'Westtoer' },
          { actorId: 'a2', name: 'Open Doek' },
          { actorId: null, name: 'Bibliotheek Poperinge' },
        ],
      },
      nl,
    );
    expect(change).toEqual({
      field: 'partners',
      label: 'Partners',
      before: ['− CC Ieper', 'Open Doek (niet gekoppeld)'],
      after: ['+ Bibliotheek Poperinge (niet gekoppeld)', 'Open Doek'],
    });
  });

  it('writes budget lines as amount — description (year, source) in Belgian notation', () => {
    const change = formatChange(
      'budgetLines',
      { before: [line(120000, 'zaalhuur')], after: [line(120000, 'zaalhuur'), line(250000, 'omschrijving', { year: 2021, fundingSource: 'vlaamse-subsidie' })] },
      nl,
    );
    expect(change.before).toEqual(['—']);
    expect(change.after).toEqual(['+ € 2.500,00 — omschrijving (2021, Vlaamse subsidie)']);
    // Same description, other amount: one line that changed, not a removal and an addition.
    const edited = formatChange('budgetLines', { before: [line(120000, 'zaalhuur')], after: [line(150050, 'zaalhuur', { workingYear: 2 })] }, nl);
    expect(edited).toMatchObject({ label: 'Budgetlijnen', before: ['€ 1.200,00 — zaalhuur'], after: ['€ 1.500,50 — zaalhuur (Werkjaar 2)'] });
  });

  it('writes milestones as title (dd/mm/jjjj – dd/mm/jjjj) with their status', () => {
    const change = formatChange(
      'milestones',
      {
        before: [milestone('Opening', '2025-03-01', '2025-03-31'), milestone('Evaluatie', '2025-12-01', null)],
        after: [milestone('Opening', '2025-03-01', '2025-03-31', 'behaald')],
      },
      nl,
    );
    expect(change).toMatchObject({
      label: 'Mijlpalen',
      before: ['− Evaluatie (01/12/2025) · Gepland', 'Opening (01/03/2025 – 31/03/2025) · Gepland'],
      after: ['Opening (01/03/2025 – 31/03/2025) · Behaald'],
    });
  });

  it('names municipalities of the spreiding instead of their NIS codes', () => {
    const change = formatChange('spreiding', { before: { all: false, text: '', nisCodes: ['33011'] }, after: { all: false, text: '', nisCodes: ['33011', '33021'] } }, nl);
    expect(change).toMatchObject({ label: 'Spreiding', before: ['—'], after: ['+ Poperinge'] });
    const all = formatChange('spreiding', { before: { all: false, text: '', nisCodes: ['33011'] }, after: { all: true, text: '', nisCodes: [] } }, nl);
    expect(all).toMatchObject({ before: ['− Ieper'], after: ['+ alle gemeenten'] });
  });

  it('translates plain values and never shows raw JSON', () => {
    const rows = formatChanges(
      {
        status: { before: 'gepland', after: 'afgerond' },
        progress: { before: 0, after: 40 },
        responsible: { before: '', after: 'Cultuurdienst Ieper' },
        objectiveId: { before: null, after: 'od-1' },
        timing: { before: null, after: { kind: 'range', start: '2025-01-01', end: '2025-06-30', label: '', note: 'onder voorbehoud' } },
        results: { before: ['50 deelnemers'], after: ['50 deelnemers', 'een draaiboek'] },
        measurement: { before: null, after: { measuredOn: '2025-06-30', value: 22.5, source: 'aanwezigheidslijsten' } },
      },
      nl,
    );
    expect(rows.map((row) => [row.label, row.before.join(' | '), row.after.join(' | ')])).toEqual([
      ['Status', 'Gepland', 'Afgerond'],
      ['Voortgang', '0 %', '40 %'],
      ['Verantwoordelijke', '—', 'Cultuurdienst Ieper'],
      ['Operationele doelstelling', '—', 'OD1.1 Overleg organiseren'],
      ['Timing', '—', '01/01/2025 – 30/06/2025 — onder voorbehoud'],
      ['Beoogde resultaten', '—', '+ een draaiboek'],
      ['Meting', '—', '22,5 op 30/06/2025 (aanwezigheidslijsten)'],
    ]);
    for (const row of rows) expect([...row.before, ...row.after].join(' ')).not.toMatch(/[{}[\]"]/);
  });

  it('describes the link routes\' entries: a partner linked, an actor created for it', () => {
    expect(formatChange('partner:Open Doek', { before: null, after: 'a2' }, nl)).toEqual({
      field: 'partner:Open Doek',
      label: 'Koppeling van partner Open Doek',
      before: ['niet gekoppeld'],
      after: ['gekoppeld aan de netwerkkaart'],
    });
    expect(formatChange('actorCreated:Open Doek', { before: null, after: 'a2' }, nl)).toMatchObject({ label: 'Nieuwe actor voor partner Open Doek', after: ['aangemaakt op de netwerkkaart en gekoppeld'] });
  });
});

describe('merged actions in the history', () => {
  it('names the actions that were merged in, and where a merged action went', () => {
    expect(formatChange('mergedFrom', { before: null, after: ['3 Vormingsreeks voor vrijwilligers', '4 Regionale nieuwsbrief'] }, nl)).toEqual({
      field: 'mergedFrom',
      label: 'Samengevoegd uit',
      before: ['—'],
      after: ['+ 3 Vormingsreeks voor vrijwilligers', '+ 4 Regionale nieuwsbrief'],
    });
    const into = formatChange('mergedInto', { before: null, after: '1 Twee netwerkmomenten per jaar' }, nl);
    expect(into.label).toBe('Opgegaan in');
    expect(into.after).toEqual(['1 Twee netwerkmomenten per jaar']);
  });
});
