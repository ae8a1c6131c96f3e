import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTORS } from '../../indexer/types.js';
import {
  ADMIN_TOKEN,
  getJson,
  postJson,
  q,
  startAppOn,
  startTestServer,
  type AskResponse,
  type ErrorBody,
  type PassageResult,
  type SearchResponse,
  type SimilarResponse,
  type TestServer,
} from './helpers.js';

/**
 * The HTTP API end to end: real index (bundled corpus + a test region), real server on a loopback port, fetch.
 */

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  base = server.baseUrl;
});

afterAll(async () => {
  await server?.close();
});

const BUNDLED_REGIONS = ['karachay-cherkessia', 'khabarovsk', 'luhansk', 'tver', 'tyumen'];

function expectWellFormedResult(r: PassageResult) {
  expect(r.id).toBeTruthy();
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(r.region).toBeTruthy();
  expect(r.regionId).toBeTruthy();
  expect(r.document.title).toMatch(/^Стратегия/);
  expect(typeof r.section.path).toBe('string');
  expect(SECTORS).toContain(r.sector);
  expect(r.text.length).toBeGreaterThan(0);
  for (const [start, end] of r.highlights) {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(r.text.length);
  }
  expect(r.citation).toContain(`«${r.document.title}»`);
  expect(r.citation).toContain(r.region);
  if (r.page !== null) expect(r.citation).toMatch(/с\. \d+/);
  else expect(r.citation).not.toMatch(/, с\. \d/);
}

/** Every result text must be exactly a passage of the corpus, as served by the passages endpoint. */
async function expectCorpusText(r: PassageResult) {
  const { status, body } = await getJson<{ passage: PassageResult }>(base, `/api/passages/${encodeURIComponent(r.id)}`);
  expect(status).toBe(200);
  expect(body.passage.text).toBe(r.text);
}

