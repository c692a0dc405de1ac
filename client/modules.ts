import { NAVIGATION_ENTRIES } from '../common/domains.js';

/**
 * The modules a region offers, in navigation order, with their Dutch URL segment: the entries of
 * common/domains.ts that have `navigation`. A domain that has not landed is not in the list, so the
 * navigation and the overview show nothing that leads to an empty page.
 */
export const regionModules = NAVIGATION_ENTRIES;

export type RegionModule = (typeof regionModules)[number];

/** Pages only a region's admin (regisseur) may open. */
export const adminPages = [
  { key: 'settings', segment: 'instellingen' },
  { key: 'users', segment: 'gebruikers' },
] as const;

export function moduleBySegment(segment: string | undefined): RegionModule | undefined {
  return regionModules.find((module) => module.segment === segment);
}

export function regionPath(slug: string, segment?: string): string {
  return segment ? `/r/${encodeURIComponent(slug)}/${segment}` : `/r/${encodeURIComponent(slug)}`;
}

/**
 * Where the region switcher leads: the same module in the other region, an admin page only when the
 * user is admin there too, otherwise the region's overview.
 */
export function switchRegionPath(targetSlug: string, currentSegment: string | undefined, isAdminInTarget: boolean): string {
  if (moduleBySegment(currentSegment)) return regionPath(targetSlug, currentSegment);
  if (isAdminInTarget && adminPages.some((page) => page.segment === currentSegment)) return regionPath(targetSlug, currentSegment);
  return regionPath(targetSlug);
}

/** Only same-site paths are followed after login, so a crafted link cannot send users elsewhere. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

export function loginPath(next: string): string {
  return next === '/' ? '/aanmelden' : `/aanmelden?volgende=${encodeURIComponent(next)}`;
}
