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

// The open demo workshop of the Zuidelijke Westhoek (server/domains/brokering/room/demo-data.ts).
const OPEN_CODE = 'WESTHK';
const SLUG = 'zuidelijke-westhoek';

describe('the live workshop room', () => {
  test('the facilitator’s screen shows a participant joining on a phone, without reload', async () => {
    const facilitator = await openPage(browser, { width: 1280, height: 900 });
    await logInViaForm(facilitator.page, demoUsers.admin, `/r/${SLUG}/makelaardij/workshops`);
    await waitForHeading(facilitator.page, 'Workshops');
    await facilitator.page.getByText(OPEN_CODE).waitFor();
    await expectAccessible(facilitator.page, 'workshops');
    await facilitator.page.getByRole('link', { name: 'Open de zaal' }).click();
    await waitForHeading(facilitator.page, 'Bouw je netwerk uit – voorjaarssessie CO7');
    await facilitator.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // The demo participants are already in the room, at their steps.
    await facilitator.page.locator('.room-steps__column', { hasText: 'Partnerkaarten' }).getByText('Vrijetijdsdienst Vleteren').waitFor();
    await facilitator.page.locator('.room-card', { hasText: 'een plek voor een zomerse buitenvoorstelling' }).waitFor();
    await expectAccessible(facilitator.page, 'zaal');
    await facilitator.page.screenshot({ path: '/tmp/workshop-room-1280.png', fullPage: true });

    const phone = await openPage(browser, { width: 390, height: 844 });
    await phone.page.goto(url('/doe-mee'));
    await waitForHeading(phone.page, 'Doe mee met een workshop');
    await phone.page.getByLabel('Code').fill('ZZZZZ2');
    await phone.page.getByRole('button', { name: 'Verder' }).click();
    await phone.page.getByText('Geen open workshop met deze code. Kijk de code nog eens na.').first().waitFor();
    await expectAccessible(phone.page, 'deelnemen met foute code');
    await phone.page.getByLabel('Code').fill(OPEN_CODE.toLowerCase());
    await phone.page.getByRole('button', { name: 'Verder' }).click();
    await phone.page.getByRole('heading', { name: 'Je doet mee aan “Bouw je netwerk uit – voorjaarssessie CO7”' }).waitFor();
    const person = `Mira Testdeelnemer ${Date.now()}`;
    await phone.page.getByLabel('Je naam').fill(person);
    await phone.page.getByLabel('Je e-mailadres').fill(`mira.${Date.now()}@test.be`);
    await phone.page.getByLabel('Je organisatie').fill('Westtoer');
    await phone.page.getByRole('button', { name: 'Dit is mijn organisatie: Westtoer' }).click();
    await phone.page.getByText('Gekozen: Westtoer').waitFor();
    await expectAccessible(phone.page, 'deelnemen');
    await phone.page.screenshot({ path: '/tmp/workshop-join-390.png', fullPage: true });
    await phone.page.getByRole('button', { name: 'Meedoen' }).click();
    await phone.page.getByText('Welkom! Je fiche staat klaar.').waitFor();
    const stored = JSON.parse((await phone.page.evaluate(() => localStorage.getItem('regiekamer.workshopGuest'))) ?? 'null') as { token: string; slug: string; sheetId: string } | null;
    expect(stored).toMatchObject({ slug: SLUG });
    expect(stored?.token.length).toBeGreaterThan(20);
    expect(await phone.page.getByRole('link', { name: 'Naar mijn fiche' }).getAttribute('href')).toBe(`/r/${SLUG}/makelaardij/werkblad/${stored!.sheetId}`);

    // No reload on the facilitator's screen: the event stream brought the new participant in, at step 1.
    const stepOne = facilitator.page.locator('.room-steps__column', { hasText: 'Werking' });
    await stepOne.getByText(person).waitFor();
    await stepOne.locator('.room-person', { hasText: person }).getByText('Westtoer').waitFor();
    await facilitator.page.screenshot({ path: '/tmp/workshop-room-joined-1280.png', fullPage: true });

    // The same room on a narrow screen stays readable.
    await facilitator.page.setViewportSize({ width: 390, height: 844 });
    await facilitator.page.screenshot({ path: '/tmp/workshop-room-390.png', fullPage: true });
    await Promise.all([facilitator.context.close(), phone.context.close()]);
  });

  test('two browsers in one room: a participant’s new partner card in browser B appears live on the facilitator’s screen in browser A', async () => {
    const shots = process.env.E2E_SCREENSHOTS ?? '/tmp';
    // Browser A: the facilitator's room view, loaded once and never reloaded.
    const facilitator = await openPage(browser, { width: 1280, height: 900 });
    await logInViaForm(facilitator.page, demoUsers.admin, `/r/${SLUG}/makelaardij/workshops`);
    await facilitator.page.locator('.card', { hasText: OPEN_CODE }).getByRole('link', { name: 'Open de zaal' }).click();
    await waitForHeading(facilitator.page, 'Bouw je netwerk uit – voorjaarssessie CO7');
    await facilitator.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const startText = 'culturele invalshoek in de verhalen';
    const roomCard = facilitator.page.locator('.room-card', { hasText: startText });
    expect(await roomCard.count()).toBe(0);
    // A mark on this page's window: a reload would lose it.
    await facilitator.page.evaluate(() => Object.assign(window, { roomMark: 'zelfde pagina' }));

    // Browser B: a second browser process, a participant on a phone joining as a guest.
    const secondBrowser = await launchBrowser();
    try {
      const phone = await openPage(secondBrowser, { width: 390, height: 844 });
      phone.page.on('pageerror', (error) => pageErrors.push(`B ${phone.page.url()}: ${error.message}`));
      await phone.page.goto(url('/doe-mee'));
      await waitForHeading(phone.page, 'Doe mee met een workshop');
      await phone.page.getByLabel('Code').fill(OPEN_CODE);
      await phone.page.getByRole('button', { name: 'Verder' }).click();
      const stamp = Date.now();
      await phone.page.getByLabel('Je naam').fill(`Lien Landschap ${stamp}`);
      await phone.page.getByLabel('Je e-mailadres').fill(`lien.${stamp}@test.be`);
      await phone.page.getByLabel('Je organisatie').fill('Regionaal Landschap');
      await phone.page.getByRole('button', { name: 'Dit is mijn organisatie: Regionaal Landschap Westhoek' }).click();
      await phone.page.getByRole('button', { name: 'Meedoen' }).click();
      await phone.page.getByRole('link', { name: 'Naar mijn fiche' }).click();
      await phone.page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: /Partnerkaarten/ }).click();
      await phone.page.getByRole('heading', { level: 2, name: '3. Partnerkaarten' }).waitFor();
      await phone.page.getByLabel('Kies een vertrekpunt').selectOption({ label: startText });
      await phone.page.getByRole('button', { name: 'Partnerkaart maken' }).click();
      const card = phone.page.getByRole('article', { name: `Vanuit een beperking: ${startText}` });
      await card.waitFor();

      // The empty card is on the facilitator's screen without a reload (SSE → snapshot re-read).
      await roomCard.waitFor();
      await roomCard.getByText('Regionaal Landschap Westhoek').waitFor();

      await card.getByText('Zoeken op de kaart', { exact: true }).click();
      await card.getByRole('combobox', { name: 'Zoeken op de kaart' }).fill('Talbot');
      await card.getByRole('option', { name: /Talbot House/ }).click();
      await card.getByLabel('Idee voor de samenwerking').fill('wandelverhalen over het frontlandschap');
      await card.getByRole('button', { name: 'Partner toevoegen' }).click();
      await card.getByText('wandelverhalen over het frontlandschap').waitFor();
      await expectAccessible(phone.page, 'partnerkaart in de workshop (browser B)');
      await phone.page.screenshot({ path: `${shots}/workshop-room-b-card-390.png`, fullPage: true });

      // …and so is its partner with the idea, still without a reload.
      await roomCard.getByText('Talbot House').waitFor();
      await roomCard.getByText('wandelverhalen over het frontlandschap').waitFor();
      expect(await facilitator.page.evaluate(() => (window as unknown as { roomMark?: string }).roomMark)).toBe('zelfde pagina');
      await expectAccessible(facilitator.page, 'zaal met de nieuwe partnerkaart (browser A)');
      await roomCard.scrollIntoViewIfNeeded();
      await facilitator.page.screenshot({ path: `${shots}/workshop-room-a-live-card-1280.png`, fullPage: true });
      await phone.context.close();
    } finally {
      await secondBrowser.close();
    }
    await facilitator.context.close();
  });

  test('the finished demo workshop’s report shows the bovenlokaal comparison and the pursued combinations', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.admin, `/r/${SLUG}/makelaardij/workshops`);
    await page.locator('.card', { hasText: 'najaarssessie' }).getByRole('link', { name: 'Bekijk het verslag' }).click();
    await waitForHeading(page, 'Verslag: Bouw je netwerk uit – najaarssessie CO7');
    await page.getByRole('heading', { name: 'Rapport bovenlokale netwerken' }).waitFor();
    await page.getByRole('row', { name: /Bovenlokaal \(andere gemeente\)/ }).waitFor();
    await page.getByText('Nieuwe stemmen in het museum').first().waitFor();
    await page.getByText('Netwerkdag op twee podia').first().waitFor();
    expect(await page.getByText('Regendag in de bib').count()).toBe(0);
    await expectAccessible(page, 'verslag');
    await page.screenshot({ path: '/tmp/workshop-report-1280.png', fullPage: true });
    const pdf = await page.getByRole('link', { name: 'Verslag als PDF' }).getAttribute('href');
    const response = await context.request.get(url(pdf!));
    expect(response.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });
});
