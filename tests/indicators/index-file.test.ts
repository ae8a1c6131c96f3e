import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { IndexLoadError, loadIndex } from '../../indexer/index/load.js';
import { INDEX_FILES } from '../../indexer/index/schemas.js';

describe('indicators.json in the index', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'indicators-index-'));
    await copyFile('corpus/tyumen.txt', path.join(dir, 'tyumen.txt'));
    const manifest = JSON.parse(await readFile('corpus/manifest.json', 'utf8')) as { documents: Array<{ file: string }> };
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({ documents: manifest.documents.filter((d) => d.file === 'tyumen.txt') }));
    await buildIndex({ corpusDir: dir, outDir: path.join(dir, 'index'), cacheDir: path.join(dir, 'cache'), embedder: 'offline' });
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is written with its checksum in the manifest and loaded with the index', async () => {
    const index = await loadIndex(path.join(dir, 'index'));
    expect(index.manifest.files[INDEX_FILES.indicators]).toMatch(/^[0-9a-f]{64}$/u);
    expect(index.indicators.length).toBeGreaterThan(50);
    const row = index.indicators.find((r) => r.name.startsWith('Доля записей на прием к врачу'))!;
    expect(row).toMatchObject({ regionId: 'tyumen', sector: 'health', values: [{ year: 2022, raw: '48' }, { year: 2023, raw: '56' }, { year: 2024, raw: '63' }] });
    expect(index.passageIndexById.has(row.passageId!)).toBe(true);
  });

  it('is refused when it does not match its checksum', async () => {
    const file = path.join(dir, 'index', INDEX_FILES.indicators);
    await writeFile(file, '[]');
    await expect(loadIndex(path.join(dir, 'index'))).rejects.toThrow(IndexLoadError);
  });
});
