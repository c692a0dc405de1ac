import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

describe('trajectory figures', () => {
  test('the steering group sees every figure as bars and as a table, pseudonymous, on desktop and phone', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.steering, '/r/westhoek/trajecten/cijfers');
    await waitForHeading(page, 'Cijfers over de trajecten');
    for (const title of ['Per gemeente', 'Per maand (laatste 12 maanden)', 'Per stap', 'Gebruikt aanbod per gemeente', 'Gebruikt aanbod per sector']) {
      const section = page.getByRole('region', { name: title, exact: true });
      await section.getByRole('table').waitFor();
      // The bars are a picture of the table: hidden from screen readers, which read the table.
      expect(await section.locator('ul.traject-bars').getAttribute('aria-hidden'), title).toBe('true');
    }
    // Twelve months, each a row of the table, dated mm/jjjj.
    const months = page.getByRole('region', { name: 'Per maand (laatste 12 maanden) (tabel)' }).locator('tbody tr');
    expect(await months.count()).toBe(12);
    expect(await months.first().locator('th').textContent()).toMatch(/^\d{2}\/\d{4}$/);
    for (const label of ['Aandeel dat 40 uur bereikte (%)', 'Kansentarief gebruikt bij een UiTPAS-aanbod', 'Wachttijd tot eerste bezoek (gemiddelde, dagen)']) await page.getByText(label, { exact: true }).waitFor();
    // No names, and every group too small to show says so instead of a number under five.
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const name of ['Amina', 'Yonas', 'Olena']) expect(text).not.toContain(name);
    // Counts of people only: how many different offers were used is not a group of people.
    const cells = await page.locator('main table').evaluateAll((tables) =>
      tables.flatMap((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? '');
        return [...table.querySelectorAll('tbody tr')].flatMap((row) => [...row.querySelectorAll('td')].filter((_, index) => heads[index + 1] !== 'Verschillende aanbiedingen').map((cell) => cell.textContent ?? ''));
      }),
    );
    expect(cells.filter((cell) => /^[1-4]$/.test(cell.trim()))).toEqual([]);
    await expectAccessible(page, 'cijfers over de trajecten');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/monitoring-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the page itself does not scroll sideways: wide tables scroll in their own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'cijfers op een telefoon');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/monitoring-390.png`, fullPage: true });
    await context.close();
  });
});
