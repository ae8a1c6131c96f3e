/**
 * End-to-end: a region with two documents in the UI. The real server on a real index of the bundled corpus plus a
 * generated 2024 revision of the Tyumen strategy (tests/fixtures/revision-corpus.ts), Debian's Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addRevision, REVISION } from '../fixtures/revision-corpus.js';
import { closePages, launchBrowser, openPage, settled, shot, type TestPage } from './support/browser.js';
import { checkedWhen, param, textOf } from './support/dom-checks.js';
import { startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
let browser: Browser;
let opened: TestPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer({ withMarkupFixture: false, addDocuments: addRevision }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  const pages = opened;
  opened = [];
  expect((await closePages(pages)).join('\n'), 'CSP violations, console errors, page errors').toBe('');
});

async function open(pathAndQuery: string): Promise<Page> {
  const t = await openPage(browser, server.baseUrl);
  opened.push(t);
  await t.page.goto(pathAndQuery);
  await settled(t.page);
  return t.page;
}

/** Document ids of the passages on screen (from the «документ на …» label each card shows). */
async function periodsShown(page: Page): Promise<string[]> {
  return [...new Set(await page.locator('#results article .meta-document').allTextContents())];
}

describe('document filter', () => {
  it('lists the two Tyumen documents under their region, searches them together, then one apart', async () => {
    const page = await open(`/?q=${encodeURIComponent('цифровая платформа')}&region=tyumen`);
    const group = page.locator('#region-options [role=group][aria-label="Документы: Тюменская область"]');
    expect(await group.locator('label').allTextContents()).toEqual(['Документ на 2022-2024', 'Документ на 2025-2030']);
    // Regions with one document list none.
    expect(await page.locator('#region-options [role=group]').count()).toBe(1);

    // No document ticked: both documents' passages are found.
    expect((await periodsShown(page)).sort()).toEqual(['документ на 2022-2024', 'документ на 2025-2030']);

    const revision = group.locator(`input[value="${REVISION.id}"]`);
    await revision.check();
    await settled(page);
    expect(param(page, 'doc')).toBe(REVISION.id);
    expect(await checkedWhen(revision, true)).toBe(true);
    expect(await periodsShown(page)).toEqual(['документ на 2025-2030']);
    expect(await textOf(page.locator('#status'))).toContain('Документ: Тюменская область, 2025-2030');
    await page.screenshot({ path: shot('document-filter'), fullPage: false });

    // The link reproduces the view; back restores both documents.
    const again = await open(`/${new URL(page.url()).search}`);
    expect(await periodsShown(again)).toEqual(['документ на 2025-2030']);
    expect(await again.locator(`#region-options input[value="${REVISION.id}"]`).isChecked()).toBe(true);
    await page.goBack();
    await settled(page);
    expect(param(page, 'doc')).toBeNull();
    expect((await periodsShown(page)).sort()).toEqual(['документ на 2022-2024', 'документ на 2025-2030']);
  });

  it('sends the document filter with a question on the ask tab', async () => {
    const page = await open(`/?tab=ask&q=${encodeURIComponent('Как развивается цифровая платформа?')}&doc=${REVISION.id}`);
    const regions = await page.locator('.answer-region').evaluateAll((els) => els.map((e) => e.getAttribute('data-region-id')));
    expect(regions).toEqual(['tyumen']);
  });
});
