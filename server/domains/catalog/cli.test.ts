import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/run-cli.js';

let workDir: string;
let dataDir: string;
const cli = (...args: string[]) => runCli(dataDir, ...args);
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function event(id: string, overrides: Record<string, unknown> = {}) {
  return {
    '@id': `https://io.uitdatabank.be/event/${id}`,
    name: { nl: `Activiteit ${id}` },
    calendarType: 'single',
    startDate: soon(3),
    location: { address: { nl: { postalCode: '8900', addressLocality: 'Ieper' } } },
    labels: ['één taalicoon'],
    ...overrides,
  };
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'regiekamer-catalog-cli-'));
  dataDir = join(workDir, 'data');
  const created = cli('create-region', '--slug', 'cli-aanbod', '--name', 'CLI-aanbod', '--municipalities', '33011,33021');
  if (created.code !== 0) throw new Error(created.stderr);
}, 240_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npx regiekamer import-offers', () => {
  it('prints exactly one JSON document; --dry-run writes nothing; the same @id again updates; a broken event blocks everything', { timeout: 300_000 }, () => {
    const file = join(workDir, 'events.json');
    writeFileSync(file, JSON.stringify({ member: [event('a'), event('b'), event('c', { location: { address: { nl: { postalCode: '9000', addressLocality: 'Gent' } } } })] }));
    const dry = cli('import-offers', file, '--region', 'cli-aanbod', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const summary = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['created', 'updated', 'skipped', 'errors']);
    expect(summary).toEqual({ created: 2, updated: 0, skipped: 1, errors: [] });

    const real = cli('import-offers', file, '--region', 'cli-aanbod', '--json');
    expect(JSON.parse(real.stdout)).toEqual({ created: 2, updated: 0, skipped: 1, errors: [] });
    const again = cli('import-offers', file, '--region', 'cli-aanbod', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 2, skipped: 1, errors: [] });

    writeFileSync(file, JSON.stringify([event('d'), event('e', { name: {} })]));
    const broken = cli('import-offers', file, '--region', 'cli-aanbod', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ created: 1, updated: 0, skipped: 0, errors: [{ id: 'https://io.uitdatabank.be/event/e', message: 'Het evenement heeft geen naam.' }] });
    // Nothing of the blocked file was written: d is still new.
    writeFileSync(file, JSON.stringify([event('d')]));
    expect(JSON.parse(cli('import-offers', file, '--region', 'cli-aanbod', '--json', '--dry-run').stdout)).toMatchObject({ created: 1 });
  });

  it('answers a file that is not JSON in Dutch, with nothing on stdout', { timeout: 120_000 }, () => {
    const file = join(workDir, 'kapot.json');
    writeFileSync(file, '{"member": [');
    const result = cli('import-offers', file, '--region', 'cli-aanbod', '--json');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Het bestand is geen geldige JSON');
  });
});
