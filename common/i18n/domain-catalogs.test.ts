import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nl } from './nl.js';
import { catalogs } from './all-catalogs.js';
import { domainCatalogLoaders } from './domain-catalogs.js';
import { DOMAIN_LIST } from '../domains.js';

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, '..', '..', 'client');
const coreKeys = new Set(Object.keys(nl));
// The first page's catalogs and the machinery around them; every other file here is a domain's catalog.
const CORE_FILES = new Set(['nl.ts', 'en.ts', 'fr.ts', 'ar.ts', 'uk.ts', 'index.ts', 'catalog-type.ts', 'domain-catalogs.ts', 'all-catalogs.ts', 'network.ts', 'network-en.ts', 'search.ts', 'search-en.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'));
}

describe('lazily loaded domain catalogs (common/domains.ts)', () => {
  it('loads every domain catalog file through an entry of the list, once', async () => {
    const keys = DOMAIN_LIST.flatMap((entry) => (entry.messages ? [entry.messages.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    const domainFiles = readdirSync(here).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !CORE_FILES.has(file));
    expect(domainFiles.length).toBeGreaterThan(10);
    // Each loader imports its file; the list's source names each domain file exactly in its loaders.
    const listSource = readFileSync(join(here, '..', 'domains.ts'), 'utf8');
    for (const file of domainFiles) expect(listSource, `${file} is loaded by no entry of common/domains.ts`).toContain(`import('./i18n/${file.replace(/\.ts$/, '.js')}')`);
    for (const key of keys) {
      const loaders = domainCatalogLoaders[key]!;
      expect(await loaders.nl(), key).toEqual((catalogs.nl as Record<string, unknown>)[key]);
      expect(Object.keys(await loaders.en()).sort(), key).toEqual(Object.keys(await loaders.nl()).sort());
    }
  });

  it('a domain never reuses a key of the first-page catalog', () => {
    for (const domain of Object.keys(domainCatalogLoaders)) expect(coreKeys.has(domain), domain).toBe(false);
    expect(coreKeys.has('app')).toBe(true);
  });

  it('every page that waits for a domain catalog names one the list registers', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(clientDir)) {
      const source = readFileSync(join(clientDir, file), 'utf8');
      for (const match of source.matchAll(/lazyDomainPage\((\[[^\]]*\]|'[^']*')/g)) for (const name of match[1]!.matchAll(/'([^']+)'/g)) named.add(name[1]!);
      for (const match of source.matchAll(/loadDomainCatalog\('([^']+)'\)/g)) named.add(match[1]!);
    }
    expect(named.size).toBeGreaterThan(8);
    for (const name of named) expect(Object.keys(domainCatalogLoaders), name).toContain(name);
  });
});
