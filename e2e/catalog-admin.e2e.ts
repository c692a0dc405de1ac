import { describe, expect, test } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';
import type { PublicOfferList } from '../common/schemas/catalog-public.js';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
const WESTHOEK = 'westhoek';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

async function shoot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** A datetime-local value some days ahead at 14:00 (browser time). */
function localDateTime(days: number, hour = 14): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
}

/** A UiTdatabank event as the Search API returns it: six days ahead, two language icons, free. */
function uitEvent(id: string, name: string, postalCode: string, locality: string) {
  return {
    '@id': `https://io.uitdatabank.be/event/e2e-${id}`,
    '@type': 'Event',
    mainLanguage: 'nl',
    name: { nl: name },
    description: { nl: 'Samen wandelen langs de velden.' },
    calendarType: 'single',
    startDate: new Date(Date.now() + 6 * 86_400_000).toISOString(),
    endDate: new Date(Date.now() + 6 * 86_400_000 + 7_200_000).toISOString(),
    location: { '@type': 'Place', name: { nl: 'Marktplein' }, address: { nl: { addressCountry: 'BE', addressLocality: locality, postalCode, streetAddress: 'Markt 1' } } },
    labels: ['twee taaliconen'],
    priceInfo: [{ category: 'base', name: { nl: 'Basistarief' }, price: 0, priceCurrency: 'EUR' }],
    workflowStatus: 'APPROVED',
  };
}

async function publicOffers(slug: string, q: string): Promise<PublicOfferList> {
  return (await (await fetch(url(`/api/regions/${slug}/offers?q=${encodeURIComponent(q)}&limit=20`))).json()) as PublicOfferList;
}

