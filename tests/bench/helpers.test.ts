import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../indexer/corpus/manifest.js';
import { oneCycle, samplePassageIds, searchAskSimilarMix, searchMix } from '../../bench/lib/request-mix.js';
import { percentile, ratio, summarize } from '../../bench/lib/stats.js';
import { writeSyntheticCorpus } from '../../bench/lib/synthetic-corpus.js';
import { checkTargets } from '../../bench/lib/targets.js';

describe('bench statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s).toMatchObject({ n: 5, mean: 3, p50: 3, p95: 5, max: 5 });
  });

  it('gives NaN for a ratio with a zero denominator instead of Infinity', () => {
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(3, 2)).toBe(1.5);
  });
});

describe('request mixes', () => {
  const queries = ['школы', 'больницы', 'дороги'];

  it('sends every query in every mode within one cycle of the search mix', () => {
    const paths = oneCycle(searchMix(queries), queries.length * 3).map((r) => new URL(r.path, 'http://x').searchParams);
    const pairs = new Set(paths.map((p) => `${p.get('q')}|${p.get('mode')}`));
    expect(pairs.size).toBe(9);
  });

  it('mixes search, ask and similar 3:1:1 with valid JSON bodies', () => {
    const requests = oneCycle(searchAskSimilarMix(queries, ['a', 'b']), 10);
    expect(requests.filter((r) => r.path.startsWith('/api/search')).length).toBe(6);
    const asks = requests.filter((r) => r.path === '/api/ask');
    expect(asks.length).toBe(2);
    expect(asks.every((r) => r.method === 'POST' && typeof (JSON.parse(r.body!) as { question: string }).question === 'string')).toBe(true);
    expect(requests.filter((r) => r.path.includes('/similar')).length).toBe(2);
  });

  it('samples passage ids evenly', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(samplePassageIds(ids, 5)).toEqual(['p0', 'p2', 'p4', 'p6', 'p8']);
    expect(samplePassageIds(ids, 50)).toHaveLength(10);
  });
});

describe('synthetic scale corpus', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes N documents with a valid manifest; the bundled five first, the rest renamed', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-synthetic-'));
    const corpus = await writeSyntheticCorpus(dir, 12);
    expect(corpus.documents).toBe(12);
    const manifest = await readManifest(dir);
    expect(manifest?.documents).toHaveLength(12);
    expect(new Set(manifest!.documents.map((d) => d.region)).size).toBe(12);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(12);
    // Document 6 derives from the first bundled document with its region name replaced.
    const sixth = manifest!.documents[5]!;
    const text = await readFile(path.join(dir, sixth.file), 'utf8');
    const stem = sixth.region.replace(/ая область$/, '');
    expect(text).toContain(stem);
    expect(text).not.toMatch(/Карачаево[\s-]?Черкесск/);
  });
});