describe('GET /api/search', () => {
  it('ranks passages in every mode, with the embedder named and scores in 0..1, best first', async () => {
    for (const mode of ['hybrid', 'keyword', 'semantic'] as const) {
      const { status, body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'телемедицина', mode, k: 5 })}`);
      expect(status).toBe(200);
      expect(body.mode).toBe(mode);
      expect(body.query).toBe('телемедицина');
      expect(body.embedder.kind).toBe('offline');
      expect(body.embedder.id).toBeTruthy();
      expect(body.embedder.description).toBeTruthy();
      expect(typeof body.tookMs).toBe('number');
      expect(body.results.length).toBe(5);
      body.results.forEach(expectWellFormedResult);
      const scores = body.results.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('highlights the matched words by stem', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'телемедицинские консультации', mode: 'keyword', k: 3 })}`);
    const top = body.results[0]!;
    expect(top.highlights.length).toBeGreaterThan(0);
    const words = top.highlights.map(([s, e]) => top.text.slice(s, e).toLowerCase());
    expect(words.some((w) => w.startsWith('телемедицин') || w.startsWith('консультац'))).toBe(true);
    await expectCorpusText(top);
  });

  it('filters by region (id or name, repeated or comma-separated) and by sector', async () => {
    const byId = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровые сервисы', region: 'tver', k: 10 })}`);
    expect(byId.status).toBe(200);
    expect(byId.body.results.length).toBeGreaterThan(0);
    expect(byId.body.results.every((r) => r.regionId === 'tver')).toBe(true);
    expect(byId.body.appliedFilters.regions).toEqual([{ regionId: 'tver', region: 'Тверская область', source: 'parameter' }]);

    const byName = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровые сервисы', region: 'Хабаровский край' })}`);
    expect(byName.body.results.every((r) => r.regionId === 'khabarovsk')).toBe(true);

    const two = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровые сервисы', region: 'tver,tyumen', k: 30 })}`);
    expect(new Set(two.body.results.map((r) => r.regionId))).toEqual(new Set(['tver', 'tyumen']));
    const repeated = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровые сервисы', region: ['tver', 'tyumen'], k: 30 })}`);
    expect(repeated.body.results.map((r) => r.id)).toEqual(two.body.results.map((r) => r.id));

    const sector = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'информационная система', sector: 'health', k: 20 })}`);
    expect(sector.body.results.length).toBeGreaterThan(0);
    expect(sector.body.results.every((r) => r.sector === 'health')).toBe(true);
    expect(sector.body.appliedFilters.sectors).toEqual([{ sector: 'health', label: 'Здравоохранение' }]);

    const both = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'информационная система', sector: 'education,health', region: 'tyumen', k: 20 })}`);
    expect(both.body.results.every((r) => r.regionId === 'tyumen' && ['education', 'health'].includes(r.sector))).toBe(true);
  });

  it('groups by region: every region gets a group; regions with nothing relevant are listed as missing', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'образование школы цифровая образовательная среда', groupBy: 'region', k: 3 })}`);
    expect(body.groups).toBeDefined();
    const ids = body.groups!.map((g) => g.regionId).sort();
    expect(ids).toEqual([...BUNDLED_REGIONS, 'pskov'].sort());
    for (const g of body.groups!) {
      expect(g.results.length).toBeLessThanOrEqual(3);
      expect(g.found).toBe(g.results.length > 0);
      expect(g.results.every((r) => r.regionId === g.regionId && r.relevant)).toBe(true);
    }
    // Education is a section of every strategy: every region answers.
    expect(body.missingRegions).toEqual([]);
  });

  it('a topic only one region covers: that region found, every other region missing (relevance, not "fewer than k")', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', groupBy: 'region', k: 5 })}`);
    const pskov = body.groups!.find((g) => g.regionId === 'pskov')!;
    expect(pskov.found).toBe(true);
    expect(pskov.results[0]!.text).toContain('Дирижабли');
    expect(body.missingRegions!.map((r) => r.regionId).sort()).toEqual(BUNDLED_REGIONS);
  });

  it('a question no region answers lists every region as missing', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'разведение страусов на Марсе', groupBy: 'region' })}`);
    expect(body.missingRegions!.map((r) => r.regionId).sort()).toEqual([...BUNDLED_REGIONS, 'pskov'].sort());
    expect(body.groups!.every((g) => !g.found && g.results.length === 0)).toBe(true);
    // Flat results may still list the least bad passages, but marked as not relevant.
    expect(body.results.every((r) => !r.relevant)).toBe(true);
  });

  it('grouped with a region filter: only that region, missing when it has nothing', async () => {
    const found = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', groupBy: 'region', region: 'pskov' })}`);
    expect(found.body.groups!.map((g) => g.regionId)).toEqual(['pskov']);
    expect(found.body.missingRegions).toEqual([]);
    const missing = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', groupBy: 'region', region: 'tver' })}`);
    expect(missing.body.groups!.map((g) => g.regionId)).toEqual(['tver']);
    expect(missing.body.missingRegions).toEqual([{ regionId: 'tver', region: 'Тверская область' }]);
  });

  it.each([
    ['телемедицина в Тверской области', 'tver', 'в Тверской области'],
    ['здравоохранение Хабаровского края', 'khabarovsk', 'Хабаровского края'],
    ['цифровые сервисы Тюмени', 'tyumen', 'Тюмени'],
    ['образование в ЛНР', 'luhansk', 'в ЛНР'],
    ['транспорт Карачаево-Черкесии', 'karachay-cherkessia', 'Карачаево-Черкесии'],
    ['школы КЧР', 'karachay-cherkessia', 'КЧР'],
    ['дирижабли Псковской области', 'pskov', 'Псковской области'],
  ])('recognises the region in "%s" as a removable filter', async (query, regionId, matchedText) => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: query, k: 10 })}`);
    expect(body.appliedFilters.regions).toHaveLength(1);
    const filter = body.appliedFilters.regions[0]!;
    expect(filter).toMatchObject({ regionId, source: 'query', matchedText, removeWith: { detectRegions: false } });
    expect(body.appliedFilters.queryText).not.toContain(matchedText);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.regionId === regionId)).toBe(true);

    const removed = await getJson<SearchResponse>(base, `/api/search?${q({ q: query, k: 30, detectRegions: false })}`);
    expect(removed.body.appliedFilters.regions).toEqual([]);
    expect(removed.body.appliedFilters.detectRegions).toBe(false);
  });

  it('with detection off, the region words do not count other regions out', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'школы в Тверской области', groupBy: 'region', detectRegions: false })}`);
    expect(body.appliedFilters.regions).toEqual([]);
    const found = body.groups!.filter((g) => g.found).map((g) => g.regionId);
    expect(found).toContain('tver');
    expect(found.length).toBeGreaterThan(2);
  });

  it('does not see regions in ordinary words', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'развитие городской среды в области транспорта' })}`);
    expect(body.appliedFilters.regions).toEqual([]);
  });

  it('matches an abbreviation with its expansion, and the expansion with the abbreviation', async () => {
    const abbr = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'ЦОД', mode: 'keyword', k: 50 })}`);
    expect(abbr.body.appliedFilters.expansions.some((e) => e.from === 'ЦОД' && /центр обработки данных/i.test(e.to))).toBe(true);
    // The test region writes only the expansion: the abbreviation finds it.
    const pskov = abbr.body.results.find((r) => r.regionId === 'pskov' && r.text.includes('центр обработки данных'));
    expect(pskov).toBeDefined();
    const marked = pskov!.highlights.map(([s, e]) => pskov!.text.slice(s, e).toLowerCase()).join(' ');
    expect(marked).toContain('центр обработки данных');

    const expansion = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'центр обработки данных', mode: 'keyword', k: 50 })}`);
    expect(expansion.body.appliedFilters.expansions.some((e) => e.to === 'ЦОД')).toBe(true);
    // The other test passage writes only the abbreviation: the expansion finds it.
    const abbreviated = expansion.body.results.find((r) => r.text.includes('ЦОД') && !r.text.includes('центр обработки'));
    expect(abbreviated).toBeDefined();
    expect(abbreviated!.highlights.some(([s, e]) => abbreviated!.text.slice(s, e) === 'ЦОД')).toBe(true);
  });

  it('offers both fusion methods behind an option', async () => {
    for (const fusion of ['convex', 'rrf']) {
      const { status, body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'электронная медицинская карта', fusion })}`);
      expect(status).toBe(200);
      expect(body.results[0]!.score).toBeGreaterThan(0);
      expect(body.results.every((r) => r.score <= 1)).toBe(true);
    }
  });

  it('applies retrieval settings from the server config by name (here the relevance threshold)', async () => {
    // Three unrelated topics: most passages cover one of them, a third of the question, below the default 0.5.
    const query = `/api/search?${q({ q: 'телемедицина школьное питание дорожные камеры', k: 30 })}`;
    const defaults = await getJson<SearchResponse>(base, query);
    for (const r of defaults.body.results) expect(r.relevant).toBe(r.relevance >= 0.5);
    // Passages below the default threshold; a server configured with a threshold at the lowest of them (between two
    // rounded values, so the rounding of `relevance` cannot blur it) must call them relevant.
    const low = defaults.body.results.filter((r) => !r.relevant && r.relevance > 0.01);
    expect(low.length).toBeGreaterThan(0);
    const lowest = Math.min(...low.map((r) => r.relevance));
    const other = await startAppOn(server.index, { retrieval: { minRelevance: lowest - 0.0005 } });
    try {
      const loose = await getJson<SearchResponse>(other.baseUrl, query);
      expect(loose.status).toBe(200);
      // The threshold does not rank: the same passages in the same order.
      expect(loose.body.results.map((r) => r.id)).toEqual(defaults.body.results.map((r) => r.id));
      for (const r of loose.body.results) expect(r.relevant).toBe(r.relevance >= lowest);
      expect(loose.body.results.filter((r) => low.some((l) => l.id === r.id)).every((r) => r.relevant)).toBe(true);
    } finally {
      await other.app.close();
    }
  });
});

