import { describe, expect, test } from 'vitest';
import { expectAccessible } from './axe';
import { demoUsers, logInViaForm, openPage, url, useBrowser, waitForHeading } from './browser';

const browser = useBrowser();

const CO7 = 'zuidelijke-westhoek';
const CO7_PLAN = 'Demo-actieplan bovenlokale cultuurwerking CO7 2021';
// In the demo plan DVV Westhoek is a partner in actions 3, 11 and 12, linked to its actor by name.
const ACTOR = 'DVV Westhoek';

describe('partners, linked both ways between plans and the network map', () => {
  test('a visitor goes from an actor to its plan actions, and from the plan partners back to the actor', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(url(`/r/${CO7}/netwerk`));
    await waitForHeading(page, 'Actoren');
    await page.getByLabel('Zoeken').fill('DVV');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByRole('link', { name: ACTOR, exact: true }).click();
    await waitForHeading(page, ACTOR);

    const section = page.getByRole('region', { name: 'In actieplannen' });
    await section.getByRole('heading', { name: CO7_PLAN }).waitFor();
    const actionLinks = section.getByRole('listitem').getByRole('link');
    await expect.poll(() => actionLinks.count()).toBe(3);
    const texts = await section.getByRole('listitem').allTextContents();
    expect(texts.map((text) => text.split(' ')[0])).toEqual(['3', '11', '12']);
    // Each action with its SD/OD code and status.
    for (const text of texts) expect(text).toMatch(/\(SD\d+ · OD\d+\.\d+\) · (Gepland|Lopend|Afgerond|Uitgesteld|Geschrapt)$/);
    await expectAccessible(page, 'actor met actieplannen');

    const first = actionLinks.first();
    const title = (await first.textContent())!.replace(/^3 /, '');
    await first.click();
    await waitForHeading(page, `Nr. 3 — ${title}`);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/r/${CO7}/plannen/[0-9a-f-]{36}/acties/[0-9a-f-]{36}$`));
    await page.getByText('DVV Westhoek').first().waitFor();

    // The plan's Partners tab: the same actor with its three actions, and names not linked yet.
    await page.getByRole('link', { name: 'Terug naar het plan' }).click();
    await waitForHeading(page, CO7_PLAN);
    await page.getByRole('link', { name: 'Partners', exact: true }).click();
    await waitForHeading(page, `Partners: ${CO7_PLAN}`);
    const table = page.getByRole('table', { name: /Partners en de acties/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ACTOR }) });
    expect(await row.getByRole('cell').first().textContent()).toBe('3');
    expect(await row.getByRole('cell').nth(1).getByRole('link').count()).toBe(3);
    const unlinked = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Culturele actoren/ }) });
    await unlinked.getByText('niet gekoppeld', { exact: true }).waitFor();
    // A visitor may not link: no link column, no forms.
    expect(await page.getByRole('main').getByRole('combobox').count()).toBe(0);
    // Most actions first.
    const counts = (await table.locator('tbody tr td.numeric').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expectAccessible(page, 'partners van het plan');

    await row.getByRole('rowheader').getByRole('link', { name: ACTOR }).click();
    await waitForHeading(page, ACTOR);
    await context.close();
  });

  test('the regisseur links a partner name to an actor from the Partners tab', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/plannen`);
    await page.getByRole('link', { name: CO7_PLAN }).click();
    await waitForHeading(page, CO7_PLAN);
    await page.getByRole('link', { name: 'Partners', exact: true }).click();
    await waitForHeading(page, `Partners: ${CO7_PLAN}`);
    const table = page.getByRole('table', { name: /Partners en de acties/ });
    const unlinkedBefore = await table.getByText('niet gekoppeld', { exact: true }).count();
    // Submitting without a choice explains what is missing instead of linking anything.
    await page.getByRole('button', { name: 'Koppelen Culturele actoren' }).click();
    await page.getByText('Kies eerst een actor voor Culturele actoren.').waitFor();
    await expectAccessible(page, 'partners van het plan (regisseur)');

    // Search the network map, pick an actor, link: the row becomes that actor, linked to its page.
    const picker = page.getByRole('combobox', { name: 'Actor van de netwerkkaart voor Culturele actoren' });
    await picker.fill('Erfgoedcel');
    await page.getByRole('option', { name: /^Erfgoedcel CO7/ }).click();
    await page.getByRole('button', { name: 'Koppelen Culturele actoren' }).click();
    await page.getByText('Culturele actoren is gekoppeld aan Erfgoedcel CO7.').waitFor();
    const linkedRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Erfgoedcel CO7' }) });
    await linkedRow.getByRole('rowheader').getByRole('link', { name: 'Erfgoedcel CO7' }).waitFor();
    await expect.poll(() => table.getByText('niet gekoppeld', { exact: true }).count()).toBe(unlinkedBefore - 1);
    await expectAccessible(page, 'partners van het plan na koppelen');

    // Other sides: the actor page lists the action now.
    await linkedRow.getByRole('rowheader').getByRole('link', { name: 'Erfgoedcel CO7' }).click();
    await waitForHeading(page, 'Erfgoedcel CO7');
    await page.getByRole('region', { name: 'In actieplannen' }).getByRole('heading', { name: CO7_PLAN }).waitFor();

    // Leave the shared demo data as it was for the other browser tests: unlink again through the API.
    const restored = await page.evaluate(async ({ slug, title }) => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      // Other browser tests import plans into this region too: find the demo plan by its title.
      const plans = (await (await fetch(`/api/regions/${slug}/plans`)).json()) as { items: { id: string; title: string }[] };
      const planId = plans.items.find((plan) => plan.title === title)!.id;
      const overview = (await (await fetch(`/api/regions/${slug}/plans/${planId}/partners`)).json()) as { items: { name: string; partnerIds: string[] }[] };
      const ids = overview.items.find((item) => item.name === 'Erfgoedcel CO7')!.partnerIds;
      const statuses: number[] = [];
      for (const id of ids) {
        const response = await fetch(`/api/regions/${slug}/plans/${planId}/partners/${id}/link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ actorId: null }),
        });
        statuses.push(response.status);
      }
      return statuses;
    }, { slug: CO7, title: CO7_PLAN });
    expect(restored.length).toBeGreaterThan(0);
    expect(restored.every((status) => status === 200)).toBe(true);
    await context.close();
  });

  test('the regisseur accepts a suggested link with one click, for every action that names the partner', async () => {
    const { context, page } = await openPage(browser());
    await logInViaForm(page, demoUsers.admin, `/r/${CO7}/plannen`);
    await page.getByRole('link', { name: CO7_PLAN }).click();
    await waitForHeading(page, CO7_PLAN);
    await page.getByRole('link', { name: 'Partners', exact: true }).click();
    await waitForHeading(page, `Partners: ${CO7_PLAN}`);
    const table = page.getByRole('table', { name: /Partners en de acties/ });
    // The demo seeding accepted the confident suggestions: "stad Ieper" is Cultuurdienst Ieper.
    expect(await table.getByRole('rowheader', { name: 'stad Ieper' }).count()).toBe(0);
    await table.getByRole('rowheader', { name: 'Cultuurdienst Ieper' }).first().waitFor();
    // "Gemeentelijke diensten" (actions 1 and 16) gets possible services as suggestions.
    const button = page.getByRole('button', { name: 'Koppelen aan Cultuurdienst Poperinge (Gemeentelijke diensten)' });
    await button.waitFor();
    await expectAccessible(page, 'partners met voorstellen');
    await button.click();
    await page.getByText('Gemeentelijke diensten is gekoppeld aan Cultuurdienst Poperinge.').waitFor();
    await expect.poll(() => table.getByRole('rowheader', { name: /^Gemeentelijke diensten/ }).count()).toBe(0);

    // Leave the demo data as it was: unlink the rows written "Gemeentelijke diensten" again.
    const restored = await page.evaluate(async ({ slug, title }) => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const plans = (await (await fetch(`/api/regions/${slug}/plans`)).json()) as { items: { id: string; title: string }[] };
      const planId = plans.items.find((plan) => plan.title === title)!.id;
      type Detail = { goals: { objectives: { actions: { number: string; partners: { id: string; name: string; actorId: string | null }[] }[] }[] }[] };
      const detail = (await (await fetch(`/api/regions/${slug}/plans/${planId}`)).json()) as Detail;
      const rows = detail.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions.map((action) => ({ number: action.number, partners: action.partners }))));
      const linked = rows.flatMap((action) => action.partners.filter((partner) => partner.name === 'Gemeentelijke diensten' && partner.actorId).map((partner) => ({ number: action.number, id: partner.id })));
      const statuses: number[] = [];
      for (const { id } of linked) {
        const response = await fetch(`/api/regions/${slug}/plans/${planId}/partners/${id}/link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ actorId: null }),
        });
        statuses.push(response.status);
      }
      return { numbers: linked.map((row) => row.number), statuses };
    }, { slug: CO7, title: CO7_PLAN });
    expect(restored.numbers).toEqual(['1', '16']);
    expect(restored.statuses).toEqual([200, 200]);
    await context.close();
  });
});
