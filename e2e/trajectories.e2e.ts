import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();
const WESTHOEK = 'westhoek';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const referrer = { email: 'trajectbegeleider@demo.regiekamer.be', password: 'regiekamer-trajectbegeleider' };
const coach = { email: 'coach@demo.regiekamer.be', password: 'regiekamer-coach' };
const library = { email: 'bibliotheek@demo.regiekamer.be', password: 'regiekamer-partner' };

describe('trajectories', () => {
  test('a trajectbegeleider refers, the coach picks a suggested place, the organiser accepts, hours are logged; the admin sees only figures', async () => {
    // The AgII trajectbegeleider refers a newcomer to the demo coach.
    const agii = await openPage(browser());
    await logInViaForm(agii.page, referrer, `/r/${WESTHOEK}/trajecten/verwijzen`);
    await waitForHeading(agii.page, 'Een inburgeraar verwijzen');
    await agii.page.getByLabel('Voornaam (niet verplicht)').fill('Rania');
    await agii.page.getByLabel('Woonplaats (gemeente)').selectOption({ label: 'Ieper' });
    await agii.page.getByLabel('Arabisch').check();
    await agii.page.getByLabel('Niveau Nederlands').selectOption({ label: 'A1 (beginner)' });
    await agii.page.getByLabel('Taal en ontmoeting').check();
    await agii.page.getByLabel('Verplaatst zich').selectOption({ label: 'met de fiets' });
    await agii.page.getByLabel('dinsdag').check();
    await agii.page.getByLabel('Coach', { exact: true }).selectOption({ label: 'Chaima Coach' });
    // Without consent the referral is refused, with the reason at the field.
    await agii.page.getByRole('button', { name: 'Verwijzen', exact: true }).click();
    await agii.page.getByRole('alert').getByText('Zonder toestemming').first().waitFor();
    await agii.page.getByLabel('De inburgeraar gaf toestemming').check();
    await agii.page.getByRole('button', { name: 'Verwijzen', exact: true }).click();
    const done = agii.page.getByText(/Verwezen als TR-[A-Z2-9]{6}\./);
    await done.waitFor();
    const code = /TR-[A-Z2-9]{6}/.exec((await done.textContent()) ?? '')![0];
    await expectAccessible(agii.page, 'verwijzen');
    if (SCREENSHOTS) await agii.page.screenshot({ path: `${SCREENSHOTS}/traject-refer-1280.png`, fullPage: true });
    await agii.page.goto(url(`/r/${WESTHOEK}/trajecten`));
    await waitForHeading(agii.page, 'Mijn verwijzingen');
    await agii.page.getByRole('row').filter({ hasText: code }).getByText('Chaima Coach').waitFor();
    await agii.context.close();

    // The coach, on a phone, sees the new participant among their own and opens the record.
    const own = await openPage(browser());
    await logInViaForm(own.page, coach, `/r/${WESTHOEK}/trajecten`);
    await own.page.setViewportSize({ width: 390, height: 844 });
    await waitForHeading(own.page, 'Mijn deelnemers');
    await own.page.getByRole('row').filter({ hasText: 'Amina' }).waitFor();
    await expectAccessible(own.page, 'mijn deelnemers');
    if (SCREENSHOTS) await own.page.screenshot({ path: `${SCREENSHOTS}/traject-list-390.png`, fullPage: true });
    await own.page.getByRole('link', { name: code }).click();
    await waitForHeading(own.page, `${code} · Rania`);
    const taalcafe = own.page.getByRole('region', { name: 'Taalcafé in de bib' });
    await taalcafe.getByText('Past bij de interesses: Taal en ontmoeting').waitFor();
    await taalcafe.getByText(/Dichtbij: \d+ km/).waitFor();
    await expectAccessible(own.page, 'deelnemer');
    if (SCREENSHOTS) {
      await own.page.screenshot({ path: `${SCREENSHOTS}/traject-participant-390.png`, fullPage: true });
      // The long page in phone-sized pieces, to look at each part.
      for (const [index, section] of ['Gegevens', 'Uren in het traject', 'Suggesties uit het aanbod', 'Toestemmingen'].entries()) {
        await own.page.getByRole('heading', { name: section, exact: true }).scrollIntoViewIfNeeded();
        await own.page.screenshot({ path: `${SCREENSHOTS}/traject-participant-390-${index}.png` });
      }
    }
    await taalcafe.getByLabel('Wat de organisatie best weet').fill('Komt met de fiets; eerste keer samen met de coach.');
    await taalcafe.getByRole('button', { name: 'Kies Taalcafé in de bib' }).click();
    await own.page.getByText('Plaats voorgesteld aan de organisatie.').waitFor();
    await own.page.getByRole('region', { name: 'Taalcafé in de bib' }).getByText('wacht op antwoord').waitFor();

    // The library sees the code only (no consent to share more) and accepts.
    const partner = await openPage(browser());
    await logInViaForm(partner.page, library, `/r/${WESTHOEK}/trajecten`);
    await waitForHeading(partner.page, 'Plaatsen bij mijn organisatie');
    const card = partner.page.getByRole('region', { name: code, exact: true });
    await card.getByText('niet gedeeld').first().waitFor();
    expect(await partner.page.getByText('Rania').count()).toBe(0);
    await expectAccessible(partner.page, 'plaatsen bij mijn organisatie');
    if (SCREENSHOTS) await partner.page.screenshot({ path: `${SCREENSHOTS}/traject-inbox-1280.png`, fullPage: true });
    await card.getByRole('button', { name: 'Aanvaarden' }).click();
    await partner.page.getByText('Antwoord verstuurd.').waitFor();
    await partner.context.close();

    // Back with the coach: hours on the accepted place count towards the 40.
    await own.page.reload();
    await waitForHeading(own.page, `${code} · Rania`);
    const placement = own.page.getByRole('region', { name: 'Taalcafé in de bib' });
    await placement.getByText('aanvaard', { exact: true }).waitFor();
    await placement.getByLabel('Uren', { exact: true }).fill('2,5');
    await placement.getByRole('button', { name: 'Uren registreren' }).click();
    await own.page.getByText('Uren geregistreerd.').waitFor();
    await own.page.getByText('2,5 van 40 uur').first().waitFor();
    const participantUrl = own.page.url();
    await own.context.close();

    // The regisseur sees figures and codes, never names, and cannot open the record.
    const admin = await openPage(browser());
    await logInViaForm(admin.page, demoUsers.admin, `/r/${WESTHOEK}/trajecten/cijfers`);
    await waitForHeading(admin.page, 'Cijfers over de trajecten');
    await admin.page.getByRole('table').first().getByRole('rowheader', { name: 'Ieper' }).waitFor();
    await admin.page.getByText('TR-R5H8EZ', { exact: true }).waitFor();
    const text = (await admin.page.getByRole('main').textContent()) ?? '';
    for (const name of ['Rania', 'Amina', 'Omar']) expect(text).not.toContain(name);
    await expectAccessible(admin.page, 'cijfers');
    if (SCREENSHOTS) await admin.page.screenshot({ path: `${SCREENSHOTS}/traject-monitoring-1280.png`, fullPage: true });
    await admin.page.setViewportSize({ width: 390, height: 844 });
    if (SCREENSHOTS) await admin.page.screenshot({ path: `${SCREENSHOTS}/traject-monitoring-390.png`, fullPage: true });
    await admin.page.goto(participantUrl);
    await admin.page.getByText('niet gevonden', { exact: false }).first().waitFor();
    expect(await admin.page.getByText('Rania').count()).toBe(0);
    await admin.context.close();
  });

  test('the regisseur sets purpose and retention; the coach downloads the record as PDF and sees who else looked at it', async () => {
    // The regisseur: a wrong number is refused at the field, a right one saved.
    const admin = await openPage(browser());
    await logInViaForm(admin.page, demoUsers.admin, `/r/${WESTHOEK}/trajecten`);
    const panel = admin.page.getByRole('region', { name: 'Doel en bewaartermijn' });
    await panel.waitFor();
    await panel.getByLabel('Doel van de verwerking').fill('Een passende vrijetijdsplek vinden en de deelname opvolgen.');
    await panel.getByLabel('Bewaartermijn (maanden na de evaluatie)').fill('0');
    await panel.getByRole('button', { name: 'Bewaren' }).click();
    await panel.getByRole('alert').getByText('Geef een aantal maanden tussen 1 en 120.').first().waitFor();
    await panel.getByLabel('Bewaartermijn (maanden na de evaluatie)').fill('18');
    await panel.getByRole('button', { name: 'Bewaren' }).click();
    await admin.page.getByText('Doel en bewaartermijn zijn bewaard.').waitFor();
    await admin.page.reload();
    await expect.poll(() => admin.page.getByLabel('Bewaartermijn (maanden na de evaluatie)').inputValue()).toBe('18');
    await expectAccessible(admin.page, 'doel en bewaartermijn');
    if (SCREENSHOTS) {
      await admin.page.screenshot({ path: `${SCREENSHOTS}/traject-privacy-1280.png`, fullPage: true });
      await admin.page.setViewportSize({ width: 390, height: 844 });
      await admin.page.screenshot({ path: `${SCREENSHOTS}/traject-privacy-390.png`, fullPage: true });
    }
    await admin.context.close();

    // The library's partner opens its inbox: a read of the participants placed there.
    const partner = await openPage(browser());
    await logInViaForm(partner.page, library, `/r/${WESTHOEK}/trajecten`);
    await waitForHeading(partner.page, 'Plaatsen bij mijn organisatie');
    await partner.page.getByRole('region', { name: 'Amina (TR-K7M2QA)', exact: true }).waitFor();
    await partner.context.close();

    // The coach opens Amina's record: the PDF downloads, and the read log names the library's partner.
    const own = await openPage(browser());
    await logInViaForm(own.page, coach, `/r/${WESTHOEK}/trajecten`);
    await waitForHeading(own.page, 'Mijn deelnemers');
    await own.page.getByRole('link', { name: 'TR-K7M2QA' }).click();
    await waitForHeading(own.page, 'TR-K7M2QA · Amina');
    const reads = own.page.getByRole('region', { name: 'Wie heeft dit dossier ingekeken' });
    await reads.getByRole('row').filter({ hasText: 'Bea Bibliotheek' }).filter({ hasText: 'plaatsen bij de organisatie' }).first().waitFor();
    expect(await reads.getByText('Amina').count()).toBe(0);
    const [download] = await Promise.all([own.page.waitForEvent('download'), own.page.getByRole('link', { name: 'Alles exporteren (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('deelnemer-TR-K7M2QA.pdf');
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(own.page, 'deelnemer met leeslog');
    if (SCREENSHOTS) {
      await reads.scrollIntoViewIfNeeded();
      await own.page.screenshot({ path: `${SCREENSHOTS}/traject-reads-1280.png` });
      await own.page.setViewportSize({ width: 390, height: 844 });
      await reads.getByRole('table').scrollIntoViewIfNeeded();
      await own.page.screenshot({ path: `${SCREENSHOTS}/traject-reads-390.png` });
    }
    await own.context.close();

    // The second coach sees the participant handed over to them, with the note.
    const second = await openPage(browser());
    await logInViaForm(second.page, { email: 'coach2@demo.regiekamer.be', password: 'regiekamer-coach2' }, `/r/${WESTHOEK}/trajecten`);
    await waitForHeading(second.page, 'Mijn deelnemers');
    await second.page.getByRole('row').filter({ hasText: 'TR-F7A2PV' }).getByText(/Overgedragen door Chaima Coach op \d{2}\/\d{2}\/\d{4}: Overgenomen tijdens het verlof/).waitFor();
    await expectAccessible(second.page, 'overgedragen deelnemer');
    if (SCREENSHOTS) await second.page.screenshot({ path: `${SCREENSHOTS}/traject-handover-1280.png`, fullPage: true });
    await second.context.close();
  });
});
