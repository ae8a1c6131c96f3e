import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedIndex } from '../../indexer/index/load.js';
import { ask } from '../../retrieval/methods/ask.js';
import { search, type SearchResponse } from '../../retrieval/methods/search.js';
import { DEFAULT_RETRIEVAL } from '../../retrieval/options.js';
import { understandQuery } from '../../retrieval/query-understanding.js';
import { QUERY_CACHE_ENTRIES, SearchIndex } from '../../retrieval/search-index.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { buildTinyModelIndex, getJson, startAppOn, TINY_MODEL } from './helpers.js';

/**
 * The per-index query caches (plans, query vectors of both spaces, baselines): bounded, and invisible in results —
 * every answer equals the one computed with the caches off. On an index built with a transformers.js model (a tiny
 * random-weight BERT standing in for e5), so both the model's and the concept model's query vectors are cached.
 */
let dir: string;
let loaded: LoadedIndex;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'query-cache-'));
  ({ loaded } = await buildTinyModelIndex(dir));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const QUERIES = ['телемедицина', 'запись к врачу через интернет', 'ЕПГУ', 'цифровые платформы в Тюменской области', 'telemedicine'];
const withoutTiming = (r: SearchResponse) => ({ ...r, tookMs: 0 });

describe('query caches', () => {
  it('give every search and ask the same answer as no cache, on first sight and on repeats', async () => {
    const cached = new SearchIndex(loaded);
    const uncached = new SearchIndex(loaded, { queryCacheEntries: 0 });
    for (let round = 0; round < 2; round++) {
      for (const q of QUERIES) {
        for (const mode of ['hybrid', 'keyword', 'semantic'] as const) {
          expect(withoutTiming(await search(cached, { q, mode, k: 10 }))).toEqual(withoutTiming(await search(uncached, { q, mode, k: 10 })));
        }
        expect(withoutTiming(await search(cached, { q, k: 3, groupBy: 'region', detectRegions: false }))).toEqual(
          withoutTiming(await search(uncached, { q, k: 3, groupBy: 'region', detectRegions: false })),
        );
        const a = await ask(cached, { question: q });
        const b = await ask(uncached, { question: q });
        expect({ ...a, tookMs: 0 }).toEqual({ ...b, tookMs: 0 });
      }
    }
  }, 120_000);

  it('reuse a query vector and a plan for a repeated text, and keep region detection apart', async () => {
    const index = new SearchIndex(loaded);
    const first = await index.queryVector('телемедицина');
    expect(await index.queryVector('телемедицина')).toBe(first);
    expect(await index.conceptQueryVector('телемедицина')).toBe(await index.conceptQueryVector('телемедицина'));
    const plan = understandQuery(index, 'телемедицина в Тюменской области', {}, DEFAULT_RETRIEVAL);
    expect(understandQuery(index, 'телемедицина в Тюменской области', {}, DEFAULT_RETRIEVAL)).toBe(plan);
    const undetected = understandQuery(index, 'телемедицина в Тюменской области', { detectRegions: false }, DEFAULT_RETRIEVAL);
    expect(undetected).not.toBe(plan);
    expect(plan.regions.map((r) => r.regionId)).toEqual(['tyumen']);
    expect(undetected.regions).toEqual([]);
  });

  it('stay within their bound: the least recently used query is embedded again', async () => {
    const index = new SearchIndex(loaded, { queryCacheEntries: 2 });
    const a = await index.queryVector('школы');
    await index.queryVector('больницы');
    await index.queryVector('дороги'); // evicts «школы»
    const again = await index.queryVector('школы');
    expect(again).not.toBe(a);
    expect(Array.from(again)).toEqual(Array.from(a));
    expect(await index.queryVector('школы')).toBe(again);
  });

  it('are off with queryCacheEntries 0, and a negative or fractional size is refused', async () => {
    const index = new SearchIndex(loaded, { queryCacheEntries: 0 });
    expect(await index.queryVector('школы')).not.toBe(await index.queryVector('школы'));
    expect(() => new SearchIndex(loaded, { queryCacheEntries: -1 })).toThrow(RangeError);
    expect(() => new SearchIndex(loaded, { queryCacheEntries: 1.5 })).toThrow(RangeError);
  });
});

describe('server option queryCacheEntries', () => {
  it('defaults to QUERY_CACHE_ENTRIES, reads --query-cache-entries and QUERY_CACHE_ENTRIES, and refuses a negative size by name', () => {
    expect(loadConfig([], {}).config.queryCacheEntries).toBe(QUERY_CACHE_ENTRIES);
    expect(loadConfig(['--query-cache-entries', '0'], {}).config.queryCacheEntries).toBe(0);
    expect(loadConfig([], { QUERY_CACHE_ENTRIES: '64' }).config.queryCacheEntries).toBe(64);
    expect(() => loadConfig(['--query-cache-entries=-1'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--query-cache-entries=-1'], {})).toThrow(/queryCacheEntries/);
    expect(() => loadConfig([], { QUERY_CACHE_ENTRIES: 'many' })).toThrow(/queryCacheEntries/);
  });

  it('reaches the index the server answers from', async () => {
    const { app, baseUrl } = await startAppOn(loaded, { indexDir: path.join(dir, 'index'), modelsDir: TINY_MODEL.modelsDir, watchIndex: false, queryCacheEntries: 0 });
    try {
      const { status } = await getJson(baseUrl, `/api/search?q=${encodeURIComponent('телемедицина')}`);
      expect(status).toBe(200);
      const current = app.indexHolder.current;
      expect(await current.queryVector('телемедицина')).not.toBe(await current.queryVector('телемедицина'));
    } finally {
      await app.close();
    }
  });
});
