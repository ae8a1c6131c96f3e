/**
 * End-to-end: Debian's Chromium (playwright-core) against the real server on a real index of the bundled corpus plus
 * a fixture document full of HTML/script markup. Screenshots go to test-artifacts/screenshots/ (CI artifacts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  heatmapSettled,
  launchBrowser,
  openPage,
  PHONE,
  README_SCREENSHOT,
  searchFor,
  settled,
  shot,
  type TestPage,
} from './support/browser.js';
import { attrWhen, checkedWhen, dialogLoaded, param, textOf, textWhen, valueWhen } from './support/dom-checks.js';
import { FIXTURE_REGION, startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
let browser: Browser;
/** Pages opened by the current test; checked for CSP violations and errors afterwards. */
let opened: TestPage[] = [];
/** Console errors a test expects (e.g. the browser logging a 400 response). */
let expectedConsole: RegExp[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  const pages = opened;
  const allowed = expectedConsole;
  opened = [];
  expectedConsole = [];
  const csp: string[] = [];
  const problems: string[] = [];
  for (const t of pages) {
    csp.push(...(await t.cspViolations()));
    problems.push(...t.problems.filter((p) => !allowed.some((re) => re.test(p))));
    await t.context.close();
  }
  expect(csp.join('\n'), 'CSP violations').toBe('');
  expect(problems.join('\n'), 'console errors, page errors, alert dialogs').toBe('');
});

async function open(pathAndQuery = '/', options: Parameters<typeof openPage>[2] = {}): Promise<Page> {
  const t = await openPage(browser, server.baseUrl, options);
  opened.push(t);
  await t.page.goto(pathAndQuery);
  await settled(t.page);
  return t.page;
}

function q(query: string): string {
  return encodeURIComponent(query);
}

/** What the API says about a passage: the ground truth the UI must show and copy exactly. */
async function apiPassage(id: string): Promise<{ text: string; citation: string; regionId: string; documentId: string }> {
  const res = await fetch(`${server.baseUrl}/api/passages/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { passage: { text: string; citation: string; regionId: string; document: { id: string } } };
  return { text: body.passage.text, citation: body.passage.citation, regionId: body.passage.regionId, documentId: body.passage.document.id };
}

async function regionCount(): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/regions`);
  return ((await res.json()) as { regions: unknown[] }).regions.length;
}

