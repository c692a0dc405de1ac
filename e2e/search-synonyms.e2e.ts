import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, launchBrowser, logInViaForm, openPage, pageErrors, url, waitForHeading } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

describe('search synonyms (region settings)', () => {
  test('an admin sees the default groups, adds one, gets a Dutch field message, and deletes it', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.admin, '/r/westhoek/instellingen');
    await waitForHeading(page, 'Instellingen van de regio');
    await page.getByRole('link', { name: 'Synoniemen voor het zoeken beheren' }).click();
    await page.waitForURL(url('/r/westhoek/instellingen/zoeken'));
    await waitForHeading(page, 'Synoniemen voor het zoeken');
    await page.getByRole('cell', { name: 'nieuwkomers, inburgeraars, anderstaligen, migratieachtergrond' }).waitFor();
    await expectAccessible(page, 'synoniemen');

    const terms = page.getByLabel('Woorden van de nieuwe groep');
    await terms.fill('mensen met een beperking, handicap');
    await page.getByRole('button', { name: 'Groep toevoegen' }).click();
    await page.getByText('Gebruik één woord per term (letters, cijfers en koppeltekens).').first().waitFor();
    await expectAccessible(page, 'synoniemen met fout');

    const group = `grabbelpas${Date.now()}`;
    await terms.fill(`${group}, speelplein`);
    await page.getByRole('button', { name: 'Groep toevoegen' }).click();
    await page.getByText('De groep is toegevoegd.').waitFor();
    await page.getByRole('cell', { name: `${group}, speelplein`, exact: true }).waitFor();
    await page.getByRole('button', { name: `Groep ${group}, speelplein verwijderen` }).click();
    await page.getByText('De groep is verwijderd.').waitFor();
    // The message comes before the reloaded list; wait for the row to leave (fails after the timeout if it stays).
    await page.getByRole('cell', { name: `${group}, speelplein`, exact: true }).waitFor({ state: 'detached', timeout: 5000 });
    expect(await page.getByRole('cell', { name: `${group}, speelplein`, exact: true }).count()).toBe(0);
    await context.close();
  });
});
