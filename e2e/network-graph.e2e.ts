import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const CO7 = 'zuidelijke-westhoek';
const GRAPH = `/r/${CO7}/netwerk/grafiek`;

/** The zoom of the graph's last complete draw (the page records every draw as a `graph-draw` performance measure). */
function lastZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const draws = performance.getEntriesByName('graph-draw') as PerformanceMeasure[];
    return (draws.at(-1)?.detail as { zoom: number }).zoom;
  });
}

async function waitForFirstDraw(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('graph-first-draw').length > 0);
}

async function findActor(page: Page, name: string): Promise<void> {
  const finder = page.getByRole('combobox', { name: 'Actor zoeken' });
  await finder.fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).first().waitFor();
  await finder.press('ArrowDown');
  await finder.press('Enter');
  await page.getByRole('complementary').getByText(name, { exact: true }).waitFor();
}

/** The middle of the canvas in page coordinates: where "find actor" centres the actor it found. */
async function canvasCentre(page: Page): Promise<{ x: number; y: number }> {
  const canvas = page.getByRole('img', { name: /^Netwerkgrafiek van \d+ actoren/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('network graph', () => {
  test('zoom, find an actor, see it selected and hovered, open it with Enter and with a click; accessible throughout', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, GRAPH);
    await waitForHeading(page, 'Netwerkgrafiek');
    await waitForFirstDraw(page);
    await expectAccessible(page, 'grafiek');

    const before = await lastZoom(page);
    await page.getByRole('group', { name: 'Zicht op de grafiek' }).getByRole('button', { name: 'Inzoomen' }).click();
    await page.waitForFunction((zoom) => {
      const draws = performance.getEntriesByName('graph-draw') as PerformanceMeasure[];
      return (draws.at(-1)?.detail as { zoom: number }).zoom > zoom;
    }, before);
    expect((await lastZoom(page)) / before).toBeCloseTo(1.5, 5);
    await page.getByRole('button', { name: 'Alles tonen' }).click();
    await page.waitForFunction((zoom) => {
      const draws = performance.getEntriesByName('graph-draw') as PerformanceMeasure[];
      return (draws.at(-1)?.detail as { zoom: number }).zoom === zoom;
    }, before);

    // Find by a part of the name, without the accent-sensitive spelling; the list is a combobox.
    await page.getByRole('combobox', { name: 'Actor zoeken' }).fill('bibliotheek iep');
    await page.getByRole('option', { name: /^Bibliotheek Ieper/ }).waitFor();
    await expectAccessible(page, 'grafiek met zoeklijst');
    await findActor(page, 'Bibliotheek Ieper');
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { name: 'Geselecteerde actor' }).waitFor();
    await panel.getByRole('link', { name: 'Actorpagina openen' }).waitFor();
    await panel.getByRole('heading', { name: /verbonden actor/ }).waitFor();
    await expectAccessible(page, 'grafiek met selectie');

    // The found actor sits in the middle: hovering there shows its tooltip.
    const centre = await canvasCentre(page);
    await page.mouse.move(centre.x, centre.y);
    await page.locator('.graph-tooltip').getByText('Bibliotheek Ieper', { exact: true }).waitFor();

    // Keyboard: focus the canvas, Enter opens the selected actor.
    await page.getByRole('img', { name: /^Netwerkgrafiek van/ }).focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Bibliotheek Ieper');

    // Mouse: a click on the selected actor opens it too.
    await page.goBack();
    await waitForHeading(page, 'Netwerkgrafiek');
    await waitForFirstDraw(page);
    await findActor(page, 'Bibliotheek Ieper');
    const again = await canvasCentre(page);
    await page.mouse.click(again.x, again.y);
    await waitForHeading(page, 'Bibliotheek Ieper');
    await context.close();
  });

  test('keyboard: arrow keys pan, + zooms, Escape clears the selection', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, GRAPH);
    await waitForHeading(page, 'Netwerkgrafiek');
    await waitForFirstDraw(page);
    await findActor(page, 'Bibliotheek Ieper');
    const canvas = page.getByRole('img', { name: /^Netwerkgrafiek van/ });
    await canvas.focus();
    const zoom = await lastZoom(page);
    await page.keyboard.press('+');
    await page.waitForFunction((k) => {
      const draws = performance.getEntriesByName('graph-draw') as PerformanceMeasure[];
      return (draws.at(-1)?.detail as { zoom: number }).zoom > k;
    }, zoom);
    // Two presses of ← move the picture 2 × 60 px to the right: the actor is found there by hovering.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const centre = await canvasCentre(page);
    await page.mouse.move(centre.x + 120, centre.y);
    await page.locator('.graph-tooltip').getByText('Bibliotheek Ieper', { exact: true }).waitFor();
    await canvas.focus();
    await page.keyboard.press('Escape');
    await page.getByRole('complementary').getByText('Kies een actor in de grafiek of zoek er een op naam.').waitFor();
    await context.close();
  });
});
