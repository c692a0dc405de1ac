import { readFile, stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildApiUrl } from '../../common/api-url.js';
import { publicOfferQuery } from '../../common/catalog-public-query.js';
import { LOCALE_COOKIE, localeDirection, resolveLocale, type Locale } from '../../common/i18n/index.js';
import { pathToFileURL } from 'node:url';

/**
 * The SPA's index.html with what its first view needs (decision 029): the API answers the page would
 * fetch, embedded under their URLs (client/initial-data.ts), and modulepreload links for the page's
 * chunks. On a slow connection every round trip costs half a second; this leaves two (the HTML, then
 * the scripts in parallel) before the public catalog shows its offers.
 */

/** Vite's build manifest: per source module its file, the chunks it imports and its CSS. */
export type ViteManifest = Record<string, { file: string; name?: string; imports?: string[]; css?: string[] }>;

/** What a path's first view needs: API URLs to embed, the modules (or named chunk groups of vite.config.ts) whose chunks to preload, and whether the server renders its markup. */
export interface FirstView {
  urls: string[];
  modules: string[];
  serverRendered: boolean;
}

// vite.config.ts bundles the public catalog's pages into this named chunk.
const PUBLIC_CATALOG_CHUNK = 'public-catalog';

const REGION_PAGE = /^\/r\/([a-z0-9-]+)\/aanbod(?:\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?\/?$/;

/** The first view of a client path: the session and the regions always; the public catalog's pages their data and code. */
export function firstViewOf(path: string, search: URLSearchParams, locale: Locale, now = new Date()): FirstView {
  const view: FirstView = { urls: ['/api/auth/session', '/api/regions'], modules: [], serverRendered: false };
  const match = REGION_PAGE.exec(path);
  if (!match) return view;
  const [, slug, offerId] = match as unknown as [string, string, string | undefined];
  // The public pages are read on slow phones: their offers come in the HTML (decision 025).
  view.serverRendered = true;
  const messages = ['../common/i18n/catalog-public.ts', ...(locale === 'nl' ? [] : [`../common/i18n/${locale}.ts`, `../common/i18n/catalog-public-${locale}.ts`])];
  if (offerId) {
    view.urls.push(buildApiUrl('/api/regions/{slug}/offers/{offerId}', { path: { slug, offerId }, query: { lang: locale } }));
    view.modules.push('pages/catalog/public/offer-page.tsx', PUBLIC_CATALOG_CHUNK, ...messages);
  } else {
    view.urls.push(buildApiUrl('/api/regions/{slug}/public-catalog', { path: { slug } }));
    view.urls.push(buildApiUrl('/api/regions/{slug}/offers', { path: { slug }, query: publicOfferQuery(search, locale, 'list', now) }));
    view.modules.push('pages/catalog/public/public-catalog-page.tsx', PUBLIC_CATALOG_CHUNK, ...messages);
  }
  return view;
}

/** The files (JavaScript and CSS) of these modules or named chunks and every chunk they import, except the entry already in the page. */
export function chunkFiles(manifest: ViteManifest, modules: string[]): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const byName = new Map(Object.entries(manifest).flatMap(([key, entry]) => (entry.name ? [[entry.name, key] as const] : [])));
  const visit = (key: string) => {
    const entry = manifest[key] ?? manifest[byName.get(key) ?? ''];
    if (!entry || key === 'index.html' || scripts.has(entry.file)) return;
    scripts.add(entry.file);
    for (const css of entry.css ?? []) styles.add(css);
    for (const imported of entry.imports ?? []) visit(imported);
  };
  for (const key of modules) visit(key);
  return { scripts: [...scripts], styles: [...styles] };
}

/** JSON inside a <script> element: nothing in it may close the element or start a comment. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The server-rendered markup of a first view and the language it is in. */
export interface RenderedView {
  markup: string;
  locale: Locale;
}

/** index.html with the embedded answers and the preload links before </head>, and the rendered markup (if any) in #root. */
export function injectFirstView(html: string, data: Record<string, unknown>, files: { scripts: string[]; styles: string[] }, rendered?: RenderedView): string {
  const links = [...files.styles.map((file) => `<link rel="stylesheet" href="/${file}">`), ...files.scripts.map((file) => `<link rel="modulepreload" href="/${file}">`)];
  const embed = Object.keys(data).length > 0 ? `<script id="rk-initial-data" type="application/json">${scriptSafeJson(data)}</script>` : '';
  const page = html.replace('</head>', `${links.join('')}${embed}</head>`);
  if (!rendered) return page;
  // Before any script runs, screen readers need the language and Arabic its direction.
  return page
    .replace(/<html[^>]*>/, `<html lang="${rendered.locale}" dir="${localeDirection(rendered.locale)}">`)
    .replace('<div id="root"></div>', () => `<div id="root">${rendered.markup}</div>`);
}

/** client/ssr-entry.tsx as built into dist/ssr. */
type FirstViewRenderer = (location: string, locale: Locale, data: Record<string, unknown>) => Promise<string>;

interface CachedFile<T> {
  mtimeMs: number;
  value: T;
}

/** Serves index.html with its first view; reads the built files again when they change (a rebuild needs no restart). */
export function createSpaShell(app: FastifyInstance, clientDir: string) {
  const cache = new Map<string, CachedFile<unknown>>();
  const readCached = async <T>(path: string, parse: (text: string) => T): Promise<T | null> => {
    const stats = await stat(path).catch(() => null);
    if (!stats) return null;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === stats.mtimeMs) return hit.value as T;
    const value = parse(await readFile(path, 'utf8'));
    cache.set(path, { mtimeMs: stats.mtimeMs, value });
    return value;
  };

  return async function renderShell(request: FastifyRequest): Promise<string | null> {
    const html = await readCached(`${clientDir}/index.html`, (text) => text);
    if (html === null) return null;
    const manifest = (await readCached(`${clientDir}/.vite/manifest.json`, (text) => JSON.parse(text) as ViteManifest)) ?? {};
    const address = new URL(request.url, 'http://shell.invalid');
    const locale = resolveLocale(request.cookies[LOCALE_COOKIE]);
    const view = firstViewOf(address.pathname, address.searchParams, locale);
    const data: Record<string, unknown> = {};
    // The same routes, policies and presenters as the page's own requests, with the visitor's cookies.
    const answers = await Promise.all(
      view.urls.map((url) => app.inject({ method: 'GET', url, headers: { cookie: request.headers.cookie ?? '', 'accept-language': locale } })),
    );
    view.urls.forEach((url, index) => {
      const answer = answers[index]!;
      if (answer.statusCode === 200) data[url] = answer.json();
    });
    const rendered = view.serverRendered ? await renderMarkup(request, `${address.pathname}${address.search}`, locale, data) : undefined;
    return injectFirstView(html, data, chunkFiles(manifest, view.modules), rendered);
  };

  async function renderMarkup(request: FastifyRequest, location: string, locale: Locale, data: Record<string, unknown>): Promise<RenderedView | undefined> {
    const entry = `${clientDir}/../ssr/ssr-entry.js`;
    const stats = await stat(entry).catch(() => null);
    // Without the server build the browser draws the page itself, as for every other page.
    if (!stats) return undefined;
    try {
      // Loaded once per process (its page chunks import it by its plain address); a rebuild needs a restart.
      const module = (await import(pathToFileURL(entry).href)) as { renderFirstView: FirstViewRenderer };
      return { markup: await module.renderFirstView(location, locale, data), locale };
    } catch (error) {
      request.log.warn({ err: error }, 'server-side render of the first view failed; the browser renders it');
      return undefined;
    }
  }
}
