import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const WESTHOEK_PLAN = 'Demo: dynamisch actieplan sociale netwerken nieuwkomers Westhoek 2024-2026';
const ACTIVITIES = 'Aantal activiteiten op de regionale aanbodwebsite';

/** One indicator's chart section, found by its heading (name and unit). */
function chartOf(page: Page, name: string) {
  return page.getByRole('region', { name: new RegExp(`^${name}`) });
}

/** The dates of the measurement dots drawn in a chart. */
function pointDates(page: Page, name: string): Promise<(string | null)[]> {
  return chartOf(page, name)
    .locator('svg[role="img"] g.indicator-chart__points circle')
    .evaluateAll((circles) => circles.map((circle) => circle.getAttribute('data-date')));
}

describe('plan indicators', () => {
  test('the public sees every indicator over time with its table, and filters on the ones behind', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url('/r/westhoek/plannen'));
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: 'Indicatoren', exact: true }).click();
    await waitForHeading(page, `Indicatoren: streefwaarden en metingen: ${WESTHOEK_PLAN}`);
    await page.getByText(/indicatoren: 1 bereikt, 2 op schema, 2 achter op schema/).waitFor();

    // A chart: one image with a spoken summary, dots for the measurements, and the same numbers as a table.
    const toolbox = chartOf(page, 'Gebruik van de toolbox');
    const image = toolbox.getByRole('img');
    expect(await image.getAttribute('aria-label')).toBe(
      'Lijngrafiek van Gebruik van de toolbox (downloads). Nulmeting 0. Streefwaarde 150 tegen 31/12/2026. 3 metingen van 31/07/2025 tot 31/05/2026, de laatste 157. 105 % van de weg afgelegd. Status: Streefwaarde bereikt.',
    );
    await expect.poll(() => pointDates(page, 'Gebruik van de toolbox')).toEqual(['2025-07-31', '2025-12-31', '2026-05-31']);
    // The status in words with a symbol, not only a colour.
    expect(await toolbox.locator('.indicator-status').textContent()).toBe('✓ Streefwaarde bereikt');
    await toolbox.getByText('Gegevens als tabel').click();
    const table = toolbox.getByRole('table', { name: 'Gegevens van Gebruik van de toolbox' });
    await table.waitFor();
    expect(await table.locator('tbody tr').allTextContents()).toEqual([
      'Nulmeting01/01/20240 downloads',
      'Meting31/07/202522 downloadsDownloadteller van de toolbox',
      'Meting31/12/202588 downloadsDownloadteller van de toolbox',
      'Meting31/05/2026157 downloadsDownloadteller van de toolbox',
      'Streefwaarde31/12/2026150 downloads',
    ]);
    await expectAccessible(page, 'indicatoren van het plan');

    await page.getByLabel('Enkel indicatoren die achterlopen').check();
    await expect.poll(() => page.locator('section.indicator-chart h4').allTextContents()).toEqual(['Bereik van de communicatiekanalen (personen)', "Aantal buddy's (buddy's)"]);
    expect(page.url()).toContain('achter=1');
    await expectAccessible(page, 'indicatoren die achterlopen');
    await context.close();
  });

  test('a measurement added on the action page adds a point to its chart', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, '/r/westhoek/plannen');
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: 'Indicatoren', exact: true }).click();
    await waitForHeading(page, /^Indicatoren: streefwaarden en metingen/);
    // The charts draw once the plan has loaded: wait for the dots rather than read them at once.
    await expect.poll(() => pointDates(page, ACTIVITIES)).toHaveLength(4);
    await page.getByRole('link', { name: /Het participatie- en netwerktraject bekendmaken/ }).click();
    await waitForHeading(page, /Het participatie- en netwerktraject bekendmaken/);

    await expect.poll(() => pointDates(page, ACTIVITIES)).toEqual(['2025-01-15', '2025-06-30', '2025-12-15', '2026-06-30']);
    await page.getByRole('combobox', { name: 'Indicatoren (meten/weten)' }).selectOption({ label: ACTIVITIES });
    await page.getByLabel('Datum', { exact: true }).fill('2026-10-31');
    await page.getByLabel('Waarde', { exact: true }).fill('111');
    await page.getByLabel('Bron', { exact: true }).fill('Telling oktober');
    await page.getByRole('button', { name: 'Meting toevoegen' }).click();
    await page.getByText('De meting is bewaard.').waitFor();
    await expect.poll(() => pointDates(page, ACTIVITIES)).toEqual(['2025-01-15', '2025-06-30', '2025-12-15', '2026-06-30', '2026-10-31']);
    expect(await chartOf(page, ACTIVITIES).getByRole('img').getAttribute('aria-label')).toContain('5 metingen van 15/01/2025 tot 31/10/2026, de laatste 111.');
    await expectAccessible(page, 'actie met indicatorgrafiek');

    // The plan-wide page shows the new point too.
    await page.goBack();
    await waitForHeading(page, /^Indicatoren: streefwaarden en metingen/);
    await expect.poll(() => pointDates(page, ACTIVITIES)).toHaveLength(5);
    await context.close();
  });
});