describe('POST /api/ask', () => {
  it('answers per region with cited sentences that are exact passage text', async () => {
    const { status, body } = await postJson<AskResponse>(base, '/api/ask', { question: 'Как развивается телемедицина?', perRegion: 2 });
    expect(status).toBe(200);
    expect(body.question).toBe('Как развивается телемедицина?');
    expect(typeof body.tookMs).toBe('number');
    expect(body.answer.map((a) => a.regionId).sort()).toEqual([...BUNDLED_REGIONS, 'pskov'].sort());
    const passages = new Map(body.passages.map((p) => [p.id, p]));
    let points = 0;
    for (const region of body.answer) {
      expect(region.found).toBe(region.points.length > 0);
      expect(region.points.length).toBeLessThanOrEqual(2);
      for (const point of region.points) {
        points++;
        const passage = passages.get(point.passageId)!;
        expect(passage).toBeDefined();
        expect(passage.regionId).toBe(region.regionId);
        expect(passage.text.slice(point.range[0], point.range[1])).toBe(point.text);
        expect(point.citation).toBe(passage.citation);
      }
    }
    expect(points).toBeGreaterThan(0);
  });

  it('says found:false for regions with nothing on the question', async () => {
    const { body } = await postJson<AskResponse>(base, '/api/ask', { question: 'Где используются дирижабли?' });
    const pskov = body.answer.find((a) => a.regionId === 'pskov')!;
    expect(pskov.found).toBe(true);
    expect(pskov.points[0]!.text).toMatch(/Дирижабли|дирижабл/);
    for (const a of body.answer.filter((x) => x.regionId !== 'pskov')) expect(a).toMatchObject({ found: false, points: [] });
  });

  it.each(['Как развивается телемедицина?', 'медицинская история пациента в цифровом виде', 'сиделки для лежачих стариков'])(
    'leads each region with a sentence of its best-ranked passage (%s)',
    async (question) => {
      const { body } = await postJson<AskResponse>(base, '/api/ask', { question });
      const found = body.answer.filter((a) => a.found);
      expect(found.length).toBeGreaterThan(0);
      for (const region of found) {
        // `passages` is sorted by score: the region's first one there is its best-ranked passage.
        const best = body.passages.find((p) => p.regionId === region.regionId)!;
        expect(region.points[0]!.passageId, region.regionId).toBe(best.id);
      }
    },
  );

  it.each([
    ['сиделки для лежачих стариков', /долговременн\p{L}* уход/iu],
    ['не хватает программистов', /кадр|специалист/iu],
  ])('leads with the sentence that says what a paraphrase asks, not the passage opening (%s)', async (question, onTopic) => {
    // Khabarovsk's best passage for these has none of the question's words: its lead is the sentence expressing
    // most of the question in the concept model (its opening, before 2026-12-07, was about collecting documents).
    const { body } = await postJson<AskResponse>(base, '/api/ask', { question });
    const khabarovsk = body.answer.find((a) => a.regionId === 'khabarovsk')!;
    expect(khabarovsk.found).toBe(true);
    expect(khabarovsk.points[0]!.passageId).toBe(body.passages.find((p) => p.regionId === 'khabarovsk')!.id);
    expect(khabarovsk.points[0]!.text).toMatch(onTopic);
  });

  it('limits the answer to the regions asked for or named in the question', async () => {
    const explicit = await postJson<AskResponse>(base, '/api/ask', { question: 'электронный документооборот', regions: ['tyumen', 'Тверская область'] });
    expect(explicit.body.answer.map((a) => a.regionId).sort()).toEqual(['tver', 'tyumen']);
    const named = await postJson<AskResponse>(base, '/api/ask', { question: 'Что делают в Хабаровском крае для школ?' });
    expect(named.body.answer.map((a) => a.regionId)).toEqual(['khabarovsk']);
    expect(named.body.appliedFilters.regions[0]).toMatchObject({ regionId: 'khabarovsk', source: 'query' });
  });
});

