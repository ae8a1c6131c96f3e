/**
 * Debian's Chromium driven by playwright-core (no downloaded browser). Every page records what must never happen:
 * CSP violations, page errors, console errors, alert() dialogs (a sign that markup from the corpus ran).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Screenshots kept by CI as artifacts (gitignored). */
export const SCREENSHOT_DIR = path.join(root, 'test-artifacts/screenshots');
/** The screenshot shown in the README. */
export const README_SCREENSHOT = path.join(root, 'docs/screenshot-search.png');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // playwright launches with a fresh, empty user data dir of its own every time.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and alert() dialogs seen so far. */
  problems: string[];
  /** CSP violations reported by the page (`securitypolicyviolation` events). */
  cspViolations(): Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

export const PHONE = { width: 375, height: 812 } as const;
export const LAPTOP = { width: 1280, height: 900 } as const;

export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; clipboard?: boolean } = {},
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? LAPTOP,
    locale: 'ru-RU',
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    page,
    context,
    problems,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}

/** Waits until the results area settled (`data-phase` done or error) after the latest navigation. */
/** Closes the pages' contexts and returns what went wrong in them: CSP violations, console errors, page errors. */
export async function closePages(pages: readonly TestPage[]): Promise<string[]> {
  const problems: string[] = [];
  for (const t of pages) {
    problems.push(...(await t.cspViolations()), ...t.problems);
    await t.context.close();
  }
  return problems;
}

export async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const phase = document.getElementById('results-area')?.dataset.phase;
    return document.documentElement.dataset.ready === 'true' && phase !== undefined && phase !== 'loading';
  });
  return page.evaluate(() => document.getElementById('results-area')?.dataset.phase ?? '');
}

/** Waits for the heat-map of the current query. */
export async function heatmapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const phase = document.getElementById('heatmap')?.dataset.phase;
    return phase === 'done' || phase === 'error';
  });
}

/** Types a query into the box and presses Enter, like a user. */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.locator('#q').fill(query);
  await page.locator('#q').press('Enter');
  await settled(page);
}

export function shot(name: string): string {
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}