describe('plan indicators that follow a figure', () => {
  test('the regisseur links a new indicator to the trajectory figures and updates it', async () => {
    const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, '/r/westhoek/plannen');
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: /Het participatie- en netwerktraject bekendmaken/ }).first().click();
    await waitForHeading(page, /Het participatie- en netwerktraject bekendmaken/);

    const create = page.locator('details').filter({ has: page.locator('summary', { hasText: 'Indicator toevoegen' }) });
    await create.locator('summary').click();
    await create.getByLabel('Naam', { exact: true }).fill('Aantal inburgeraars met een traject');
    await create.getByLabel('Eenheid', { exact: true }).fill('personen');
    await create.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await page.getByText('De indicator is toegevoegd.').waitFor();

    const linking = page.getByRole('region', { name: 'Automatisch bijgewerkte indicatoren' });
    await linking.getByText('Nog geen indicator van deze actie is gekoppeld.').waitFor();
    await linking.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Aantal inburgeraars met een traject' });
    await linking.getByLabel('Cijfer', { exact: true }).selectOption({ label: 'Trajecten: inburgeraars met een traject' });
    await linking.getByRole('button', { name: 'Cijfer volgen', exact: true }).click();
    await page.getByText('De koppeling is bewaard.').waitFor();
    const row = linking.getByRole('row').filter({ hasText: 'Aantal inburgeraars met een traject' });
    await row.getByText('Trajecten: inburgeraars met een traject').waitFor();
    // The demo region has well over five participants: a real number, also as today's measurement in the chart.
    const value = Number((await row.locator('td').nth(1).textContent())?.trim());
    expect(value).toBeGreaterThanOrEqual(5);
    await chartOf(page, 'Aantal inburgeraars met een traject').waitFor();
    await row.getByRole('button', { name: 'Aantal inburgeraars met een traject nu bijwerken' }).click();
    await page.getByText('De indicator is bijgewerkt.').waitFor();
    await expectAccessible(page, 'indicator gekoppeld aan een cijfer');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/indicator-link-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    if (SCREENSHOTS) await linking.screenshot({ path: `${SCREENSHOTS}/indicator-link-390.png` });

    // The demo plan's UiTPAS action follows a figure from the start: its computed measurement is in the chart.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url('/r/westhoek/plannen'));
    await page.getByRole('link', { name: WESTHOEK_PLAN }).click();
    await waitForHeading(page, WESTHOEK_PLAN);
    await page.getByRole('link', { name: 'Indicatoren', exact: true }).click();
    await waitForHeading(page, /^Indicatoren: streefwaarden en metingen/);
    await expect.poll(() => pointDates(page, 'Gebruik UiTPAS door inburgeraars')).toHaveLength(1);
    await context.close();
  });
});
