import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentLoadError } from '../../indexer/corpus/errors.js';
import { loadPdfFile, parsePdfBuffer } from '../../indexer/corpus/load-pdf.js';
import { decodeTextBuffer, loadTextFile } from '../../indexer/corpus/load-text.js';
import { readCorpus, type CorpusReadResult } from '../../indexer/corpus/read-corpus.js';
import { renderScannedPdf } from '../fixtures/pdf/render.js';

const FIXTURES = path.resolve('tests/fixtures/docs');
const fixture = (name: string) => path.join(FIXTURES, name);

async function loadError(promise: Promise<unknown>): Promise<DocumentLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentLoadError);
    return error as DocumentLoadError;
  }
  throw new Error('expected a DocumentLoadError');
}

describe('text loader', () => {
  it('decodes Windows-1251', async () => {
    const loaded = await loadTextFile(fixture('pskov-cp1251.txt'));
    expect(loaded.encoding).toBe('windows-1251');
    expect(loaded.pages).toHaveLength(1);
    expect(loaded.pages[0]!.page).toBeNull();
    expect(loaded.pages[0]!.text).toContain('государственного управления Псковской области');
    expect(loaded.textForm).toBe('layout');
  });

  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const text = 'Стратегия цифровой трансформации. '.repeat(20);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const loaded = decodeTextBuffer(bytes, 'bom.txt');
    expect(loaded.encoding).toBe('utf-8');
    expect(loaded.pages[0]!.text.startsWith('Стратегия')).toBe(true);
  });

  it('recognises a flattened one-line text', () => {
    const text = 'Раздел Основные положения Основания разработки стратегии области цифровой трансформации '.repeat(40);
    expect(decodeTextBuffer(new TextEncoder().encode(text), 'flat.txt').textForm).toBe('flattened');
  });

  it('rejects an empty file with a reason', async () => {
    const error = await loadError(loadTextFile(fixture('empty.txt')));
    expect(error.code).toBe('empty');
    expect(error.reason).toMatch(/empty/);
  });

  it('rejects whitespace, binary and unknown encodings', () => {
    const attempt = (bytes: Uint8Array) => {
      try {
        decodeTextBuffer(bytes, 'x.txt');
      } catch (error) {
        return (error as DocumentLoadError).code;
      }
      return 'accepted';
    };
    expect(attempt(new TextEncoder().encode('   \n\n  '))).toBe('empty');
    expect(attempt(Uint8Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))).toBe('binary');
    // Latin text with bytes that are not UTF-8 (0xA9 '©' in Latin-1 and Windows-1251): not Russian text.
    const latin = new TextEncoder().encode('Cafe strategy text ');
    expect(attempt(Uint8Array.from({ length: 600 }, (_, i) => (i % 20 === 19 ? 0xa9 : latin[i % 19]!)))).toBe('encoding');
  });

  it('reports a missing file', async () => {
    expect((await loadError(loadTextFile(fixture('missing.txt')))).code).toBe('not-found');
  });
});