const groupIds = (page: Page): Promise<string[]> =>
  page.locator('#results .region-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.regionId ?? ''));

describe('search', () => {
  it('shows passages grouped by region with section path, sector, page and highlighted matches', async () => {
    const page = await open('/');
    await page.locator('#results .intro').waitFor();
    await searchFor(page, 'здравоохранение');
    await heatmapSettled(page);

    const groups = await groupIds(page);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    const first = page.locator('#results article.passage').first();
    expect(await textOf(first.locator('.meta-section'))).toMatch(/›|\d/);
    expect(await textOf(first.locator('.sector-badge'))).toBe('Здравоохранение');
    // Layout documents have pages; at least one shown passage carries its page.
    expect(await page.locator('#results .meta-page').allTextContents()).toContainEqual(expect.stringMatching(/^с\. \d+/));
    const marks = await page.locator('#results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => /здрав/i.test(m))).toBe(true);
    expect(await textOf(page.locator('.embedder-note').first())).toMatch(/^Смысловой поиск: офлайн-модель \(без нейросети\)/);

    // The passage text on screen is exactly the corpus text (highlights are only <mark> around slices of it).
    const id = await first.getAttribute('data-passage-id');
    const shown = await first.locator('.passage-text').textContent();
    expect(shown).toBe((await apiPassage(id ?? '')).text);

    await page.locator('#q').blur();
    await page.screenshot({ path: shot('search-desktop') });
    await page.screenshot({ path: shot('search-desktop-full'), fullPage: true });
  });

  it('lists regions with nothing relevant as such', async () => {
    const page = await open(`/?q=${q('здравоохранение')}`);
    const missing = await page.locator('.missing-regions li').allTextContents();
    expect(missing).toContain(FIXTURE_REGION);
    // Every region is accounted for: shown with passages or listed as missing.
    expect((await groupIds(page)).length + missing.length).toBe(await regionCount());

    // A query no region answers: an empty state that says so, with every region listed.
    await searchFor(page, 'ксилофон бегемот');
    expect(await textOf(page.locator('.empty-box > h2'))).toContain('ничего релевантного не найдено');
    expect(await page.locator('.missing-regions li').count()).toBe(await regionCount());
  });

  it('renders markup from the corpus as text and never runs it', async () => {
    const page = await open(`/?q=${q('аквакультура датчики кислорода')}`);
    const article = page.locator('#results .region-group[data-region-id="ispytatelnaya-oblast"] article').first();
    const text = (await article.locator('.passage-text').textContent()) ?? '';
    expect(text).toContain('<script>alert("xss-script")</script>');
    expect(text).toContain(`<img src=x onerror="alert('xss-img')">`);
    expect(text).toContain('<b>жирный шрифт</b>');
    // Only <mark> elements inside passage text; no element came from the corpus.
    expect(await page.locator('#results .passage-text *:not(mark)').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#results img, #results b, #results a').count()).toBe(0);

    // Same in the reading dialog.
    await article.locator('[data-action=open]').click();
    await dialogLoaded(page);
    const current = page.locator('#passage-dialog .passage.is-current .passage-text');
    expect(await textOf(current)).toContain('<script>alert("xss-script")</script>');
    expect(await page.locator('#passage-dialog .passage-text *:not(mark)').count()).toBe(0);
    await page.screenshot({ path: shot('markup-as-text') });
  });

  it('shows the API error message when the server rejects the query', async () => {
    expectedConsole = [/status of 400/];
    const page = await open(`/?q=${q('а'.repeat(1200))}`);
    const error = page.locator('.error-box');
    expect(await textOf(error)).toContain('ошибка 400');
    expect(await textOf(error.locator('.error-message'))).toMatch(/1000/);
    expect(await page.locator('#results-area').getAttribute('data-phase')).toBe('error');
  });

  it('a newer search replaces one still in flight', async () => {
    const page = await open('/');
    await page.locator('#q').fill('здравоохранение');
    await page.locator('#q').press('Enter');
    await page.locator('#q').fill('общественный транспорт');
    await page.locator('#q').press('Enter');
    await settled(page);
    await heatmapSettled(page);
    expect(await textOf(page.locator('.status-summary'))).toContain('«общественный транспорт»');
    expect(param(page, 'q')).toBe('общественный транспорт');
    // afterEach: no unhandled rejection from the aborted requests.
  });

  it('lets the user drop a region recognised in the query', async () => {
    const page = await open(`/?q=${q('здравоохранение в Тверской области')}`);
    expect(await textOf(page.locator('.detected'))).toContain('Тверская область');
    expect(await groupIds(page)).toEqual(['tver']);
    expect(await page.locator('.missing-regions li').count()).toBe(0);
    await page.locator('[data-action=drop-detected-region]').click();
    await settled(page);
    expect(param(page, 'detect')).toBe('0');
    expect(await page.locator('.detected').allTextContents()).toEqual([expect.stringContaining('не превращаются в фильтр')]);
    // Now every region is in scope again: each one is shown or listed as missing.
    const shown = (await groupIds(page)).length;
    expect(shown + (await page.locator('.missing-regions li').count())).toBe(await regionCount());
  });
});

describe('filters', () => {
  it('filters by region and by sector, and removes a filter from its chip', async () => {
    const page = await open(`/?q=${q('общественный транспорт')}`);
    expect((await groupIds(page)).length).toBeGreaterThan(1);

    await page.locator('#region-options label', { hasText: 'Тверская область' }).click();
    await settled(page);
    expect(param(page, 'region')).toBe('tver');
    expect(await groupIds(page)).toEqual(['tver']);
    await page.locator('.chip', { hasText: 'Регион: Тверская область' }).waitFor();

    await page.locator('#sector-options label', { hasText: 'Транспорт и логистика' }).click();
    await settled(page);
    expect(param(page, 'sector')).toBe('transport');
    const badges = await page.locator('#results .sector-badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Транспорт и логистика']));

    await page.locator('.chip', { hasText: 'Регион: Тверская область' }).locator('button').click();
    await settled(page);
    expect(param(page, 'region')).toBeNull();
    expect(await page.locator('#region-options input[value=tver]').isChecked()).toBe(false);
    expect((await groupIds(page)).length).toBeGreaterThan(1);
  });
});

describe('regions × sectors grid', () => {
  it('shows counts per region and sector; a click on a cell filters to it', async () => {
    const page = await open(`/?q=${q('общественный транспорт')}`);
    await heatmapSettled(page);
    const grid = page.locator('#heatmap table.heatmap');
    await grid.waitFor();
    expect(await grid.locator('tbody tr').count()).toBe(await regionCount());
    expect(await grid.locator('thead th').count()).toBe(1 + 7 + 1);
    // Every cell matches what the API says: relevant passages per region and sector (missing regions: zeros).
    const res = await fetch(`${server.baseUrl}/api/search?q=${q('общественный транспорт')}&groupBy=region&k=100`);
    const api = (await res.json()) as { groups: { regionId: string; results: { sector: string; relevant: boolean }[] }[] };
    const expected: Record<string, number> = {};
    for (const g of api.groups) for (const r of g.results) if (r.relevant) expected[`${g.regionId}/${r.sector}`] = (expected[`${g.regionId}/${r.sector}`] ?? 0) + 1;
    const cells = await grid.locator('button.heat-cell').evaluateAll((els) =>
      els.map((e) => [`${(e as HTMLElement).dataset.region}/${(e as HTMLElement).dataset.sector}`, Number((e as HTMLElement).dataset.count)] as const),
    );
    expect(cells).toHaveLength((await regionCount()) * 7);
    for (const [key, n] of cells) expect([key, n]).toEqual([key, expected[key] ?? 0]);

    const cell = grid.locator('button.heat-cell:not([data-count="0"])').first();
    const region = (await cell.getAttribute('data-region')) ?? '';
    const sector = (await cell.getAttribute('data-sector')) ?? '';
    const count = Number(await cell.getAttribute('data-count'));
    await cell.click();
    await settled(page);
    await heatmapSettled(page);
    expect([param(page, 'region'), param(page, 'sector')]).toEqual([region, sector]);
    expect(await groupIds(page)).toEqual([region]);
    const shownCount = Number((await page.locator('.region-group .count').textContent())?.match(/\d+/)?.[0]);
    expect(shownCount).toBeGreaterThan(0);
    expect(shownCount).toBeLessThanOrEqual(count);
    expect(await page.locator(`#heatmap button[data-region="${region}"][data-sector="${sector}"]`).getAttribute('aria-pressed')).toBe('true');

    // A second click on the selected cell clears the filter again.
    await page.locator(`#heatmap button[data-region="${region}"][data-sector="${sector}"]`).click();
    await settled(page);
    expect(param(page, 'region')).toBeNull();
  });
});

describe('ask', () => {
  it('answers per region with numbered citations that open the passage', async () => {
    const page = await open('/');
    await page.locator('#tab-ask').click();
    expect(await textOf(page.locator('#submit'))).toBe('Спросить');
    await page.locator('#q').fill('Как регионы развивают телемедицину?');
    await page.locator('#q').press('Enter');
    await settled(page);
    expect(param(page, 'tab')).toBe('ask');

    const regions = page.locator('#results .answer-region');
    expect(await regions.count()).toBe(await regionCount());
    expect(await textOf(page.locator(`.answer-region[data-region-id="ispytatelnaya-oblast"]`))).toContain('ответа на этот вопрос не нашлось');
    const found = page.locator('.answer-region:not(.is-empty)');
    expect(await found.count()).toBeGreaterThan(0);

    // Every point is a slice of its cited passage.
    const firstPoint = found.first().locator('.answer-points li').first();
    const pointText = (await firstPoint.locator('.point-text').textContent()) ?? '';
    const cite = firstPoint.locator('.cite-ref');
    expect(await textOf(cite)).toBe('[1]');
    const passageId = (await cite.getAttribute('data-passage-id')) ?? '';
    expect((await apiPassage(passageId)).text).toContain(pointText);
    expect(await textOf(page.locator('.source-list li').first())).toContain('«Стратегия');
    expect(await textOf(page.locator('[data-embedder-kind="offline"]'))).toContain('Смысловой поиск: офлайн-модель (без нейросети)');
    await page.screenshot({ path: shot('ask-desktop') });

    await cite.click();
    await dialogLoaded(page);
    expect(await page.locator('#passage-dialog .passage.is-current').getAttribute('data-passage-id')).toBe(passageId);
    expect(param(page, 'p')).toBe(passageId);
  });
});

describe('reading', () => {
  it('opens a passage in context with its neighbours; Escape closes it', async () => {
    const page = await open(`/?q=${q('цифровые технологии в школах')}`);
    const openButton = page.locator('#results [data-action=open]').first();
    const id = (await openButton.locator('xpath=ancestor::article').getAttribute('data-passage-id')) ?? '';
    // Keyboard: buttons are buttons.
    await openButton.focus();
    await page.keyboard.press('Enter');
    await dialogLoaded(page);
    expect(param(page, 'p')).toBe(id);

    const dialog = page.locator('#passage-dialog');
    expect(await dialog.locator('.passage.is-current').getAttribute('data-passage-id')).toBe(id);
    const neighbours = dialog.locator('.passage.is-neighbour');
    expect(await neighbours.count()).toBeGreaterThan(0);
    const current = await apiPassage(id);
    for (const nid of await neighbours.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.passageId ?? ''))) {
      expect((await apiPassage(nid)).documentId).toBe(current.documentId);
    }
    expect(await textOf(dialog.locator('.citation-line'))).toContain(current.citation);
    await page.screenshot({ path: shot('context-desktop') });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's `close` event, which drops `p` from the address, is dispatched a task after it hides.
    await page.waitForURL((url) => !url.searchParams.has('p'));
    expect(param(page, 'p')).toBeNull();
    // Focus goes back to the button that opened the dialog.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('open');
  });

  it('shows similar passages from other regions', async () => {
    const page = await open(`/?q=${q('цифровые технологии в школах')}`);
    const article = page.locator('#results article.passage').first();
    const regionOfPassage = (await apiPassage((await article.getAttribute('data-passage-id')) ?? '')).regionId;
    await article.locator('[data-action=similar]').click();
    await page.waitForFunction(() => document.getElementById('similar-section')?.dataset.phase === 'done');
    const similar = page.locator('#similar-section article.passage');
    expect(await similar.count()).toBeGreaterThan(0);
    const ids = await similar.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.passageId ?? ''));
    for (const id of ids) expect((await apiPassage(id)).regionId).not.toBe(regionOfPassage);
    expect(await textOf(similar.first().locator('.meta-region'))).not.toBe('');
    await page.screenshot({ path: shot('similar-desktop') });
  });
});

