import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, ApiClient, type TestApp } from '../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../test/factories.js';
import { offerFactory } from '../domains/catalog/factories.js';
import { chunkFiles, createSpaShell, firstViewOf, injectFirstView, scriptSafeJson, type ViteManifest } from './spa-shell.js';
import type { PublicOfferList } from '../../common/schemas/catalog-public.js';

const INDEX = '<!doctype html><html><head><title>Regiekamer</title></head><body><div id="root"></div></body></html>';
const MANIFEST: ViteManifest = {
  'index.html': { file: 'assets/index-1.js', imports: ['_api-1.js'] },
  '_api-1.js': { file: 'assets/api-1.js' },
  '_format-1.js': { file: 'assets/format-1.js' },
  '_public-catalog-1.js': { file: 'assets/public-catalog-1.js', imports: ['_api-1.js'], css: ['assets/public-catalog-1.css'] },
  'pages/catalog/public/public-catalog-page.tsx': { file: 'assets/public-catalog-page-1.js', imports: ['index.html', '_format-1.js', '_public-catalog-1.js'] },
  '../common/i18n/catalog-public.ts': { file: 'assets/catalog-public-nl-1.js' },
  '../common/i18n/catalog-public-fr.ts': { file: 'assets/catalog-public-fr-1.js' },
  '../common/i18n/fr.ts': { file: 'assets/fr-1.js' },
};

