import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { openPage, url, useBrowser } from './browser';
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from '../common/i18n/index.js';
import { catalogs } from '../common/i18n/all-catalogs.js';
import type { catalogPublicNl } from '../common/i18n/catalog-public.js';
import type { PublicCatalogInfo, PublicOfferList } from '../common/schemas/catalog-public.js';

const browser = useBrowser();

const REGION = 'westhoek';
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

type Messages = { catalogPublic: typeof catalogPublicNl; app: { language: string } };
const messages = (locale: Locale) => catalogs[locale] as unknown as Messages;

/** A municipality where the demo has an offer asking at most two language icons (whatever the demo holds, it must have one). */
async function municipalityWithEasyOffer(): Promise<{ nisCode: string; name: string; easyOffers: number }> {
  const info = (await (await fetch(url(`/api/regions/${REGION}/public-catalog`))).json()) as PublicCatalogInfo;
  for (const municipality of info.municipalities) {
    const list = (await (await fetch(url(`/api/regions/${REGION}/offers?municipality=${municipality.nisCode}&maxLanguageIcons=2&limit=1`))).json()) as PublicOfferList;
    if (list.total > 0) return { ...municipality, easyOffers: list.total };
  }
  throw new Error('the demo has no offer with at most two language icons in any municipality of the Westhoek');
}

