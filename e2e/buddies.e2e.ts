import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { logInViaForm, openPage, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const WESTHOEK = 'westhoek';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const coach = { email: 'coach@demo.regiekamer.be', password: 'regiekamer-coach' };
const coordinator = { email: 'buddywerking@demo.regiekamer.be', password: 'regiekamer-buddy' };

async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

describe('buddy network', () => {
  test('the coordinator adds a buddy to the own pool (a Dutch field error first) and logs a duo’s meeting', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, coordinator, `/r/${WESTHOEK}/trajecten/buddies`);
    await waitForHeading(page, 'Buddywerking');
    // Only the own programme; the other programme's pool is not listed.
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Albatros']);
    await page.getByRole('link', { name: 'Albatros' }).click();
    await waitForHeading(page, 'Albatros');
    const poolBefore = await page.locator('.buddy-pool > li').count();

    await page.getByRole('button', { name: 'Buddy toevoegen' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Voornaam: Vul een voornaam in/ }).waitFor();
    await page.getByLabel('Voornaam').fill('Ilse');
    await page.getByLabel('Woonplaats').selectOption({ label: 'Poperinge' });
    await page.getByLabel(/^Talen/).fill('fr, en');
    await page.getByLabel(/^Interesses/).fill('Cultuur');
    await page.getByLabel('zaterdag').check();
    await page.getByRole('button', { name: 'Buddy toevoegen' }).click();
    await page.getByText('De buddy is toegevoegd.').waitFor();
    await page.locator('.buddy-pool > li').filter({ hasText: 'Ilse' }).getByText('Frans, Engels').waitFor();
    expect(await page.locator('.buddy-pool > li').count()).toBe(poolBefore + 1);

    // A duo of the programme: shown by the participant's code, with its meetings; the coordinator logs one.
    const duo = page.locator('section.traject-card').filter({ has: page.getByRole('button', { name: 'Ontmoeting registreren' }) }).first();
    await expect.poll(() => duo.getByRole('heading').textContent()).toMatch(/ met .*TR-[A-Z0-9]{6}/);
    const meetingsBefore = await duo.locator('.buddy-duo-meetings li').count();
    await duo.getByLabel('Wat deden jullie? (kort)').fill('Samen naar de bibliotheek');
    await duo.getByRole('button', { name: 'Ontmoeting registreren' }).click();
    await page.getByText('De ontmoeting is geregistreerd.').waitFor();
    await duo.getByText(/Samen naar de bibliotheek/).waitFor();
    expect(await duo.locator('.buddy-duo-meetings li').count()).toBe(meetingsBefore + 1);
    await expectAccessible(page, 'buddywerking (coördinator)');
    await shoot(page, 'buddies-programme');
    await context.close();
  });

  test('a coach finds a buddy for a participant with the reasons, pairs them, and the pair shows up in the programme', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, coach, `/r/${WESTHOEK}/trajecten/buddies`);
    // On a phone from here on (the log-in helper looks for the desktop header).
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForHeading(page, 'Buddywerking');
    await page.getByRole('heading', { name: 'Lerend netwerk (intervisie)' }).waitFor();
    await page.getByText(/Onderwerpen: .*Vrijwilligers vinden en houden/).waitFor();
    // Nadia (demo) has no buddy yet.
    await page.getByLabel('Deelnemer').selectOption({ label: 'Nadia (TR-G6U9RT)' });
    const first = page.locator('.buddy-suggestions > li').first();
    await first.waitFor();
    const name = (await first.getByRole('heading').textContent())!;
    expect(await first.locator('.traject-reasons li').count()).toBeGreaterThan(0);
    await expect.poll(() => first.locator('.traject-reasons').textContent()).toMatch(/Spreekt dezelfde taal|Woont in dezelfde gemeente|Samen interesse/);
    await expectAccessible(page, 'buddy zoeken (telefoon)');
    await shoot(page, 'buddies-pair');
    await first.getByRole('button', { name: `Koppelen aan ${name}` }).click();
    await page.getByText('Het duo is gevormd.').waitFor();
    await page.getByText(`Heeft al een buddy: ${name}`).waitFor();
    // The coach sees the new pair with the participant's first name in the programme.
    const programme = (await page.getByText(`Heeft al een buddy: ${name}`).textContent())!.match(/\(([^)]+)\)\.$/)![1]!;
    await page.getByRole('link', { name: programme }).click();
    await waitForHeading(page, programme);
    await page.getByRole('heading', { name: `${name} met Nadia (TR-G6U9RT)` }).waitFor();
    await context.close();
  });
});
