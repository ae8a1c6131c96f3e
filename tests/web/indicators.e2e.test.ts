/**
 * «Показатели» tab end to end: Debian's Chromium (playwright-core) against the real server on a real index of the
 * bundled corpus (+ the markup fixture region): comparison table, charts, copy read back from the clipboard, CSV.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closePages, launchBrowser, openPage, settled, shot, type TestPage } from './support/browser.js';
import { dialogLoaded, param, textWhen } from './support/dom-checks.js';
import { FIXTURE_REGION, startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
let browser: Browser;
let opened: TestPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
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

const EPGU = 'доля массовых социально значимых услуг в электронном виде';
const BUNDLED = ['karachay-cherkessia', 'khabarovsk', 'luhansk', 'tver', 'tyumen'];

async function open(pathAndQuery: string, options: Parameters<typeof openPage>[2] = {}): Promise<Page> {
  const t = await openPage(browser, server.baseUrl, options);
  opened.push(t);
  await t.page.goto(pathAndQuery);
  await settled(t.page);
  return t.page;
}

/** The table row of the template indicator «Доля массовых социально значимых … услуг, доступных в электронном виде». */
function epguRow(page: Page) {
  return page.locator('#indicator-table tbody tr').filter({ has: page.locator('th.indicator-name', { hasText: /^Доля массовых социально значимых/u }) }).first();
}

