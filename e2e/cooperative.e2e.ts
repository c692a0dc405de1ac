import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const CO7 = 'zuidelijke-westhoek';
// Set COOP_SHOTS to a directory (outside the repository) to keep screenshots of what these tests look at.
const shots = process.env.COOP_SHOTS;

describe('cooperative', () => {
  test('the admin sees the co-financing of the CO7 municipalities as a chart and a table', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/cooperatie`);
    await waitForHeading(page, 'Coöperatie');
    await page.getByRole('heading', { name: 'Stuurgroep', exact: true }).waitFor();
    await expectAccessible(page, 'cooperatie');
    await page.getByRole('navigation', { name: 'Coöperatie' }).getByRole('link', { name: 'Cofinanciering' }).click();
    await waitForHeading(page, 'Cofinanciering');
    const table = page.getByRole('table', { name: /Bijdrage per coöperant/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(7);
    const ieper = (await table.getByRole('row', { name: /Ieper/ }).first().textContent()) ?? '';
    expect(ieper).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
    // The total of the contributions is the budget, to the cent.
    expect(await table.locator('tfoot').textContent()).toContain('€ 84.000,00');
    expect(await page.locator('.coop-chart-row').count()).toBe(rows);
    expect(await page.getByRole('link', { name: 'Download als Excel' }).getAttribute('href')).toContain('/export.xlsx');
    await expectAccessible(page, 'cofinanciering');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/financing-${width}.png`, fullPage: true });
    }
    await context.close();
  });

  test('the secretary writes minutes, approves a plan proposal in the meeting, and the plan shows it', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.steering, `/r/${CO7}/cooperatie/vergaderingen`);
    await waitForHeading(page, 'Vergaderingen');
    await page.getByRole('link', { name: 'Stuurgroep winter' }).click();
    await waitForHeading(page, 'Stuurgroep: Stuurgroep winter');
    const minutes = page.getByRole('textbox', { name: 'Verslag' });
    await minutes.fill('Iedereen is aanwezig. De bibliotheken stellen hun plannen voor.');
    await page.getByText(/Bewaard om/).waitFor();
    await page.getByLabel('Wat werd beslist').fill('De samenwerking met de bibliotheken wordt opgenomen in het plan.');
    const proposal = page.getByLabel('Over wijzigingsvoorstel');
    const option = await proposal.locator('option').nth(1).getAttribute('value');
    await proposal.selectOption(option!);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText(/Besluit \d{4}\/\d+ vastgelegd\./).waitFor();
    // The minutes now carry both the text and the decision line.
    await expect.poll(async () => minutes.inputValue()).toMatch(/Besluit \d{4}\/\d+: De samenwerking met de bibliotheken/);
    expect(await minutes.inputValue()).toContain('De bibliotheken stellen hun plannen voor.');
    await expectAccessible(page, 'vergadering');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/meeting-${width}.png`, fullPage: true });
    }
    await page.getByRole('link', { name: /Voorstel goedgekeurd voor actie/ }).click();
    await page.waitForURL(/\/voorstellen$/);
    await page.getByText(/: De samenwerking met de bibliotheken wordt opgenomen in het plan\./).waitFor();
    await context.close();
  });

  test('the public cannot read members-only minutes', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${CO7}/cooperatie/vergaderingen`));
    // The meeting list is for members: anonymous visitors are asked to log in.
    expect(await page.getByRole('link', { name: 'Stuurgroep najaar' }).count()).toBe(0);
    await context.close();
  });

  test('an admin adds a cooperant, plans a meeting with an agenda and records attendance through the forms', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/cooperatie`);
    await waitForHeading(page, 'Coöperatie');
    await page.locator('summary', { hasText: 'Coöperant toevoegen' }).click();
    const actor = page.getByLabel('Actor of gemeente');
    const value = await actor.locator('option').nth(1).getAttribute('value');
    const name = ((await actor.locator('option').nth(1).textContent()) ?? '').trim();
    await actor.selectOption(value!);
    await page.getByLabel('Lidmaatschap', { exact: true }).selectOption('geassocieerd');
    await page.getByLabel('Lid sinds').fill('2024-09-01');
    await expectAccessible(page, 'coöperant-formulier');
    await page.getByRole('button', { name: 'Coöperant toevoegen' }).click();
    const row = page.getByRole('table').getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('01/09/2024');
    expect(await row.textContent()).toContain('geassocieerd');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/cooperants-${width}.png`, fullPage: true });
    }

    await page.getByRole('navigation', { name: 'Coöperatie' }).getByRole('link', { name: 'Vergaderingen' }).click();
    await waitForHeading(page, 'Vergaderingen');
    await page.locator('summary', { hasText: 'Vergadering plannen' }).click();
    await page.getByLabel('Groep').selectOption({ label: 'Stuurgroep' });
    await page.getByLabel('Titel', { exact: true }).fill('Stuurgroep lente');
    await page.getByLabel('Begin').fill('2031-03-10T14:00');
    await page.getByLabel('Einde').fill('2031-03-10T16:00');
    await page.getByLabel('Plaats').fill('Stadhuis Ieper');
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await page.getByLabel('Titel (agendapunt 1)').fill('Jaarverslag');
    await page.getByLabel('Verwijst naar (agendapunt 1)').selectOption('document');
    await page.getByLabel('Webadres of id (agendapunt 1)').fill('https://www.co7.be/jaarverslag.pdf');
    await expectAccessible(page, 'vergadering-formulier');
    if (shots) await page.screenshot({ path: `${shots}/meeting-form-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Vergadering plannen' }).click();
    await waitForHeading(page, 'Stuurgroep: Stuurgroep lente');
    await page.getByRole('link', { name: 'https://www.co7.be/jaarverslag.pdf' }).waitFor();
    await page.locator('summary', { hasText: 'Aanwezigheden bijhouden' }).click();
    const selects = page.getByLabel(/^Aanwezigheid van /);
    await selects.first().waitFor();
    for (let index = 0; index < (await selects.count()); index += 1) await selects.nth(index).selectOption('aanwezig');
    await page.getByRole('button', { name: 'Aanwezigheden bewaren' }).click();
    await page.getByText('quorum bereikt').waitFor();
    await expectAccessible(page, 'vergadering-nieuw');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/meeting-new-${width}.png`, fullPage: true });
    }
    await context.close();
  });

  test('an admin composes a newsletter from recent activity, edits it and sends it to the subscribers', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/cooperatie/nieuwsbrief`);
    await waitForHeading(page, 'Nieuwsbrief');
    await page.getByRole('link', { name: 'Nieuwsbrief CO7 — voorjaar' }).waitFor();
    await expectAccessible(page, 'nieuwsbrief-archief');
    await page.getByRole('button', { name: 'Nieuwe nieuwsbrief samenstellen' }).click();
    await waitForHeading(page, /^Nieuwsbrief .* — \d{2}\/\d{2}\/\d{4}$/);
    // The draft is fed by the network's activity.
    expect(await page.getByLabel(/^Titel \(onderwerp \d+\)$/).count()).toBeGreaterThan(0);
    await page.getByLabel('Titel', { exact: true }).fill('Nieuws uit de Zuidelijke Westhoek');
    await page.getByLabel('Inleiding').fill('Dag iedereen, dit gebeurde er de voorbije maand.');
    await page.getByRole('button', { name: 'Concept bewaren' }).click();
    await waitForHeading(page, 'Nieuws uit de Zuidelijke Westhoek');
    await page.getByText('Concept bewaard.').waitFor();
    await expectAccessible(page, 'nieuwsbrief-concept');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/newsletter-draft-${width}.png` });
    }
    await page.getByRole('button', { name: 'Versturen naar de abonnees' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Versturen naar de abonnees' }).click();
    await page.getByText(/^Verzonden op \d{2}\/\d{2}\/\d{4} aan \d+ ontvangers/).waitFor({ timeout: 20_000 });
    await page.getByText('Dag iedereen, dit gebeurde er de voorbije maand.').waitFor();
    await expectAccessible(page, 'nieuwsbrief-verzonden');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/newsletter-sent-${width}.png`, fullPage: true });
    }
    await page.getByRole('navigation', { name: 'Coöperatie' }).getByRole('link', { name: 'Verzonden mails' }).click();
    await waitForHeading(page, 'Verzonden mails');
    await page.getByText(/Nieuws uit de Zuidelijke Westhoek/).first().waitFor();
    await context.close();
  });

  test('a resident without an account reads the public newsletter at its own address; drafts stay hidden', async () => {
    const { context, page } = await openPage(browser(), { width: 390, height: 844 });
    await page.goto(url(`/r/${CO7}/cooperatie/nieuwsbrief`));
    await waitForHeading(page, 'Nieuwsbrief');
    // Only sent public issues: the demo's draft is the regisseur's.
    const listed = page.locator('main').getByRole('link', { name: /^Nieuwsbrief / });
    expect(await listed.allTextContents()).toEqual(['Nieuwsbrief CO7 — voorjaar']);
    expect(await page.getByRole('button', { name: 'Nieuwe nieuwsbrief samenstellen' }).count()).toBe(0);
    // A visitor is offered the public archive only, not the members' pages (co-financing, meetings …).
    const coopNav = page.getByRole('navigation', { name: 'Coöperatie' });
    expect(await coopNav.getByRole('link').allTextContents()).toEqual(['Nieuwsbrief']);
    await listed.first().click();
    await waitForHeading(page, 'Nieuwsbrief CO7 — voorjaar');
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/r/${CO7}/cooperatie/nieuwsbrief/[0-9a-f-]{36}$`));
    await page.getByText(/De stuurgroep legde de verdeling van de cofinanciering vast/).waitFor();
    await page.getByText('Stuurgroep voorjaar').first().waitFor();
    expect(await page.getByRole('button', { name: 'Versturen naar de abonnees' }).count()).toBe(0);
    await expectAccessible(page, 'publieke nieuwsbrief (telefoon)');
    if (shots) await page.screenshot({ path: `${shots}/newsletter-public-390.png`, fullPage: true });
    // The same address opened directly, as from the mail, on a desktop.
    const address = page.url();
    const { context: desktop, page: direct } = await openPage(browser());
    await direct.goto(address);
    await waitForHeading(direct, 'Nieuwsbrief CO7 — voorjaar');
    await expectAccessible(direct, 'publieke nieuwsbrief');
    if (shots) await direct.screenshot({ path: `${shots}/newsletter-public-1280.png`, fullPage: true });
    await desktop.close();
    await context.close();
  });

  test('a steering-group member sees the weighted count of a voting round next to the plain one', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.steering, `/r/${CO7}/cooperatie/stemrondes`);
    await page.getByRole('link', { name: 'Gezamenlijke aankoop van een uitleenbus' }).click();
    await waitForHeading(page, 'Gezamenlijke aankoop van een uitleenbus');
    const table = page.getByRole('table', { name: /Gewogen uitslag/ });
    await table.waitFor();
    // Two delegates of different cooperants voted differently: their weights differ, so the weighted row is not 50/50.
    expect(await table.getByRole('row', { name: /akkoord/ }).first().textContent()).toMatch(/%/);
    await expectAccessible(page, 'stemronde-gewogen');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      if (shots) await page.screenshot({ path: `${shots}/poll-weighted-${width}.png`, fullPage: true });
    }
    await context.close();
  });
});
