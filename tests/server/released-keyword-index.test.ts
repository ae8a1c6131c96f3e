import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { search } from '../../retrieval/methods/search.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { uniqueTerms } from '../../retrieval/text.js';
import { getJson, startAppOn } from './helpers.js';

/**
 * Once the search structures are built, the lunr index is garbage: its postings live on in the flat impact
 * arrays, and keeping it held the keyword index twice (≈ 10 KB a passage, bench/MEMORY.md).
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let dir: string;
let indexDir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'released-keyword-'));
  const corpus = path.join(dir, 'corpus');
  await mkdir(corpus);
  await copyFile('corpus/tyumen.txt', path.join(corpus, 'tyumen.txt'));
  const manifest = JSON.parse(await readFile('corpus/manifest.json', 'utf8')) as { documents: Array<{ file: string }> };
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents: manifest.documents.filter((d) => d.file === 'tyumen.txt') }));
  indexDir = path.join(dir, 'index');
  await buildIndex({ corpusDir: corpus, outDir: indexDir, cacheDir: path.join(dir, 'cache'), embedder: 'offline' });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Whether `ref`'s object survives a full collection (a WeakRef holds its target until the current job ends). */
async function survivesGc(ref: WeakRef<object>): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  return ref.deref() !== undefined;
}

/** Loads the index, hands it to `use`, and returns what `use` made plus a weak reference to the lunr index: nothing else keeps the loaded index. */
async function loadWith<T extends object>(use: (loaded: LoadedIndex) => T | Promise<T>): Promise<T & { lunrIndex: WeakRef<object> }> {
  const loaded = await loadIndex(indexDir);
  return { ...(await use(loaded)), lunrIndex: new WeakRef(loaded.keyword) };
}

describe('the lunr index after load', () => {
  it('is not kept by a SearchIndex, which still finds by keyword and knows its vocabulary', async () => {
    const { lunrIndex, expected, index } = await loadWith((loaded) => ({ expected: loaded.keyword.search('телемедицинских').length, index: new SearchIndex(loaded) }));
    expect(await survivesGc(lunrIndex)).toBe(false);
    expect(expected).toBeGreaterThan(0);
    expect(index.hasTerm(uniqueTerms('телемедицинских')[0]!)).toBe(true);
    expect(index.hasTerm('абырвалг')).toBe(false);
    const { results } = await search(index, { q: 'телемедицинских', mode: 'keyword', k: 5 });
    expect(results.length).toBeGreaterThan(0);
  });

  it('is not kept by the server app', async () => {
    const { lunrIndex, app, baseUrl } = await loadWith((loaded) => startAppOn(loaded, { indexDir, watchIndex: false }));
    try {
      expect(await survivesGc(lunrIndex)).toBe(false);
      const { status } = await getJson(baseUrl, `/api/search?q=${encodeURIComponent('телемедицина')}&mode=keyword`);
      expect(status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
