import path from 'node:path';
import type { SearchMode } from '../../retrieval/options.js';
import type { EvalQuery } from '../../tests/eval/schema.js';
import type { BenchContext } from '../lib/context.js';
import { MODES } from '../lib/engine.js';
import { runWorker } from '../lib/processes.js';
import { ratio } from '../lib/stats.js';
import { writeSyntheticCorpus } from '../lib/synthetic-corpus.js';
import type { BuildMeasurement } from '../workers/build-index.js';
import type { QueryLatencyMeasurement } from '../workers/query-latency.js';

/**
 * Section `scale`: the synthetic corpus (`lib/synthetic-corpus.ts`) at 5, 25, 50 and 100 documents, each indexed
 * with the offline embedder (cold cache, fresh process) and queried in a fresh process: build time, index size on
 * disk, build peak memory, memory of the loaded index, warm query latency per mode; and the 100-vs-5 ratios.
 */

export const SCALE_SIZES = [5, 25, 50, 100] as const;
export const QUICK_SCALE_SIZES = [5, 10] as const;

export interface ScalePoint {
  documents: number;
  corpusBytes: number;
  build: BuildMeasurement;
  query: QueryLatencyMeasurement;
}

export interface ScaleResults {
  sizes: number[];
  points: ScalePoint[];
  /** Largest vs smallest corpus. */
  growth: {
    from: number;
    to: number;
    passages: number;
    buildWall: number;
    buildCpu: number;
    indexBytes: number;
    buildMemory: number;
    loadedMemory: number;
    latencyP50: Record<SearchMode, number>;
    latencyP95: Record<SearchMode, number>;
    cpuP50: Record<SearchMode, number>;
    cpuP95: Record<SearchMode, number>;
  };
}

export async function runScaleSection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<ScaleResults> {
  const sizes: number[] = ctx.quick ? [...QUICK_SCALE_SIZES] : [...SCALE_SIZES];
  const points: ScalePoint[] = [];
  for (const documents of sizes) {
    const root = path.join(ctx.tmpRoot, `scale-${documents}`);
    const corpus = await writeSyntheticCorpus(path.join(root, 'corpus'), documents);
    ctx.log(`scale: ${documents} documents (${(corpus.bytes / 2 ** 20).toFixed(1)} MiB of text): building`);
    const build = await runWorker<BuildMeasurement>('bench/workers/build-index.ts', {
      corpusDir: corpus.dir,
      outDir: path.join(root, 'index'),
      cacheDir: path.join(root, 'cache'),
      embedder: 'offline',
    });
    ctx.log(`  ${build.passages} passages, ${(build.wallMs / 1000).toFixed(1)} s (cpu ${(build.cpuMs / 1000).toFixed(1)} s), ${(build.indexBytes / 2 ** 20).toFixed(1)} MiB; querying`);
    const query = await runWorker<QueryLatencyMeasurement>('bench/workers/query-latency.ts', {
      indexDir: path.join(root, 'index'),
      queries: queries.map((q) => q.query),
      // p95 over single samples taken minutes apart swings ×0.6–×1.3 between identical runs; 5 keep it steady.
      repetitions: 5,
    });
    ctx.log(`  hybrid p50 ${query.latency.hybrid.p50} ms, p95 ${query.latency.hybrid.p95} ms`);
    points.push({ documents, corpusBytes: corpus.bytes, build, query });
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const perMode = (pick: (p: ScalePoint, m: SearchMode) => number) =>
    Object.fromEntries(MODES.map((m) => [m, ratio(pick(last, m), pick(first, m))])) as Record<SearchMode, number>;
  return {
    sizes,
    points,
    growth: {
      from: first.documents,
      to: last.documents,
      passages: ratio(last.build.passages, first.build.passages),
      buildWall: ratio(last.build.wallMs, first.build.wallMs),
      buildCpu: ratio(last.build.cpuMs, first.build.cpuMs),
      indexBytes: ratio(last.build.indexBytes, first.build.indexBytes),
      buildMemory: ratio(last.build.maxRssMiB, first.build.maxRssMiB),
      loadedMemory: ratio(last.query.rssAfterLoadMiB, first.query.rssAfterLoadMiB),
      latencyP50: perMode((p, m) => p.query.latency[m].p50),
      latencyP95: perMode((p, m) => p.query.latency[m].p95),
      cpuP50: perMode((p, m) => p.query.cpu[m].p50),
      cpuP95: perMode((p, m) => p.query.cpu[m].p95),
    },
  };
}
