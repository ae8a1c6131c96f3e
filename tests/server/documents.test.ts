import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { writeRevisionCorpus, REVISION } from '../fixtures/revision-corpus.js';
import { getJson, postJson, q, startAppOn, type AskResponse, type ErrorBody, type SearchResponse } from './helpers.js';

/**
 * A region with two documents, as users will add them: the bundled Tyumen strategy (manifest entry) and its 2024
 * revision dropped in without one (generated from the bundled text), plus Luhansk without a manifest entry.
 * A real index build, then the real server on a loopback port.
 */

let work: string;
let index: LoadedIndex;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'several-docs-'));
  const corpusDir = await writeRevisionCorpus(path.join(work, 'corpus'));
  await buildIndex({ corpusDir, outDir: path.join(work, 'index'), cacheDir: path.join(work, 'cache'), embedder: 'offline' });
  index = await loadIndex(path.join(work, 'index'));
  ({ app, baseUrl: base } = await startAppOn(index, { indexDir: path.join(work, 'index') }));
});

afterAll(async () => {
  await app?.close();
  await rm(work, { recursive: true, force: true });
});

describe('several documents of one region', () => {
  it('keeps the revision a distinct document of the same region, with its own period', () => {
    const docs = Object.fromEntries(index.manifest.documents.map((d) => [d.id, d]));
    expect(Object.keys(docs).sort()).toEqual(['luhansk', REVISION.id, 'tyumen'].sort());
    expect(docs.tyumen).toMatchObject({ regionId: 'tyumen', region: 'Тюменская область', period: '2022-2024' });
    expect(docs[REVISION.id]).toMatchObject({ regionId: 'tyumen', region: 'Тюменская область', period: '2025-2030', file: REVISION.file });
    expect(docs[REVISION.id]!.title).toMatch(/^Стратегия .*Тюменской области$/);
    // Without a manifest entry Luhansk still gets the id evaluation sets use.
    expect(docs.luhansk).toMatchObject({ regionId: 'luhansk', region: 'Луганская Народная Республика' });
    expect(index.manifest.counts).toMatchObject({ documents: 3, regions: 2 });
  });

  it('gives each document its own passages, under its own id', () => {
    const byDocument = new Map<string, number>();
    for (const p of index.passages) byDocument.set(p.documentId, (byDocument.get(p.documentId) ?? 0) + 1);
    for (const d of index.manifest.documents) expect(byDocument.get(d.id), d.id).toBe(d.passages);
    expect(new Set(index.passages.map((p) => p.id)).size).toBe(index.passages.length);
    const revision = index.passages.filter((p) => p.documentId === REVISION.id);
    expect(revision.every((p) => p.regionId === 'tyumen' && p.documentTitle === index.manifest.documents.find((d) => d.id === REVISION.id)!.title)).toBe(true);
    expect(revision.some((p) => p.text.includes(REVISION.marker))).toBe(true);
    expect(index.passages.filter((p) => p.text.includes(REVISION.marker)).every((p) => p.documentId === REVISION.id)).toBe(true);
  });
});

interface RegionsBody {
  regions: { regionId: string; region: string; documents: { id: string; title: string; period?: string }[] }[];
}

