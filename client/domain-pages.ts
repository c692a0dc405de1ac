/// <reference types="vite/client" />
import type { ComponentType } from 'react';
import { DOMAIN_LIST, type DomainEntry } from '../common/domains.js';

/** One page at a path (relative to its mount point); lazy pages load their chunk when first shown. */
export interface PageRoute {
  path: string;
  page: ComponentType;
}

/** What a domain's `client/pages/<folder>/domain-pages.tsx` exports as `domainPages`. */
export interface DomainPages {
  /** Pages under /r/:slug, inside the region's layout (navigation, region switcher). */
  region?: readonly PageRoute[];
  /** Pages outside the region's layout: public addresses, short links. */
  top?: readonly PageRoute[];
}

// Every manifest in the tree; only those the list names are mounted. The manifests are small (lazy
// imports), so eager loading keeps the route table synchronous for the first render and the server render.
const manifests = import.meta.glob<DomainPages>('./pages/**/domain-pages.tsx', { eager: true, import: 'domainPages' });

/** The pages of every list entry with a client folder, in list order; a missing manifest is a build-time mistake and throws. */
export function registeredPages(entries: readonly DomainEntry[] = DOMAIN_LIST, found: Readonly<Record<string, DomainPages>> = manifests): DomainPages[] {
  return entries.flatMap((entry) => {
    if (!entry.client) return [];
    const pages = found[`./pages/${entry.client}/domain-pages.tsx`];
    if (!pages) throw new Error(`common/domains.ts names client/pages/${entry.client}, which has no domain-pages.tsx exporting domainPages`);
    return [pages];
  });
}

/** Manifests in the tree that the list does not name (a test keeps this empty: a page folder nobody mounts is dead code). */
export function unregisteredManifests(entries: readonly DomainEntry[] = DOMAIN_LIST, found: Readonly<Record<string, DomainPages>> = manifests): string[] {
  const named = new Set(entries.flatMap((entry) => (entry.client ? [`./pages/${entry.client}/domain-pages.tsx`] : [])));
  return Object.keys(found).filter((path) => !named.has(path));
}
