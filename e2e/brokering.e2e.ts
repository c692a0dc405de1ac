import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const CO7 = 'zuidelijke-westhoek';
const PHONE = { width: 390, height: 844 };

describe('brokering: "Bouw je netwerk uit" as a guided flow', () => {
  test('the partner goes through steps 1–3 on a phone, comes back, combines; the regisseur makes an idea linked to a plan action', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.editor, `/r/${CO7}/makelaardij`);
    // On a phone the account menu folds away; the flow itself is done at phone size.
    await page.setViewportSize(PHONE);
    await waitForHeading(page, 'Makelaardij');
    await expectAccessible(page, 'makelaardij');
    await page.getByRole('button', { name: 'Werkblad van Bibliotheek Poperinge openen' }).click();
    await waitForHeading(page, 'Makelaardij: Bibliotheek Poperinge');
    const steps = page.getByRole('navigation', { name: 'Stappen' });
    const saved = page.getByRole('status').filter({ hasText: 'Opgeslagen' });

    // Step 1: the werking, from the profile on the map, saved as you type.
    await steps.getByRole('button', { name: /Werking/ }).click();
    await page.getByRole('heading', { level: 2, name: '1. Werking' }).waitFor();
    expect(await steps.getByRole('button', { name: /Werking/ }).getAttribute('aria-current')).toBe('step');
    const werking = page.getByLabel('Beschrijf de werking van je organisatie');
    expect(await werking.inputValue()).toContain('bibliotheek');
    await werking.fill(`${await werking.inputValue()} Ook een podcasthoek.`);
    await saved.waitFor();
    await expectAccessible(page, 'stap 1');

    // Step 2: a new limitation.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: '2. Sterktes en beperkingen' }).waitFor();
    const needs = page.getByLabel('Beperkingen en noden');
    await needs.fill(`${await needs.inputValue()}\nruimte voor een podcaststudio`);
    await saved.waitFor();

    // Step 3: a partner card from that limitation, a partner found by searching the map.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: '3. Partnerkaarten' }).waitFor();
    await page.getByLabel('Kies een vertrekpunt').selectOption({ label: 'ruimte voor een podcaststudio' });
    await page.getByRole('button', { name: 'Partnerkaart maken' }).click();
    const card = page.getByRole('article', { name: 'Vanuit een beperking: ruimte voor een podcaststudio' });
    await card.waitFor();
    await card.getByText('Inspiratielijst').click();
    await card.getByText(/Nog niemand uit .* in je netwerk/).first().waitFor();
    await card.getByText('Zoeken op de kaart', { exact: true }).click();
    await card.getByRole('combobox', { name: 'Zoeken op de kaart' }).fill('Talbot');
    await card.getByRole('option', { name: /Talbot House/ }).click();
    await card.getByLabel('Idee voor de samenwerking').fill('opnames in de zolderzaal');
    await card.getByRole('button', { name: 'Partner toevoegen' }).click();
    await card.getByText('opnames in de zolderzaal').waitFor();
    await card.getByText('Bovenlokaal: nee').waitFor();
    await expectAccessible(page, 'stap 3');

    // Leaving and coming back lands on the same step with the card.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '3. Partnerkaarten' }).waitFor();
    await page.getByRole('article', { name: 'Vanuit een beperking: ruimte voor een podcaststudio' }).getByText('Talbot House').first().waitFor();
    await page.screenshot({ path: '/tmp/brokering-step3-390.png', fullPage: true });

    // Step 4: a combination across bubbles, to pursue.
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByRole('heading', { level: 2, name: '4. Combinaties' }).waitFor();
    await page.getByRole('checkbox', { name: /LIGO Centrum voor Basiseducatie/ }).check();
    await page.getByLabel('Titel').fill('Podcast over nieuwkomers');
    await page.getByRole('checkbox', { name: 'Deze combinatie willen we nastreven', exact: true }).check();
    await page.getByRole('button', { name: 'Combinatie bewaren' }).click();
    await page.getByRole('heading', { level: 3, name: 'Podcast over nieuwkomers' }).waitFor();
    await expectAccessible(page, 'stap 4');
    await page.screenshot({ path: '/tmp/brokering-step4-390.png', fullPage: true });
    await context.close();

    // The regisseur turns the pursued combination into a samenwerkingsvoorstel linked to a plan action.
    const admin = await openPage(browser());
    await logInViaForm(admin.page, demoUsers.admin, `/r/${CO7}/makelaardij`);
    await waitForHeading(admin.page, 'Makelaardij');
    await admin.page.getByRole('button', { name: 'Samenwerkingsvoorstel maken (Podcast over nieuwkomers)' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await expectAccessible(admin.page, 'makelaardij regisseur');
    await admin.page.screenshot({ path: '/tmp/brokering-home-1280.png', fullPage: true });
    await admin.page.getByRole('link', { name: 'Samenwerkingsvoorstellen' }).click();
    await waitForHeading(admin.page, 'Samenwerkingsvoorstellen');
    const idea = admin.page.getByRole('article', { name: 'Podcast over nieuwkomers' });
    await idea.waitFor();
    const planSelect = idea.getByLabel('Plan', { exact: true });
    await planSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    await planSelect.selectOption({ index: 1 });
    const actionSelect = idea.getByLabel('Actie', { exact: true });
    await actionSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    await actionSelect.selectOption({ index: 1 });
    await idea.getByRole('button', { name: 'Koppelen (Podcast over nieuwkomers)' }).click();
    await idea.getByText('Actie in het plan:').waitFor();
    await expectAccessible(admin.page, 'samenwerkingsvoorstellen');
    await admin.page.screenshot({ path: '/tmp/brokering-ideas-1280.png', fullPage: true });
    await admin.context.close();
  });
});
