import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock } from '../db/data-dir-lock.js';
import { runCli } from '../test/run-cli.js';

let workDir: string;

const cli = runCli;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'regiekamer-cli-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const START = fileURLToPath(new URL('../../bin/run-ts.mjs', import.meta.url));
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Starts the real server entry point; used only where it must exit before listening. */
function startServer(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [START, MAIN], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr };
}

// Each case starts several real processes (tsx + PGlite boot); under a loaded CI machine that takes a while.
const PROCESS_TIMEOUT = 180_000;

describe('server start-up', { timeout: PROCESS_TIMEOUT }, () => {
  it('stops with a clear message on a bad environment value', () => {
    const result = startServer({ REGIEKAMER_DATA_DIR: join(workDir, 'env'), PORT: 'drieduizend' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ongeldige configuratie');
    expect(result.stderr).toContain('PORT');
  });

  it('refuses to open an embedded database another process holds', () => {
    const dir = join(workDir, 'tweede-server');
    const release = acquireDataDirLock(dir);
    try {
      const result = startServer({ REGIEKAMER_DATA_DIR: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('in gebruik door een ander proces');
    } finally {
      release();
    }
  });
});

describe('npx regiekamer', { timeout: PROCESS_TIMEOUT }, () => {
  it('migrates, creates regions and users, and explains bad arguments in one line', () => {
    const dir = join(workDir, 'basis');
    expect(cli(dir, 'migrate').stdout).toContain('Migraties uitgevoerd');
    expect(cli(dir, 'migrate').stdout).toContain('al bijgewerkt');
    expect(cli(dir, 'create-region', '--slug', 'test-regio', '--name', 'Testregio', '--municipalities', '33011,33021').code).toBe(0);
    const created = cli(dir, 'create-user', '--email', 'Nieuw@Test.be', '--region', 'test-regio', '--role', 'steering', '--password', 'een-goed-wachtwoord');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('nieuw@test.be als steering in test-regio');

    const unknownRegion = cli(dir, 'create-user', '--email', 'x@test.be', '--region', 'bestaat-niet', '--role', 'viewer');
    expect(unknownRegion.code).toBe(1);
    expect(unknownRegion.stderr.trim()).toBe('regiekamer create-user: onbekende regio: bestaat-niet');
    const badRole = cli(dir, 'create-user', '--email', 'x@test.be', '--region', 'test-regio', '--role', 'baas');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('onbekende rol "baas"');
    expect(cli(dir, 'create-user', '--region', 'test-regio', '--role', 'viewer').stderr).toContain('--email is verplicht');
    expect(cli(dir, 'create-user', '--onbekend', 'x').code).toBe(1);
    expect(cli(dir, 'vlieg').code).toBe(2);
  });

  it('refuses a data directory another live process holds, and takes over a stale lock', () => {
    const dir = join(workDir, 'vergrendeld');
    const release = acquireDataDirLock(dir);
    try {
      const refused = cli(dir, 'migrate');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`in gebruik door een ander proces (pid ${process.pid})`);
    } finally {
      release();
    }
    // A lock left behind by a crashed process (its pid no longer exists) is taken over.
    writeFileSync(join(dir, 'regiekamer.lock'), JSON.stringify({ pid: 4_206_649, host: hostname() }));
    expect(cli(dir, 'migrate').code).toBe(0);
  });

  it('backs up and restores between data directories, refusing a non-empty target without --force', () => {
    const source = join(workDir, 'bron');
    const target = join(workDir, 'doel');
    const file = join(workDir, 'backup.json.gz');
    expect(cli(source, 'seed-demo').code).toBe(0);
    const backup = cli(source, 'backup', file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Back-up geschreven naar .*\(\d+ tabellen, \d+ rijen\)/);

    expect(cli(target, 'restore', file).code).toBe(0);
    const again = cli(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(cli(target, 'restore', file, '--force').code).toBe(0);
    // The restored directory holds the demo: its users can be updated, proving the rows are there.
    const user = cli(target, 'create-user', '--email', 'regisseur@demo.regiekamer.be', '--region', 'westhoek', '--role', 'admin', '--password', 'nieuw-wachtwoord-1');
    expect(user.stdout).toContain('Bestaande gebruiker bijgewerkt');
    expect(cli(target, 'restore', join(workDir, 'bestaat-niet.gz')).stderr).toContain('kan ');
  });
});