describe('public catalog', () => {
  for (const locale of SUPPORTED_LOCALES) {
    test(`a newcomer reading ${LOCALE_NAMES[locale]} finds an activity with at most two icons in their municipality in three steps, on a phone`, async () => {
      const home = await municipalityWithEasyOffer();
      const text = messages(locale).catalogPublic;
      const { context, page } = await openPage(browser(), PHONE);
      await page.goto(url(`/aanbod/${REGION}`));
      await page.waitForURL(url(`/r/${REGION}/aanbod`));
      await page.getByRole('heading', { level: 1, name: 'Activiteiten in Westhoek' }).waitFor();
      // The reader's language, picked once on this device (as a newcomer's helper would).
      await page.getByRole('combobox', { name: 'Taal' }).selectOption(locale);
      await page.getByRole('combobox', { name: messages(locale).app.language, exact: true }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      await page.getByLabel(text.searchLabel).waitFor();
      await expectAccessible(page, `catalog (${locale})`);

      // Step 1: their municipality. Step 2: at most two icons. Step 3: open an activity.
      await page.getByLabel(text.municipality, { exact: true }).selectOption(home.nisCode);
      await page.getByLabel(text.dutch).selectOption('2');
      await page.waitForURL((address) => address.searchParams.get('maxLanguageIcons') === '2' && address.searchParams.get('municipality') === home.nisCode);
      // The address changes before the list re-renders: wait until the cards are the filtered ones
      // (as many as the API finds for these filters), then check every one of them.
      const expected = Math.min(home.easyOffers, 20);
      const iconTexts = page.locator('.offer-card .language-icons .visually-hidden');
      await expect.poll(() => iconTexts.count(), { timeout: 10_000 }).toBe(expected);
      // Every card shown asks at most two icons, in words the reader can read.
      for (const iconText of await iconTexts.allTextContents()) expect([text.icons['1'], text.icons['2']]).toContain(iconText);
      const first = page.locator('.offer-card').first();
      await expectAccessible(page, `catalog filtered (${locale})`);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/catalog-${locale}-390.png`, fullPage: true });
      const title = (await first.getByRole('link').textContent()) ?? '';
      await first.getByRole('link').click();

      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('heading', { name: text.offer.when }).waitFor();
      expect(await page.getByText(home.name).count()).toBeGreaterThan(0);
      await expectAccessible(page, `offer (${locale})`);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/offer-${locale}-390.png`, fullPage: true });
      await context.close();
    });
  }

  test('the offer page links to a route planner and downloads the offer as an iCalendar file', async () => {
    const list = (await (await fetch(url(`/api/regions/${REGION}/offers?limit=100`))).json()) as PublicOfferList;
    const dated = list.items.find((item) => item.nextDate !== null && item.calendarType !== 'permanent');
    expect(dated).toBeDefined();
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${REGION}/aanbod/${dated!.id}`));
    await page.getByRole('heading', { level: 1, name: dated!.title }).waitFor();
    const calendar = page.getByRole('link', { name: 'Zet in je agenda' });
    const href = await calendar.getAttribute('href');
    expect(href).toContain(`/api/regions/${REGION}/offers/${dated!.id}/ical`);
    const ics = await fetch(url(href!));
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    const route = await page.getByRole('link', { name: 'Plan je route' }).getAttribute('href');
    expect(route).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=/);
    await expectAccessible(page, 'offer (desktop)');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/offer-nl-1280.png`, fullPage: true });

    // The map draws the municipalities and the offers without any tile server.
    await page.goto(url(`/r/${REGION}/aanbod`));
    await page.getByRole('button', { name: 'Kaart' }).click();
    await page.locator('.offer-map .leaflet-interactive').first().waitFor();
    expect(await page.locator('.offer-map__place').count()).toBeGreaterThan(5);
    await expectAccessible(page, 'catalog map');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/catalog-map-nl-1280.png`, fullPage: true });
    await context.close();
  });

  test('the offers are in the HTML itself, readable without JavaScript, and the page takes them over without redrawing', async () => {
    // Arabic: the server gives the page its language and direction too.
    const html = await (await fetch(url(`/r/${REGION}/aanbod?maxLanguageIcons=2`), { headers: { cookie: 'rk_locale=ar' } })).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    const cardsInHtml = html.match(/class="offer-card"/g)?.length ?? 0;
    expect(cardsInHtml).toBeGreaterThan(0);

    const noScript = await browser().newContext({ viewport: PHONE, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(url(`/r/${REGION}/aanbod`));
    expect(await plain.locator('.offer-card').count()).toBeGreaterThan(0);
    await plain.locator('.offer-card a').first().click();
    await plain.getByRole('heading', { level: 1 }).waitFor();
    // The offer page too is rendered by the server: when and where without a script.
    expect(await plain.locator('h1').textContent()).not.toBe('');
    await noScript.close();

    // A reader far from Brussels: times are Belgian on both sides, so server and browser write the same text.
    const context = await browser().newContext({ viewport: PHONE, timezoneId: 'Pacific/Auckland' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    // The language cookie alone (storage may be blocked): the server renders Arabic, the browser takes it over in Arabic.
    await context.addCookies([{ name: 'rk_locale', value: 'ar', url: url('/') }]);
    // Mark the server's cards once the HTML is parsed and before the module scripts run (readyState
    // "interactive" comes first): hydration keeps these elements; a render from scratch (a mismatch)
    // would replace them with unmarked ones.
    await context.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        // A property, not an attribute: React compares attributes when it hydrates.
        for (const card of document.querySelectorAll('.offer-card')) (card as Element & { rkFromServer?: boolean }).rkFromServer = true;
      });
    });
    await page.goto(url(`/r/${REGION}/aanbod?maxLanguageIcons=2`));
    // React has taken over the page once its elements carry its fiber (its internal link to a DOM node).
    const adopted = () => page.locator('.offer-card').first().evaluate((card) => Object.keys(card).some((key) => key.startsWith('__reactFiber')));
    await expect.poll(adopted, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll('.offer-card')].filter((card) => (card as Element & { rkFromServer?: boolean }).rkFromServer).length)).toBe(cardsInHtml);
    expect(await page.locator('.offer-card').count()).toBe(cardsInHtml);
    // And it works: a filter asks the API and redraws the list.
    await page.getByLabel(messages('ar').catalogPublic.dutch).selectOption('1');
    await page.waitForResponse((response) => response.url().includes('maxLanguageIcons=1'));
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test('the first view of the catalog arrives with its page: no API round trip before the offers show', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(request.url()).pathname);
    });
    await page.goto(url(`/r/${REGION}/aanbod?maxLanguageIcons=2`));
    await page.locator('.offer-card').first().waitFor();
    expect(await page.locator('.offer-card .language-icons .visually-hidden').count()).toBeGreaterThan(0);
    // Session, regions, the catalog's info and its offers came embedded in the HTML.
    expect(apiCalls).toEqual([]);
    // A filter changed afterwards asks the API as usual.
    await page.getByLabel('Hoeveel Nederlands?').selectOption('1');
    await page.waitForResponse((response) => response.url().includes('/offers?') && response.url().includes('maxLanguageIcons=1'));
    expect(apiCalls.some((path) => path === `/api/regions/${REGION}/offers`)).toBe(true);
    await context.close();
  });
});
