import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { createScratchDatabase } from '../db/scratch-database.js';

/**
 * A fresh, migrated database for one test file: PGlite in memory from the run's snapshot, or a
 * PostgreSQL database cloned from the run's template (dropped again on close).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const config = inject('testDatabase');
  if (config.kind === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(config.snapshotPath)]) });
  }
  const scratch = await createScratchDatabase(config.adminUrl, config.prefix, config.template);
  const handle = await openDatabase({ databaseUrl: scratch.url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