/** The JSON a shell embeds, by URL. */
function embedded(html: string): Record<string, unknown> {
  const match = /<script id="rk-initial-data" type="application\/json">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no embedded data');
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

let t: TestApp;
let clientDir: string;
beforeAll(async () => {
  t = await createTestApp();
  clientDir = mkdtempSync(join(tmpdir(), 'rk-shell-'));
  mkdirSync(join(clientDir, '.vite'));
  writeFileSync(join(clientDir, 'index.html'), INDEX);
  writeFileSync(join(clientDir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
});
afterAll(async () => {
  rmSync(clientDir, { recursive: true, force: true });
  await t.close();
});

describe('first view of a page', () => {
  it('asks the session and regions everywhere, and the public catalog its info and the offers of the filters in the address', () => {
    const plain = firstViewOf('/r/westhoek/netwerk', new URLSearchParams(), 'nl');
    expect(plain).toEqual({ urls: ['/api/auth/session', '/api/regions'], modules: [], serverRendered: false });
    const catalog = firstViewOf('/r/westhoek/aanbod', new URLSearchParams('municipality=33011&maxLanguageIcons=2'), 'fr');
    expect(catalog.urls).toEqual([
      '/api/auth/session',
      '/api/regions',
      '/api/regions/westhoek/public-catalog',
      '/api/regions/westhoek/offers?municipality=33011&maxLanguageIcons=2&lang=fr&limit=20&offset=0',
    ]);
    expect(catalog.modules).toEqual(['pages/catalog/public/public-catalog-page.tsx', 'public-catalog', '../common/i18n/catalog-public.ts', '../common/i18n/fr.ts', '../common/i18n/catalog-public-fr.ts']);
    const offerId = '90438284-dfd6-4eb2-90df-078e32802ef3';
    expect(firstViewOf(`/r/westhoek/aanbod/${offerId}`, new URLSearchParams(), 'nl').urls[2]).toBe(`/api/regions/westhoek/offers/${offerId}?lang=nl`);
    // Only the public catalog's pages come rendered from the server, not the back office under the same address.
    const rendered = (path: string) => firstViewOf(path, new URLSearchParams(), 'nl').serverRendered;
    expect([catalog.serverRendered, rendered(`/r/westhoek/aanbod/${offerId}`), plain.serverRendered, rendered('/r/westhoek/aanbod/beheer')]).toEqual([true, true, false, false]);
  });

  it('finds a chunk group of vite.config.ts by its name', () => {
    const grouped: ViteManifest = { 'index.html': { file: 'assets/index-1.js' }, '_public-catalog-x1.js': { file: 'assets/public-catalog-x1.js', name: 'public-catalog', imports: ['index.html'], css: ['assets/p.css'] } };
    expect(chunkFiles(grouped, ['pages/catalog/public/public-catalog-page.tsx', 'public-catalog'])).toEqual({ scripts: ['assets/public-catalog-x1.js'], styles: ['assets/p.css'] });
  });

  it('preloads a page chunk with every chunk it imports and their CSS, not the entry the page already loads', () => {
    expect(chunkFiles(MANIFEST, ['pages/catalog/public/public-catalog-page.tsx', '../common/i18n/catalog-public.ts', 'unknown.ts'])).toEqual({
      scripts: ['assets/public-catalog-page-1.js', 'assets/format-1.js', 'assets/public-catalog-1.js', 'assets/api-1.js', 'assets/catalog-public-nl-1.js'],
      styles: ['assets/public-catalog-1.css'],
    });
  });

  it('embeds JSON that cannot close its script element', () => {
    const json = scriptSafeJson({ title: '</script><script>alert(1)</script>', line: 'a\u2028b' });
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>', line: 'a\u2028b' });
    const html = injectFirstView(INDEX, { '/api/x': { title: '</script>' } }, { scripts: ['assets/a.js'], styles: [] });
    expect(html).toContain('<link rel="modulepreload" href="/assets/a.js"><script id="rk-initial-data" type="application/json">');
    expect(embedded(html)).toEqual({ '/api/x': { title: '</script>' } });
  });

  it('puts rendered markup in #root and gives the page its language and direction before any script runs', () => {
    const page = '<!doctype html><html lang="nl"><head></head><body><div id="root"></div></body></html>';
    // A "$&" in the markup must stay literal (String.replace patterns).
    const html = injectFirstView(page, {}, { scripts: [], styles: [] }, { markup: '<main><h1>مرحبا $&</h1></main>', locale: 'ar' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<div id="root"><main><h1>مرحبا $&</h1></main></div>');
    expect(injectFirstView(page, {}, { scripts: [], styles: [] })).toContain('<div id="root"></div>');
  });
});

describe('the served shell', () => {
  it("embeds the visitor's own session and the catalog's first page of offers, as the API answers them", async () => {
    const region = await regionFactory(t.database.db, { municipalities: ['33011', '33021'] });
    await offerFactory(t.database.db, region.id, { title: 'Samen koken', languageIcons: 1 });
    await offerFactory(t.database.db, region.id, { title: 'Klad', status: 'draft' });
    const render = createSpaShell(t.app, clientDir);
    const request = (url: string, cookie?: string) => ({ url, headers: { cookie }, cookies: Object.fromEntries((cookie ?? '').split('; ').filter(Boolean).map((pair) => pair.split('='))) }) as never;

    const anonymous = embedded((await render(request(`/r/${region.slug}/aanbod`)))!);
    expect(anonymous['/api/auth/session']).toEqual({ user: null, csrfToken: null });
    const offersUrl = `/api/regions/${region.slug}/offers?lang=nl&limit=20&offset=0`;
    const offers = anonymous[offersUrl] as PublicOfferList;
    expect(offers.items.map((item) => item.title)).toEqual(['Samen koken']);
    expect(offers).toEqual((await t.app.inject({ method: 'GET', url: offersUrl })).json());
    // An offer's own page embeds that offer.
    const offerUrl = `/api/regions/${region.slug}/offers/${offers.items[0]!.id}?lang=nl`;
    expect((embedded((await render(request(`/r/${region.slug}/aanbod/${offers.items[0]!.id}`)))!)[offerUrl] as { title: string }).title).toBe('Samen koken');

    // A logged-in visitor gets their own session; the chosen language decides the embedded list.
    const { email } = await userFactory(t.database.db, { regionSlug: region.slug, role: 'editor' });
    const client = new ApiClient(t.app);
    await client.login(email, TEST_PASSWORD);
    const session = (await client.request('GET', '/api/auth/session')).json() as { user: { email: string } };
    const cookie = `${client.cookieHeader()}; rk_locale=fr`;
    const shell = embedded((await render(request(`/r/${region.slug}/aanbod?maxLanguageIcons=2`, cookie)))!);
    expect((shell['/api/auth/session'] as { user: { email: string } }).user.email).toBe(session.user.email);
    expect(Object.keys(shell)).toContain(`/api/regions/${region.slug}/offers?maxLanguageIcons=2&lang=fr&limit=20&offset=0`);
  });

  it("renders the catalog's markup with the server build's renderer, from the embedded answers; falls back to the empty shell when it fails", async () => {
    const region = await regionFactory(t.database.db, { municipalities: ['33011'] });
    // A stand-in for dist/ssr/ssr-entry.js that shows what it was given; each build in its own folder (modules are cached per address).
    const build = (renderer: string) => {
      const root = mkdtempSync(join(tmpdir(), 'rk-ssr-'));
      mkdirSync(join(root, 'client', '.vite'), { recursive: true });
      mkdirSync(join(root, 'ssr'));
      writeFileSync(join(root, 'client', 'index.html'), INDEX);
      writeFileSync(join(root, 'client', '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
      writeFileSync(join(root, 'ssr', 'ssr-entry.js'), renderer);
      return join(root, 'client');
    };
    const rendering = build('export async function renderFirstView(location, locale, data) { return `<p data-at="${location}" data-locale="${locale}">${Object.keys(data).length}</p>`; }');
    const warnings: string[] = [];
    const log = { warn: (_details: unknown, message: string) => warnings.push(message) };
    const request = (url: string, locale = 'nl') => ({ url, headers: { cookie: `rk_locale=${locale}` }, cookies: { rk_locale: locale }, log }) as never;
    const html = (await createSpaShell(t.app, rendering)(request(`/r/${region.slug}/aanbod?free=true`, 'uk')))!;
    expect(html).toContain(`<div id="root"><p data-at="/r/${region.slug}/aanbod?free=true" data-locale="uk">4</p></div>`);
    expect(html).toContain('<html lang="uk" dir="ltr">');
    // Other pages are drawn by the browser.
    expect(await createSpaShell(t.app, rendering)(request('/r/westhoek/netwerk'))).toContain('<div id="root"></div>');

    const failing = build('export async function renderFirstView() { throw new Error("kapot"); }');
    const fallback = (await createSpaShell(t.app, failing)(request(`/r/${region.slug}/aanbod`)))!;
    expect(fallback).toContain('<div id="root"></div>');
    expect(Object.keys(embedded(fallback))).toHaveLength(4);
    expect(warnings).toEqual(['server-side render of the first view failed; the browser renders it']);
  });

  it('leaves out an answer the visitor may not have, and answers no shell without a built client', async () => {
    const render = createSpaShell(t.app, clientDir);
    const shell = embedded((await render({ url: '/r/no-such-region/aanbod', headers: {}, cookies: {} } as never))!);
    expect(Object.keys(shell)).toEqual(['/api/auth/session', '/api/regions']);
    expect(await createSpaShell(t.app, join(clientDir, 'missing'))({ url: '/', headers: {}, cookies: {} } as never)).toBeNull();
  });
});