describe('copy', () => {
  async function readClipboard(page: Page): Promise<{ plain: string; html: string; markdown: string; types: string[] }> {
    return page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return { plain: '', html: '', markdown: '', types: [] };
      const read = async (type: string): Promise<string> => (item.types.includes(type) ? (await item.getType(type)).text() : '');
      return { plain: await read('text/plain'), html: await read('text/html'), markdown: await read('web text/markdown'), types: [...item.types] };
    });
  }

  it('copies the exact quote with its citation as plain text and rich text; Markdown; copy all', async () => {
    const page = await open(`/?q=${q('здравоохранение')}`, { clipboard: true });
    const article = page.locator('#results article.passage').first();
    const passage = await apiPassage((await article.getAttribute('data-passage-id')) ?? '');

    await article.locator('[data-action=copy]').click();
    await textWhen(page.locator('#toast'), 'Цитата со ссылкой на источник скопирована.');
    const copied = await readClipboard(page);
    expect(copied.plain).toBe(`«${passage.text}»\n(Источник: ${passage.citation})`);
    expect(copied.html).toContain(passage.citation.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).slice(0, 40));
    expect(copied.html).toContain('<blockquote');
    expect(copied.html).not.toContain('<mark');
    // Rich text keeps the corpus words: strip tags and compare.
    const htmlText = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.body.textContent ?? '';
    }, copied.html);
    expect(htmlText.replace(/\s+/g, ' ')).toContain(passage.text.replace(/\s+/g, ' '));
    expect(htmlText).toContain(passage.citation);
    // Where the browser takes web custom formats, Markdown rides along in the same copy.
    const customFormats = await page.evaluate(() => {
      const supports = (ClipboardItem as unknown as { supports?: (t: string) => boolean }).supports;
      return supports?.('web text/markdown') ?? false;
    });
    if (customFormats) expect(copied.markdown).toContain(`> — ${passage.citation}`);
    expect(copied.types).toEqual(expect.arrayContaining(['text/plain', 'text/html']));

    await article.locator('[data-action=copy-markdown]').click();
    await textWhen(page.locator('#toast'), '(Markdown)');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown.startsWith('> ')).toBe(true);
    expect(markdown).toContain(`> — ${passage.citation}`);

    await page.locator('[data-action=copy-all]').click();
    await textWhen(page.locator('#toast'), 'Все цитаты');
    const all = await readClipboard(page);
    const groupNames = await page.locator('#results .region-group .region-title').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
    for (const name of groupNames) expect(all.plain).toContain(name);
    const totalShown = (await page.locator('#results .region-group .count').allTextContents()).reduce((n, t) => n + Number(t.match(/\d+/)?.[0]), 0);
    expect(all.plain).toContain(`${totalShown}. «`);
    expect(all.plain).not.toContain(`${totalShown + 1}. «`);
    expect(all.html.match(/<blockquote/g)?.length).toBe(totalShown);
  });

  it('copies markup from the corpus as text, escaped in the rich-text version', async () => {
    const page = await open(`/?q=${q('аквакультура датчики кислорода')}`, { clipboard: true });
    await page.locator('#results .region-group[data-region-id="ispytatelnaya-oblast"] [data-action=copy]').first().click();
    await textWhen(page.locator('#toast'), 'скопирована');
    const copied = await readClipboard(page);
    expect(copied.plain).toContain('<script>alert("xss-script")</script>');
    expect(copied.html).not.toContain('<script');
    expect(copied.html).not.toContain('<img');
  });
});

