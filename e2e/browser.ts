import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../server/test/real-server.js';

export const demoUsers = {
  admin: { email: 'regisseur@demo.regiekamer.be', password: 'regiekamer-admin', name: 'Ruth Regisseur' },
  editor: { email: 'partner@demo.regiekamer.be', password: 'regiekamer-editor', name: 'Pieter Partner' },
  steering: { email: 'stuurgroep@demo.regiekamer.be', password: 'regiekamer-steering', name: 'Sara Stuurgroep' },
  viewer: { email: 'lezer@demo.regiekamer.be', password: 'regiekamer-viewer', name: 'Lars Lezer' },
} as const;

export function url(path: string): string {
  return `${inject('baseUrl')}${path}`;
}

/** Chromium as CI runs it (shared with the browser benchmark). */
export const launchBrowser = launchChromium;

/** Uncaught errors in any page; each test file checks this stays empty. */
export const pageErrors: string[] = [];

/**
 * One browser per test file, closed at the end, and after every test the check that no page threw.
 * Call at the top of a test file; `browser()` gives the running browser inside tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (useBrowser must be called at the top of the test file)');
    return browser;
  };
}

export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  // Fail fast with a clear locator message instead of running into the test timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return { context, page };
}

export function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

/** Waits until the page's h1 has the given name. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await heading(page, name).waitFor();
}

/** Logs in through the form (Dutch interface) and waits for the page it returns to. */
export async function logInViaForm(page: Page, user: { email: string; password: string }, next = '/'): Promise<void> {
  await page.goto(url(next === '/' ? '/aanmelden' : `/aanmelden?volgende=${encodeURIComponent(next)}`));
  await waitForHeading(page, 'Aanmelden');
  await page.getByLabel('E-mailadres', { exact: true }).fill(user.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(url(next));
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** The text of the element that has focus (to check where focus went). */
export function focusedText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.textContent ?? null);
}

export function focusedTag(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.tagName ?? null);
}
