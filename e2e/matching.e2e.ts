import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const CO7 = 'zuidelijke-westhoek';
const SUGGESTIONS = `/r/${CO7}/makelaardij/suggesties`;
// Set MATCHING_SHOTS to a directory (outside the repository) to keep screenshots of what these tests look at.
const shots = process.env.MATCHING_SHOTS;

async function shoot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** How many dashed suggested edges the graph canvas draws (it says so on the element). */
function suggestedEdges(page: Page): Promise<number> {
  return page.locator('canvas.network-graph').evaluate((canvas) => Number(canvas.getAttribute('data-suggested-edges')));
}

describe('matching suggestions', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`the regisseur sees the region's unmet pairs with reasons, filters them, and draws them dashed on the graph (${viewport.width} px)`, async () => {
      // Log in at desktop width (where the logout button shows), then look at the page at the test's width.
      const { context, page } = await openPage(browser());
      await logInViaForm(page, demoUsers.admin, SUGGESTIONS);
      await page.setViewportSize(viewport);
      await waitForHeading(page, 'Kansen voor nieuwe samenwerking');
      const cards = page.locator('.match-list > li');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThanOrEqual(10);
      // Every pair explains itself: whose need, whose strength.
      await expect(cards.first().locator('.match-card__reasons li').first().textContent()).resolves.toMatch(/: nood '.+' ↔ .+: sterkte '.+'/);
      await expectAccessible(page, `suggesties ${viewport.width}`);
      await shoot(page, `suggestions-${viewport.width}`);

      // Filter on a municipality: the URL keeps it, and every pair has an actor there.
      await page.getByLabel('Gemeente').selectOption({ label: 'Poperinge' });
      await page.waitForURL(/gemeente=33021/);
      // The unfiltered list stays on screen until the filtered answer replaces it: wait for that answer.
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('.match-list > li .match-card__head')];
        return !document.querySelector('[aria-busy="true"]') && shown.length > 0 && shown.every((head) => head.textContent?.includes('Poperinge'));
      });
      await page.getByRole('status').getByText(/koppels uit \d+ actoren/).waitFor();
      const heads = await cards.locator('.match-card__head').allTextContents();
      expect(heads.length).toBeGreaterThan(0);
      for (const head of heads) expect(head).toContain('Poperinge');
      await page.getByLabel('Sector').selectOption({ label: 'Inburgering' });
      await page.waitForURL(/sector=inburgering/);
      await expectAccessible(page, `suggesties gefilterd ${viewport.width}`);
      await shoot(page, `suggestions-filtered-${viewport.width}`);

      // On the graph: the switch is on, the dashed edges are drawn, the legend and the text list say what they are.
      await page.getByRole('link', { name: 'Toon op de netwerkgrafiek' }).click();
      await waitForHeading(page, 'Netwerkgrafiek');
      const toggle = page.getByRole('checkbox', { name: 'Toon voorgestelde verbindingen' });
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(true);
      await page.waitForFunction(() => Number(document.querySelector('canvas.network-graph')?.getAttribute('data-suggested-edges')) > 0);
      await page.getByText('Voorgestelde verbinding (nog geen samenwerking)').waitFor();
      expect(await page.locator('.graph-suggested__list li').count()).toBe(await suggestedEdges(page));
      await expectAccessible(page, `grafiek met voorstellen ${viewport.width}`);
      await shoot(page, `graph-suggested-${viewport.width}`);
      await toggle.uncheck();
      await page.waitForFunction(() => Number(document.querySelector('canvas.network-graph')?.getAttribute('data-suggested-edges')) === 0);
      await toggle.check();
      await page.waitForFunction(() => Number(document.querySelector('canvas.network-graph')?.getAttribute('data-suggested-edges')) > 0);
      await context.close();
    });
  }

  test('a reader sees neither the region-wide list nor the switch on the graph', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.viewer, '/r/westhoek/makelaardij/suggesties');
    await waitForHeading(page, 'Kansen voor nieuwe samenwerking');
    await page.getByText('Enkel de regisseur ziet de kansen van de hele regio.').waitFor();
    await page.goto(url('/r/westhoek/netwerk/grafiek?voorstellen=1'));
    await waitForHeading(page, 'Netwerkgrafiek');
    await page.locator('canvas.network-graph').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Toon voorgestelde verbindingen' }).count()).toBe(0);
    expect(await suggestedEdges(page)).toBe(0);
    await context.close();
  });
});