describe('several documents of one region over HTTP', () => {
  it('lists both documents of the region with their periods (GET /api/regions)', async () => {
    const { body } = await getJson<RegionsBody>(base, '/api/regions');
    const tyumen = body.regions.find((r) => r.regionId === 'tyumen')!;
    expect(tyumen.documents.map((d) => [d.id, d.period])).toEqual([
      ['tyumen', '2022-2024'],
      [REVISION.id, '2025-2030'],
    ]);
  });

  it('searches the region\'s documents together by default and apart with document=', async () => {
    const together = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровая платформа', region: 'tyumen', k: 40 })}`);
    expect(new Set(together.body.results.map((r) => r.document.id))).toEqual(new Set(['tyumen', REVISION.id]));

    for (const documentId of ['tyumen', REVISION.id]) {
      const apart = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровая платформа', document: documentId, k: 40 })}`);
      expect(apart.status).toBe(200);
      expect(apart.body.results.length).toBeGreaterThan(0);
      expect(apart.body.results.every((r) => r.document.id === documentId)).toBe(true);
      expect(apart.body.appliedFilters.documents.map((d) => d.documentId)).toEqual([documentId]);
    }

    // The revision's own paragraph is found in the revision only.
    const marker = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'агрометеопост', mode: 'keyword' })}`);
    expect(marker.body.results.map((r) => r.document)).toContainEqual({ id: REVISION.id, title: expect.stringMatching(/Тюменской области$/), period: '2025-2030' });
    expect(marker.body.results.every((r) => r.document.id === REVISION.id)).toBe(true);
    const inOriginal = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'агрометеопост', mode: 'keyword', document: 'tyumen.txt' })}`);
    expect(inOriginal.body.results).toEqual([]);
  });

  it('cites the strategy and its revision apart: the citation names the document\'s period', async () => {
    const cited = async (documentId: string) =>
      (await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровая платформа', document: documentId, k: 5 })}`)).body.results.map((r) => r.citation);
    const original = await cited('tyumen');
    const revision = await cited(REVISION.id);
    expect(original.length).toBeGreaterThan(0);
    expect(revision.length).toBeGreaterThan(0);
    expect(original.every((c) => c.includes('» (2022–2024), Тюменская область'))).toBe(true);
    expect(revision.every((c) => c.includes('» (2025–2030), Тюменская область'))).toBe(true);
    const { body } = await postJson<AskResponse>(base, '/api/ask', { question: 'Как развивается цифровая платформа?', documents: [REVISION.id] });
    expect(body.answer.flatMap((a) => a.points.map((p) => p.citation)).every((c) => c.includes('(2025–2030)'))).toBe(true);
  });

  it('groups a document filter under its own region only', async () => {
    const { body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровая платформа', document: REVISION.id, groupBy: 'region' })}`);
    expect(body.groups!.map((g) => g.regionId)).toEqual(['tyumen']);
    expect(body.groups![0]!.results.every((r) => r.document.id === REVISION.id)).toBe(true);
  });

  it('answers from one document with documents in POST /api/ask', async () => {
    const { status, body } = await postJson<AskResponse>(base, '/api/ask', { question: 'Как развивается цифровая платформа?', documents: [REVISION.id] });
    expect(status).toBe(200);
    expect(body.appliedFilters.documents.map((d) => d.documentId)).toEqual([REVISION.id]);
    expect(body.answer.map((a) => a.regionId)).toEqual(['tyumen']);
    expect(body.passages.length).toBeGreaterThan(0);
    expect(body.passages.every((p) => p.document.id === REVISION.id)).toBe(true);
  });

  it('limits indicator rows to a document with document= (GET /api/indicators)', async () => {
    const q1 = 'доля массовых социально значимых услуг в электронном виде';
    const byDocument = new Map(index.passages.map((p) => [p.id, p.documentId]));
    const both = await getJson<{ indicators: { regionId: string; passageId: string | null }[] }>(base, `/api/indicators?${q({ q: q1, region: 'tyumen' })}`);
    expect(new Set(both.body.indicators.map((r) => byDocument.get(r.passageId!)))).toEqual(new Set(['tyumen', REVISION.id]));
    const apart = await getJson<{ indicators: { passageId: string | null }[]; missingRegions: unknown[] }>(base, `/api/indicators?${q({ q: q1, document: REVISION.id })}`);
    expect(apart.status).toBe(200);
    expect(apart.body.indicators.length).toBeGreaterThan(0);
    expect(apart.body.indicators.every((r) => byDocument.get(r.passageId!) === REVISION.id)).toBe(true);
    expect(apart.body.missingRegions).toEqual([]);
  });

  it.each([
    ['tyumen', 'tyumen'],
    ['Тюменская область', 'tyumen'],
    ['Тюменской области', 'tyumen'],
    ['в Тюмени', 'tyumen'],
    ['ТЮМЕНСКОЙ ОБЛ.', 'tyumen'],
    ['ЛНР', 'luhansk'],
    ['Луганской Народной Республике', 'luhansk'],
  ])('region=%s filters to %s', async (value, regionId) => {
    const { status, body } = await getJson<SearchResponse>(base, `/api/search?${q({ q: 'цифровая платформа', region: value })}`);
    expect(status).toBe(200);
    expect(body.appliedFilters.regions).toEqual([expect.objectContaining({ regionId, source: 'parameter' })]);
    expect(body.results.every((r) => r.regionId === regionId)).toBe(true);
  });

  it.each([
    ['document', { q: 'школы', document: 'tyumen-2099' }, /unknown document "tyumen-2099"/],
    ['region', { q: 'школы', region: 'Новгородской области' }, /^region: Новгородская область \(novgorod\) has no documents in this index; indexed regions: luhansk, tyumen\./],
    ['region', { q: 'школы', region: 'Атлантида' }, /unknown region "Атлантида"/],
  ])('an unknown %s is a 400 naming the field', async (field, params, message) => {
    const { status, body } = await getJson<ErrorBody>(base, `/api/search?${q(params)}`);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.message).toMatch(message);
  });

  it('an unknown document in POST /api/ask is a 400 naming documents', async () => {
    const { status, body } = await postJson<ErrorBody>(base, '/api/ask', { question: 'школы', documents: ['nope'] });
    expect(status).toBe(400);
    expect(body.field).toBe('documents');
  });
});
