import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { haveSeeds, SEED_FILES, seedPath } from '../../test/seeds.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/run-cli.js';

const SEED_000 = seedPath(SEED_FILES.co7Plan2021);
let workDir: string;
let dataDir: string;

function cli(...args: string[]) {
  return runCli(dataDir, ...args);
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'regiekamer-plans-cli-'));
  dataDir = join(workDir, 'data');
  const created = cli('create-region', '--slug', 'cli-regio', '--name', 'CLI-regio', '--municipalities', '33011');
  if (created.code !== 0) throw new Error(created.stderr);
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npx regiekamer import-plan and plans', () => {
  it.skipIf(!haveSeeds)('prints exactly one JSON document for seed 000, writes nothing on --dry-run, then imports', () => {
    const dry = cli('import-plan', SEED_000, '--region', 'cli-regio', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const summary = JSON.parse(dry.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['goals', 'objectives', 'actions', 'budgetLines', 'budgetTotalCents', 'milestones', 'partners', 'warnings']);
    expect(summary).toMatchObject({ goals: 5, objectives: 10, actions: 55, budgetLines: 37, budgetTotalCents: 9_176_400, milestones: 0 });
    expect((JSON.parse(cli('plans', '--region', 'cli-regio', '--json').stdout) as { items: unknown[] }).items).toEqual([]);

    const real = cli('import-plan', SEED_000, '--region', 'cli-regio', '--title', 'Actieplan CO7 2021', '--json');
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toEqual(summary);
    const list = JSON.parse(cli('plans', '--region', 'cli-regio', '--json').stdout) as { items: { title: string; status: string; period: unknown }[] };
    expect(list.items).toEqual([expect.objectContaining({ title: 'Actieplan CO7 2021', kind: 'actieplan', status: 'ontwerp', period: { start: 2021, end: 2021 } })]);
  });

  it('exits non-zero with a clear reason on a bad file and an unknown region, writing nothing', () => {
    const bad = join(workDir, 'brief.txt');
    writeFileSync(bad, 'Beste collega,\nhier staat geen plan in.\n');
    const before = cli('plans', '--region', 'cli-regio', '--json').stdout;
    const result = cli('import-plan', bad, '--region', 'cli-regio', '--json');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('geen acties gevonden');
    const good = join(workDir, 'plan.csv');
    writeFileSync(good, 'Nr;Actie;Budget\n1;Iets;100 euro\n');
    const unknown = cli('import-plan', good, '--region', 'bestaat-niet');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('onbekende regio');
    expect(cli('import-plan', join(workDir, 'ontbreekt.csv'), '--region', 'cli-regio').stderr).toContain('kan');
    expect(cli('plans', '--region', 'cli-regio', '--json').stdout).toBe(before);
  });
});