describe('catalog back office', () => {
  test('a partner adds an offer through the form, sees a Dutch field error, publishes it after a stale-version warning, and finds it in the public catalog', async () => {
    const title = `Voorleesuur voor kleuters ${Date.now()}`;
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.editor, `/r/${CO7}/aanbod`);
    await page.getByRole('link', { name: 'Aanbod beheren' }).click();
    await waitForHeading(page, 'Aanbod beheren');
    await page.getByText('Je ziet het aanbod van je eigen organisatie').waitFor();
    await expectAccessible(page, 'aanbod beheren');
    await shoot(page, 'catalog-admin-list-1280');

    await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await waitForHeading(page, 'Nieuwe activiteit');
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Beschrijving', { exact: true }).fill('We lezen samen een prentenboek voor. Ouders en kinderen zijn welkom.');
    await page.getByLabel('Titel (Engels)').fill('Story time for toddlers');
    await page.getByLabel('Naam van de plaats').fill('Bibliotheek Poperinge');
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Poperinge' });
    await page.getByLabel('Begin', { exact: true }).fill(localDateTime(4));
    await page.getByLabel('Einde', { exact: true }).fill(localDateTime(4, 15));
    await page.getByLabel('Taaliconen').selectOption('1');
    await page.getByLabel('Gratis', { exact: true }).check();
    await page.getByLabel('UiTPAS aanvaard').check();
    await page.getByLabel('Geschikt met kinderen').check();
    await page.getByLabel('Vanaf leeftijd').fill('3');
    await page.getByLabel('Tot leeftijd').fill('6');
    await page.getByLabel('Rolstoeltoegankelijk').check();
    await page.getByLabel('Naam van de contactpersoon').fill('Hanne');
    await page.getByRole('checkbox', { name: 'Arabisch' }).check();
    await page.getByLabel('E-mail', { exact: true }).fill('geen-adres');
    await expectAccessible(page, 'nieuwe activiteit');
    await shoot(page, 'catalog-admin-form-1280');
    await page.getByRole('button', { name: 'Bewaren' }).click();

    // The API's 400 names the field, in Dutch, in the summary and next to the control.
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'E-mail: Geen geldig e-mailadres.' }).waitFor();
    expect(await page.locator('#offer-contactEmail-error').textContent()).toBe('Geen geldig e-mailadres.');
    await expectAccessible(page, 'nieuwe activiteit met fout');
    await page.getByLabel('E-mail', { exact: true }).fill('hanne@bib-poperinge.example');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await waitForHeading(page, 'Aanbod beheren');
    await page.getByText('De activiteit is bewaard.').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await row.getByText('Ontwerp').waitFor();
    expect((await publicOffers(CO7, title)).total).toBe(0); // a draft is not public

    // Two tabs on the same offer: the second one saves first, the first one learns its copy was stale.
    await row.getByRole('link', { name: title }).click();
    await waitForHeading(page, `Activiteit bewerken: ${title}`);
    const other = await context.newPage();
    await other.goto(page.url());
    await waitForHeading(other, `Activiteit bewerken: ${title}`);
    await other.getByLabel('Vrije plaatsen').fill('12');
    await other.getByRole('button', { name: 'Bewaren' }).click();
    await waitForHeading(other, 'Aanbod beheren');
    await other.close();

    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('Iemand anders heeft deze activiteit intussen gewijzigd.').waitFor();
    // The form now holds the newest version (with the other tab's places) and the change is to be made again.
    expect(await page.getByLabel('Vrije plaatsen').inputValue()).toBe('12');
    await expectAccessible(page, 'activiteit bewerken na conflict');
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await waitForHeading(page, 'Aanbod beheren');
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) }).getByText('Gepubliceerd').waitFor();

    // Published: the public catalog shows it to anyone, on a phone too.
    const visitor = await openPage(browser(), PHONE);
    await visitor.page.goto(url(`/r/${CO7}/aanbod?q=${encodeURIComponent(title)}`));
    await visitor.page.locator('.offer-card').getByRole('link', { name: title }).waitFor();
    await visitor.context.close();

    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: title }).click();
    await waitForHeading(page, `Activiteit bewerken: ${title}`);
    await expectAccessible(page, 'activiteit bewerken (telefoon)');
    await shoot(page, 'catalog-admin-form-390');
    await context.close();
  });

  test('the regisseur uploads a UiTdatabank JSON-LD file, sees the preview, commits it, and a broken file is answered clearly', async () => {
    const stamp = Date.now();
    const file = { member: [uitEvent(`${stamp}-ieper`, `Wandeling ${stamp}`, '8900', 'Ieper'), uitEvent(`${stamp}-gent`, `Elders ${stamp}`, '9000', 'Gent')] };

    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/aanbod/beheer/importeren`);
    await waitForHeading(page, 'Importeren uit UiTdatabank');

    await page.getByLabel('JSON-LD-bestand').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{ dit is geen json') });
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.locator('#import-file-error').getByText('Het bestand is geen geldige JSON').waitFor();

    await page.getByLabel('JSON-LD-bestand').setInputFiles({ name: 'uit.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    await page.getByRole('heading', { name: 'Voorbeeld' }).waitFor();
    await page.locator('.import-summary').getByText('1 nieuw, 0 bijgewerkt, 1 overgeslagen, 0 met fouten.').waitFor();
    await page.getByRole('cell', { name: `Wandeling ${stamp}` }).waitFor();
    await page.getByRole('cell', { name: `Elders ${stamp}` }).waitFor();
    expect((await publicOffers(CO7, `Wandeling ${stamp}`)).total).toBe(0); // the preview wrote nothing
    await expectAccessible(page, 'import voorbeeld');
    await shoot(page, 'catalog-admin-import-1280');

    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByText('Ingelezen: 1 nieuw, 0 bijgewerkt, 1 overgeslagen.').first().waitFor();
    const imported = await publicOffers(CO7, `Wandeling ${stamp}`);
    expect(imported.items.map((item) => item.title)).toEqual([`Wandeling ${stamp}`]);
    expect(imported.items[0]!.languageIcons).toBe(2);
    await page.setViewportSize(PHONE);
    await expectAccessible(page, 'import klaar (telefoon)');
    await shoot(page, 'catalog-admin-import-390');
    await context.close();
  });

  test('the coverage table and map flag the municipalities without offers; a poster per municipality', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${WESTHOEK}/aanbod/beheer/dekking`);
    await page.setViewportSize(PHONE);
    await waitForHeading(page, 'Dekking van het aanbod');
    const table = page.getByRole('table', { name: 'Actueel aanbod per gemeente' });
    for (const gap of ['Kortemark', 'Koekelare']) {
      await table.getByRole('rowheader', { name: `${gap} Hiaat` }).waitFor();
    }
    expect(await table.getByRole('rowheader', { name: /Ieper Hiaat/ }).count()).toBe(0);
    await page.getByText(/2 gemeenten zonder aanbod: .*Koekelare.*Kortemark/).waitFor();
    const poster = table.getByRole('link', { name: 'Affiche Ieper (PDF)' });
    const href = (await poster.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`/api/regions/${WESTHOEK}/catalog/coverage/\\d{5}/poster.pdf$`));
    const pdf = await page.request.get(url(href));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The map draws a circle per municipality, the gaps red and dashed, each named with its count.
    const map = page.getByRole('region', { name: /Kaart van het actuele aanbod per gemeente/ });
    await map.locator('.coverage-map__gap').first().waitFor();
    expect(await map.locator('path.coverage-map__gap').count()).toBe(2);
    const rows = await table.locator('tbody tr').count();
    expect(await map.locator('path.coverage-map__area, path.coverage-map__gap').count()).toBe(rows);
    await map.locator('.coverage-map__place', { hasText: 'Kortemark: 0' }).waitFor();
    const counts = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).filter((count) => count !== '0').sort();
    expect(counts.length).toBeGreaterThan(0);
    expect((await map.locator('.coverage-map__place:not(.coverage-map__place--gap)').allTextContents()).sort()).toEqual(counts);
    await expectAccessible(page, 'dekking aanbod (telefoon)');
    await shoot(page, 'catalog-admin-coverage-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'catalog-admin-coverage-1280');
    await context.close();
  });

  test('the regisseur links the UiTdatabank Search API, pulls now and finds the pulled event in the catalog; the key is never shown again', async () => {
    // A local stand-in for the Search API (there is no internet here): one event in the region, one outside.
    const stamp = Date.now();
    const keysSent: (string | undefined)[] = [];
    const searchApi = createServer((request, response) => {
      keysSent.push(request.headers['x-api-key'] as string | undefined);
      const member = [uitEvent(`pull-${stamp}-1`, `Gezelschapsspel ${stamp}`, '8970', 'Poperinge'), uitEvent(`pull-${stamp}-2`, `Ver weg ${stamp}`, '2000', 'Antwerpen')];
      response.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify({ totalItems: member.length, member }));
    });
    await new Promise<void>((resolve) => searchApi.listen(0, '127.0.0.1', resolve));
    const searchApiUrl = `http://127.0.0.1:${(searchApi.address() as AddressInfo).port}/events`;
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/aanbod/beheer/uitdatabank`);
    await waitForHeading(page, 'Koppeling met UiTdatabank');
    await page.getByText('Nog nooit opgehaald.').waitFor();
    await page.getByLabel('URL van de Search API').fill('niet-een-url');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'URL van de Search API: Geen geldig webadres (begin met https://).' }).waitFor();
    await page.getByLabel('URL van de Search API').fill(searchApiUrl);
    await page.getByLabel('API-sleutel').fill('geheime-sleutel');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('De koppeling is bewaard.').waitFor();
    await page.getByText('Er is een sleutel bewaard. Leeg laten om hem te houden.').waitFor();
    expect(await page.getByLabel('API-sleutel').inputValue()).toBe('');
    expect(await publicOffers(CO7, `Gezelschapsspel ${stamp}`)).toMatchObject({ total: 0 });

    // The pull runs as a job on the server; the page follows it and shows the outcome.
    await page.getByRole('button', { name: 'Nu ophalen' }).click();
    await page.getByText('Opgehaald.').waitFor();
    await page.getByText('1 nieuw, 0 bijgewerkt, 1 overgeslagen, 0 fouten.').waitFor();
    expect(keysSent).toEqual(['geheime-sleutel']);
    const pulled = await publicOffers(CO7, `Gezelschapsspel ${stamp}`);
    expect(pulled.items.map((item) => item.title)).toEqual([`Gezelschapsspel ${stamp}`]);
    expect(pulled.items[0]!.languageIcons).toBe(2);
    await expectAccessible(page, 'uitdatabank-koppeling');
    await shoot(page, 'catalog-admin-settings-1280');
    await context.close();
    await new Promise((resolve) => searchApi.close(resolve));
  });
});
