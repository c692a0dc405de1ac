import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
// Set COOP_SHOTS to a directory (outside the repository) to keep screenshots of what these tests look at.
const shots = process.env.COOP_SHOTS;

describe('cooperative', () => {
  test('the admin sees the co-financing of the CO7 municipalities as a chart and a table', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/cooperatie`);
    await waitForHeading(page, 'Coöperatie');
    await page.getByRole('heading', { name: 'Stuurgroep', exact: true }).waitFor();
    await expectAccessible(page, 'cooperatie');
    await page.getByRole('navigation', { name: 'Coöperatie' }).getByRole('link', { name: 'Cofinanciering' }).click();
    await waitForHeading(page, 'Cofinanciering');
    const table = page.getByRole('table', { name: /Bijdrage per coöperant/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(7);
    const ieper = (await table.getByRole('row', { name: /Ieper/ }).first().textContent()) ?? '';
    expect(ieper).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
    // The total of the contributions is the budget, to the cent.
    expect(await table.locator('tfoot').textContent()).toContain('€ 84.000,00');
    expect(await page.locator('.coop-chart-row').count()).toBe(rows);
    expect(await page.getByRole('link', { name: 'Download als Excel' }).getAttribute('href')).toContain('/export.xlsx');
    await expectAccessible(page, 'cofinanciering');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/financing-${width}.png`, fullPage: true });
    }
    await context.close();
  });

  test('the secretary writes minutes, approves a plan proposal in the meeting, and the plan shows it', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.steering, `/r/${CO7}/cooperatie/vergaderingen`);
    await waitForHeading(page, 'Vergaderingen');
    await page.getByRole('link', { name: 'Stuurgroep winter' }).click();
    await waitForHeading(page, 'Stuurgroep: Stuurgroep winter');
    const minutes = page.getByRole('textbox', { name: 'Verslag' });
    await minutes.fill('Iedereen is aanwezig. De bibliotheken stellen hun plannen voor.');
    await page.getByText(/Bewaard om/).waitFor();
    await page.getByLabel('Wat werd beslist').fill('De samenwerking met de bibliotheken wordt opgenomen in het plan.');
    const proposal = page.getByLabel('Over wijzigingsvoorstel');
    const option = await proposal.locator('option').nth(1).getAttribute('value');
    await proposal.selectOption(option!);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText(/Besluit \d{4}\/\d+ vastgelegd\./).waitFor();
    // The minutes now carry both the text and the decision line.
    await expect.poll(async () => minutes.inputValue()).toMatch(/Besluit \d{4}\/\d+: De samenwerking met de bibliotheken/);
    expect(await minutes.inputValue()).toContain('De bibliotheken stellen hun plannen voor.');
    await expectAccessible(page, 'vergadering');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/meeting-${width}.png`, fullPage: true });
    }
    await page.getByRole('link', { name: /Voorstel goedgekeurd voor actie/ }).click();
    await page.waitForURL(/\/voorstellen$/);
    await page.getByText(/: De samenwerking met de bibliotheken wordt opgenomen in het plan\./).waitFor();
    await context.close();
  });

  test('the public cannot read members-only minutes', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${CO7}/cooperatie/vergaderingen`));
    // The meeting list is for members: anonymous visitors are asked to log in.
    expect(await page.getByRole('link', { name: 'Stuurgroep najaar' }).count()).toBe(0);
    await context.close();
  });
});
