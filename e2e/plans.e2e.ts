import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const CO7 = 'zuidelijke-westhoek';
const CO7_PLAN = 'Demo-actieplan bovenlokale cultuurwerking CO7 2021';
const WESTHOEK_PLAN = 'Demo: dynamisch actieplan sociale netwerken nieuwkomers Westhoek 2024-2026';

/** The bubble view against its table: one circle per municipality, area ∝ actions, unreached ones flagged in words. */
async function checkBubbles(page: import('playwright-core').Page) {
  await page.getByRole('img', { name: 'Bellenkaart: acties per gemeente' }).waitFor();
  const bubbles = await page.locator('svg g.plan-bubble').evaluateAll((nodes) =>
    nodes.map((node) => ({
      actions: Number(node.getAttribute('data-actions')),
      r: Number(node.querySelector('circle')!.getAttribute('r')),
      unreached: node.classList.contains('plan-bubble--unreached'),
      label: node.querySelectorAll('text')[1]!.textContent,
    })),
  );
  const rows = await page.getByRole('table', { name: 'Als tabel' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[0]!.textContent)));
  expect(bubbles.map((bubble) => bubble.actions)).toEqual(rows);
  const reached = bubbles.filter((bubble) => bubble.actions > 0);
  const max = Math.max(...reached.map((bubble) => bubble.actions));
  const maxR = Math.max(...reached.map((bubble) => bubble.r));
  for (const bubble of reached) expect((bubble.r / maxR) ** 2).toBeCloseTo(bubble.actions / max, 5);
  for (const bubble of bubbles.filter((b) => b.actions === 0)) expect(bubble).toMatchObject({ unreached: true, label: 'niet bereikt' });
  return { reached: reached.length, unreached: bubbles.length - reached.length };
}

/** A bar chart against its table: same rows and amounts, bar lengths proportional to the amounts. */
async function checkBarChart(page: import('playwright-core').Page, title: string) {
  await page.getByRole('img', { name: `Staafdiagram: ${title}` }).waitFor();
  const section = page.getByRole('region', { name: title, exact: true });
  const bars = await section.locator('svg g.plan-chart__row').evaluateAll((nodes) =>
    nodes.map((node) => ({ cents: Number(node.getAttribute('data-cents')), width: Number(node.querySelector('rect')!.getAttribute('width')), amount: node.querySelectorAll('text')[1]!.textContent! })),
  );
  const rows = await section.getByRole('table').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(bars.length).toBeGreaterThan(0);
  expect(bars.map((bar) => bar.amount.replace(/ \(.*\)$/, ''))).toEqual(rows);
  for (const amount of rows) expect(amount).toMatch(/^€ \d{1,3}(\.\d{3})*,\d{2}$/);
  const widest = bars.reduce((a, b) => (Math.abs(b.cents) > Math.abs(a.cents) ? b : a));
  for (const bar of bars.filter((b) => Math.abs(b.cents) / Math.abs(widest.cents) > 0.01)) expect(bar.width / widest.width).toBeCloseTo(Math.abs(bar.cents) / Math.abs(widest.cents), 3);
  return rows;
}

