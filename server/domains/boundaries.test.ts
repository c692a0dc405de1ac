import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const domainsDir = dirname(fileURLToPath(import.meta.url));

/**
 * Which domains a domain may call (services, use cases, presenters). Tables (`schema.ts`) may be
 * referenced by any domain for foreign keys and reads; everything else crosses a boundary only along
 * these edges, and they form no cycle. A new domain adds its line; a new edge is a design decision.
 */
const ALLOWED: Record<string, readonly string[]> = {
  health: [],
  reference: [],
  audit: [],
  regions: ['audit', 'reference'],
  accounts: ['audit', 'regions'],
  network: ['accounts', 'audit', 'regions', 'reference'],
  plans: ['network', 'accounts', 'audit', 'regions', 'reference'],
  matching: ['network', 'accounts', 'audit', 'regions', 'reference'],
  brokering: ['matching', 'network', 'plans', 'accounts', 'audit', 'regions', 'reference'],
  lending: ['network', 'accounts', 'audit', 'regions', 'reference'],
  // Plans offers the indicator-source port (decision 032); catalog and trajectories register figures there.
  catalog: ['plans', 'network', 'accounts', 'audit', 'regions', 'reference'],
  cooperative: ['plans', 'network', 'accounts', 'audit', 'regions', 'reference'],
  participation: ['cooperative', 'plans', 'network', 'accounts', 'audit', 'regions', 'reference'],
  trajectories: ['catalog', 'plans', 'network', 'accounts', 'audit', 'regions', 'reference'],
  // The buddy network pairs trajectory participants; its intervision is the cooperative's (decision 030).
  buddies: ['trajectories', 'cooperative', 'plans', 'network', 'accounts', 'audit', 'regions', 'reference'],
  // The demo seeds every domain.
  demo: ['*'],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every cross-domain import that is not of a schema file: [from domain, to domain, file]. */
function crossDomainImports(): [string, string, string][] {
  const edges: [string, string, string][] = [];
  for (const domain of readdirSync(domainsDir).filter((name) => statSync(join(domainsDir, name)).isDirectory())) {
    for (const file of sourceFiles(join(domainsDir, domain))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = normalize(join(dirname(file), match[1]!));
        const inside = relative(domainsDir, target);
        if (inside.startsWith('..')) continue;
        const other = inside.split(sep)[0]!;
        if (other === domain || !statSync(join(domainsDir, other), { throwIfNoEntry: false })?.isDirectory()) continue;
        if (target.endsWith(`${sep}schema.js`)) continue;
        edges.push([domain, other, relative(domainsDir, file)]);
      }
    }
  }
  return edges;
}

describe('domain boundaries', () => {
  const edges = crossDomainImports();

  it('finds the imports it checks', () => {
    expect(edges.some(([from, to]) => from === 'plans' && to === 'network')).toBe(true);
  });

  it('every domain folder declares which domains it may use', () => {
    const folders = readdirSync(domainsDir).filter((name) => statSync(join(domainsDir, name)).isDirectory());
    for (const folder of folders) expect(Object.keys(ALLOWED), `server/domains/${folder} is missing in ALLOWED`).toContain(folder);
  });

  it('a domain calls another only along a declared edge', () => {
    const undeclared = edges.filter(([from, to]) => !ALLOWED[from]?.includes('*') && !ALLOWED[from]?.includes(to)).map(([, to, file]) => `${file} → ${to}`);
    expect(undeclared).toEqual([]);
  });

  it('the declared edges form no cycle, and accounts knows nothing of the network', () => {
    expect(ALLOWED.accounts).not.toContain('network');
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (domain: string, path: string[]): void => {
      if (done.has(domain)) return;
      if (visiting.has(domain)) throw new Error(`cycle: ${[...path, domain].join(' → ')}`);
      visiting.add(domain);
      for (const next of ALLOWED[domain] ?? []) if (next !== '*') visit(next, [...path, domain]);
      visiting.delete(domain);
      done.add(domain);
    };
    for (const domain of Object.keys(ALLOWED)) expect(() => visit(domain, [])).not.toThrow();
  });
});
