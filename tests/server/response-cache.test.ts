import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { RESPONSE_CACHE_ENTRIES } from '../../server/plugins/app/response-cache.js';
import { buildTinyModelIndex, getJson, postJson, q, startAppOn, TINY_MODEL, type ErrorBody } from './helpers.js';

/**
 * The server's response cache: a repeated request is answered from memory (`X-Cache: hit`) with the same body the
 * ranking gives (only `tookMs` differs), failures are not kept, a new index starts empty, and 0 turns it off. Real
 * servers on ports, over an index built with a transformers.js model (the tiny stand-in for e5).
 */
let dir: string;
let indexDir: string;
let loaded: LoadedIndex;
let cached: { app: FastifyInstance; baseUrl: string };
let uncached: { app: FastifyInstance; baseUrl: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'response-cache-'));
  ({ indexDir, loaded } = await buildTinyModelIndex(dir));
  const config = { indexDir, modelsDir: TINY_MODEL.modelsDir, watchIndex: false };
  cached = await startAppOn(loaded, { ...config, responseCacheEntries: 4 });
  uncached = await startAppOn(loaded, { ...config, responseCacheEntries: 0 });
}, 300_000);

afterAll(async () => {
  await cached?.app.close();
  await uncached?.app.close();
  await rm(dir, { recursive: true, force: true });
});

const withoutTiming = <T>(body: T) => ({ ...body, tookMs: 0 });
const searchPath = (query: string, extra: Record<string, string> = {}) => `/api/search?${q({ q: query, mode: 'hybrid', ...extra })}`;

describe('response cache', () => {
  it('answers a repeated search, ask, indicators and similar request from memory with the body the ranking gives', async () => {
    const first = await getJson(cached.baseUrl, searchPath('телемедицина'));
    const again = await getJson(cached.baseUrl, searchPath('телемедицина'));
    const fresh = await getJson(uncached.baseUrl, searchPath('телемедицина'));
    expect([first.headers.get('x-cache'), again.headers.get('x-cache'), fresh.headers.get('x-cache')]).toEqual(['miss', 'hit', 'miss']);
    expect(withoutTiming(again.body)).toEqual(withoutTiming(first.body));
    expect(withoutTiming(again.body)).toEqual(withoutTiming(fresh.body));

    const question = { question: 'Какие цели по телемедицине?' };
    const askFirst = await postJson(cached.baseUrl, '/api/ask', question);
    const askAgain = await postJson(cached.baseUrl, '/api/ask', question);
    expect([askFirst.headers.get('x-cache'), askAgain.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(withoutTiming(askAgain.body)).toEqual(withoutTiming((await postJson(uncached.baseUrl, '/api/ask', question)).body));

    const indicators = `/api/indicators?${q({ q: 'доля' })}`;
    expect((await getJson(cached.baseUrl, indicators)).headers.get('x-cache')).toBe('miss');
    expect((await getJson(cached.baseUrl, indicators)).headers.get('x-cache')).toBe('hit');

    const id = (first.body as { results: { id: string }[] }).results[0]!.id;
    const similar = `/api/passages/${encodeURIComponent(id)}/similar?${q({ k: 3 })}`;
    const similarFirst = await getJson(cached.baseUrl, similar);
    const similarAgain = await getJson(cached.baseUrl, similar);
    expect([similarFirst.headers.get('x-cache'), similarAgain.headers.get('x-cache')]).toEqual(['miss', 'hit']);
    expect(similarAgain.body).toEqual(similarFirst.body);
  });

  it('keys on every parameter: another mode, k or filter is ranked afresh', async () => {
    await getJson(cached.baseUrl, searchPath('цифровая школа'));
    const variations: Record<string, string>[] = [{ mode: 'keyword' }, { k: '3' }, { sector: 'education' }, { detectRegions: 'false' }];
    for (const extra of variations) {
      const { status, headers } = await getJson(cached.baseUrl, searchPath('цифровая школа', extra));
      expect(status).toBe(200);
      expect(headers.get('x-cache')).toBe('miss');
    }
  });

  it('shares one ranking among identical requests arriving together', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, () => getJson(cached.baseUrl, searchPath('широкополосный интернет в сёлах'))));
    expect(responses.map((r) => r.headers.get('x-cache')).filter((h) => h === 'miss')).toHaveLength(1);
    for (const r of responses) expect(withoutTiming(r.body)).toEqual(withoutTiming(responses[0]!.body));
  });

  it('keeps no failure: an unknown region is refused every time, naming the field', async () => {
    for (let i = 0; i < 2; i++) {
      const { status, body } = await getJson<ErrorBody>(cached.baseUrl, searchPath('школы', { region: 'нет-такого-региона' }));
      expect(status).toBe(400);
      expect(body.field).toBe('region');
    }
  });

  it('holds at most its configured number of responses (least recently used goes first)', async () => {
    const queries = ['дороги', 'больницы', 'школы', 'связь', 'кадры'];
    for (const query of queries) await getJson(cached.baseUrl, searchPath(query)); // 5 into 4 entries: «дороги» evicted
    expect((await getJson(cached.baseUrl, searchPath('кадры'))).headers.get('x-cache')).toBe('hit');
    expect((await getJson(cached.baseUrl, searchPath('дороги'))).headers.get('x-cache')).toBe('miss');
  });

  it('starts empty on a new index: responses belong to the index they were ranked on', async () => {
    await getJson(cached.baseUrl, searchPath('госуслуги'));
    expect((await getJson(cached.baseUrl, searchPath('госуслуги'))).headers.get('x-cache')).toBe('hit');
    cached.app.indexHolder.swap(await loadIndex(indexDir, { modelsDir: TINY_MODEL.modelsDir }));
    expect((await getJson(cached.baseUrl, searchPath('госуслуги'))).headers.get('x-cache')).toBe('miss');
  });
});

describe('server option responseCacheEntries', () => {
  it('defaults to RESPONSE_CACHE_ENTRIES, reads --response-cache-entries and RESPONSE_CACHE_ENTRIES, and refuses a negative size by name', () => {
    expect(loadConfig([], {}).config.responseCacheEntries).toBe(RESPONSE_CACHE_ENTRIES);
    expect(loadConfig(['--response-cache-entries', '0'], {}).config.responseCacheEntries).toBe(0);
    expect(loadConfig([], { RESPONSE_CACHE_ENTRIES: '64' }).config.responseCacheEntries).toBe(64);
    expect(() => loadConfig(['--response-cache-entries=-1'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--response-cache-entries=-1'], {})).toThrow(/responseCacheEntries/);
    expect(() => loadConfig([], { RESPONSE_CACHE_ENTRIES: 'many' })).toThrow(/responseCacheEntries/);
  });
});