describe('GET /api/passages/:id', () => {
  it('returns the passage with its neighbours in document order', async () => {
    const search = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', region: 'pskov', k: 1 })}`);
    const id = search.body.results[0]!.id;
    const { status, body } = await getJson<{ passage: PassageResult; context: { previous: PassageResult[]; next: PassageResult[] } }>(
      base,
      `/api/passages/${encodeURIComponent(id)}?context=5`,
    );
    expect(status).toBe(200);
    expect(body.passage.id).toBe(id);
    expectWellFormedResult(body.passage);
    const all = [...body.context.previous, body.passage, ...body.context.next];
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((p) => p.document.id === body.passage.document.id)).toBe(true);
  });

  it('finds similar passages in other regions by default, or anywhere', async () => {
    const search = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'запись на прием к врачу', region: 'tyumen', k: 1 })}`);
    const id = search.body.results[0]!.id;
    const other = await getJson<SimilarResponse>(base, `/api/passages/${encodeURIComponent(id)}/similar?k=4`);
    expect(other.status).toBe(200);
    expect(other.body.otherRegions).toBe(true);
    expect(other.body.embedder.id).toBeTruthy();
    expect(other.body.results).toHaveLength(4);
    expect(other.body.results.every((r) => r.regionId !== 'tyumen' && r.id !== id)).toBe(true);
    const anywhere = await getJson<SimilarResponse>(base, `/api/passages/${encodeURIComponent(id)}/similar?k=4&otherRegions=false`);
    expect(anywhere.body.results.every((r) => r.id !== id)).toBe(true);
    expect(anywhere.body.results.length).toBe(4);
  });

  it('answers 404 naming the id for an unknown passage', async () => {
    for (const path of ['/api/passages/no-such-passage', '/api/passages/no-such-passage/similar']) {
      const { status, body } = await getJson<ErrorBody>(base, path);
      expect(status).toBe(404);
      expect(body.field).toBe('id');
      expect(body.message).toContain('no-such-passage');
    }
  });
});

describe('GET /api/regions and /health', () => {
  it('lists regions with documents, sector counts and passage totals', async () => {
    const { status, body } = await getJson<{
      regions: { regionId: string; region: string; passages: number; sectors: Record<string, number>; documents: { title: string }[] }[];
      sectors: { sector: string; label: string; passages: number }[];
    }>(base, '/api/regions');
    expect(status).toBe(200);
    expect(body.regions.map((r) => r.regionId).sort()).toEqual([...BUNDLED_REGIONS, 'pskov'].sort());
    for (const r of body.regions) {
      expect(r.documents.length).toBeGreaterThan(0);
      expect(Object.values(r.sectors).reduce((a, b) => a + b, 0)).toBe(r.passages);
    }
    expect(body.sectors.map((s) => s.sector)).toEqual([...SECTORS]);
  });

  it('reports the embedder, passage count and index build time', async () => {
    const { status, body } = await getJson<{ status: string; embedder: { id: string; kind: string }; index: { passages: number; builtAt: string; buildMs: number } }>(
      base,
      '/health',
    );
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.embedder.kind).toBe('offline');
    expect(body.index.passages).toBeGreaterThan(100);
    expect(Number.isNaN(Date.parse(body.index.builtAt))).toBe(false);
    expect(body.index.buildMs).toBeGreaterThan(0);
  });
});

describe('OpenAPI, docs, security headers', () => {
  it('serves the OpenAPI document with every endpoint and its parameters', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>(base, '/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const p of ['/api/search', '/api/ask', '/api/passages/{id}', '/api/passages/{id}/similar', '/api/regions', '/health']) {
      expect(Object.keys(body.paths)).toContain(p);
    }
    const names = body.paths['/api/search']!.get!.parameters!.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['q', 'k', 'mode', 'region', 'sector', 'groupBy', 'detectRegions']));
  });

  it('serves the interactive docs', async () => {
    const res = await fetch(`${base}/docs`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  it('sets a strict CSP on API responses', async () => {
    const res = await fetch(`${base}/api/regions`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('invalid input: 4xx naming the field, never 500', () => {
  it.each([
    ['missing q', {}, 'q'],
    ['q given twice', { q: ['школы', 'дороги'] }, 'q'],
    ['empty q', { q: '' }, 'q'],
    ['blank q', { q: '   ' }, 'q'],
    ['5,000-character q', { q: 'а'.repeat(5000) }, 'q'],
    ['k=0', { q: 'школы', k: 0 }, 'k'],
    ['k=10000', { q: 'школы', k: 10000 }, 'k'],
    ['k not a number', { q: 'школы', k: 'много' }, 'k'],
    ['unknown mode', { q: 'школы', mode: 'magic' }, 'mode'],
    ['unknown region', { q: 'школы', region: 'atlantis' }, 'region'],
    ['unknown sector', { q: 'школы', sector: 'space' }, 'sector'],
    ['bad groupBy', { q: 'школы', groupBy: 'sector' }, 'groupBy'],
    ['bad detectRegions', { q: 'школы', detectRegions: 'maybe' }, 'detectRegions'],
  ])('GET /api/search with %s → 400', async (_name, params, field) => {
    const { status, body } = await getJson<ErrorBody>(base, `/api/search?${q(params as Record<string, string>)}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.message).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['malformed JSON', undefined, '{"question": "школы"', 'body'],
    ['empty JSON body', undefined, '', 'body'],
    ['array body', [], undefined, 'body'],
    ['missing question', { perRegion: 2 }, undefined, 'question'],
    ['empty question', { question: '' }, undefined, 'question'],
    ['5,000-character question', { question: 'а'.repeat(5000) }, undefined, 'question'],
    ['perRegion=0', { question: 'школы', perRegion: 0 }, undefined, 'perRegion'],
    ['unknown region', { question: 'школы', regions: ['atlantis'] }, undefined, 'regions'],
    ['unknown sector', { question: 'школы', sectors: ['space'] }, undefined, 'sectors'],
  ])('POST /api/ask with %s → 400', async (_name, body, raw, field) => {
    const res = await postJson<ErrorBody>(base, '/api/ask', body, raw);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toContain(field);
  });

  it('rejects a non-JSON content type on POST /api/ask with 415', async () => {
    const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'школы' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).field).toBe('body');
  });

  it('validates passage query parameters', async () => {
    const search = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'школы', k: 1 })}`);
    const id = encodeURIComponent(search.body.results[0]!.id);
    for (const [path, field] of [
      [`/api/passages/${id}/similar?k=0`, 'k'],
      [`/api/passages/${id}/similar?k=10000`, 'k'],
      [`/api/passages/${id}/similar?otherRegions=perhaps`, 'otherRegions'],
      [`/api/passages/${id}?context=-1`, 'context'],
    ] as const) {
      const { status, body } = await getJson<ErrorBody>(base, path);
      expect(status, path).toBe(400);
      expect(body.field).toBe(field);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const { status, body } = await getJson<ErrorBody>(base, '/api/nothing-here');
    expect(status).toBe(404);
    expect(body.message).toContain('/api/nothing-here');
  });
});

describe('POST /api/admin/reload', () => {
  const reload = (token?: string) =>
    fetch(`${base}/api/admin/reload`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('needs the admin token', async () => {
    expect((await reload()).status).toBe(401);
    const wrong = await reload('wrong-token-wrong-token-00');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ErrorBody).field).toBe('authorization');
  });

  it('refuses a corrupt index and keeps serving the old one, then switches to a good one', async () => {
    const passagesFile = path.join(server.indexDir, 'passages.json');
    const original = await readFile(passagesFile);
    await writeFile(passagesFile, original.subarray(0, original.length / 2));
    try {
      const refused = await reload(ADMIN_TOKEN);
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as ErrorBody).message).toMatch(/corrupt|unreadable|checksum/i);
      const still = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', k: 1 })}`);
      expect(still.status).toBe(200);
      expect(still.body.results[0]!.regionId).toBe('pskov');
    } finally {
      await writeFile(passagesFile, original);
    }
    const ok = await reload(ADMIN_TOKEN);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { reloaded: boolean; index: { passages: number } };
    expect(body.reloaded).toBe(true);
    expect(body.index.passages).toBeGreaterThan(100);
    const after = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'дирижабли', k: 1 })}`);
    expect(after.body.results[0]!.regionId).toBe('pskov');
  });
});

describe('POST /api/ask generated summary (optional, off by default)', () => {
  // A stand-in OpenAI-compatible endpoint: the real one is an outside service the product does not ship.
  let llm: Server;
  let llmUrl: string;
  let lastRequest: { model?: string; messages?: { content: string }[] } = {};

  beforeAll(async () => {
    llm = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        lastRequest = JSON.parse(body) as typeof lastRequest;
        res.setHeader('content-type', 'application/json');
        // Cites source 1 (exists) and source 99 (does not): the server must keep the first and drop the second.
        res.end(JSON.stringify({ choices: [{ message: { content: 'Дирижабли возят фельдшеров [1]. Выдумка [99].' } }] }));
      });
    });
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
    llmUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    await new Promise((resolve) => llm?.close(resolve));
  });

  it('is absent unless an endpoint is configured', async () => {
    const { body } = await postJson<AskResponse & { summary?: unknown }>(base, '/api/ask', { question: 'дирижабли', summary: true });
    expect(body.summary).toBeUndefined();
    expect(body.answer.some((a) => a.found)).toBe(true);
  });

  it('cites only returned passages when an endpoint is configured', async () => {
    const other = await startAppOn(server.index, { llmUrl, llmModel: 'test-model' });
    try {
      const { status, body } = await postJson<AskResponse & { summary?: { text: string; model: string; passageIds: string[] } }>(other.baseUrl, '/api/ask', {
        question: 'дирижабли',
        summary: true,
      });
      expect(status).toBe(200);
      expect(lastRequest.model).toBe('test-model');
      expect(lastRequest.messages!.at(-1)!.content).toContain(body.passages[0]!.text);
      expect(body.summary!.model).toBe('test-model');
      expect(body.summary!.passageIds).toEqual([body.passages[0]!.id]);
      expect(body.summary!.text).toContain('[1]');
      expect(body.summary!.text).not.toContain('[99]');
    } finally {
      await other.app.close();
    }
  });
});
