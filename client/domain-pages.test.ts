import { describe, expect, it } from 'vitest';
import { DOMAIN_LIST, NAVIGATION_ENTRIES } from '../common/domains.js';
import { nl } from '../common/i18n/nl.js';
import { en } from '../common/i18n/en.js';
import { registeredPages, unregisteredManifests, type DomainPages } from './domain-pages';
import { moduleBySegment, regionModules, switchRegionPath } from './modules';

const pagesByEntry = () => {
  const withClient = DOMAIN_LIST.filter((entry) => entry.client);
  const pages = registeredPages();
  return withClient.map((entry, index) => ({ entry, pages: pages[index]! }));
};

describe('the client side of the domain list (common/domains.ts)', () => {
  it('finds a domain-pages.tsx for every entry with a client folder, and no manifest the list does not name', () => {
    const found = pagesByEntry();
    expect(found.length).toBeGreaterThan(8);
    for (const { entry, pages } of found) expect((pages.region ?? []).length + (pages.top ?? []).length, entry.name).toBeGreaterThan(0);
    expect(unregisteredManifests()).toEqual([]);
  });

  it('refuses an entry whose manifest is missing, and reports a manifest no entry names', () => {
    const page = () => null;
    const present: Record<string, DomainPages> = { './pages/present/domain-pages.tsx': { region: [{ path: 'er', page }] } };
    expect(registeredPages([{ name: 'present', server: 'domains/present', client: 'present' }], present)).toHaveLength(1);
    expect(() => registeredPages([{ name: 'gone', server: 'domains/gone', client: 'gone' }], present)).toThrow(/client\/pages\/gone/);
    expect(unregisteredManifests([{ name: 'other', server: 'domains/other' }], present)).toEqual(['./pages/present/domain-pages.tsx']);
  });

  it('gives every path to one page only', () => {
    const all = registeredPages();
    for (const mount of ['region', 'top'] as const) {
      const paths = all.flatMap((pages) => (pages[mount] ?? []).map((route) => route.path));
      expect(paths.filter((path, index) => paths.indexOf(path) !== index), mount).toEqual([]);
    }
  });

  it('lets every navigation entry lead to a registered page, labelled and introduced in Dutch and English', () => {
    expect(regionModules.map((module) => module.segment)).toEqual(['netwerk', 'makelaardij', 'plannen', 'aanbod', 'uitleendienst', 'cooperatie', 'trajecten']);
    const all = registeredPages();
    // A region module's address /r/:slug/<segment> is a page inside the region layout or a public one outside it (the catalog).
    const served = new Set([...all.flatMap((pages) => (pages.region ?? []).map((route) => `r/:slug/${route.path}`)), ...all.flatMap((pages) => (pages.top ?? []).map((route) => route.path))]);
    for (const { segment } of NAVIGATION_ENTRIES) expect(served.has(`r/:slug/${segment}`), segment).toBe(true);
    for (const { key } of NAVIGATION_ENTRIES) {
      for (const catalog of [nl, en]) {
        expect((catalog.nav as Record<string, string>)[key], `nav.${key}`).toBeTruthy();
        expect((catalog.region.modulesIntro as Record<string, string>)[key], `region.modulesIntro.${key}`).toBeTruthy();
      }
    }
  });

  it('keeps the module in the other region when switching, and falls back to the overview elsewhere', () => {
    expect(moduleBySegment('uitleendienst')?.key).toBe('lending');
    expect(moduleBySegment('bestaat-niet')).toBeUndefined();
    expect(switchRegionPath('leie', 'uitleendienst', false)).toBe('/r/leie/uitleendienst');
    expect(switchRegionPath('leie', 'gebruikers', false)).toBe('/r/leie');
    expect(switchRegionPath('leie', 'gebruikers', true)).toBe('/r/leie/gebruikers');
  });
});
