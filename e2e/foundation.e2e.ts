import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { demoUsers, focusedTag, focusedText, heading, launchBrowser, logInViaForm, openPage, pageErrors, url, waitForHeading } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(() => {
  // Any uncaught exception in the app fails the test that caused it.
  const errors = pageErrors.splice(0);
  expect(errors).toEqual([]);
});

const SOUTH = { slug: 'zuidelijke-westhoek', name: 'Zuidelijke Westhoek (CO7)' };
const WESTHOEK = { slug: 'westhoek', name: 'Westhoek' };

function regionSwitcher(page: Page) {
  return page.getByRole('navigation', { name: 'Regio', exact: true });
}

/** Opens the region switcher and follows the link to a region. */
async function switchRegion(page: Page, regionName: string): Promise<void> {
  const switcher = regionSwitcher(page);
  const toggle = switcher.getByRole('button');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await switcher.getByRole('link', { name: regionName, exact: true }).click();
}

function selectedCount(page: Page) {
  return page.getByText(/\d+ van \d+ gemeenten geselecteerd/);
}

async function checkedMunicipalities(page: Page): Promise<number> {
  return page.locator('#settings-municipalities input[type="checkbox"]:checked').count();
}

describe('app shell and region foundation', () => {
  test('home page lists the regions in Dutch, with a working skip link', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(url('/'));
    await waitForHeading(page, 'Regio’s');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.title()).toBe('Regio’s · Regiekamer');

    const westhoekCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: WESTHOEK.name, exact: true }) });
    const southCard = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: SOUTH.name, exact: true }) });
    expect(await westhoekCard.textContent()).toContain('18 gemeenten');
    expect(await southCard.textContent()).toContain('7 gemeenten');
    // Anonymous visitors see every public region in the switcher.
    await regionSwitcher(page).getByRole('button').click();
    expect(await regionSwitcher(page).getByRole('link').allTextContents()).toEqual([WESTHOEK.name, SOUTH.name]);
    await page.keyboard.press('Escape');
    expect(await regionSwitcher(page).getByRole('button').getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page, 'home');

    // The skip link is the first stop for keyboard users and lands in the main content.
    await page.goto(url('/'));
    await waitForHeading(page, 'Regio’s');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    await context.close();
  });

  test('admin: log in, switch regions, edit settings, manage users, account, module page, log out', async () => {
    const { context, page } = await openPage(browser);

    // An admin page asks anonymous visitors to log in and brings them back afterwards.
    await page.goto(url(`/r/${SOUTH.slug}/instellingen`));
    await waitForHeading(page, 'Instellingen van de regio');
    await page.getByText('Meld je aan om deze pagina te bekijken.').waitFor();
    await expectAccessible(page, 'instellingen (niet aangemeld)');
    await page.getByRole('main').getByRole('link', { name: 'Aanmelden' }).click();
    await page.waitForURL(url(`/aanmelden?volgende=${encodeURIComponent(`/r/${SOUTH.slug}/instellingen`)}`));
    await waitForHeading(page, 'Aanmelden');
    expect(await focusedTag(page)).toBe('H1');
    await expectAccessible(page, 'aanmelden');

    // Empty form: the server's field messages appear next to the fields.
    const email = page.getByLabel('E-mailadres', { exact: true });
    const password = page.getByLabel('Wachtwoord', { exact: true });
    const submit = page.getByRole('main').getByRole('button', { name: 'Aanmelden' });
    await submit.click();
    await page.getByRole('alert').getByText('Sommige velden zijn niet correct ingevuld.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Geen geldig e-mailadres.');
    await expectAccessible(page, 'aanmelden met fouten');

    await email.fill(demoUsers.admin.email);
    await password.fill('niet-het-wachtwoord');
    await submit.click();
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();

    await password.fill(demoUsers.admin.password);
    await submit.click();
    await page.waitForURL(url(`/r/${SOUTH.slug}/instellingen`));
    await waitForHeading(page, 'Instellingen van de regio');
    await selectedCount(page).waitFor();
    expect(await selectedCount(page).textContent()).toBe('7 van 18 gemeenten geselecteerd');
    expect(await page.getByLabel('Ieper', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Poperinge', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Diksmuide', { exact: true }).isChecked()).toBe(false);
    expect(await checkedMunicipalities(page)).toBe(7);

    // The switcher keeps the admin page when the user is admin in the other region too.
    await switchRegion(page, WESTHOEK.name);
    await page.waitForURL(url(`/r/${WESTHOEK.slug}/instellingen`));
    await page.getByText('18 van 18 gemeenten geselecteerd').waitFor();
    expect(await page.getByLabel('Naam van de regio').inputValue()).toBe(WESTHOEK.name);
    await expectAccessible(page, 'instellingen westhoek');
    await switchRegion(page, SOUTH.name);
    await page.waitForURL(url(`/r/${SOUTH.slug}/instellingen`));
    await page.getByText('7 van 18 gemeenten geselecteerd').waitFor();

    // The count follows the checkboxes live; the description is saved and survives a reload.
    await page.getByLabel('Ieper', { exact: true }).uncheck();
    await page.getByText('6 van 18 gemeenten geselecteerd').waitFor();
    await page.getByLabel('Ieper', { exact: true }).check();
    await page.getByText('7 van 18 gemeenten geselecteerd').waitFor();
    const description = `Zeven gemeenten werken samen aan cultuur en erfgoed (getest ${Date.now()}).`;
    await page.getByLabel('Beschrijving').fill(description);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De instellingen zijn opgeslagen.').waitFor();
    await page.reload();
    await waitForHeading(page, 'Instellingen van de regio');
    await selectedCount(page).waitFor();
    expect(await page.getByLabel('Beschrijving').inputValue()).toBe(description);
    expect(await checkedMunicipalities(page)).toBe(7);
    await expectAccessible(page, 'instellingen');

    // Overview: description, municipalities with NIS code and postal codes, module tiles, role.
    const regionNav = page.getByRole('navigation', { name: 'Navigatie binnen de regio' });
    await regionNav.getByRole('link', { name: 'Overzicht' }).click();
    await waitForHeading(page, SOUTH.name);
    expect(await focusedTag(page)).toBe('H1');
    await page.getByText(description).waitFor();
    await page.getByText('Jouw rol: Regisseur (beheerder)').waitFor();
    const ieperRow = page.getByRole('row', { name: /Ieper/ });
    expect(await ieperRow.textContent()).toContain('33011');
    expect(await ieperRow.textContent()).toContain('8900');
    // Only the modules that exist: no tile or menu item leads to an empty page.
    expect(await page.getByRole('main').getByRole('link', { name: 'Plannen' }).count()).toBe(1);
    expect(await page.getByRole('main').getByRole('link', { name: 'Uitleendienst' }).count()).toBe(1);
    expect(await page.getByRole('main').getByRole('link', { name: 'Coöperatie' }).count()).toBe(1);
    expect(await page.getByRole('main').getByRole('link', { name: 'Aanbod' }).count()).toBe(1);
    expect(await regionNav.getByRole('link', { name: 'Makelaardij' }).count()).toBe(1);
    await expectAccessible(page, 'regio-overzicht');

    // Users: members, role change, invitation with a link to pass on, revoke, remove with confirmation.
    await regionNav.getByRole('link', { name: 'Gebruikers' }).click();
    await waitForHeading(page, 'Gebruikers van de regio');
    const members = page.getByRole('table', { name: /Leden/ });
    await members.waitFor();
    const memberText = (await members.textContent()) ?? '';
    for (const name of ['Ruth Regisseur (jij)', 'Pieter Partner', 'Sara Stuurgroep']) expect(memberText).toContain(name);

    const pieterRole = page.getByRole('combobox', { name: 'Rol van Pieter Partner' });
    expect(await pieterRole.inputValue()).toBe('editor');
    await pieterRole.selectOption('steering');
    await page.getByText('De rol is aangepast.').waitFor();
    await page.reload();
    await waitForHeading(page, 'Gebruikers van de regio');
    expect(await page.getByRole('combobox', { name: 'Rol van Pieter Partner' }).inputValue()).toBe('steering');
    await page.getByRole('combobox', { name: 'Rol van Pieter Partner' }).selectOption('editor');
    await page.getByText('De rol is aangepast.').waitFor();

    const inviteSection = page.getByRole('region', { name: 'Iemand uitnodigen' });
    await inviteSection.getByLabel('E-mailadres').fill('nieuwe.partner@example.be');
    await inviteSection.getByLabel('Rol').selectOption({ label: 'Partnerorganisatie (redacteur)' });
    await inviteSection.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    const inviteLinkField = page.getByLabel('Uitnodigingslink');
    await inviteLinkField.waitFor();
    expect(await inviteLinkField.getAttribute('readonly')).not.toBeNull();
    const inviteUrl = await inviteLinkField.inputValue();
    expect(inviteUrl).toMatch(/\/uitnodiging\/[\w-]{20,}$/);
    const invitations = page.getByRole('table', { name: 'Openstaande uitnodigingen' });
    await invitations.getByRole('rowheader', { name: 'nieuwe.partner@example.be' }).waitFor();
    await expectAccessible(page, 'gebruikers met uitnodigingslink');

    await inviteSection.getByLabel('E-mailadres').fill('vergissing@example.be');
    await inviteSection.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await invitations.getByRole('rowheader', { name: 'vergissing@example.be' }).waitFor();
    await invitations.getByRole('button', { name: 'Intrekken vergissing@example.be' }).click();
    await page.getByText('De uitnodiging voor vergissing@example.be is ingetrokken.').waitFor();
    await invitations.getByRole('rowheader', { name: 'vergissing@example.be' }).waitFor({ state: 'detached' });

    const removeSara = page.getByRole('button', { name: 'Verwijderen Sara Stuurgroep' });
    await removeSara.click();
    const dialog = page.getByRole('dialog', { name: 'Lid verwijderen' });
    await dialog.getByText('Sara Stuurgroep verwijderen uit deze regio?').waitFor();
    expect(await focusedText(page)).toBe('Annuleren');
    await expectAccessible(page, 'bevestiging verwijderen');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await members.textContent()).toContain('Sara Stuurgroep');
    await removeSara.click();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Sara Stuurgroep is uit de regio verwijderd.').waitFor();
    await members.getByRole('rowheader', { name: 'Sara Stuurgroep' }).waitFor({ state: 'detached' });

    // The invited person opens the link in another browser, creates an account and lands in the region.
    const invitee = await openPage(browser);
    await invitee.page.goto(url(new URL(inviteUrl).pathname));
    await waitForHeading(invitee.page, `Uitnodiging voor ${SOUTH.name}`);
    await invitee.page.getByText('Je bent uitgenodigd als Partnerorganisatie (redacteur)').waitFor();
    await expectAccessible(invitee.page, 'uitnodiging aanvaarden');
    await invitee.page.getByLabel('Je naam').fill('Nina Nieuw');
    await invitee.page.getByLabel('Nieuw wachtwoord').fill('kort');
    await invitee.page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await invitee.page.getByText('Kies een wachtwoord van minstens 10 tekens.').first().waitFor();
    expect(await invitee.page.getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(invitee.page, 'uitnodiging met fout');
    await invitee.page.getByLabel('Nieuw wachtwoord').fill('een-lang-genoeg-wachtwoord');
    await invitee.page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await invitee.page.waitForURL(url(`/r/${SOUTH.slug}`));
    await invitee.page.getByText(`Welkom! Je bent nu lid van ${SOUTH.name}.`).waitFor();
    await invitee.page.getByText('Jouw rol: Partnerorganisatie (redacteur)').waitFor();
    await expectAccessible(invitee.page, 'regio na aanvaarde uitnodiging');
    await invitee.context.close();

    await page.reload();
    await waitForHeading(page, 'Gebruikers van de regio');
    await page.getByRole('table', { name: /Leden/ }).getByRole('rowheader', { name: 'Nina Nieuw' }).waitFor();
    await page.getByText('Geen openstaande uitnodigingen.').waitFor();

    // Account page.
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await waitForHeading(page, 'Mijn account');
    await page.getByText(demoUsers.admin.email).waitFor();
    const memberships = page.getByRole('region', { name: 'Mijn regio’s en rollen' });
    expect(await memberships.textContent()).toContain(`${SOUTH.name} — Regisseur (beheerder)`);
    expect(await memberships.textContent()).toContain(`${WESTHOEK.name} — Regisseur (beheerder)`);
    await expectAccessible(page, 'mijn account');

    // The switcher keeps the module when switching regions; a module that does not exist is not found.
    await switchRegion(page, SOUTH.name);
    await page.waitForURL(url(`/r/${SOUTH.slug}`));
    await regionNav.getByRole('link', { name: 'Plannen' }).click();
    await page.waitForURL(url(`/r/${SOUTH.slug}/plannen`));
    expect(await regionNav.getByRole('link', { name: 'Plannen' }).getAttribute('aria-current')).toBe('page');
    await switchRegion(page, WESTHOEK.name);
    await page.waitForURL(url(`/r/${WESTHOEK.slug}/plannen`));
    await page.goto(url(`/r/${WESTHOEK.slug}/bestaat-niet`));
    await waitForHeading(page, 'Pagina niet gevonden');
    await expectAccessible(page, 'module die niet bestaat');

    // Log out: back to the start page with the login link.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByText('Je bent afgemeld.').waitFor();
    await waitForHeading(page, 'Regio’s');
    await page.getByRole('banner').getByRole('link', { name: 'Aanmelden' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mijn account' }).count()).toBe(0);
    await expectAccessible(page, 'afgemeld');

    await context.close();
  });

  test('a stale settings save shows the conflict and never overwrites the other edit', async () => {
    const first = await openPage(browser);
    const second = await openPage(browser);
    await logInViaForm(first.page, demoUsers.admin);
    await logInViaForm(second.page, demoUsers.admin);
    for (const { page } of [first, second]) {
      await page.goto(url(`/r/${WESTHOEK.slug}/instellingen`));
      await selectedCount(page).waitFor();
      await expectAccessible(page, 'instellingen westhoek');
    }

    await first.page.getByLabel('Beschrijving').fill('Versie van de eerste regisseur.');
    await first.page.getByRole('button', { name: 'Opslaan' }).click();
    await first.page.getByText('De instellingen zijn opgeslagen.').waitFor();

    await second.page.getByLabel('Beschrijving').fill('Versie van de tweede regisseur.');
    await second.page.getByLabel('Diksmuide', { exact: true }).uncheck();
    await second.page.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = second.page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze instellingen intussen gewijzigd.' });
    await conflict.waitFor();
    const comparison = (await conflict.textContent()) ?? '';
    expect(comparison).toContain('Versie van de eerste regisseur.');
    expect(comparison).toContain('Versie van de tweede regisseur.');
    // The user's own edits stay in the form until they choose.
    expect(await second.page.getByLabel('Beschrijving').inputValue()).toBe('Versie van de tweede regisseur.');
    expect(await second.page.getByText('De instellingen zijn opgeslagen.').count()).toBe(0);
    await expectAccessible(second.page, 'instellingen met conflict');

    await conflict.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await second.page.getByLabel('Beschrijving').inputValue()).toBe('Versie van de eerste regisseur.');
    expect(await second.page.getByLabel('Diksmuide', { exact: true }).isChecked()).toBe(true);
    await second.page.getByLabel('Beschrijving').fill('Versie van de tweede regisseur, na overleg.');
    await second.page.getByRole('button', { name: 'Opslaan' }).click();
    await second.page.getByText('De instellingen zijn opgeslagen.').waitFor();

    await first.page.reload();
    await selectedCount(first.page).waitFor();
    expect(await first.page.getByLabel('Beschrijving').inputValue()).toBe('Versie van de tweede regisseur, na overleg.');

    await first.context.close();
    await second.context.close();
  });

  test('the language switch changes the interface, also in the account', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(url('/'));
    await waitForHeading(page, 'Regio’s');
    await page.getByRole('combobox', { name: 'Taal' }).focus();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await waitForHeading(page, 'Regions');
    // Keyboard focus stays on the picker, now labelled in English.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language-switch');
    await page.getByRole('combobox', { name: 'Language' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Regions · Regiekamer');
    await page.getByText('18 municipalities').waitFor();
    await expectAccessible(page, 'home (English)');

    // Remembered on this device; the server answers in English too.
    await page.reload();
    await waitForHeading(page, 'Regions');
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
    await waitForHeading(page, 'Log in');
    await page.getByLabel('E-mail address').fill(demoUsers.viewer.email);
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The e-mail address or password is incorrect.').waitFor();
    await expectAccessible(page, 'log in (English)');

    // After login the account's language (Dutch) applies; switching stores English in the account.
    await page.getByLabel('Password', { exact: true }).fill(demoUsers.viewer.password);
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await waitForHeading(page, 'Regio’s');
    await expectAccessible(page, 'home (aangemeld als lezer)');
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await waitForHeading(page, 'Regions');
    await context.close();

    const fresh = await openPage(browser);
    await fresh.page.goto(url('/aanmelden'));
    await waitForHeading(fresh.page, 'Aanmelden');
    await fresh.page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers.viewer.email);
    await fresh.page.getByLabel('Wachtwoord', { exact: true }).fill(demoUsers.viewer.password);
    await fresh.page.getByRole('main').getByRole('button', { name: 'Aanmelden' }).click();
    await waitForHeading(fresh.page, 'Regions');
    await fresh.page.getByRole('link', { name: 'My account' }).click();
    await waitForHeading(fresh.page, 'My account');
    expect(await fresh.page.getByLabel('Interface language').inputValue()).toBe('en');
    await expectAccessible(fresh.page, 'account (English)');
    // The picker in the header (the account form has its own language field).
    await fresh.page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await waitForHeading(fresh.page, 'Mijn account');
    expect(await fresh.page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(fresh.page, 'mijn account (terug in het Nederlands)');
    await fresh.context.close();
  });

  test('members without the admin role see no admin links and get a clear "no access"', async () => {
    const { context, page } = await openPage(browser);
    await logInViaForm(page, demoUsers.editor, `/r/${SOUTH.slug}`);
    await waitForHeading(page, SOUTH.name);
    await page.getByText('Jouw rol: Partnerorganisatie (redacteur)').waitFor();
    await expectAccessible(page, 'regio-overzicht als partner');
    const regionNav = page.getByRole('navigation', { name: 'Navigatie binnen de regio' });
    expect(await regionNav.getByRole('link', { name: 'Netwerk' }).count()).toBe(1);
    expect(await regionNav.getByRole('link', { name: 'Instellingen' }).count()).toBe(0);
    expect(await regionNav.getByRole('link', { name: 'Gebruikers' }).count()).toBe(0);
    // Only the editor's own region is listed in the switcher.
    await regionSwitcher(page).getByRole('button').click();
    expect(await regionSwitcher(page).getByRole('link').allTextContents()).toEqual([SOUTH.name]);
    await page.keyboard.press('Escape');

    for (const path of ['instellingen', 'gebruikers']) {
      await page.goto(url(`/r/${SOUTH.slug}/${path}`));
      await page.getByText('Je hebt geen toegang tot deze pagina.').waitFor();
      await expectAccessible(page, `${path} zonder rechten`);
    }
    await context.close();
  });

  test('an existing user accepts an invitation after logging in', async () => {
    const admin = await openPage(browser);
    await logInViaForm(admin.page, demoUsers.admin, `/r/${SOUTH.slug}/gebruikers`);
    await waitForHeading(admin.page, 'Gebruikers van de regio');
    const inviteSection = admin.page.getByRole('region', { name: 'Iemand uitnodigen' });
    await inviteSection.getByLabel('E-mailadres').fill(demoUsers.steering.email);
    await inviteSection.getByLabel('Rol').selectOption('steering');
    await inviteSection.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    const invitePath = new URL(await admin.page.getByLabel('Uitnodigingslink').inputValue()).pathname;
    await admin.context.close();

    const { context, page } = await openPage(browser);
    await page.goto(url(invitePath));
    await waitForHeading(page, `Uitnodiging voor ${SOUTH.name}`);
    await page.getByText(`Je hebt al een account. Meld je aan met ${demoUsers.steering.email} om de uitnodiging te aanvaarden.`).waitFor();
    await expectAccessible(page, 'uitnodiging voor een bestaand account');
    await page.getByRole('main').getByRole('link', { name: 'Aanmelden' }).click();
    await waitForHeading(page, 'Aanmelden');
    await page.getByLabel('E-mailadres', { exact: true }).fill(demoUsers.steering.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(demoUsers.steering.password);
    await page.getByRole('main').getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(url(invitePath));
    await expectAccessible(page, 'uitnodiging aanvaarden als aangemelde gebruiker');
    await page.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
    await page.waitForURL(url(`/r/${SOUTH.slug}`));
    await page.getByText('Jouw rol: Stuurgroeplid').waitFor();
    await expectAccessible(page, 'regio na aanvaarde uitnodiging (bestaand account)');
    await context.close();
  });

  test('password pages: request a link, and a clear message for an invalid link', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(url('/aanmelden'));
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await waitForHeading(page, 'Wachtwoord vergeten');
    await expectAccessible(page, 'wachtwoord vergeten');
    await page.getByLabel('E-mailadres').fill('iemand@example.be');
    await page.getByRole('button', { name: 'Link aanvragen' }).click();
    await page.getByText('Als dit adres bij een account hoort, is er een link verstuurd.', { exact: false }).waitFor();

    await page.goto(url('/wachtwoord-herstellen/dit-is-geen-geldig-token'));
    await waitForHeading(page, 'Nieuw wachtwoord kiezen');
    await page.getByLabel('Nieuw wachtwoord').fill('een-nieuw-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByRole('alert').getByText('Deze link is ongeldig, verlopen of al gebruikt.').waitFor();
    await expectAccessible(page, 'wachtwoord herstellen met ongeldige link');
    await context.close();
  });

  test('unknown pages and regions show a not-found page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(url('/bestaat-niet'));
    await waitForHeading(page, 'Pagina niet gevonden');
    await expectAccessible(page, 'pagina niet gevonden');
    await page.goto(url('/r/bestaat-niet'));
    await waitForHeading(page, 'Pagina niet gevonden');
    await page.getByText('Deze regio bestaat niet.').waitFor();
    await page.goto(url(`/r/${SOUTH.slug}/geen-module`));
    await waitForHeading(page, 'Pagina niet gevonden');
    await expectAccessible(page, 'onbekende module');
    await context.close();
  });

  test('on a phone the navigation collapses behind a menu button', async () => {
    const { context, page } = await openPage(browser, { width: 390, height: 844 });
    await page.goto(url(`/r/${WESTHOEK.slug}`));
    await waitForHeading(page, WESTHOEK.name);
    const toggle = page.getByRole('button', { name: 'Menu' });
    const plansLink = page.getByRole('navigation', { name: 'Navigatie binnen de regio' }).getByRole('link', { name: 'Plannen' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await plansLink.isVisible()).toBe(false);
    await expectAccessible(page, 'regio-overzicht op gsm');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await plansLink.waitFor();
    await expectAccessible(page, 'menu open op gsm');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focusedText(page)).toBe('Menu');

    await toggle.click();
    await plansLink.click();
    await waitForHeading(page, 'Plannen');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await heading(page, 'Plannen').isVisible()).toBe(true);
    await expectAccessible(page, 'plannen op gsm');
    await context.close();
  });
});
