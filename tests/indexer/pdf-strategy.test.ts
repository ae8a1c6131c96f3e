/**
 * A realistic strategy PDF rendered by the test (tests/fixtures/pdf/strategy.ts): contents laid out as a table,
 * running header and footer, a subsection the contents leave out, a table over a page break, a two-column page.
 * Asserts the outline, the pages and where passages start and stop.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type ParsedDocument } from '../../indexer/corpus/read-corpus.js';
import { INDICATORS, renderStrategyPdf, RUNNING_HEADER, STRATEGY_HEADINGS, STRATEGY_REGION, TABLE_ROWS } from '../fixtures/pdf/strategy.js';

let dir: string;
let doc: ParsedDocument;
let headingPages: Map<string, number>;
let renderedPages: number;

beforeAll(async () => {
  const rendered = await renderStrategyPdf();
  headingPages = rendered.pages;
  renderedPages = rendered.pageCount;
  dir = await mkdtemp(path.join(tmpdir(), 'pdf-strategy-'));
  await writeFile(path.join(dir, 'vologda-strategy.pdf'), rendered.bytes);
  const result = await readCorpus(dir);
  expect(result.failures).toEqual([]);
  doc = result.documents[0]!;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a strategy PDF as Word exports it', () => {
  it('has its pages and its region', () => {
    expect(renderedPages).toBe(7);
    expect(doc.pageCount).toBe(7);
    expect(doc.document.region).toBe(STRATEGY_REGION);
  });

  it('finds every heading, from the contents table and the one the contents leave out, on its page', () => {
    expect(doc.outline.map((s) => `${s.number}|${s.title}|${s.level}|${s.page}`)).toEqual(
      STRATEGY_HEADINGS.map((h) => `${h.number}|${h.title}|${h.level}|${headingPages.get(h.number)}`),
    );
    expect(STRATEGY_HEADINGS.find((h) => h.number === '2.3')?.inContents).toBe(false);
    // Nothing is missing, so nothing to warn about but the inferred region.
    expect(doc.warnings.map((w) => w.code)).toEqual(['region-from-text']);
  });

  it('tags sectors by section; the resources section stays general although it names sector programmes', () => {
    const sectors = Object.fromEntries(doc.outline.map((s) => [s.number, s.sector]));
    expect(sectors).toMatchObject({ '2.1': 'health', '2.2': 'education', '2.3': 'social', '2.4': 'transport', '4.1': 'general', '4.2': 'general' });
    const financing = doc.passages.filter((p) => p.section.number === '4.1');
    expect(financing.length).toBeGreaterThan(0);
    expect(financing[0]!.text).toContain('«Развитие образования и науки»');
    for (const p of financing) expect(p.sector).toBe('general');
  });

  it('keeps running headers, footers and the contents out of passages', () => {
    for (const p of doc.passages) {
      expect(p.text).not.toContain(RUNNING_HEADER);
      expect(p.text).not.toMatch(/– \d+ –/u);
      expect(p.text).not.toMatch(/^Содержание/u);
    }
  });

  it('never lets a passage run across a heading, and starts each section with its own text', () => {
    const labels = STRATEGY_HEADINGS.map((h) => `${h.number}. ${h.title}`);
    for (const p of doc.passages) for (const label of labels) expect(p.text, p.section.path).not.toContain(label);
    const first = (number: string) => doc.passages.find((p) => p.section.number === number)!;
    expect(first('1').text).toMatch(/^Стратегия определяет цели/u);
    expect(first('2.3').text).toMatch(/^Меры социальной поддержки/u);
    expect(first('2.3').page).toBe(headingPages.get('2.3'));
    expect(first('2.2').text).toMatch(/неравномерно\.$/u);
  });

  it('reads the two-column page column by column, on its page', () => {
    const transport = doc.passages.filter((p) => p.section.number === '2.4');
    const text = transport.map((p) => p.text).join(' ');
    expect(text).toMatch(/^Интеллектуальная транспортная система области собирает данные о пассажиропотоке/u);
    expect(text.indexOf('банковской картой')).toBeLessThan(text.indexOf('Грузовые перевозчики'));
    expect(text).toMatch(/в зависимости от интенсивности движения\.$/u);
    for (const p of transport) expect([p.page, p.pageEnd]).toEqual([headingPages.get('2.4'), headingPages.get('2.4')]);
  });

  it('keeps every row of the table over the page break whole, on its page, without the repeated header', () => {
    const table = doc.passages.filter((p) => p.kind === 'table');
    expect(table.every((p) => p.section.number === '3')).toBe(true);
    const headerRepeats = table.map((p) => p.text.split('№ Показатель Ед. изм.').length - 1);
    expect(headerRepeats.reduce((a, b) => a + b, 0)).toBe(1); // printed on both pages, kept once
    for (let row = 1; row <= TABLE_ROWS; row++) {
      const values = `% ${39 + row} ${49 + row} ${59 + row}`;
      const holding = table.filter((p) => ` ${p.text}`.includes(` ${row} ${INDICATORS[(row - 1) % INDICATORS.length]}`));
      expect(holding, `row ${row}`).toHaveLength(1);
      expect(holding[0]!.text, `row ${row}`).toContain(`${INDICATORS[(row - 1) % INDICATORS.length]} ${values}`);
    }
    const pageOf = (row: number) => table.find((p) => p.text.includes(`% ${39 + row} ${49 + row} ${59 + row}`))!.page;
    expect(pageOf(1)).toBe(headingPages.get('3'));
    expect(pageOf(TABLE_ROWS)).toBe(headingPages.get('3')! + 1);
  });
});