describe('plans', () => {
  test('the public sees the approved demo plans: tree, budget overview and timeline', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${CO7}/plannen`));
    await waitForHeading(page, 'Plannen');
    await expectAccessible(page, 'plannen');
    await page.getByRole('link', { name: CO7_PLAN }).click();
    await waitForHeading(page, CO7_PLAN);
    expect(await page.getByText('Goedgekeurd', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByText('SD1 Cultuur- en erfgoedspelers', { exact: false }).first().waitFor();
    // Money in Belgian notation.
    await page.getByText('€ 68.764,00').first().waitFor();
    await expectAccessible(page, 'plan');

    await page.getByRole('link', { name: 'Budgetoverzicht' }).click();
    await waitForHeading(page, /^Budgetoverzicht/);
    await checkBarChart(page, 'Per jaar');
    await checkBarChart(page, 'Per financieringsbron');
    await expectAccessible(page, 'budgetoverzicht');

    await page.goto(url('/r/westhoek/plannen'));
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    // The Westhoek plan's funding table: 75 % European subsidy, 25 % co-financing.
    await page.getByRole('link', { name: 'Budgetoverzicht' }).click();
    await waitForHeading(page, /^Budgetoverzicht/);
    expect(await checkBarChart(page, 'Per jaar')).toHaveLength(2);
    await checkBarChart(page, 'Financiering');
    const funding = page.getByRole('region', { name: 'Financiering', exact: true }).getByRole('table');
    await funding.getByRole('cell', { name: '75 %', exact: true }).waitFor();
    await funding.getByRole('cell', { name: '25 %', exact: true }).waitFor();
    await expectAccessible(page, 'budgetoverzicht met financiering');
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: 'Tijdlijn' }).click();
    await waitForHeading(page, /^Tijdlijn van de mijlpalen/);
    await page.getByText('01/11/2024', { exact: false }).first().waitFor();
    await expectAccessible(page, 'tijdlijn');
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await page.getByRole('link', { name: 'Spreiding' }).click();
    await waitForHeading(page, /^Spreiding over de gemeenten/);
    await page.getByRole('heading', { name: 'Partners en hun acties' }).waitFor();
    // The demo plan's spreiding is mapped to municipalities: many are reached, and the one text the
    // mapper cannot place is listed with its action.
    expect((await checkBubbles(page)).reached).toBeGreaterThan(3);
    await page.getByRole('heading', { name: 'Spreiding die niet aan gemeenten gekoppeld is' }).waitFor();
    await page.getByText(/niet gekoppeld: de bibliotheken van de kustgemeenten/).waitFor();
    await expectAccessible(page, 'spreiding');
    await context.close();
  });

  test('the regisseur edits an action of an approved plan, sees the history, and imports a plan with a preview', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/plannen`);
    await page.getByRole('link', { name: CO7_PLAN }).click();
    await waitForHeading(page, CO7_PLAN);
    await page.getByRole('button', { name: 'Alles openklappen' }).click();
    await page.getByRole('link', { name: 'Tijdlijn' }).waitFor();
    await page.getByRole('link', { name: /Een gedeelde agenda|Een lerend netwerk van culturele actoren/ }).first().click();
    await waitForHeading(page, /^Nr\. 1 —/);
    await page.getByLabel('Status', { exact: true }).selectOption('lopend');
    await page.getByLabel('Voortgang (%)').fill('40');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('De actie is bewaard.').waitFor();
    await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
    await page.getByText('Ruth Regisseur op', { exact: false }).first().waitFor();
    await expectAccessible(page, 'actie');

    // The table view: status of action 2 changes from the spreadsheet-like page.
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await page.getByRole('link', { name: 'Tabel bewerken' }).click();
    await waitForHeading(page, /^Acties als tabel/);
    await page.getByLabel('Status — Nr. 2', { exact: true }).selectOption('afgerond');
    await page.getByRole('button', { name: 'Bewaar actie 2', exact: true }).click();
    await page.getByText('Actie 2 is bewaard.').waitFor();
    await expectAccessible(page, 'tabel');

    await page.goto(url(`/r/${CO7}/plannen/importeren`));
    await waitForHeading(page, 'Plan importeren');
    await expectAccessible(page, 'importeren');
    const tsv = ['Proefplan e2e 2026', 'Nr\tActie\tTiming\tBudget\tPartners', 'SD1 Doel', 'OD1.1 Subdoel', '1\tEerste actie\t2026\t1.500 euro zaal\tOnbekende partner', '2\tTweede actie\tna de zomer\tnog te bepalen\t'].join('\n');
    await page.getByLabel('Bestand').setInputFiles({ name: 'proefplan.tsv', mimeType: 'text/plain', buffer: Buffer.from(tsv) });
    await page.getByRole('button', { name: 'Bekijken' }).click();
    await page.getByRole('heading', { name: /^Voorbeeld/ }).waitFor();
    await page.getByText('Budget niet begrepen', { exact: false }).waitFor();
    await page.getByText('nog te bepalen', { exact: true }).waitFor();
    await expectAccessible(page, 'importvoorbeeld');
    await page.getByRole('button', { name: 'Plan aanmaken' }).click();
    await waitForHeading(page, 'Proefplan e2e 2026');
    await page.getByText('€ 1.500,00').first().waitFor();
    // A draft: new actions can be added right on the plan page.
    await page.getByLabel('Titel van de actie').fill('Derde actie via het formulier');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Actie 3 is toegevoegd.').waitFor();
    await page.getByRole('button', { name: 'Alles openklappen' }).click();
    await page.getByRole('link', { name: 'Derde actie via het formulier' }).waitFor();
    await expectAccessible(page, 'ontwerpplan');

    // A partner name that matches no actor becomes a new actor of the network map, linked at once.
    await page.getByRole('link', { name: 'Eerste actie' }).click();
    await waitForHeading(page, /^Nr\. 1 — Eerste actie/);
    await page.getByText('Nieuwe actor op de netwerkkaart').click();
    await page.getByLabel('Gemeente voor Onbekende partner').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Actor aanmaken en koppelen' }).click();
    await page.getByText('Onbekende partner is als nieuwe actor aan de netwerkkaart toegevoegd en gekoppeld.').waitFor();
    await page.getByText('(gekoppeld aan de netwerkkaart)').waitFor();
    await page.getByRole('rowheader', { name: 'Nieuwe actor voor partner Onbekende partner' }).waitFor();

    // Budget lines, milestones and partners change in the edit form of a draft.
    await page.getByLabel('Bedrag in euro — lijn 1').fill('2.000,00');
    await page.getByRole('button', { name: 'Budgetlijn toevoegen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('line-1-amount');
    await page.getByLabel('Bedrag in euro — lijn 2').fill('twaalf euro');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByRole('alert').getByText('Vul een bedrag in, zoals 2.500,00.').first().waitFor();
    await page.getByLabel('Bedrag in euro — lijn 2').fill('750');
    await page.getByLabel('Omschrijving — lijn 2').fill('affiches');
    await page.getByLabel('Financieringsbron — lijn 2').selectOption('vlaamse-subsidie');
    await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
    await page.getByLabel('Titel van mijlpaal 1').fill('Zaal vastgelegd');
    await page.getByLabel('Begindatum van mijlpaal 1').fill('2026-03-01');
    await page.getByRole('button', { name: 'Partner toevoegen' }).click();
    await page.getByLabel('Naam van partner 2').fill('Heemkundige kring');
    await page.locator('.checkbox-grid input[type=checkbox]').first().check();
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('De actie is bewaard.').waitFor();
    await page.getByText('€ 2.750,00').first().waitFor();
    await page.getByRole('cell', { name: 'Zaal vastgelegd', exact: true }).waitFor();
    await page.locator('li', { hasText: 'Heemkundige kring (nog niet gekoppeld)' }).first().waitFor();
    // The history in words: list changes as added and removed items, money and dates the Belgian way.
    await page.getByRole('rowheader', { name: 'Budgetlijnen', exact: true }).first().waitFor();
    await page.getByText('+ € 750,00 — affiches (Vlaamse subsidie)', { exact: true }).first().waitFor();
    await page.getByText('+ Zaal vastgelegd (01/03/2026) · Gepland', { exact: true }).first().waitFor();
    await expectAccessible(page, 'actie met budgetlijnen');
    // Removing a row and saving takes it out.
    await page.getByRole('button', { name: 'Partner Heemkundige kring verwijderen' }).click();
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('De actie is bewaard.').waitFor();
    await expect.poll(() => page.locator('li', { hasText: 'Heemkundige kring (nog niet gekoppeld)' }).count()).toBe(0);
    // Two people edit the budget of the same action: the second save shows both versions.
    const other = await openPage(browser());
    await logInViaForm(other.page, demoUsers.editor, new URL(page.url()).pathname);
    await waitForHeading(other.page, /^Nr\. 1 — Eerste actie/);
    await other.page.getByLabel('Bedrag in euro — lijn 1').fill('3.000,00');
    await other.page.getByRole('button', { name: 'Bewaren' }).click();
    await other.page.getByText('De actie is bewaard.').waitFor();
    await other.context.close();
    await page.getByLabel('Omschrijving — lijn 2').fill('flyers');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze actie intussen bewaard' });
    const budgetRow = conflict.getByRole('row', { name: /^Budgetlijnen/ });
    await budgetRow.getByRole('cell', { name: /€ 2\.000,00 zaal; € 750,00 flyers/ }).waitFor();
    await budgetRow.getByRole('cell', { name: /€ 3\.000,00 zaal; € 750,00 affiches/ }).waitFor();
    await expectAccessible(page, 'conflict met budgetlijnen');
    await conflict.getByRole('button', { name: 'Bewaarde versie laden' }).click();
    await expect.poll(() => page.getByLabel('Bedrag in euro — lijn 1').inputValue()).toBe('3.000,00');
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, 'Proefplan e2e 2026');
    // Only action 1 reaches one municipality: one bubble, the others flagged as not reached.
    await page.getByRole('link', { name: 'Spreiding' }).click();
    await waitForHeading(page, /^Spreiding over de gemeenten/);
    expect((await checkBubbles(page)).reached).toBe(1);
    await page.getByRole('cell', { name: 'niet bereikt' }).first().waitFor();
    await expectAccessible(page, 'spreiding zonder bereik');
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, 'Proefplan e2e 2026');

    // Versions: freeze the state, change an action, compare.
    await page.getByRole('link', { name: 'Versies en vergelijken' }).click();
    await waitForHeading(page, /^Versies/);
    await page.getByLabel('Naam van de versie').fill('Goedgekeurd door de stuurgroep op 25/06/2026');
    await page.getByRole('button', { name: 'Huidige stand vastleggen' }).click();
    await page.getByText('De versie is vastgelegd.').waitFor();
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByRole('heading', { name: 'Toegevoegd (0)' }).waitFor();
    await expectAccessible(page, 'versies');

    // Two actions become one (seed 001's "worden één actie"): the compare shows the merge, not a removal.
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, 'Proefplan e2e 2026');
    await page.getByRole('button', { name: 'Alles openklappen' }).click();
    await page.getByRole('link', { name: 'Tweede actie' }).click();
    await waitForHeading(page, /^Nr\. 2 — Tweede actie/);
    await page.locator('summary', { hasText: 'Samenvoegen' }).click();
    await page.getByLabel('Zoek op nummer, titel of doelstelling').fill('derde');
    await page.getByRole('checkbox', { name: /Derde actie via het formulier/ }).check();
    await expectAccessible(page, 'samenvoegen');
    await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
    await page.getByRole('dialog').getByText('1 actie gaat op in actie 2').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Samenvoegen' }).click();
    await page.getByText('1 actie is samengevoegd in deze actie.').waitFor();
    await page.getByRole('rowheader', { name: 'Samengevoegd uit' }).first().waitFor();
    await page.getByText('+ 3 Derde actie via het formulier', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, 'Proefplan e2e 2026');
    await page.getByRole('link', { name: 'Versies en vergelijken' }).click();
    await waitForHeading(page, /^Versies/);
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByRole('heading', { name: 'Samengevoegd (1)' }).waitFor();
    await page.getByText(/3 Derde actie via het formulier — opgegaan in actie 2/).waitFor();
    await page.getByRole('heading', { name: 'Verwijderd (0)' }).waitFor();

    // Indicators: a measurement on an action of the Westhoek plan.
    await page.goto(url('/r/westhoek/plannen'));
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: 'Coaching van kwetsbare inburgeraars' }).click();
    await waitForHeading(page, /Coaching van kwetsbare inburgeraars/);
    await page.getByLabel('Datum', { exact: true }).fill('2025-06-30');
    await page.getByLabel('Waarde', { exact: true }).fill('12');
    await page.getByLabel('Bron', { exact: true }).fill('registratie coach');
    await page.getByRole('button', { name: 'Meting toevoegen' }).click();
    await page.getByText('De meting is bewaard.').waitFor();
    await page.getByText('12 (30/06/2025, registratie coach)').waitFor();
    // Monitoring: a milestone reached counts in the progress at once.
    await page.getByLabel('Status van Coach aanwerven').selectOption('behaald');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('De actie is bewaard.').waitFor();
    await page.getByText('25 % klaar').first().waitFor();
    await expectAccessible(page, 'actie met indicatoren');
    await context.close();
  });

  test('a partner proposes a change to an approved plan and the steering group approves it', async () => {
    const partner = await openPage(browser());
    await logInViaForm(partner.page, demoUsers.editor, `/r/${CO7}/plannen`);
    await partner.page.getByRole('link', { name: CO7_PLAN }).click();
    await waitForHeading(partner.page, CO7_PLAN);
    await partner.page.getByRole('button', { name: 'Alles openklappen' }).click();
    await partner.page.getByRole('link', { name: /^Theaterworkshops met partners/ }).click();
    await waitForHeading(partner.page, /^Nr\. 20 —/);
    await partner.page.getByLabel('Titel', { exact: true }).fill('Theaterworkshops in drie gemeenten');
    await partner.page.getByLabel('Waarom deze wijziging?').fill('Afgesproken op het cultuuroverleg');
    await partner.page.getByRole('button', { name: 'Bewaren' }).click();
    await partner.page.getByText('Je voorstel wacht op de stuurgroep.').waitFor();
    await partner.context.close();

    const steering = await openPage(browser());
    await logInViaForm(steering.page, demoUsers.steering, `/r/${CO7}/plannen`);
    await steering.page.getByRole('link', { name: CO7_PLAN }).click();
    await steering.page.getByRole('link', { name: 'Wijzigingsvoorstellen' }).click();
    await waitForHeading(steering.page, /^Wijzigingsvoorstellen/);
    await steering.page.getByText('Afgesproken op het cultuuroverleg').waitFor();
    await expectAccessible(steering.page, 'voorstellen');
    await steering.page.getByLabel('Commentaar').first().fill('Akkoord');
    await steering.page.getByRole('button', { name: 'Goedkeuren' }).first().click();
    await steering.page.getByText('De beslissing is bewaard.').waitFor();
    await steering.page.getByRole('link', { name: 'Actie 20: Theaterworkshops in drie gemeenten' }).waitFor();
    await steering.context.close();
  });
});