describe('PDF loader', () => {
  it('extracts text per page with page numbers', async () => {
    const loaded = await loadPdfFile(fixture('novgorod.pdf'));
    expect(loaded.pageCount).toBe(3);
    expect(loaded.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(loaded.pages[1]!.text).toContain('2. Здравоохранение');
    expect(loaded.pages[2]!.text).toContain('Интеллектуальная транспортная система');
  });

  it('rejects a corrupt PDF with a reason', async () => {
    const error = await loadError(loadPdfFile(fixture('corrupt.pdf')));
    expect(error.code).toBe('corrupt-pdf');
    expect(error.reason).toMatch(/damaged|cannot be parsed/);
  });

  it('rejects a truncated PDF and a non-PDF', async () => {
    const bytes = await readFile(fixture('novgorod.pdf'));
    const truncated = await loadError(parsePdfBuffer(bytes.subarray(0, Math.floor(bytes.length / 3)), 'truncated.pdf'));
    expect(['corrupt-pdf', 'no-text']).toContain(truncated.code);
    const notPdf = await loadError(parsePdfBuffer(new TextEncoder().encode('just text'), 'fake.pdf'));
    expect(notPdf.code).toBe('corrupt-pdf');
    expect(notPdf.reason).toMatch(/%PDF-/);
  });

  it('refuses a scanned PDF whose pages have no text layer, saying so', async () => {
    const error = await loadError(parsePdfBuffer(await renderScannedPdf(3), 'scan.pdf'));
    expect(error.code).toBe('no-text');
    expect(error.reason).toMatch(/^3 of 4 pages have no text layer \(a scanned document\?\).*OCR/);
  });

  it('enforces the size limit', async () => {
    const error = await loadError(loadPdfFile(fixture('novgorod.pdf'), { maxBytes: 1000 }));
    expect(error.code).toBe('too-large');
  });
});

describe('readCorpus with added regions and broken files', () => {
  let dir: string;
  let result: CorpusReadResult;
  const events: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
    for (const name of ['novgorod.pdf', 'pskov-cp1251.txt', 'empty.txt', 'corrupt.pdf']) await copyFile(fixture(name), path.join(dir, name));
    await copyFile('corpus/luhansk.txt', path.join(dir, 'luhansk.txt'));
    const manifest = JSON.parse(await readFile('corpus/manifest.json', 'utf8')) as { documents: Array<{ file: string }> };
    await writeFile(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ documents: manifest.documents.filter((d) => d.file === 'luhansk.txt') }),
    );
    result = await readCorpus(dir, { onDocument: (e) => events.push(`${e.index + 1}/${e.total} ${e.file} ${e.failure ? 'failed' : 'ok'}`) });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('indexes the good documents and reports the bad ones by name with a reason', () => {
    expect(result.documents.map((d) => d.document.file).sort()).toEqual(['luhansk.txt', 'novgorod.pdf', 'pskov-cp1251.txt']);
    expect(result.failures.map((f) => f.file).sort()).toEqual(['corrupt.pdf', 'empty.txt']);
    for (const failure of result.failures) expect(failure.reason.length).toBeGreaterThan(10);
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.endsWith('failed'))).toHaveLength(2);
  });

  it('indexes the PDF with its real pages and outline, region inferred from the title', () => {
    const pdf = result.documents.find((d) => d.document.file === 'novgorod.pdf')!;
    expect(pdf.document.region).toBe('Новгородская область');
    expect(pdf.document.id).toBe('novgorod');
    expect(pdf.document.title).toMatch(/^Стратегия в области цифровой трансформации.*Новгородской области$/u);
    expect(pdf.warnings.map((w) => w.code)).toEqual(['region-from-text']);
    expect(pdf.warnings[0]!.message).toMatch(/inferred/);
    expect(pdf.pageCount).toBe(3);
    expect(pdf.outline.map((s) => `${s.number}|${s.title}|${s.page}|${s.sector}`)).toEqual([
      '1|Общие положения|1|general',
      '1.1|Основания разработки|1|general',
      '2|Здравоохранение|2|health',
      '2.1|Телемедицина|2|health',
      '3|Транспорт и логистика|3|transport',
    ]);
    expect(pdf.passages.map((p) => p.page)).toEqual([1, 1, 2, 2, 3]);
    expect(pdf.passages[2]!.section.path).toBe('2. Здравоохранение');
    expect(pdf.passages[3]!.section.path).toBe('2. Здравоохранение › 2.1. Телемедицина');
    // The footer page numbers are not passage text.
    for (const p of pdf.passages) expect(p.text).not.toMatch(/\s\d$/u);
  });

  it('indexes the Windows-1251 text with its region and pages', () => {
    const pskov = result.documents.find((d) => d.document.file === 'pskov-cp1251.txt')!;
    expect(pskov.document.region).toBe('Псковская область');
    expect(pskov.outline.map((s) => `${s.number}|${s.title}`)).toEqual([
      '1|Основные положения',
      '1.1|Основания разработки',
      '2|Проблемы и вызовы цифровой трансформации',
      '2.1|Образование и наука',
    ]);
    const education = pskov.passages.find((p) => p.section.number === '2.1')!;
    expect(education.sector).toBe('education');
    expect(education.page).toBe(2);
    expect(education.text).toContain('учителя тратят много времени на отчеты');
  });

  it('uses the manifest entry where there is one', () => {
    const luhansk = result.documents.find((d) => d.document.file === 'luhansk.txt')!;
    expect(luhansk.document.region).toBe('Луганская Народная Республика');
    expect(luhansk.warnings).toEqual([]);
  });
});