describe('targets', () => {
  it('reports a target as not measured when the scale run stopped short of 100 documents', () => {
    const growth = { from: 5, to: 10, passages: 2, buildWall: 2, buildCpu: 2, indexBytes: 2, buildMemory: 1, loadedMemory: 1,
      latencyP50: { keyword: 1, semantic: 1, hybrid: 1 }, latencyP95: { keyword: 1, semantic: 1, hybrid: 1 },
      cpuP50: { keyword: 1, semantic: 1, hybrid: 1 }, cpuP95: { keyword: 1, semantic: 1, hybrid: 1 } };
    const checks = checkTargets({ scale: { ok: true, seconds: 1, data: { sizes: [5, 10], points: [], growth } } });
    expect(checks).toHaveLength(1);
    expect(checks[0]!.pass).toBeNull();
  });

  it('checks the e5 build time and query embedding p50 of issue 10, and leaves them out when e5 was skipped', () => {
    const build = (wallMs: number) => ({ embedderId: 'x', documents: 5, passages: 803, embedded: 803, reused: 0, wallMs, cpuMs: wallMs * 2, readMs: 1, prepareMs: 1, embedMs: 1, writeMs: 1,
      passagesPerSecond: 1, maxRssMiB: 1, indexBytes: 1, indexFiles: {} });
    const summary = (p50: number) => ({ n: 144, mean: p50, p50, p95: p50 * 2, p99: p50 * 3, max: p50 * 4 });
    const modes = (x: number) => ({ keyword: summary(x), semantic: summary(x), hybrid: summary(x) });
    const e5Latency = (embeddingP50: number, englishNeverSeenP50 = 10) => ({ embedderId: 'e5', queries: 144, repetitions: { inProcess: 1, http: 1 }, queryEmbedding: summary(embeddingP50),
      inProcess: modes(5), inProcessCpu: modes(5), http: modes(5), httpNeverSeen: { ru: modes(5), en: modes(englishNeverSeenP50) },
      httpOther: { ask: summary(5), similar: summary(5) }, server: '' });
    const checks = checkTargets({
      build: { ok: true, seconds: 1, data: { offline: { cold: build(9000), warm: build(7000) }, e5: { cold: build(61_000), warm: build(9000) } } },
      latency: { ok: true, seconds: 1, data: { e5: e5Latency(7.9) } },
    });
    const find = (prefix: string) => checks.find((c) => c.target.startsWith(prefix));
    expect(find('bundled corpus build ≤ 60 s, multilingual-e5-small')!.pass).toBe(false);
    expect(find('bundled corpus build ≤ 60 s, multilingual-e5-small')!.measured).toContain('61.0 s wall');
    expect(find('query embedding p50')!.pass).toBe(true);
    expect(find('query embedding p50')!.measured).toContain('p50 7.9 ms');
    // p95 = 2 × p50 in these summaries: English never seen at p95 20 ms passes, at 16 × 2 = 32 ms it does not.
    expect(find('search p95 over HTTP ≤ 30 ms')!.pass).toBe(true);
    expect(find('search p95 over HTTP ≤ 30 ms')!.measured).toContain('English keyword 20 ms');
    const slowEnglish = checkTargets({ latency: { ok: true, seconds: 1, data: { e5: e5Latency(7.9, 16) } } });
    expect(slowEnglish.find((c) => c.target.startsWith('search p95 over HTTP ≤ 30 ms'))!.pass).toBe(false);
    // Results written before the never-seen measurement existed are still checked for the rest.
    const older: Partial<ReturnType<typeof e5Latency>> = e5Latency(7.9);
    delete older.httpNeverSeen;
    const olderChecks = checkTargets({ latency: { ok: true, seconds: 1, data: { e5: older as ReturnType<typeof e5Latency> } } });
    expect(olderChecks.some((c) => c.target.startsWith('query embedding p50'))).toBe(true);
    expect(olderChecks.some((c) => c.target.startsWith('search p95 over HTTP ≤ 30 ms'))).toBe(false);
    const skipped = checkTargets({
      build: { ok: true, seconds: 1, data: { offline: { cold: build(9000), warm: build(7000) }, e5: { skipped: 'no model' } } },
      latency: { ok: true, seconds: 1, data: { e5: { skipped: 'no model' } } },
    });
    expect(skipped.map((c) => c.target)).toEqual(['bundled corpus build ≤ 60 s, offline embedder (cold cache)']);
  });

  it('checks the throughput ratios against the peer, errors, p99 at 32 connections and e5 memory', () => {
    const latency = (p99: number) => ({ n: 10, mean: 1, p50: 1, p95: p99, p99, max: p99 });
    const row = (contender: 'ours-keyword' | 'ours-hybrid' | 'ours-hybrid-uncached' | 'peer', connections: number, p99: number, errors = 0) =>
      ({ contender, connections, runs: [], requestsPerSecond: 1, latency: latency(p99), errors });
    const memory = (peakRssMiB: number) => ({ rssAfterWarmUpMiB: 1, rssAfterMiB: 1, sampledPeakRssMiB: 1, peakRssMiB });
    const data = {
      embedderId: 'e5', ours: '', oursUncached: '', peer: '', queries: 1, rounds: 2, phaseSeconds: 1, connections: [16, 32], warmUpMs: 1,
      rows: [row('ours-keyword', 32, 120), row('ours-hybrid', 32, 151), row('ours-hybrid-uncached', 32, 3000), row('peer', 32, 400, 2)],
      ratios: [
        { connections: 16, keywordPerRound: [0.6, 0.7], keyword: 0.65, hybridPerRound: [0.3, 0.3], hybrid: 0.3, keywordUncachedPerRound: [0.2, 0.2], keywordUncached: 0.2, hybridUncachedPerRound: [0.1, 0.1], hybridUncached: 0.1 },
        { connections: 32, keywordPerRound: [0.4, 0.5], keyword: 0.45, hybridPerRound: [0.3, 0.3], hybrid: 0.3, keywordUncachedPerRound: [0.2, 0.2], keywordUncached: 0.2, hybridUncachedPerRound: [0.1, 0.1], hybridUncached: 0.1 },
      ],
      memory: { ours: memory(600), peer: memory(100), source: '' },
    };
    const checks = checkTargets({ throughput: { ok: true, seconds: 1, data } });
    const pass = (prefix: string) => checks.find((c) => c.target.startsWith(prefix))!.pass;
    expect(pass('keyword throughput')).toBe(false); // ×0.45 at 32 connections
    expect(pass('hybrid throughput')).toBe(true);
    expect(pass('throughput: zero errors')).toBe(false); // the peer's errors count too
    expect(pass('p99 of our searches')).toBe(false); // hybrid 151 ms; the peer's 400 ms is not ours
    // Judged on the server as shipped: the caches-off row is reported, not judged.
    expect(checks.find((c) => c.target.startsWith('p99 of our searches'))!.measured).toContain('ours-hybrid-uncached 3000 ms');
    expect(pass('server RSS')).toBe(true);
    const offline = checkTargets({ throughput: { ok: true, seconds: 1, data: { ...data, note: 'no model' } } });
    expect(offline.find((c) => c.target.startsWith('hybrid throughput'))!.pass).toBeNull();
    expect(offline.find((c) => c.target.startsWith('server RSS'))!.pass).toBeNull();
  });
});
