import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
const ITEM = 'Geluidsinstallatie met mengtafel';

function isoIn(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
const belgian = (iso: string) => iso.split('-').reverse().join('/');

describe('lending pool', () => {
  test('a partner finds a free item for dates and books it; the owner confirms, checks it out and takes it back on a phone', async () => {
    const from = isoIn(45);
    const to = isoIn(46);

    // The partner (Bibliotheek Poperinge) searches what is free near Poperinge.
    const partner = await openPage(browser());
    await logInViaForm(partner.page, demoUsers.editor, `/r/${CO7}/uitleendienst`);
    await waitForHeading(partner.page, 'Uitleendienst');
    await partner.page.getByLabel('Van', { exact: true }).fill(from);
    await partner.page.getByLabel('Tot en met').fill(to);
    await partner.page.getByLabel('In de buurt van').selectOption({ label: 'Poperinge' });
    await partner.page.getByLabel('Binnen (km)').fill('15');
    await partner.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const card = partner.page.getByRole('listitem').filter({ has: partner.page.getByRole('link', { name: ITEM }) });
    await card.getByText('2 van 2 vrij').waitFor();
    expect(await partner.page.getByRole('link', { name: 'Tentoonstellingsvitrines' }).count()).toBe(0); // another region
    await expectAccessible(partner.page, 'uitleendienst zoeken');
    await partner.page.screenshot({ path: '/tmp/lending-search-1280.png', fullPage: true });

    await card.getByRole('link', { name: ITEM }).click();
    await waitForHeading(partner.page, ITEM);
    expect(await partner.page.getByLabel('Van', { exact: true }).inputValue()).toBe(from);

    // The calendar is a keyboard grid: arrows move a day or a week, the focused day says what it is.
    const todayCell = partner.page.locator(`button[data-day="${isoIn(0)}"]`);
    await todayCell.focus();
    await partner.page.keyboard.press('ArrowRight');
    expect(await partner.page.evaluate(() => document.activeElement?.getAttribute('data-day'))).toBe(isoIn(1));
    await partner.page.keyboard.press('ArrowDown');
    expect(await partner.page.evaluate(() => document.activeElement?.getAttribute('data-day'))).toBe(isoIn(8));
    expect(await partner.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/vrij|gereserveerd/);
    await partner.page.getByRole('button', { name: 'Week' }).click();
    expect(await partner.page.locator('.lending-calendar tbody tr').count()).toBe(1);
    await partner.page.getByRole('button', { name: 'Maand' }).click();

    await partner.page.getByLabel('Opmerking voor de eigenaar').fill('Voor de voorleesnamiddag');
    await partner.page.getByRole('button', { name: 'Aanvragen', exact: true }).click();
    await partner.page.getByText('Je aanvraag is verstuurd (aangevraagd).').waitFor();
    await expectAccessible(partner.page, 'item aanvragen');
    await partner.page.screenshot({ path: '/tmp/lending-item-1280.png', fullPage: true });

    // The same days again: the database refuses, the page says until when it is taken.
    await partner.page.getByLabel('Aantal', { exact: true }).fill('2');
    await partner.page.getByRole('button', { name: 'Aanvragen', exact: true }).click();
    await partner.page.getByText(`Niet vrij: al gereserveerd van ${belgian(from)}`).waitFor();
    await partner.context.close();

    // The owner's side (the regisseur manages every item) on a phone, as after scanning the QR label.
    const owner = await openPage(browser());
    await logInViaForm(owner.page, demoUsers.admin);
    await owner.page.setViewportSize({ width: 390, height: 844 });
    await owner.page.goto(url(`/r/${CO7}/uitleendienst`));
    await waitForHeading(owner.page, 'Uitleendienst');
    await owner.page.getByLabel('Zoekterm').fill('Geluidsinstallatie');
    await owner.page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await owner.page.getByRole('link', { name: ITEM }).click();
    await waitForHeading(owner.page, ITEM);
    const booking = owner.page.getByRole('article').filter({ hasText: `${belgian(from)} – ${belgian(to)}` });
    await booking.getByText('aangevraagd').waitFor();
    await booking.getByRole('button', { name: 'Bevestigen' }).click();
    await booking.getByText('bevestigd', { exact: true }).waitFor();
    await booking.getByRole('button', { name: 'Uitlenen' }).click();
    await booking.getByLabel('Staat bij het uitlenen').fill('Alles volledig');
    await booking.getByRole('button', { name: 'Uitlenen bevestigen' }).click();
    await booking.getByText('uitgeleend', { exact: true }).waitFor();
    await expectAccessible(owner.page, 'item op gsm');
    await owner.page.screenshot({ path: '/tmp/lending-item-390.png', fullPage: true });
    await booking.getByRole('button', { name: 'Terugnemen' }).click();
    await booking.getByLabel('Schade').fill('Geen');
    await booking.getByRole('button', { name: 'Terugname bevestigen' }).click();
    await booking.getByText('terug', { exact: true }).waitFor();

    // The regisseur's overview shows real numbers.
    await owner.page.goto(url(`/r/${CO7}/uitleendienst/overzicht`));
    await waitForHeading(owner.page, 'Overzicht uitleendienst');
    await owner.page.getByRole('heading', { name: 'Nooit ontleend' }).waitFor();
    expect(await owner.page.getByRole('row').count()).toBeGreaterThan(3);
    await expectAccessible(owner.page, 'overzicht uitleendienst');
    await owner.page.screenshot({ path: '/tmp/lending-overview-390.png', fullPage: true });
    await owner.context.close();
  });
});
