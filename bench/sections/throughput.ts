import type { EvalQuery } from '../../tests/eval/schema.js';
import type { BenchContext } from '../lib/context.js';
import { runLoad, type LoadRunResult } from '../lib/load.js';
import { processMemory, sampleRss } from '../lib/processes.js';
import { warmUp } from '../lib/http.js';
import { oneCycle, searchMix } from '../lib/request-mix.js';
import { startBenchServer } from '../lib/server.js';

/**
 * Section `throughput`: 16 concurrent clients (autocannon, in this process) against the real server
 * (`server/cli.ts`, a child process) on 127.0.0.1, searching the evaluation queries in all three modes.
 * Server memory is read from /proc/<pid>/status: sampled VmRSS during the run and the kernel's peak (VmHWM).
 */

export interface ThroughputResults {
  server: string;
  memorySource: string;
  /** Sequential pass over every request of the rotation before measuring. */
  warmUpMs: number;
  load: LoadRunResult;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  sampledPeakRssMiB: number;
  /** VmHWM: the highest RSS the server process ever had (includes start-up). */
  peakRssMiB: number;
}

export async function runThroughputSection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<ThroughputResults> {
  const index = await ctx.index('offline');
  const server = await startBenchServer(index);
  try {
    const texts = queries.map((q) => q.query);
    // Warm-up: every query in every mode once (the same rotation the run sends), so the run measures the steady state.
    const warmUpMs = await warmUp(server.url, oneCycle(searchMix(texts), texts.length * 3));
    const before = processMemory(server.pid);
    const durationS = ctx.quick ? 5 : 20;
    ctx.log(`throughput: 16 connections × ${durationS} s`);
    const sampler = sampleRss(server.pid);
    const load = await runLoad({ url: server.url, connections: 16, durationS, next: searchMix(texts), title: 'search ×16' });
    const sampled = sampler.stop();
    const after = processMemory(server.pid);
    ctx.log(`  ${load.requestsPerSecond} req/s, p95 ${load.latency.p95} ms, errors ${load.errors + load.non2xx}`);
    return {
      server: server.command,
      memorySource: `server child process (pid ${server.pid}), /proc/<pid>/status VmRSS sampled every 200 ms, VmHWM for the peak`,
      warmUpMs,
      load,
      rssBeforeMiB: before?.rssMiB ?? Number.NaN,
      rssAfterMiB: after?.rssMiB ?? Number.NaN,
      sampledPeakRssMiB: sampled.maxRssMiB,
      peakRssMiB: after?.peakRssMiB ?? Number.NaN,
    };
  } finally {
    await server.stop();
  }
}
