import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { haveSeeds, seedPath } from '../../../test/seeds.js';
import { parsePlanFile, PlanImportError } from './index.js';
import { allActions, summarize, type ParsedPlan } from './types.js';


function parseText(text: string, filename = 'plan.csv'): ParsedPlan {
  return parsePlanFile({ bytes: new TextEncoder().encode(text), filename });
}
function seed(name: string): ParsedPlan {
  return parsePlanFile({ bytes: readFileSync(seedPath(name)), filename: name });
}
function action(plan: ParsedPlan, number: string) {
  const found = allActions(plan).find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no action ${number}`);
  return found;
}

describe.skipIf(!haveSeeds)('seed 000: the CO7 action plan 2021', () => {
  const plan = haveSeeds ? seed('000_2f1154fcdd5e0142.txt') : (null as unknown as ParsedPlan);

  it('has 5 goals, 10 objectives and 55 actions, numbered as written', () => {
    const summary = summarize(plan);
    expect([summary.goals, summary.objectives, summary.actions]).toEqual([5, 10, 55]);
    expect(plan.goals.map((goal) => goal.code)).toEqual(['SD1', 'SD2', 'SD3', 'SD4', 'SD5']);
    expect(plan.goals.flatMap((goal) => goal.objectives.map((objective) => objective.code))).toEqual([
      'OD1.1', 'OD1.2', 'OD2.1', 'OD2.2', 'OD3.1', 'OD3.2', 'OD4.1', 'OD4.2', 'OD5.1', 'OD5.2',
    ]);
    expect(allActions(plan).map((a) => a.number)).toEqual(Array.from({ length: 55 }, (_, index) => String(index + 1)));
    expect(plan.title).toContain('Actieplan');
    expect([plan.kind, plan.periodStart, plan.periodEnd]).toEqual(['actieplan', 2021, 2021]);
  });

  it('parses the budget cells into 37 lines totalling € 91.764 (tallied by hand from the file)', () => {
    // Hand tally of the Budget column: 4: 2.500 · 9: 2.500 · 11: 1.000 · 13: 250 · 14: 300 · 16: 750 · 20: 1.250 ·
    // 21: 500 · 23: 500 · 25: 200/jaar · 27: 564 · 28: 2.000* · 29: 2.500 + 2.500 · 31: 750 · 32: 4.000 + 750 ·
    // 33: 3.000* + 2.000 · 34: 4.000* · 35: 6.000* · 36: 10.500 · 37: 1.750 · 38: 2.400 · 40: 5.400 · 41: 5.400 ·
    // 42: 1.000 · 43: 750 · 44: 1.200 · 46: 2.500 · 48: 2.500 · 49: 2.500 · 50: 1.250 · 53: 4.500 + 2.500 + 7.300 · 54: 2.500
    const summary = summarize(plan);
    expect(summary.budgetLines).toBe(37);
    expect(summary.budgetTotalCents).toBe(9_176_400);
    const perGoal = plan.goals.map((goal) =>
      goal.objectives.flatMap((o) => o.actions).flatMap((a) => a.budgetLines).reduce((sum, line) => sum + line.amountCents, 0),
    );
    expect(perGoal).toEqual(perGoalExpected);
  });

  it('keeps VAT notes, markers, per-year amounts and several amounts per cell', () => {
    expect(action(plan, '27').budgetLines).toEqual([expect.objectContaining({ amountCents: 56_400, vatNote: 'btw in', year: 2021 })]);
    expect(action(plan, '28').budgetLines[0]).toMatchObject({ amountCents: 200_000, marker: '*' });
    expect(action(plan, '25').budgetLines[0]).toMatchObject({ amountCents: 20_000, per: 'jaar', description: 'hosting' });
    expect(action(plan, '53').budgetLines.map((line) => line.amountCents)).toEqual([450_000, 250_000, 730_000]);
    expect(action(plan, '33').budgetLines.map((line) => [line.amountCents, line.marker])).toEqual([[300_000, '*'], [200_000, '']]);
    expect(action(plan, '36').budgetLines[0]?.amountCents).toBe(1_050_000);
  });

  it('flags the identical budget text of actions 40 and 41 but imports both as written', () => {
    expect(action(plan, '40').budgetLines[0]?.amountCents).toBe(540_000);
    expect(action(plan, '41').budgetLines[0]?.amountCents).toBe(540_000);
    const flagged = plan.warnings.filter((warning) => warning.code === 'possibleDoubleCount');
    expect(flagged).toEqual([expect.objectContaining({ action: '41', text: '5.400 euro vergoedingen voor vrijwilligers, stagiairs en jobstudenten' })]);
  });

  it('reads the timings', () => {
    expect(action(plan, '1').timing?.kind).toBe('ongoing');
    expect(action(plan, '6').timing).toMatchObject({ kind: 'year', start: '2021-01-01' });
    expect(action(plan, '13').timing).toMatchObject({ kind: 'season', start: '2021-09-01', end: '2021-11-30' });
    expect(action(plan, '29').timing).toMatchObject({ kind: 'year', start: '2020-01-01', note: 'check met stuurgroep' });
    expect(action(plan, '26').timing).toBeNull();
  });

  it('splits partners into names and keeps the sentence of action 25 as a warning', () => {
    expect(action(plan, '8').partners).toEqual(['Projectvereniging Viertoren', 'Projectvereniging IJzervallei', 'DVV Westhoek']);
    expect(action(plan, '11').partners).toHaveLength(5);
    expect(action(plan, '25').partners).toEqual(['projectvereniging IJzervallei', 'Viertoren']);
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'partnerNote', action: '25', text: expect.stringContaining('We stappen in') }));
  });

  it('reports nothing else as misunderstood', () => {
    expect(plan.warnings.map((warning) => warning.code).sort()).toEqual(['partnerNote', 'possibleDoubleCount']);
  });
});

const perGoalExpected = [
  // SD1: 2.500 + 2.500 + 1.000 + 250
  625_000,
  // SD2: 300 + 750 + 1.250 + 500 + 500 + 200
  350_000,
  // SD3: 564 + 2.000 + 5.000 + 750 + 4.750 + 5.000 + 4.000 + 6.000
  2_806_400,
  // SD4: 10.500 + 1.750 + 2.400 + 5.400 + 5.400 + 1.000 + 750 + 1.200
  2_840_000,
  // SD5: 2.500 + 2.500 + 2.500 + 1.250 + 14.300 + 2.500
  2_555_000,
];

describe.skipIf(!haveSeeds)('seed 001: the policy plan with regierol, actorrol and spreiding', () => {
  const plan = haveSeeds ? seed('001_fde8e90bc097a083.txt') : (null as unknown as ParsedPlan);

  it('finds the table of the former plan: 5 goals, 26 objectives, 79 actions', () => {
    const summary = summarize(plan);
    expect([summary.goals, summary.objectives, summary.actions]).toEqual([5, 26, 79]);
  });

  it('keeps regierol, actorrol, spreiding and timing per action', () => {
    const first = allActions(plan)[0]!;
    expect(first.title).toMatch(/^De regisseur legt contact met culturele sterkhouders/);
    expect(first.regierol).toBe('Contacten leggen en partners bovenlokaal bijeen brengen');
    expect(first.actorrol).toMatch(/^Partners identificeren/);
    expect(first.timing).toMatchObject({ kind: 'range', start: '2020-01-01', end: '2021-12-31' });
    expect(plan.goals[0]!.objectives[0]!.spreiding).toEqual({ all: true, text: 'alle gemeenten' });
  });

  it('pulls "zie ook" references and "➤" moves out as cross-references', () => {
    const makerspaces = allActions(plan).find((a) => a.title.startsWith('Een pilotproject rond makerspaces'))!;
    expect(makerspaces.crossRefs).toEqual(['SD 3 OD 4', 'SD 4 OD 3']);
    expect(makerspaces.title).not.toContain('zie ook');
    expect(plan.goals[0]!.objectives[1]!.crossRefs).toEqual(['SD 2 OD1 > = aanbod']);
  });

  it('reports the revision notes and the text above the table instead of dropping them', () => {
    const codes = new Set(plan.warnings.map((w) => w.code));
    expect(codes).toContain('revisionNote');
    expect(codes).toContain('duplicateCode');
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'skippedText', text: 'WORDT :' }));
    expect(plan.warnings).toContainEqual(expect.objectContaining({ text: expect.stringContaining('Weggehaald bij SD 4') }));
  });
});

describe.skipIf(!haveSeeds)('seed 004: the Westhoek dynamic action plan 2024–2026', () => {
  const plan = haveSeeds ? seed('004_4f0f4e3f9cff85db.txt') : (null as unknown as ParsedPlan);

  it('reads the seven actions with their types', () => {
    expect(plan.format).toBe('document');
    expect([plan.periodStart, plan.periodEnd]).toEqual([2024, 2026]);
    expect(plan.actions.map((a) => [a.number, a.type])).toEqual([
      ['1', 'community'], ['2', 'atelier'], ['3', 'atelier'], ['4', 'atelier'], ['5', 'labo'], ['6', 'labo'], ['7', 'business'],
    ]);
    expect(plan.actions[5]!.title).toBe('Taalplezier in de Westhoek');
    for (const a of plan.actions) {
      expect(a.what.length, `what of ${a.number}`).toBeGreaterThan(50);
      expect(a.why.length, `why of ${a.number}`).toBeGreaterThan(50);
      expect(a.how.length, `how of ${a.number}`).toBeGreaterThan(50);
    }
  });

  it('reads 43 milestones with their date ranges', () => {
    expect(plan.actions.map((a) => a.milestones.length)).toEqual([6, 7, 9, 4, 5, 6, 6]);
    expect(plan.actions[0]!.milestones[0]).toEqual({ title: 'Opstellen werkgroep communicatie', start: '2024-11-01', end: '2024-11-30', note: '', group: 'Communicatiestrategie' });
    expect(plan.actions[2]!.milestones[8]).toMatchObject({ start: '2025-03-01', end: '2025-03-31', note: 'met eventueel vervolg' });
    expect(plan.actions[4]!.milestones[0]?.start).toBe('2024-11-01');
    expect(plan.actions[6]!.timing).toMatchObject({ kind: 'range', start: '2025-03-01', end: '2026-09-30' });
  });

  it('reads results and measurements', () => {
    expect(plan.actions.map((a) => a.results.length)).toEqual([10, 8, 12, 5, 4, 4, 4]);
    expect(plan.actions.map((a) => a.indicators.length)).toEqual([3, 3, 5, 2, 3, 4, 1]);
  });

  it('reads the budget per action per working year: 14 lines, € 163.415,00, matching the table total', () => {
    const summary = summarize(plan);
    expect(summary.budgetLines).toBe(14);
    expect(summary.budgetTotalCents).toBe(16_341_500);
    expect(plan.actions[4]!.budgetLines.map((l) => [l.workingYear, l.amountCents])).toEqual([[1, 4_350_000], [2, 4_440_000]]);
    expect(plan.warnings.filter((w) => w.code === 'budgetTotalMismatch')).toEqual([]);
  });

  it('reads the funding table (co-financing and ESF subsidy per year)', () => {
    const total = plan.funding.reduce((sum, f) => sum + f.amountCents, 0);
    expect(total).toBe(16_495_700);
    expect(plan.funding.filter((f) => f.fundingSource === 'cofinanciering').reduce((s, f) => s + f.amountCents, 0)).toBe(4_124_000);
    expect(plan.funding.find((f) => f.fundingSource === 'europese-subsidie')).toMatchObject({ year: 2025, amountCents: 6_185_850 });
  });

  it('picks partner organisations out of the partner sections', () => {
    expect(plan.actions[4]!.partners).toEqual(expect.arrayContaining(['Argos', 'SAAMO', 'AgII']));
    expect(plan.actions[3]!.partners).toEqual(expect.arrayContaining(['Albatros', 'De Wissel', 'SAAMO', 'FMDO']));
    expect(plan.actions[6]!.partners).toEqual(expect.arrayContaining(['Argos', 'Tegenstroom', 'Albatros', 'Karibu']));
    expect(plan.actions[0]!.partnersText).toContain('Verwachtingen werkgroep');
  });
});

describe('other layouts', () => {
  it('reads CSV with ; and other header names, goals and objectives as columns', () => {
    const plan = parseText(
      [
        'Strategische doelstelling;Operationele doelstelling;Nummer;Omschrijving;Planning;Kostprijs;Partner(s)',
        'SD1 Sterk netwerk;OD1.1 Overleg;1;Netwerkmoment organiseren;Najaar 2025;"1.500,50 euro";Bib Ieper, CC Het Perron',
        ';;2;Nieuwsbrief;doorlopend;;',
        'SD1 Sterk netwerk;OD1.2 Kennis;3;Vorming;2026;€ 300;Vormingplus',
        'SD2 Zorg;OD2.1 Duurzaam;4;Carpooling;;;',
      ].join('\r\n'),
    );
    const summary = summarize(plan);
    expect([summary.goals, summary.objectives, summary.actions, summary.budgetTotalCents]).toEqual([2, 3, 4, 180_050]);
    expect(plan.goals[0]!.objectives[0]!.actions.map((a) => a.title)).toEqual(['Netwerkmoment organiseren', 'Nieuwsbrief']);
    expect(plan.goals[0]!.objectives[0]!.actions[0]!.partners).toEqual(['Bib Ieper', 'CC Het Perron']);
    expect(plan.title).toBe('plan');
  });

  it('reads comma-separated text with header rows and quoted cells', () => {
    const plan = parseText('Nr,Actie,Wanneer,Bedrag,Partners\nSD1 Eerste doel,,,,\nOD1.1 Eerste od,,,,\n1,"Actie met, komma",2025,"2.500 euro",A\n2,Tweede,2025,"2.500 euro",B\n');
    expect(summarize(plan)).toMatchObject({ goals: 1, objectives: 1, actions: 2, budgetTotalCents: 500_000 });
    expect(allActions(plan)[0]!.title).toBe('Actie met, komma');
    expect(plan.warnings.map((w) => w.code)).toEqual(['possibleDoubleCount']);
  });

  it('warns about budget and timing text it cannot read, with the original text', () => {
    const plan = parseText('Nr\tActie\tTiming\tBudget\n1\tIets\tna de zomer\tnog te bepalen\n');
    expect(plan.warnings).toEqual([
      { code: 'unparsedBudget', line: 2, text: 'nog te bepalen', action: '1' },
      { code: 'unparsedTiming', line: 2, text: 'na de zomer', action: '1' },
    ]);
  });

  it('accepts Windows-1252 text', () => {
    const bytes = Uint8Array.from([...'Nr;Actie\n1;Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
    expect(allActions(parsePlanFile({ bytes })).at(0)?.title).toBe('Café');
  });
});

describe('bad files', () => {
  const reasonOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof PlanImportError) return error.reason;
      throw error;
    }
    return 'no error';
  };
  it('refuses empty, binary, zipped and action-less input with a reason', () => {
    expect(reasonOf(() => parsePlanFile({ bytes: new Uint8Array() }))).toBe('empty');
    expect(reasonOf(() => parsePlanFile({ bytes: Uint8Array.from([1, 0, 2, 3]) }))).toBe('binary');
    expect(reasonOf(() => parsePlanFile({ bytes: Uint8Array.from([0x50, 0x4b, 3, 4, 0]) }))).toBe('unsupportedFormat');
    expect(reasonOf(() => parseText('Dit is gewoon een brief.\nMet groeten.'))).toBe('noActions');
    expect(reasonOf(() => parseText('Naam;Adres\nA;B\n'))).toBe('noActions');
  });
});
