import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type CorpusReadResult } from '../../indexer/corpus/read-corpus.js';
import { assessTextQuality, TEXT_QUALITY_LIMITS, type TextQuality } from '../../indexer/corpus/text-quality.js';
import { goodSamples, junkSamples, randomBytes } from './text-quality-samples.js';

const measured: Array<{ sample: string } & TextQuality & { refused: string }> = [];

afterAll(() => {
  // The measurements the limits in text-quality.ts are justified by.
  console.table(measured);
});

describe('text quality gate', () => {
  it('accepts every bundled strategy and English prose, well inside the limits', async () => {
    for (const [name, text] of Object.entries(await goodSamples())) {
      const { quality, reason } = await assessTextQuality(text);
      measured.push({ sample: name, ...quality, refused: reason ?? '' });
      expect(reason, name).toBeNull();
      expect(quality.mojibakePer100Letters, name).toBeLessThanOrEqual(TEXT_QUALITY_LIMITS.maxMojibakePer100Letters / 10);
      if (quality.script === 'cyrillic') expect(quality.wordShare, name).toBeGreaterThan(TEXT_QUALITY_LIMITS.minDictionaryShare + 0.3);
    }
  });

  it('refuses random bytes, mojibake and letter salad, each with the reason that applies', async () => {
    for (const [name, { text, reason: expected }] of Object.entries(await junkSamples())) {
      const { quality, reason } = await assessTextQuality(text);
      measured.push({ sample: name, ...quality, refused: reason ?? '' });
      expect(reason, name).not.toBeNull();
      expect(reason, name).toMatch(expected);
    }
  });
});

describe('junk dropped into the corpus', () => {
  let dir: string;
  let result: CorpusReadResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'corpus-junk-'));
    // Random bytes without NUL: valid Windows-1251, so the loader alone would index it as a region «Musor».
    await writeFile(path.join(dir, 'musor.txt'), randomBytes(6000, 0x20, 0xff, 3));
    // A strategy whose UTF-8 bytes were once read as Latin-1 and saved again as UTF-8.
    const tyumen = (await readFile('corpus/tyumen.txt', 'utf8')).slice(0, 20_000);
    await writeFile(path.join(dir, 'mojibake.txt'), Buffer.from(tyumen, 'utf8').toString('latin1'));
    await copyFile('tests/fixtures/docs/pskov-cp1251.txt', path.join(dir, 'pskov-cp1251.txt'));
    result = await readCorpus(dir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses them by name with the reason, and indexes the real document', () => {
    expect(result.documents.map((d) => d.document.file)).toEqual(['pskov-cp1251.txt']);
    expect(result.documents.map((d) => d.document.region)).not.toContain('Musor');
    const reasons = Object.fromEntries(result.failures.map((f) => [f.file, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['mojibake.txt', 'musor.txt']);
    expect(reasons['musor.txt']).toMatch(/does not read as Russian|letters/);
    expect(reasons['mojibake.txt']).toMatch(/mojibake.*UTF-8/);
  });
});
