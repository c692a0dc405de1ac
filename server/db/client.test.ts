import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../test/test-database.js';

describe('PostgreSQL connection pool', () => {
  it.skipIf(inject('testDatabase').kind !== 'postgresql')('survives the server terminating an idle connection', async () => {
    const database = await createTestDatabase();
    try {
      const [me] = await database.raw.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const config = inject('testDatabase');
      if (config.kind !== 'postgresql') return;
      const admin = new pg.Client({ connectionString: config.adminUrl });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [me!.pid]);
      await admin.end();
      // Give the pool a moment to notice, then query again through a fresh connection.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await database.raw.query<{ ok: number }>('SELECT 1 AS ok');
      expect(row?.ok).toBe(1);
    } finally {
      await database.close();
    }
  });
});
