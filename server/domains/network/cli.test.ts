import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/run-cli.js';

let workDir: string;
let dataDir: string;

function cli(...args: string[]) {
  return runCli(dataDir, ...args);
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'regiekamer-network-cli-'));
  dataDir = join(workDir, 'data');
  const created = cli('create-region', '--slug', 'cli-netwerk', '--name', 'CLI-netwerk', '--municipalities', '33011,33021');
  if (created.code !== 0) throw new Error(created.stderr);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npx regiekamer import-actors', () => {
  it('prints exactly one JSON document, writes nothing on --dry-run, refuses a file with errors unless --only-valid', () => {
    const good = join(workDir, 'actoren.csv');
    writeFileSync(good, '\uFEFFnaam;gemeente;sector;werking\nArgos vzw;Ieper;inburgering;Begeleidt nieuwkomers\nAlbatros;Poperinge;Inburgering|Welzijn;Buddywerking\n');
    const dry = cli('import-actors', good, '--region', 'cli-netwerk', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const summary = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['created', 'updated', 'skipped', 'errors']);
    expect(summary).toEqual({ created: 2, updated: 0, skipped: 0, errors: [] });
    expect(dry.stderr).toContain('2 rijen gelezen');

    const real = cli('import-actors', good, '--region', 'cli-netwerk', '--json');
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toEqual({ created: 2, updated: 0, skipped: 0, errors: [] });
    // The same file again: the actors exist, so they are updated instead of doubled.
    expect(JSON.parse(cli('import-actors', good, '--region', 'cli-netwerk', '--json').stdout)).toEqual({ created: 0, updated: 2, skipped: 0, errors: [] });

    const bad = join(workDir, 'fouten.csv');
    writeFileSync(bad, 'naam,gemeente,sector\nDe Wissel,Ieper,welzijn\nOnbekend,Nergenshuizen,welzijn\n');
    const refused = cli('import-actors', bad, '--region', 'cli-netwerk', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ created: 0, updated: 0, skipped: 2, errors: [{ row: 3, field: 'gemeente', message: 'Onbekende gemeente “Nergenshuizen”.' }] });
    const partial = cli('import-actors', bad, '--region', 'cli-netwerk', '--json', '--only-valid');
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout)).toMatchObject({ created: 1, skipped: 1 });
  });

  it('exits non-zero with a clear reason for a missing column or an unknown region', () => {
    const file = join(workDir, 'kapot.csv');
    writeFileSync(file, 'naam;sector\nA;kunsten\n');
    const missing = cli('import-actors', file, '--region', 'cli-netwerk');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('De kolom “gemeente” ontbreekt.');
    const good = join(workDir, 'ok.csv');
    writeFileSync(good, 'naam;gemeente;sector\nA;Ieper;kunsten\n');
    const region = cli('import-actors', good, '--region', 'bestaat-niet');
    expect(region.code).toBe(1);
    expect(region.stderr).toContain('onbekende regio: bestaat-niet');
  });
});
