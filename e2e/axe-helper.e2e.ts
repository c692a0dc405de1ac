import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible } from './axe';
import { launchBrowser, openPage } from './browser';

// Guards the guard: if the axe helper ever stopped reporting (wrong tags, wrong filter), every
// accessibility assertion in the other files would pass silently.
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test('the accessibility check fails on serious violations and names them', async () => {
  const { context, page } = await openPage(browser);
  await page.setContent('<!doctype html><html lang="nl"><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">Te lichte tekst</p></main></body></html>');
  const failure = await expectAccessible(page, 'opzettelijk fout').then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  expect(failure).toContain('image-alt');
  expect(failure).toContain('color-contrast');
  await page.setContent('<!doctype html><html lang="nl"><head><title>t</title></head><body><main><h1>In orde</h1></main></body></html>');
  await expectAccessible(page, 'in orde');
  await context.close();
});
