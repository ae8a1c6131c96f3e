import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { writeRevisionCorpus, REVISION } from '../fixtures/revision-corpus.js';

/**
 * A region with two documents, as users will add them: the bundled Tyumen strategy (manifest entry) and its 2024
 * revision dropped in without one (generated from the bundled text), plus Luhansk without a manifest entry.
 */

let work: string;
let index: LoadedIndex;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'several-docs-'));
  const corpusDir = await writeRevisionCorpus(path.join(work, 'corpus'));
  await buildIndex({ corpusDir, outDir: path.join(work, 'index'), cacheDir: path.join(work, 'cache'), embedder: 'offline' });
  index = await loadIndex(path.join(work, 'index'));
});

afterAll(async () => {
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
