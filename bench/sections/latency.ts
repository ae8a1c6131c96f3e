import type { SearchMode } from '../../retrieval/options.js';
import type { BenchContext, BenchIndex, IndexKind } from '../lib/context.js';
import { MODES, openEngine, searchTop } from '../lib/engine.js';
import { QUERY_LANGS, type EvalQuery, type QueryLang } from '../../tests/eval/schema.js';
import { searchUrl, timedGet, timedPost } from '../lib/http.js';
import { samplePassageIds } from '../lib/request-mix.js';
import { CACHES_OFF, startBenchServer } from '../lib/server.js';
import { summarize, timeInterleaved, type LatencySummary } from '../lib/stats.js';

/**
 * Section `latency`: warm query latency per mode over the evaluation queries, one query at a time, both in-process
 * (the server's search engine called directly) and over HTTP (the real server on loopback, one keep-alive client),
 * for the offline index and the multilingual-e5-small index (where the query must go through a 12-layer encoder).
 */

export interface LatencyForIndex {
  embedderId: string;
  queries: number;
  repetitions: { inProcess: number; http: number };
  /** Embedding the query text alone (part of semantic and hybrid). */
  queryEmbedding: LatencySummary;
  inProcess: Record<SearchMode, LatencySummary>;
  /** CPU time of the benchmark process per in-process query: the steadier number on a shared machine. */
  inProcessCpu: Record<SearchMode, LatencySummary>;
  http: Record<SearchMode, LatencySummary>;
  /**
   * Over HTTP with every cache off, so each request is a question never seen before: its embedding, and for an
   * English question its translation (the words and phrases embedded), counted in. Russian and English apart.
   */
  httpNeverSeen?: Record<QueryLang, Record<SearchMode, LatencySummary>>;
  /** Sequential POST /api/ask over the evaluation questions and GET /api/passages/:id/similar over spread passages. */
  httpOther: { ask: LatencySummary; similar: LatencySummary };
  server: string;
}

export type LatencyResults = Partial<Record<IndexKind, LatencyForIndex | { skipped: string }>>;

export async function runLatencySection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<LatencyResults> {
  const results: LatencyResults = {};
  results.offline = await measureIndex(ctx, 'offline', await ctx.index('offline'), queries);
  const skipped = ctx.e5Skipped;
  results.e5 = skipped ? { skipped } : await measureIndex(ctx, 'e5', await ctx.index('e5'), queries);
  return results;
}

async function measureIndex(ctx: BenchContext, kind: IndexKind, index: BenchIndex, queries: readonly EvalQuery[]): Promise<LatencyForIndex> {
  const repetitions = ctx.quick ? { inProcess: 1, http: 1 } : { inProcess: 3, http: 2 };
  const texts = queries.map((q) => q.query);

  ctx.log(`latency: ${kind} index, in-process (${texts.length} queries × ${MODES.length} modes × ${repetitions.inProcess})`);
  const engine = await openEngine(index);
  for (const mode of MODES) for (const q of texts) await searchTop(engine, q, mode); // warm-up: JIT, caches
  const timedInProcess = await timeInterleaved(MODES, texts, repetitions.inProcess, (mode, q) => searchTop(engine, q, mode));
  const inProcess = {} as Record<SearchMode, LatencySummary>;
  const inProcessCpu = {} as Record<SearchMode, LatencySummary>;
  for (const mode of MODES) {
    inProcess[mode] = summarize(timedInProcess[mode].wall);
    inProcessCpu[mode] = summarize(timedInProcess[mode].cpu);
  }
  const embeddingSamples: number[] = [];
  for (const q of texts) {
    const started = performance.now();
    await engine.loaded.embedder.embedQuery(q);
    embeddingSamples.push(performance.now() - started);
  }

  ctx.log(`latency: ${kind} index, HTTP`);
  // Response cache off: the repetitions below repeat queries, and a cached response would time the cache, not the
  // search (the throughput section measures the server as shipped, cache on and off).
  const server = await startBenchServer(index, ['--response-cache-entries', '0']);
  const http = {} as Record<SearchMode, LatencySummary>;
  let httpOther: LatencyForIndex['httpOther'] | undefined;
  try {
    for (const mode of MODES) for (const q of texts) await timedGet(searchUrl(server.url, q, mode));
    const timedHttp = await timeInterleaved(MODES, texts, repetitions.http, (mode, q) => timedGet(searchUrl(server.url, q, mode)));
    for (const mode of MODES) http[mode] = summarize(timedHttp[mode].wall);
    const askSamples: number[] = [];
    for (const question of texts) askSamples.push(await timedPost(`${server.url}/api/ask`, { question }));
    const similarSamples: number[] = [];
    for (const id of samplePassageIds(engine.passages.map((p) => p.id), 100)) {
      similarSamples.push(await timedGet(`${server.url}/api/passages/${encodeURIComponent(id)}/similar?k=5&otherRegions=true`));
    }
    httpOther = { ask: summarize(askSamples), similar: summarize(similarSamples) };
  } finally {
    await server.stop();
  }

  ctx.log(`latency: ${kind} index, HTTP, every cache off (questions never seen before)`);
  const fresh = await startBenchServer(index, CACHES_OFF);
  const httpNeverSeen = {} as Record<QueryLang, Record<SearchMode, LatencySummary>>;
  const inLanguage = (lang: QueryLang) => queries.filter((q) => (q.lang ?? 'ru') === lang).map((q) => q.query);
  try {
    // Warm-up in both languages (JIT, the model's batch shapes): an English question runs code a Russian one does not.
    for (const mode of MODES) for (const lang of QUERY_LANGS) for (const q of inLanguage(lang).slice(0, 5)) await timedGet(searchUrl(fresh.url, q, mode));
    for (const lang of QUERY_LANGS) {
      const ofLanguage = inLanguage(lang);
      const timed = await timeInterleaved(MODES, ofLanguage, repetitions.http, (mode, q) => timedGet(searchUrl(fresh.url, q, mode)));
      httpNeverSeen[lang] = Object.fromEntries(MODES.map((mode) => [mode, summarize(timed[mode].wall)])) as Record<SearchMode, LatencySummary>;
    }
  } finally {
    await fresh.stop();
  }
  return {
    embedderId: engine.embedder.id,
    queries: texts.length,
    repetitions,
    queryEmbedding: summarize(embeddingSamples),
    inProcess,
    inProcessCpu,
    http,
    httpNeverSeen,
    httpOther: httpOther!,
    server: server.command,
  };
}
