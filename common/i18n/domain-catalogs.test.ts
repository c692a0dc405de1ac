import { describe, expect, it } from 'vitest';
import { nl } from './nl.js';
import { catalogs } from './all-catalogs.js';
import { domainCatalogLoaders } from './domain-catalogs.js';

const coreKeys = new Set(Object.keys(nl));

describe('lazily loaded domain catalogs', () => {
  it('the client loads exactly the domain catalogs the server knows, with the same messages', async () => {
    const serverDomains = Object.keys(catalogs.nl).filter((key) => !coreKeys.has(key)).sort();
    expect(Object.keys(domainCatalogLoaders).sort()).toEqual(serverDomains);
    for (const domain of serverDomains) {
      const loaders = domainCatalogLoaders[domain]!;
      expect(await loaders.nl()).toEqual((catalogs.nl as Record<string, unknown>)[domain]);
      expect(await loaders.en()).toEqual((catalogs.en as Record<string, unknown>)[domain]);
    }
  });

  it('a domain never reuses a key of the first-page catalog', () => {
    for (const domain of Object.keys(domainCatalogLoaders)) expect(coreKeys.has(domain), domain).toBe(false);
    expect(coreKeys.has('app')).toBe(true);
  });
});
