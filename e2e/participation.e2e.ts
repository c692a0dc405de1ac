import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
const POLL = 'Gedeelde vrijwilligerspool voor de CO7-gemeenten';
// Set VISUALS_SHOTS to a directory (outside the repository) to keep screenshots of what these tests look at.
const shots = process.env.VISUALS_SHOTS;

describe('voting rounds', () => {
  test('a steering member votes with a reason, changes the vote and sees both versions', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.steering, `/r/${CO7}/cooperatie/stemrondes`);
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForHeading(page, 'Stemrondes');
    await page.getByRole('link', { name: POLL }).click();
    await waitForHeading(page, POLL);
    await page.getByRole('radio', { name: 'Akkoord', exact: true }).check();
    await page.getByLabel('Reden (optioneel)').fill('Goed voor de kleine gemeenten.');
    await page.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await page.getByText('Je stem is bewaard.').waitFor();
    await page.getByRole('radio', { name: 'Onthouding' }).check();
    await page.getByLabel('Reden (optioneel)').fill('Eerst de begroting zien.');
    await page.getByRole('button', { name: 'Stem wijzigen' }).click();
    await page.getByRole('heading', { name: 'Eerdere versies van jouw stem' }).waitFor();
    const history = await page.locator('.pp-history li').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toContain('Eerst de begroting zien.');
    expect(history[1]).toContain('Goed voor de kleine gemeenten.');
    await page.getByRole('img', { name: `Staafdiagram: ${POLL}` }).waitFor();
    await expectAccessible(page, 'stemronde (390 px)');
    if (shots) await page.screenshot({ path: `${shots}/poll-390.png`, fullPage: true });
    await context.close();
  });
});

describe('surveys', () => {
  test('the admin builds a survey, a visitor answers it on a phone in Arabic, the admin sees chart and table', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/cooperatie/bevragingen`);
    await waitForHeading(page, 'Bevragingen');
    await page.getByRole('link', { name: 'Partnerbevraging werking 2026' }).click();
    await page.getByRole('img', { name: 'Staafdiagram: Hoe tevreden ben je over de regionale samenwerking?' }).waitFor();
    await expectAccessible(page, 'resultaten partnerbevraging');
    if (shots) await page.screenshot({ path: `${shots}/survey-results-1280.png`, fullPage: true });

    await page.goto(url(`/r/${CO7}/cooperatie/bevragingen/nieuw`));
    await waitForHeading(page, 'Nieuwe bevraging');
    await page.getByRole('checkbox', { name: 'AR' }).check();
    await page.getByLabel('Titel (NL)').fill('Korte proefbevraging');
    await page.getByLabel('Titel (AR)').fill('استبيان تجريبي');
    await page.getByLabel('Doelgroep').selectOption('public');
    await page.getByLabel('Vraagtekst (NL)').fill('Kom je naar het buurtfeest?');
    await page.getByLabel('Vraagtekst (AR)').fill('هل ستأتي إلى حفلة الحي؟');
    await page.getByLabel('Antwoorden (één per regel)').fill('Ja | نعم\nNee | لا');
    await expectAccessible(page, 'bevraging opstellen');
    await page.getByRole('button', { name: 'Bevraging opslaan' }).click();
    await waitForHeading(page, 'Korte proefbevraging');
    const link = await page.locator('a[href*="/cooperatie/bevragingen/invullen/"]').getAttribute('href');
    expect(link).toBeTruthy();

    const visitor = await openPage(browser(), { width: 390, height: 844 });
    await visitor.page.goto(url(link!));
    await waitForHeading(visitor.page, 'Korte proefbevraging');
    await visitor.page.locator('#survey-language').selectOption('ar');
    await waitForHeading(visitor.page, 'استبيان تجريبي');
    expect(await visitor.page.locator('[dir="rtl"]').count()).toBeGreaterThan(0);
    await visitor.page.getByRole('radio', { name: 'نعم' }).check();
    await expectAccessible(visitor.page, 'publieke bevraging in het Arabisch (390 px)');
    if (shots) await visitor.page.screenshot({ path: `${shots}/answer-ar-390.png`, fullPage: true });
    await visitor.page.getByRole('button', { name: 'إرسال' }).click();
    await visitor.page.getByText('شكرًا! تم استلام إجاباتك.').waitFor();
    await visitor.context.close();

    await page.reload();
    await page.getByText('1 antwoorden').waitFor();
    await page.getByRole('img', { name: 'Staafdiagram: Kom je naar het buurtfeest?' }).waitFor();
    await page.getByText('Tabel').first().click();
    const row = page.getByRole('table').first().locator('tbody tr').first();
    expect(await row.textContent()).toContain('Ja');
    expect(await row.textContent()).toContain('100 %');
    await expectAccessible(page, 'resultaten met tabel');
    await context.close();
  });
});