describe('«Показатели» view', () => {
  it('compares every region\'s targets by year, each value one click from its passage; a chart per indicator; missing regions', async () => {
    const page = await open(`/?tab=indicators&q=${encodeURIComponent(EPGU)}`);
    expect(await page.locator('#tab-indicators').getAttribute('aria-selected')).toBe('true');
    const headRegions = await page.locator('#indicator-table thead th.region-head').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.regionId));
    expect(headRegions.sort()).toEqual(BUNDLED);
    expect(await page.locator('#indicator-table thead th.year-head').allTextContents()).toEqual(BUNDLED.flatMap(() => ['2022', '2023', '2024']));

    const row = epguRow(page);
    for (const region of BUNDLED) {
      expect(await row.locator(`td[data-region-id="${region}"] .value-link`).count(), region).toBe(3);
    }
    const tyumen2024 = row.locator('td[data-region-id="tyumen"][data-year="2024"] .value-link');
    expect((await tyumen2024.textContent())?.startsWith('95')).toBe(true);
    expect(await tyumen2024.locator('.cell-page').textContent()).toMatch(/^с\. \d+$/u);
    expect(await row.locator('td[data-region-id="luhansk"]').allTextContents()).toEqual(['0', '40', '80'].map((v) => expect.stringMatching(new RegExp(`^${v}`, 'u'))));

    // A chart per indicator row, a line per region that has it.
    const groups = await page.locator('#indicator-table tbody tr').count();
    expect(await page.locator('.indicator-figure svg.indicator-chart').count()).toBe(groups);
    const groupId = await row.getAttribute('data-group-id');
    const lines = await page.locator(`.indicator-figure[data-group-id="${groupId}"] polyline`).evaluateAll((els) => els.map((e) => e.getAttribute('data-region-id')));
    expect(lines.sort()).toEqual(BUNDLED);
    expect(await page.locator(`.indicator-figure[data-group-id="${groupId}"] circle title`).first().textContent()).toMatch(/, 2022: \d+/u);

    // Regions without a matching indicator are listed as such.
    expect(await page.locator('.missing-regions li').allTextContents()).toContain(FIXTURE_REGION);
    await page.screenshot({ path: shot('indicators-desktop'), fullPage: true });
    await page.screenshot({ path: shot('indicators-desktop-top') });

    // The value opens its passage in context.
    const passageId = await tyumen2024.getAttribute('data-passage-id');
    await tyumen2024.click();
    await dialogLoaded(page);
    expect(param(page, 'p')).toBe(passageId);
    expect(await page.locator('#dialog-body').textContent()).toContain('55 75 95');
  });

  it('copies the table as rich text, TSV and Markdown with citations, and downloads CSV', async () => {
    const page = await open(`/?tab=indicators&q=${encodeURIComponent(EPGU)}`, { clipboard: true });
    const readRich = () =>
      page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const read = async (type: string) => (item && item.types.includes(type) ? (await item.getType(type)).text() : '');
        return { plain: await read('text/plain'), html: await read('text/html') };
      });

    await page.locator('[data-action=copy-table]').click();
    await textWhen(page.locator('#toast'), 'Таблица показателей');
    const rich = await readRich();
    const lines = rich.plain.split('\n');
    expect(lines[0]).toBe('Регион\tПоказатель\tЕд. изм.\t2022\t2023\t2024\tИсточник');
    const tyumen = lines.find((l) => l.startsWith('Тюменская область\tДоля массовых социально значимых'))!;
    expect(tyumen.split('\t').slice(3, 6)).toEqual(['55', '75', '95']);
    expect(tyumen.split('\t')[6]).toMatch(/^«Стратегия .*» \(2022–2024\), Тюменская область, раздел 7\. Показатели развития отрасли — Государственное управление, с\. \d+$/u);
    expect(rich.html).toContain('<table');
    const htmlRows = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    }, rich.html);
    expect(htmlRows.length).toBe(lines.length - 1);
    expect(htmlRows.find((r) => r[0] === 'Тюменская область' && r[1]!.startsWith('Доля массовых'))!.slice(3)).toEqual(tyumen.split('\t').slice(3));

    await page.locator('[data-action=copy-tsv]').click();
    await textWhen(page.locator('#toast'), 'TSV');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rich.plain);

    await page.locator('[data-action=copy-markdown]').click();
    await textWhen(page.locator('#toast'), 'Markdown');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^## Показатели: доля массовых/u);
    expect(markdown).toContain('| Регион | Показатель | Ед. изм. | 2022 | 2023 | 2024 | Источник |');
    expect(markdown).toMatch(/\| Тюменская область \| Доля массовых социально значимых[^|]*\|[^|]*\| 55 \| 75 \| 95 \| \[\d+\] \|/u);
    expect(markdown).toMatch(/\n\[1\] «Стратегия/u);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=download-csv]').click()]);
    expect(download.suggestedFilename()).toBe('pokazateli.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const csvLines = csv.slice(1).split('\r\n');
    expect(csvLines[0]).toBe('Регион,Показатель,Ед. изм.,2022,2023,2024,Источник,Страница,Группа,Фрагмент,Проект,Ответственный');
    expect(csvLines.some((l) => l.startsWith('Тюменская область,"Доля массовых социально значимых') && l.includes(',55,75,95,"«Стратегия'))).toBe(true);
    expect(csvLines.length - 2).toBe(lines.length - 1);
  });

  it('keeps the query and the filters in the URL', async () => {
    const page = await open(`/?tab=indicators&q=${encodeURIComponent(EPGU)}&region=tver,tyumen&year=2024`);
    expect(await page.locator('#indicator-year').inputValue()).toBe('2024');
    const heads = await page.locator('#indicator-table thead th.region-head').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.regionId));
    expect(heads.sort()).toEqual(['tver', 'tyumen']);
    expect(await page.locator('#indicator-table thead th.year-head').allTextContents()).toEqual(['2024', '2024']);

    await page.locator('#indicator-year').selectOption('');
    await settled(page);
    expect(param(page, 'year')).toBeNull();
    expect(param(page, 'tab')).toBe('indicators');
    expect(param(page, 'region')).toBe('tver,tyumen');
    expect(await page.locator('#indicator-table thead th.year-head').count()).toBe(6);
  });

  it('on a 390 px phone the filters start collapsed and the page does not scroll sideways', async () => {
    const page = await open(`/?tab=indicators&q=${encodeURIComponent(EPGU)}`, { viewport: { width: 390, height: 844 } });
    expect(await page.locator('#filters-details').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The table is on the first screen, not pushed below the fold by the filters.
    const top = await page.locator('#indicator-table').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    await page.screenshot({ path: shot('indicators-phone') });
  });

  it('answers a question about targets with the table of values, each row one click from its source', async () => {
    const question = 'Какие целевые значения доли массовых социально значимых услуг в электронном виде к 2024 году?';
    const page = await open(`/?tab=ask&q=${encodeURIComponent(question)}`);
    const table = page.locator('#ask-targets-table');
    expect(await table.locator('thead th.asked-year').textContent()).toBe('2024');
    const regions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.regionId));
    expect(new Set(regions)).toEqual(new Set(BUNDLED));
    const tyumen = table.locator('tbody tr[data-region-id="tyumen"]').filter({ hasText: 'Доля массовых социально значимых' }).first();
    expect(await tyumen.locator('td[data-year]').allTextContents()).toEqual(['55', '75', '95']);
    await tyumen.locator('.value-link').click();
    await dialogLoaded(page);
    expect(await page.locator('#dialog-body').textContent()).toContain('55 75 95');
    await page.keyboard.press('Escape');

    await page.locator('[data-action=open-indicators]').click();
    await settled(page);
    expect(param(page, 'tab')).toBe('indicators');
    expect(await page.locator('#indicator-table tbody tr').count()).toBeGreaterThan(0);
  });

  it('opens the filters on a wide screen', async () => {
    const page = await open('/?tab=indicators');
    expect(await page.locator('#filters-details').getAttribute('open')).not.toBeNull();
  });
});

