import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA_FILE, generateClientTypes, loadOpenApiDocument } from './client-types.js';

describe('client API types', () => {
  it('client/api/schema.d.ts is what the current routes generate (else: npm run generate:api)', async () => {
    const committed = await readFile(CLIENT_SCHEMA_FILE, 'utf8');
    const fresh = await generateClientTypes();
    // Compare line by line first, so a failure names the first route that moved on.
    const committedLines = committed.split('\n');
    const firstDifference = fresh.split('\n').findIndex((line, index) => line !== committedLines[index]);
    expect(firstDifference, 'client/api/schema.d.ts is stale: run `npm run generate:api` and commit it').toBe(-1);
    expect(fresh).toBe(committed);
  });

  it('every operation declares a success response the types can use', async () => {
    const document = (await loadOpenApiDocument()) as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: object }> }> }>> };
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (success.length === 0) untyped.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(untyped).toEqual([]);
    expect(Object.keys(document.paths)).toContain('/api/regions/{slug}/actors');
  });
});
