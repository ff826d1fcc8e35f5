// A real browser for the console's tests: Debian's Chromium driven by playwright-core, one
// context per role at 1280x800, with the collector's self-signed certificate accepted (the test
// reaches the collector on loopback). Every page error, console error and CSP violation is kept
// so that a test can assert there were none. Screenshots go to test/console/artifacts (git-ignored).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, type CollectorProcess } from '../e2e/harness.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test/console/artifacts');
export const hasChromium = existsSync(CHROMIUM);

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** page errors, console errors and CSP violations seen so far */
  problems: string[];
}

export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true, colorScheme: 'dark', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // failed API calls the page handles (a 403 probe at sign-in, a 404 it shows) log a network error: not a problem
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Signs in through the sign-in page, as a user would. */
export async function signIn(tab: Tab, c: CollectorProcess, token: string, path = '/'): Promise<void> {
  const { page } = tab;
  await page.goto(new URL(path, c.apiUrl).href);
  await page.waitForURL(/\/signin/);
  await page.getByTestId('token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** True when nothing in the page is wider than the window (no horizontal scroll of the whole page at 1280 px). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1') as Promise<boolean>;
}

/** expect.poll with a timeout for a busy machine (its default is one second) */
export function poll<T>(fn: () => T | Promise<T>, opts: { timeout?: number; interval?: number } = {}) {
  return expect.poll(fn, { timeout: 20_000, interval: 100, ...opts });
}
