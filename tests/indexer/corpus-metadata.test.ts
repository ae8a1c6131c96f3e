import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverCorpus } from '../../indexer/corpus/discover.js';
import { inferDocumentInfo } from '../../indexer/corpus/infer-region.js';
import { ManifestError, parseManifest, readManifest } from '../../indexer/corpus/manifest.js';
import { slugify } from '../../indexer/corpus/slug.js';

describe('manifest', () => {
  it('reads the bundled manifest', async () => {
    const manifest = await readManifest('corpus');
    expect(manifest?.documents.map((d) => d.file)).toContain('tver.txt');
    expect(manifest?.documents.find((d) => d.file === 'tver.txt')?.text_form).toBe('flattened');
  });

  it('returns null when there is no manifest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nomanifest-'));
    try {
      expect(await readManifest(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the offending fields of an invalid manifest', () => {
    expect(() => parseManifest('{"documents":[{"file":"a.txt","title":"T"}]}')).toThrow(ManifestError);
    expect(() => parseManifest('{"documents":[{"file":"a.txt","title":"T"}]}')).toThrow(/documents\.0\.region/);
    expect(() => parseManifest('{"documents":[{"file":"../a.txt","region":"R","title":"T"}]}')).toThrow(/documents\.0\.file/);
    expect(() => parseManifest('{"documents":[{"file":"a.txt","region":"R","title":"T","text_form":"weird"}]}')).toThrow(/text_form/);
    expect(() => parseManifest('{"documents":[{"file":"a.txt","region":"R","title":"T"},{"file":"a.txt","region":"R","title":"T"}]}')).toThrow(/duplicate/);
    expect(() => parseManifest('{not json')).toThrow(/not valid JSON/);
  });
});

describe('region inference', () => {
  const cases: Array<[string, string]> = [
    ['Стратегия в области цифровой трансформации отраслей экономики, социальной сферы и государственного управления Тверской области', 'Тверская область'],
    ['Стратегия области цифровой трансформации отраслей экономики социальной сферы государственного управления Тверской области', 'Тверская область'],
    ['Стратегия … государственного управления Хабаровского края', 'Хабаровский край'],
    ['Стратегия … государственного управления Карачаево-Черкесской Республики', 'Карачаево-Черкесская Республика'],
    ['Стратегия … государственного управления Луганской Народной Республики', 'Луганская Народная Республика'],
    ['Стратегия … государственного управления Республики Татарстан', 'Республика Татарстан'],
    ['Стратегия … государственного управления Ханты-Мансийского автономного округа – Югры', 'Ханты-Мансийский автономный округ — Югра'],
    ['Стратегия … государственного управления Еврейской автономной области', 'Еврейская автономная область'],
    ['Стратегия … государственного управления города Москвы', 'Москва'],
    ['Утверждаю Губернатор Тверской области … Стратегия цифровой трансформации Тюменской области на 2025–2030 годы', 'Тюменская область'],
    ['Стратегия цифровой трансформации Новгородской области', 'Новгородская область'],
    ['Стратегия … государственного управления Ставропольского края', 'Ставропольский край'],
  ];
  it.each(cases)('%s → %s', (text, region) => {
    expect(inferDocumentInfo(text)?.region).toBe(region);
  });

  it('returns null when no region is named, or only one that is not a subject of the Federation', () => {
    expect(inferDocumentInfo('Просто текст без названия региона.')).toBeNull();
    expect(inferDocumentInfo('Стратегия цифровой трансформации Мусорной области')).toBeNull();
  });

  it('takes the id from the table of subjects and the period from the title', () => {
    const info = inferDocumentInfo('Стратегия в области цифровой трансформации Тюменской области на 2025 – 2030 годы\nI. Общие положения');
    expect(info).toMatchObject({ region: 'Тюменская область', period: '2025-2030' });
    expect(info?.subject.id).toBe('tyumen');
    expect(inferDocumentInfo('Стратегия … Хабаровского края на период до 2030 года')?.period).toBe('до 2030');
    expect(inferDocumentInfo('Стратегия … Хабаровского края')?.period).toBeNull();
  });
});