describe('URL', () => {
  it('holds query, mode, filters and tab: reload and back/forward restore the view', async () => {
    const page = await open(`/?q=${q('общественный транспорт')}&mode=keyword&region=tyumen&sector=transport`);
    const checkView = async (): Promise<void> => {
      expect(await valueWhen(page.locator('#q'), 'общественный транспорт')).toBe('общественный транспорт');
      await settled(page);
      expect(await page.locator('input[name=mode][value=keyword]').isChecked()).toBe(true);
      expect(await page.locator('#region-options input[value=tyumen]').isChecked()).toBe(true);
      expect(await page.locator('#sector-options input[value=transport]').isChecked()).toBe(true);
      expect(await groupIds(page)).toEqual(['tyumen']);
      expect(await textOf(page.locator('.status-summary'))).toContain('точные слова');
    };
    await checkView();
    await page.reload();
    await settled(page);
    await checkView();

    // A new search, then a mode switch: each is a history entry.
    await searchFor(page, 'здравоохранение');
    await page.locator('.segmented label', { hasText: 'по смыслу' }).click();
    await settled(page);
    expect(param(page, 'mode')).toBe('semantic');

    await page.goBack();
    expect(await checkedWhen(page.locator('input[name=mode][value=keyword]'), true)).toBe(true);
    expect(await page.locator('#q').inputValue()).toBe('здравоохранение');
    await page.goBack();
    await checkView();
    await page.goForward();
    expect(await valueWhen(page.locator('#q'), 'здравоохранение')).toBe('здравоохранение');
    await settled(page);

    // The tab is in the URL too.
    await page.locator('#tab-ask').click();
    await settled(page);
    expect(param(page, 'tab')).toBe('ask');
    await page.goBack();
    expect(await attrWhen(page.locator('#tab-search'), 'aria-selected', 'true')).toBe('true');
    expect(await textOf(page.locator('#submit'))).toBe('Найти');
  });

  it('a shared link with an open passage reopens it', async () => {
    const res = await fetch(`${server.baseUrl}/api/search?q=${q('здравоохранение')}&k=1`);
    const id = ((await res.json()) as { results: { id: string }[] }).results[0]?.id ?? '';
    const page = await open(`/?q=${q('здравоохранение')}&p=${encodeURIComponent(id)}`);
    await dialogLoaded(page);
    expect(await page.locator('#passage-dialog .passage.is-current').getAttribute('data-passage-id')).toBe(id);
  });
});

