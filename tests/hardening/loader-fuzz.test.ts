import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../indexer/corpus/read-corpus.js';
import { seededRandom } from '../fixtures/seeded-random.js';

/**
 * Fuzzing the loaders through the real corpus reader: every hostile file is either indexed or rejected with a
 * reason, the reader never throws or hangs, and the good document next to them is always indexed.
 */

const repo = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repo, 'tests/fixtures/docs');


function randomBytes(rand: () => number, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

let dir: string;
const cases = new Map<string, Buffer>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fuzz-corpus-'));
  const pdf = await readFile(path.join(fixtures, 'novgorod.pdf'));
  const cp1251 = await readFile(path.join(fixtures, 'pskov-cp1251.txt'));
  const utf8 = Buffer.from('Стратегия цифровой трансформации Псковской области. 1. Основные положения. Здравоохранение и образование.\n', 'utf8');
  const rand = seededRandom(20261122);

  for (let i = 0; i < 8; i++) cases.set(`random-${i}.txt`, randomBytes(rand, 1 + Math.floor(rand() * 20_000)));
  for (let i = 0; i < 4; i++) cases.set(`random-${i}.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(rand, 5_000)]));
  for (const fraction of [0.1, 0.35, 0.6, 0.9, 0.99]) {
    cases.set(`truncated-${Math.round(fraction * 100)}.pdf`, pdf.subarray(0, Math.floor(pdf.length * fraction)));
  }
  // One line of 6 MB: no line breaks, no punctuation, like the flattened texts but far longer.
  cases.set('huge-line.txt', Buffer.from('цифровая трансформация здравоохранения Тверской области '.repeat(110_000), 'utf8'));
  cases.set('mixed-encodings.txt', Buffer.concat([utf8, cp1251, utf8, cp1251]));
  cases.set('nul-bytes.txt', Buffer.concat([utf8, Buffer.alloc(4096), utf8]));
  cases.set('only-whitespace.txt', Buffer.from(' \n\t\r\n   \n'.repeat(200)));
  cases.set('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]));
  cases.set('pdf-header-only.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  cases.set('text-named-pdf.pdf', utf8);

  for (const [name, bytes] of cases) await writeFile(path.join(dir, name), bytes);
  await copyFile(path.join(repo, 'corpus/luhansk.txt'), path.join(dir, 'luhansk.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loader fuzzing', () => {
  it('indexes or rejects each hostile file with a reason, and still indexes the good document', async () => {
    const seen: string[] = [];
    const result = await readCorpus(dir, { onDocument: (e) => seen.push(e.file) });

    const indexed = new Map(result.documents.map((d) => [d.document.file, d]));
    const failed = new Map(result.failures.map((f) => [f.file, f.reason]));
    for (const name of cases.keys()) {
      const outcome = indexed.get(name);
      const reason = failed.get(name);
      expect(Boolean(outcome) !== Boolean(reason), `${name} must be indexed xor rejected`).toBe(true);
      if (reason) expect(reason.length, `${name} rejected without a reason`).toBeGreaterThan(10);
      if (outcome) expect(outcome.passages.length, `${name} indexed with no passages`).toBeGreaterThan(0);
    }
    expect(seen.length).toBe(cases.size + 1);

    const good = indexed.get('luhansk.txt');
    expect(good?.passages.length).toBeGreaterThan(50);

    // Random bytes and broken PDFs are not documents.
    for (const name of ['random-0.txt', 'random-0.pdf', 'truncated-10.pdf', 'pdf-header-only.pdf', 'bom-only.txt', 'only-whitespace.txt']) {
      expect(failed.has(name), `${name} should be rejected`).toBe(true);
    }
    // A huge single line is still text: indexed, with passages of bounded length.
    const huge = indexed.get('huge-line.txt');
    expect(huge).toBeDefined();
    expect(Math.max(...huge!.passages.map((p) => p.text.length))).toBeLessThanOrEqual(2500);
  });
});
