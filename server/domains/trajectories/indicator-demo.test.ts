import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from '../demo/seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

describe('the demo plan', () => {
  it('has indicators that follow the trajectory figures, computed at seeding, once', async () => {
    const rows = await t.database.raw.query<{ source_key: string; source_value: string | null; measurements: number }>(
      `SELECT i.source_key, i.source_value::text, (SELECT count(*)::int FROM plan_measurements m WHERE m.indicator_id = i.id) AS measurements
         FROM plan_indicators i WHERE i.source_key IS NOT NULL ORDER BY i.position`,
    );
    expect(rows.map((row) => row.source_key)).toEqual(['trajectories.participants', 'trajectories.uitpasUsed']);
    for (const row of rows) {
      expect(Number(row.source_value)).toBeGreaterThanOrEqual(5);
      expect(row.measurements).toBe(1);
    }
    await seedDemo(t.database.db);
    expect(await t.database.raw.query(`SELECT id FROM plan_indicators WHERE source_key IS NOT NULL`)).toHaveLength(2);
  });
});
