import { deflateSync } from 'node:zlib';
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
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const PHONE = { width: 390, height: 844 };

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real PNG (a folding table drawn in two colours), so the page shows an actual image. */
function tablePng(width = 240, height = 160): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      const top = y >= 40 && y < 56 && x >= 20 && x < width - 20;
      const leg = y >= 56 && y < 140 && ((x >= 36 && x < 48) || (x >= width - 48 && x < width - 36));
      rows.push(...(top || leg ? [120, 72, 32] : [226, 236, 244]));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

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

  test('an editor adds an item with 3 units through the form, uploads a photo, and finds it free in the search', async () => {
    const name = `Vouwtafels ${Date.now() % 100_000}`;
    const from = isoIn(60);
    const to = isoIn(61);
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.editor, `/r/${CO7}/uitleendienst`);
    await waitForHeading(page, 'Uitleendienst');
    await page.getByRole('link', { name: 'Item toevoegen' }).click();
    await waitForHeading(page, 'Item toevoegen');

    // Without a name the server's 400 comes back as a Dutch message on the field.
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').getByRole('link', { name: /^Naam: / }).waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Prijs per dag (€)').fill('twee euro');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Prijs per dag (€): Geef een bedrag in euro, bv. 12,50.' }).waitFor();

    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Materiaal' });
    await page.getByLabel('Naam', { exact: true }).fill(name);
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Poperinge' });
    await page.getByLabel('Afhaaladres').fill('Bibliotheek, Gasthuisstraat 1, Poperinge');
    await page.getByLabel('Aantal identieke stuks').fill('3');
    await page.getByLabel('Beschrijving').fill('Stevige vouwtafels van 180 op 75 cm, voor een receptie of een boekenmarkt.');
    await page.getByLabel('Partners en inwoners').check();
    await page.getByLabel('Prijs per dag (€)').fill('2,50');
    await page.getByLabel('Waarborg (€)').fill('20');
    await page.getByLabel('Dagen tussen twee ontleningen').fill('1');
    await page.getByLabel('Aanvragen van partners meteen bevestigen').check();
    await page.getByLabel('Instructies').fill('Poten inklappen voor het vervoer.');
    await expectAccessible(page, 'item toevoegen');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-item-form-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-item-form-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Opslaan' }).click();

    await waitForHeading(page, name);
    await page.getByText('Opgeslagen.').waitFor();
    await page.getByText('3 stuks').first().waitFor();
    await page.getByText(/€\s2,50/).first().waitFor();

    // A file that is not a photo is refused before it is sent, in Dutch.
    await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'tafel.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.getByRole('button', { name: 'Foto opladen' }).click();
    await page.getByRole('alert').getByText('Dit bestand is geen JPEG-, PNG- of WebP-foto.', { exact: false }).waitFor();
    await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'tafel.png', mimeType: 'image/png', buffer: tablePng() });
    await page.getByLabel('Wat staat er op de foto?').fill('Opengeplooide vouwtafel');
    await page.getByRole('button', { name: 'Foto opladen' }).click();
    await page.getByText('Foto opgeladen.').waitFor();
    const photo = page.getByRole('img', { name: 'Opengeplooide vouwtafel' });
    await photo.waitFor();
    expect(await photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(240);
    await expectAccessible(page, 'item met foto');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-item-photo-1280.png`, fullPage: true });

    // The availability search finds all 3 units free.
    await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
    await waitForHeading(page, 'Uitleendienst');
    await page.setViewportSize(PHONE);
    await page.getByLabel('Van', { exact: true }).fill(from);
    await page.getByLabel('Tot en met').fill(to);
    await page.getByLabel('Aantal', { exact: true }).fill('3');
    await page.getByLabel('Zoekterm').fill(name);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
    await card.getByText('3 van 3 vrij').waitFor();
    await expectAccessible(page, 'nieuw item gevonden');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-search-new-item-390.png`, fullPage: true });

    // Changing it goes through the same form, filled with what was saved.
    await card.getByRole('link', { name }).click();
    await waitForHeading(page, name);
    await page.getByRole('link', { name: 'Wijzigen' }).click();
    await waitForHeading(page, `${name} wijzigen`);
    expect(await page.getByLabel('Aantal identieke stuks').inputValue()).toBe('3');
    expect(await page.getByLabel('Prijs per dag (€)').inputValue()).toBe('2,50');
    await expectAccessible(page, 'item wijzigen op gsm');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-item-edit-390.png`, fullPage: true });

    // Someone else saves first (another tab): this save gets 409 and the form shows their version.
    const other = await context.newPage();
    await other.goto(page.url());
    await waitForHeading(other, `${name} wijzigen`);
    await other.getByLabel('Naam', { exact: true }).fill(`${name} (groot)`);
    await other.getByRole('button', { name: 'Opslaan' }).click();
    await waitForHeading(other, `${name} (groot)`);
    await other.close();
    await page.getByLabel('Aantal identieke stuks').fill('4');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Iemand anders heeft dit item intussen gewijzigd.', { exact: false }).waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(`${name} (groot)`);
    expect(await page.getByLabel('Aantal identieke stuks').inputValue()).toBe('3');
    await page.getByLabel('Aantal identieke stuks').fill('4');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForHeading(page, `${name} (groot)`);
    await page.getByText('4 stuks').first().waitFor();
    await context.close();
  });

  test('the regisseur puts a kit together for any owner through the form', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/uitleendienst/items/nieuw`);
    await waitForHeading(page, 'Item toevoegen');
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Pakket' });
    await page.getByLabel('Naam', { exact: true }).fill('Tentoonstellingspakket klein');
    await page.getByRole('combobox', { name: 'Eigenaar' }).fill('Erfgoedcel');
    await page.getByRole('option', { name: /Erfgoedcel CO7/ }).click();
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Ieper' });
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('item-part-0-item');
    await page.getByLabel('Item van onderdeel 1').selectOption({ label: 'Tentoonstellingspanelen (staand) (Ieper)' });
    await page.getByLabel('Aantal van onderdeel 1').fill('4');
    await expectAccessible(page, 'pakket samenstellen');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/lending-kit-form-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForHeading(page, 'Tentoonstellingspakket klein');
    await page.getByRole('heading', { name: 'In dit pakket' }).waitFor();
    await page.getByText('4 × Tentoonstellingspanelen (staand)').waitFor();
    await context.close();
  });
});
