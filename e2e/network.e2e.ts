import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, pageErrors, url, waitForHeading } from './browser';

let browser: Browser;
beforeAll(async () => {
  const { launchBrowser } = await import('./browser');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  const errors = pageErrors.splice(0);
  expect(errors).toEqual([]);
});

const CO7 = 'zuidelijke-westhoek';

describe('network map', () => {
  test('anonymous visitors search the actors the Dutch way and open every view', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(url(`/r/${CO7}/netwerk`));
    await waitForHeading(page, 'Actoren');
    await expectAccessible(page, 'actoren');
    await page.getByLabel('Zoeken').fill('voorlezen');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('link', { name: 'Bibliotheek Ieper' }).waitFor();
    await page.getByRole('link', { name: 'Bibliotheek Ieper' }).click();
    await waitForHeading(page, 'Bibliotheek Ieper');
    await page.getByText('Contactgegevens zijn enkel zichtbaar').waitFor();
    await expectAccessible(page, 'actor');

    await page.goto(url(`/r/${CO7}/netwerk/bollenschema`));
    await waitForHeading(page, 'Bollenschema');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'bollenschema');

    await page.goto(url(`/r/${CO7}/netwerk/grafiek`));
    await waitForHeading(page, 'Netwerkgrafiek');
    await page.getByRole('heading', { name: 'Makelaars' }).waitFor();
    await expectAccessible(page, 'grafiek');

    await page.goto(url(`/r/${CO7}/netwerk/dekking`));
    await waitForHeading(page, 'Dekkingsrapport');
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'dekking');
    await context.close();
  });

  test('the regisseur edits an actor, sees its history, and imports a file with a preview', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/netwerk`);
    await waitForHeading(page, 'Actoren');
    await page.getByLabel('Zoeken').fill('uitleendienst');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('link', { name: 'Uitleendienst CO7' }).click();
    await waitForHeading(page, 'Uitleendienst CO7');
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await waitForHeading(page, /bewerken$/);
    await expectAccessible(page, 'actor bewerken');
    await page.getByLabel('Website').fill('geen-url');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Website').fill('');
    await page.getByLabel('Sterktes').fill('pool van materialen\ntentoonstellingspanelen');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await waitForHeading(page, 'Uitleendienst CO7');
    await page.getByText('De actor is bewaard.').first().waitFor();
    await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
    await page.getByText(/Gewijzigd door Ruth Regisseur/).waitFor();
    await page.getByRole('rowheader', { name: 'Sterktes' }).first().waitFor();

    // A relation change shows in the history of both actors, in words.
    await page.getByLabel('Met actor').selectOption({ label: 'Bibliotheek Ieper (Ieper)' });
    await page.getByLabel('Soort relatie').selectOption({ label: 'Lid van' });
    await page.getByLabel('Notitie').fill('Panelen voor de leesweek');
    await page.getByRole('button', { name: 'Relatie toevoegen' }).click();
    await page.getByText('De relatie is toegevoegd.').waitFor();
    await page.getByText(/Relatie “Lid van” naar Bibliotheek Ieper toegevoegd door Ruth Regisseur/).waitFor();
    await page.getByRole('cell', { name: 'Panelen voor de leesweek', exact: true }).waitFor();
    await expectAccessible(page, 'actor met geschiedenis');
    await page.getByRole('link', { name: 'Bibliotheek Ieper' }).first().click();
    await waitForHeading(page, 'Bibliotheek Ieper');
    await page.getByText(/Relatie “Lid van” van Uitleendienst CO7 toegevoegd door Ruth Regisseur/).waitFor();

    const dir = mkdtempSync(join(tmpdir(), 'rk-network-e2e-'));
    const file = join(dir, 'actoren.csv');
    writeFileSync(file, 'naam;gemeente;sector;werking\nRepaircafé Vleteren;Vleteren;duurzaamheid;Herstelt samen met vrijwilligers\nOnbekend;Brugge;kunsten;\n');
    await page.goto(url(`/r/${CO7}/netwerk/importeren`));
    await waitForHeading(page, 'Actoren importeren');
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByRole('heading', { name: 'Fouten per rij' }).waitFor();
    await expectAccessible(page, 'import voorbeeld');
    await page.getByLabel('Enkel de correcte rijen inlezen').check();
    await page.getByRole('button', { name: 'Import bevestigen' }).click();
    await page.getByText(/Import klaar: 1 nieuw/).first().waitFor();
    await context.close();
  });
  test('a large file shows an accessible progress indication before its preview', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/netwerk/importeren`);
    await waitForHeading(page, 'Actoren importeren');
    const dir = mkdtempSync(join(tmpdir(), 'rk-network-e2e-'));
    const file = join(dir, 'groot.csv');
    const towns = ['Ieper', 'Poperinge', 'Vleteren', 'Heuvelland'];
    writeFileSync(file, ['naam;gemeente;sector;werking', ...Array.from({ length: 3000 }, (_, i) => `Testvereniging ${i + 1};${towns[i % towns.length]};kunsten;Werking ${i + 1}`)].join('\n'));
    // Hold the request a moment at the server's door, so the indication is there to be checked.
    await page.route('**/actors/import/preview', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(file);
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    await page.getByRole('progressbar', { name: /^Bestand wordt (verstuurd|ingelezen)/ }).waitFor();
    await expectAccessible(page, 'import voortgang');
    await page.getByRole('heading', { name: 'Rijen' }).waitFor({ timeout: 60_000 });

    // While the server works, the page shows the rows it reports as checked (answer fixed here, so the
    // numbers are known; the real answer is covered by the API tests).
    await page.route('**/actors/import/progress/**', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ phase: 'validate', done: 1500, total: 3000 }) }));
    await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const rows = page.getByRole('progressbar', { name: 'Rijen worden gecontroleerd: 1.500 van 3.000' });
    await rows.waitFor();
    expect(await rows.evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([1500, 3000]);
    await page.getByRole('status').getByText('Rijen worden gecontroleerd').waitFor();
    await page.getByRole('heading', { name: 'Rijen' }).waitFor({ timeout: 60_000 });
    await page.getByText(/^3000 nieuw, 0 bijgewerkt/).first().waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await context.close();
  });
  test('the regisseur sees and sets the organisation of each member on the users page', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/gebruikers`);
    await waitForHeading(page, 'Gebruikers van de regio');
    const organisation = () => page.getByRole('combobox', { name: 'Organisatie van Pieter Partner' });
    const chosen = async () => organisation().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    await page.getByRole('option', { name: 'Bibliotheek Ieper (Ieper)' }).first().waitFor({ state: 'attached' });
    const before = await organisation().inputValue();
    expect(await chosen()).toMatch(/^Bibliotheek Poperinge/);
    await organisation().selectOption({ label: 'Bibliotheek Ieper (Ieper)' });
    await page.getByText('Pieter Partner is gekoppeld aan Bibliotheek Ieper.').waitFor();
    await expectAccessible(page, 'gebruikers met organisatie');
    await page.reload();
    await waitForHeading(page, 'Gebruikers van de regio');
    await page.getByRole('option', { name: 'Bibliotheek Ieper (Ieper)' }).first().waitFor({ state: 'attached' });
    expect(await chosen()).toBe('Bibliotheek Ieper (Ieper)');
    await organisation().selectOption('');
    await page.getByText('Pieter Partner is niet langer aan een organisatie gekoppeld.').waitFor();
    await organisation().selectOption(before); // leave the demo as it was
    await page.getByText(/Pieter Partner is gekoppeld aan Bibliotheek Poperinge/).waitFor();
    await context.close();
  });
});
