import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from '../plans/factories.js';
import { offerFactory } from './factories.js';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';

// The catalog's coverage counts feed plan indicators (issue #10: "monitoren aantal activiteiten").

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('a plan indicator that follows the catalog', () => {
  it('offers the coverage counts and follows the current offers and the gaps, drafts and other regions left out', async () => {
    const slug = `aanbodcijfer-${randomUUID().slice(0, 8)}`;
    const region = await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021', '33016'] });
    const other = await regionFactory(t.database.db, { municipalities: ['33011'] });
    const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'admin' });
    const admin = await new ApiClient(t.app).login(email, TEST_PASSWORD);
    await offerFactory(t.database.db, region.id, { title: 'Taalcafé', municipalityNis: '33011', languageIcons: 1, uitpas: true });
    await offerFactory(t.database.db, region.id, { title: 'Koor', municipalityNis: '33011', languageIcons: 3 });
    await offerFactory(t.database.db, region.id, { title: 'Klad', municipalityNis: '33021', status: 'draft' });
    await offerFactory(t.database.db, other.id, { title: 'Elders', municipalityNis: '33011' });

    const sources = (await admin.get(`/api/regions/${slug}/plan-indicator-sources`)).json() as { items: { key: string; label: string }[] };
    expect(sources.items).toEqual(expect.arrayContaining([{ key: 'catalog.current', label: 'Aanbod: actuele activiteiten' }, { key: 'catalog.gaps', label: 'Aanbod: gemeenten zonder aanbod (hiaten)' }, { key: 'buddies.currentDuos', label: 'Buddywerking: lopende duo’s' }]));

    const { id: planId } = await planFactory(t.database.db, region, { status: 'lopend' });
    const base = `/api/regions/${slug}/plans/${planId}`;
    const detail = (await admin.get(base)).json() as PlanDetail;
    const action = [...detail.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...detail.actions][0]!;
    const link = async (name: string, sourceKey: string, version: number) => {
      const created = await admin.post(`${base}/actions/${action.id}/indicators`, { name, unit: 'aantal', baseline: 0, target: 10 });
      const indicatorId = (created.json() as { id: string }).id;
      const linked = await admin.request('PUT', `${base}/indicators/${indicatorId}/source`, { sourceKey, version });
      expect(linked.statusCode, linked.body).toBe(200);
      const after = linked.json() as PlanAction;
      return { value: after.indicators.find((indicator) => indicator.id === indicatorId)!.source!.value, version: after.version, indicatorId };
    };
    const current = await link('Aantal activiteiten', 'catalog.current', action.version);
    expect(current.value).toBe(2);
    const easy = await link('Activiteiten met weinig taal', 'catalog.atMostTwoIcons', current.version);
    expect(easy.value).toBe(1);
    const gaps = await link('Gemeenten zonder aanbod', 'catalog.gaps', easy.version);
    expect(gaps.value).toBe(2);

    // A new offer in Mesen closes a gap; "Nu bijwerken" follows it.
    await offerFactory(t.database.db, region.id, { title: 'Wandeling', municipalityNis: '33016' });
    const refreshed = await admin.post(`${base}/indicators/${gaps.indicatorId}/source/refresh`);
    expect((refreshed.json() as PlanAction).indicators.find((indicator) => indicator.id === gaps.indicatorId)!.source!.value).toBe(1);
  });
});