describe('discovery', () => {
  it('uses manifest entries, infers the rest and falls back to the file name with a warning', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'discover-'));
    try {
      const body = 'Текст документа о цифровой трансформации. '.repeat(20);
      await writeFile(path.join(dir, 'Kursk Strategy.txt'), `Стратегия в области цифровой трансформации Курской области\n${body}`);
      await writeFile(path.join(dir, 'unknown_region.txt'), body);
      await writeFile(path.join(dir, 'notes.docx'), 'ignored');
      await writeFile(
        path.join(dir, 'manifest.json'),
        JSON.stringify({ documents: [{ file: 'gone.txt', region: 'Орловская область', title: 'Стратегия' }] }),
      );
      const docs = await discoverCorpus(dir);
      const byFile = Object.fromEntries(docs.map((d) => [d.file, d]));
      expect(Object.keys(byFile).sort()).toEqual(['Kursk Strategy.txt', 'gone.txt', 'unknown_region.txt']);
      expect(byFile['Kursk Strategy.txt']).toMatchObject({ id: 'kursk-strategy', regionId: 'kursk', region: 'Курская область', origin: 'text' });
      expect(byFile['unknown_region.txt']).toMatchObject({ id: 'unknown-region', regionId: 'unknown-region', region: 'Unknown region', origin: 'file-name' });
      expect(byFile['gone.txt']).toMatchObject({ regionId: 'oryol', region: 'Орловская область' });
      expect(byFile['unknown_region.txt']!.warnings[0]!.code).toBe('region-from-file-name');
      expect(byFile['unknown_region.txt']!.warnings[0]!.message).toMatch(/file name/);
      expect(byFile['gone.txt']!.loadError?.code).toBe('not-found');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives the documents of one region one region id from the table, whatever their files are called', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'discover-'));
    try {
      const body = 'Текст документа о цифровой трансформации. '.repeat(20);
      // Sorted first, so under the old rule ("the first file's id") the region would have been called "a-revision".
      await writeFile(path.join(dir, 'a-revision.txt'), `Стратегия цифровой трансформации Тверской области на 2025-2030 годы\n${body}`);
      await writeFile(path.join(dir, 'novgorod-2024.txt'), body);
      await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ documents: [
        { file: 'tver.txt', region: 'Тверская обл.', title: 'Стратегия', period: '2022-2024' },
        { file: 'nowhere.txt', region: 'Тестовая область', title: 'Стратегия' },
      ] }));
      await writeFile(path.join(dir, 'tver.txt'), body);
      await writeFile(path.join(dir, 'nowhere.txt'), body);
      const byFile = Object.fromEntries((await discoverCorpus(dir)).map((d) => [d.file, d]));
      expect(byFile['a-revision.txt']).toMatchObject({ id: 'a-revision', regionId: 'tver', region: 'Тверская область', period: '2025-2030' });
      expect(byFile['tver.txt']).toMatchObject({ id: 'tver', regionId: 'tver', region: 'Тверская область', period: '2022-2024' });
      // No region in the text: the file name still names a subject.
      expect(byFile['novgorod-2024.txt']).toMatchObject({ regionId: 'novgorod', region: 'Новгородская область', origin: 'file-name' });
      expect(byFile['nowhere.txt']).toMatchObject({ regionId: 'testovaya-oblast', region: 'Тестовая область' });
      expect(byFile['nowhere.txt']!.warnings.map((w) => w.code)).toEqual(['region-not-in-table']);
      expect(byFile['nowhere.txt']!.warnings[0]!.message).toMatch(/not one of the 89 subjects/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('slugifies Cyrillic and punctuation', () => {
    expect(slugify('Тверская область')).toBe('tverskaya-oblast');
    expect(slugify('Tver_2021')).toBe('tver-2021');
    expect(slugify('«»')).toBe('document');
  });
});
