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