describe('keyboard and phone width', () => {
  it('tabs switch with arrow keys', async () => {
    const page = await open('/');
    await page.locator('#tab-search').focus();
    await page.keyboard.press('ArrowRight');
    expect(await attrWhen(page.locator('#tab-ask'), 'aria-selected', 'true')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-ask');
  });

  it('fits a 375 px phone: no horizontal scrolling; screenshots', async () => {
    const page = await open(`/?q=${q('общественный транспорт')}`, { viewport: PHONE });
    await heatmapSettled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('#filters-details').getAttribute('open')).toBeNull();
    await page.screenshot({ path: shot('search-phone') });
    await page.locator('#heatmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('heatmap-phone') });
    await page.screenshot({ path: shot('search-phone-full'), fullPage: true });

    await page.locator('#results [data-action=open]').first().click();
    await dialogLoaded(page);
    expect(await page.evaluate(() => document.getElementById('passage-dialog')?.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: shot('context-phone') });
    await page.keyboard.press('Escape');

    await page.locator('#tab-ask').click();
    await page.locator('#q').fill('Как регионы развивают телемедицину?');
    await page.locator('#submit').click();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: shot('ask-phone') });
  });
});

describe('README screenshot', () => {
  // Served from exactly the bundled corpus (no test fixture), as a user sees it after `npm start`.
  let clean: WebServer;
  beforeAll(async () => {
    clean = await startWebServer({ withMarkupFixture: false });
  });
  afterAll(async () => {
    await clean?.close();
  });

  it('search page on the bundled corpus', async () => {
    const t = await openPage(browser, clean.baseUrl, { viewport: { width: 1280, height: 1000 } });
    opened.push(t);
    await t.page.goto(`/?q=${q('общественный транспорт')}`);
    await settled(t.page);
    await heatmapSettled(t.page);
    expect(await t.page.locator('#heatmap tbody tr').count()).toBe(5);
    await t.page.screenshot({ path: shot('readme-search') });
    // The committed README image changes only on request, so a test run does not dirty the work tree.
    if (process.env.UPDATE_README_SCREENSHOT === '1' || !existsSync(README_SCREENSHOT)) {
      await mkdir(path.dirname(README_SCREENSHOT), { recursive: true });
      await t.page.screenshot({ path: README_SCREENSHOT });
    }
  });
});

describe('security headers', () => {
  it('the page is served with a Content-Security-Policy it satisfies', async () => {
    const res = await fetch(`${server.baseUrl}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // The CSP check of every page runs in afterEach; here an empty page load on its own.
    await open('/');
  });
});
