import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOMAINS, demoSeedOrder, loadDomainModule, type DomainModule } from './registry.js';
import { DOMAIN_LIST } from '../../common/domains.js';
import { commands } from '../cli/main.js';

const domainsDir = dirname(fileURLToPath(import.meta.url));

describe('domain registry', () => {
  it('lists every domain folder that has routes', () => {
    const withRoutes = readdirSync(domainsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(domainsDir, entry.name, 'routes.ts')))
      .map((entry) => entry.name);
    expect(withRoutes.length).toBeGreaterThan(0);
    const registered = DOMAINS.filter((domain) => domain.routes).map((domain) => domain.name);
    for (const folder of withRoutes) expect(registered, `server/domains/${folder} has routes.ts but no module in DOMAINS`).toContain(folder);
  });

  it('loads exactly the modules of common/domains.ts, in its order, and refuses a module under another name', async () => {
    expect(DOMAINS.map((domain) => domain.name)).toEqual(DOMAIN_LIST.map((entry) => entry.name));
    await expect(loadDomainModule({ name: 'gezondheid', server: 'domains/health' })).rejects.toThrow(/named health, the list says gezondheid/);
    await expect(loadDomainModule({ name: 'nothing', server: 'domains/does-not-exist' })).rejects.toThrow();
  });

  it('gives every module a unique name', () => {
    const names = DOMAINS.map((domain) => domain.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('seeds the network demo before the plans demo', () => {
    const order = demoSeedOrder(DOMAINS).map((domain) => domain.name);
    expect(order.indexOf('network')).toBeLessThan(order.indexOf('plans'));
    expect([...order].sort()).toEqual(DOMAINS.map((domain) => domain.name).sort());
  });

  it('keeps list order where no dependency asks otherwise, and refuses cycles and unknown names', () => {
    const module = (name: string, seedDemoAfter?: string[]): DomainModule => ({ name, seedDemoAfter });
    expect(demoSeedOrder([module('a'), module('b', ['c']), module('c')]).map((domain) => domain.name)).toEqual(['a', 'c', 'b']);
    expect(() => demoSeedOrder([module('a', ['b']), module('b', ['a'])])).toThrow(/itself/);
    expect(() => demoSeedOrder([module('a', ['missing'])])).toThrow(/unknown/);
  });

  it('offers every domain command in the CLI once', () => {
    const domainCommands = DOMAINS.flatMap((domain) => domain.cliCommands ?? []);
    expect(domainCommands.length).toBeGreaterThan(0);
    for (const command of domainCommands) expect(commands).toContain(command);
    const names = commands.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
