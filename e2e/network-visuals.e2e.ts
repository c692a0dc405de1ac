import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
const PHONE = { width: 390, height: 844 };
// Set VISUALS_SHOTS to a directory (outside the repository) to keep screenshots of what these tests look at.
const shots = process.env.VISUALS_SHOTS;

async function shoot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

describe('first page weight', () => {
  test('the region overview loads at most 120 kB of gzipped JavaScript', async () => {
    const { context, page } = await openPage(browser());
    const client = await context.newCDPSession(page);
    await client.send('Network.enable');
    // Ask for gzip only, so the bytes on the wire are the gzipped size the budget speaks of.
    await client.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
    const scripts = new Map<string, string>();
    let bytes = 0;
    client.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.set(event.requestId, String(event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? ''));
    });
    client.on('Network.loadingFinished', (event) => {
      if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
    });
    await page.goto(url(`/r/${CO7}`), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(scripts.size).toBeGreaterThan(0);
    expect([...scripts.values()].every((encoding) => encoding === 'gzip')).toBe(true);
    // encodedDataLength includes the response headers: a little over the bodies alone, so on the strict side.
    console.log(`[bundle] region overview: ${scripts.size} scripts, ${(bytes / 1024).toFixed(1)} kB on the wire (gzip)`);
    expect(bytes / 1024).toBeLessThanOrEqual(120);
    await context.close();
  });
});

describe('network pages on a phone and a desktop', () => {
  test('bubble scheme: packed bubbles inside each circle, names on focus, accessible at 390 and 1280 px', async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const { context, page } = await openPage(browser());
      // The admin has an actor in Ieper: Ieper comes first. (Log in at desktop width, where the logout button shows.)
      await logInViaForm(page, demoUsers.admin, `/r/${CO7}/netwerk/bollenschema`);
      await page.setViewportSize(viewport);
      await waitForHeading(page, 'Bollenschema');
      const first = page.getByRole('group', { name: /^Actoren in / }).first();
      await first.waitFor();
      // Every bubble stays inside its municipality's circle.
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('svg.bubble-scheme')].flatMap((svg) => {
          const frame = svg.querySelector(':scope > circle')!.getBoundingClientRect();
          const cx = frame.x + frame.width / 2;
          const cy = frame.y + frame.height / 2;
          return [...svg.querySelectorAll('.bubble-scheme__actor > :first-child')].filter((mark) => {
            const box = mark.getBoundingClientRect();
            const r = Math.max(box.width, box.height) / 2;
            return Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy) + r > frame.width / 2 + 1.5;
          }).length;
        }),
      );
      expect(outside.reduce((a, b) => a + b, 0)).toBe(0);
      // The pictures fit the screen (the table below them scrolls on its own).
      expect(await page.evaluate(() => [...document.querySelectorAll('svg.bubble-scheme')].every((svg) => svg.getBoundingClientRect().right <= window.innerWidth))).toBe(true);
      const actor = first.getByRole('link').first();
      await actor.focus();
      const name = (await actor.getAttribute('aria-label'))!.replace(/ \(.*\)$/, '');
      await expect.poll(() => first.locator('.bubble-scheme__label text').textContent()).toBe(name.length > 36 ? expect.any(String) : name);
      await expectAccessible(page, `bollenschema ${viewport.width}`);
      await shoot(page, `bubbles-${viewport.width}`);
      if (shots) await page.locator('.bubble-grid').screenshot({ path: `${shots}/bubbles-${viewport.width}-grid.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    }
  });

  test('actor list on a phone: results first, the filters behind one button', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await page.goto(url(`/r/${CO7}/netwerk?sector=erfgoed`));
    await waitForHeading(page, 'Actoren');
    const toggle = page.getByRole('button', { name: 'Filters (1)' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('search').isVisible()).toBe(false);
    const firstResult = page.locator('.actor-list .card').first();
    await firstResult.waitFor();
    expect((await firstResult.boundingBox())!.y).toBeLessThan(PHONE.height);
    await expectAccessible(page, 'actoren telefoon');
    await shoot(page, 'actor-list-390-closed');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Zoeken').waitFor();
    await expectAccessible(page, 'actoren telefoon, filters open');
    await shoot(page, 'actor-list-390-open');
    await context.close();
  });

  test('coverage matrix on a phone scrolls in its own box with the header row and first column fixed', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await page.goto(url(`/r/${CO7}/netwerk/dekking`));
    await waitForHeading(page, 'Dekking');
    const box = page.getByRole('region', { name: /./ }).filter({ has: page.getByRole('table') });
    await box.waitFor();
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => !element.closest('.coverage-scroll') && element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const firstColumn = page.locator('.coverage-matrix tbody th').first();
    const headerCell = page.locator('.coverage-matrix thead th').nth(3);
    const before = { column: (await firstColumn.boundingBox())!, header: (await headerCell.boundingBox())! };
    await box.evaluate((element) => element.scrollBy(400, 300));
    await shoot(page, 'coverage-390-scrolled');
    const after = { column: (await firstColumn.boundingBox())!, header: (await headerCell.boundingBox())! };
    // The first column sticks to the box's left edge (a few pixels left of where the table starts).
    expect(Math.abs(after.column.x - before.column.x)).toBeLessThanOrEqual(6);
    expect(Math.abs(after.header.y - before.header.y)).toBeLessThanOrEqual(6);
    expect(after.header.x).toBeLessThan(before.header.x);
    await expectAccessible(page, 'dekking telefoon');
    await box.evaluate((element) => element.scrollTo(0, 0));
    await shoot(page, 'coverage-390');
    await context.close();
  });

  test('graph legend shows each sector with its mark', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${CO7}/netwerk/grafiek`));
    await waitForHeading(page, 'Netwerkgrafiek');
    const legend = page.getByRole('region', { name: 'Legende' });
    await legend.locator('svg.sector-mark').first().waitFor();
    const codes = await legend.locator('svg.sector-mark text').allTextContents();
    expect(new Set(codes).size).toBe(codes.length);
    await shoot(page, 'graph-legend-1280');
    await context.close();
  });
});
