import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalQuery } from '../../tests/eval/schema.js';
import type { BenchContext } from '../lib/context.js';
import { runLoad, type LoadRunResult } from '../lib/load.js';
import { processMemory, sampleRss } from '../lib/processes.js';
import { warmUp } from '../lib/http.js';
import { oneCycle, samplePassageIds, searchAskSimilarMix } from '../lib/request-mix.js';
import { startBenchServer } from '../lib/server.js';
import { round } from '../lib/stats.js';

/**
 * Section `load` (issue 6): three consecutive runs of 32 connections mixing search, ask and similar against one
 * server process. Passes when no request fails and the server's RSS after the third run is within
 * `MEMORY_GROWTH_LIMIT` of its RSS after the first (the first run absorbs warm-up: caches, JIT, arenas).
 */

export const MEMORY_GROWTH_LIMIT = 0.1;

export interface LoadTestRun extends LoadRunResult {
  /** Server RSS a moment after the run ended. */
  rssAfterMiB: number;
  sampledPeakRssMiB: number;
}

export interface LoadTestResults {
  server: string;
  mix: string;
  /** Sequential pass over one full rotation of the mix before run 1. */
  warmUpMs: number;
  runs: LoadTestRun[];
  /** After the warm-up, before run 1. */
  rssBeforeMiB: number;
  peakRssMiB: number;
  totalErrors: number;
  /** RSS after the last run relative to after the first. */
  memoryGrowth: number;
  memoryStable: boolean;
  pass: boolean;
}

export async function runLoadTestSection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<LoadTestResults> {
  const index = await ctx.index('offline');
  const passages = JSON.parse(await readFile(path.join(index.dir, 'passages.json'), 'utf8')) as { id: string }[];
  const ids = samplePassageIds(passages.map((p) => p.id), 200);
  const texts = queries.map((q) => q.query);
  const durationS = ctx.quick ? 5 : 30;
  const server = await startBenchServer(index);
  try {
    // Warm-up: one full rotation of the mix (every query in every mode, every question, every similar id).
    const warmUpMs = await warmUp(server.url, oneCycle(searchAskSimilarMix(texts, ids), Math.max(texts.length, ids.length) * 5));
    const rssBefore = processMemory(server.pid)?.rssMiB ?? Number.NaN;
    const runs: LoadTestRun[] = [];
    for (let run = 1; run <= 3; run++) {
      ctx.log(`load: run ${run}/3, 32 connections × ${durationS} s (search/ask/similar 3:1:1)`);
      const sampler = sampleRss(server.pid);
      const result = await runLoad({ url: server.url, connections: 32, durationS, next: searchAskSimilarMix(texts, ids), title: `load run ${run}` });
      const sampled = sampler.stop();
      await new Promise((r) => setTimeout(r, 1000)); // let in-flight work and timers settle before reading RSS
      const rssAfter = processMemory(server.pid)?.rssMiB ?? Number.NaN;
      runs.push({ ...result, rssAfterMiB: rssAfter, sampledPeakRssMiB: sampled.maxRssMiB });
      ctx.log(`  ${result.requestsPerSecond} req/s, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}, RSS ${rssAfter} MiB`);
    }
    const totalErrors = runs.reduce((s, r) => s + r.errors + r.non2xx, 0);
    const memoryGrowth = round(runs[2]!.rssAfterMiB / runs[0]!.rssAfterMiB - 1, 3);
    const memoryStable = memoryGrowth <= MEMORY_GROWTH_LIMIT;
    return {
      server: server.command,
      mix: '3 × GET /api/search (modes rotating) : 1 × POST /api/ask : 1 × GET /api/passages/:id/similar?otherRegions=true',
      warmUpMs,
      runs,
      rssBeforeMiB: rssBefore,
      peakRssMiB: processMemory(server.pid)?.peakRssMiB ?? Number.NaN,
      totalErrors,
      memoryGrowth,
      memoryStable,
      pass: totalErrors === 0 && memoryStable,
    };
  } finally {
    await server.stop();
  }
}
