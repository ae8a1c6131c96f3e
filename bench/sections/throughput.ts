import type { EvalQuery } from '../../tests/eval/schema.js';
import type { BenchContext, BenchIndex } from '../lib/context.js';
import { warmUp } from '../lib/http.js';
import { runLoad, type LoadRequest, type LoadRunResult } from '../lib/load.js';
import { freePort, processMemory, sampleRss, startServer, type RunningServer } from '../lib/processes.js';
import { CACHES_OFF, startBenchServer } from '../lib/server.js';
import { ratio, round, summarize, type LatencySummary } from '../lib/stats.js';

/**
 * Section `throughput` (issue 12): our server against a plain engine over HTTP, in the same run, with the same
 * queries and the same closed-loop clients (autocannon, in this process):
 * - ours, keyword mode and hybrid mode, served by the compiled server (`dist/server/cli.js`) as shipped, and the
 *   same two modes on a second server with every cache off; both over the multilingual-e5-small index of the
 *   bundled corpus (the offline index when the model is absent, said so);
 * - the peer: MiniSearch with Russian stemming behind a minimal `node:http` server (`workers/peer-server.ts`) over
 *   the same passages.
 * Every contender runs in short phases, interleaved (each round rotates the order) at each connection count, so
 * outside load on a shared machine hits them alike; the figures to compare are the ratios per round.
 */

export type ContenderName = 'ours-keyword' | 'ours-hybrid' | 'ours-keyword-uncached' | 'ours-hybrid-uncached' | 'peer';
/**
 * `…-uncached`: a second server of ours with its response and query caches off (`--response-cache-entries 0
 * --query-cache-entries 0`). The rotation repeats its queries, so the server as shipped answers them from its
 * response cache after the warm-up; these rows are what a stream of queries never seen before costs.
 */
const CONTENDERS: readonly ContenderName[] = ['ours-keyword', 'ours-hybrid', 'ours-keyword-uncached', 'ours-hybrid-uncached', 'peer'];

export interface ContenderThroughput {
  contender: ContenderName;
  connections: number;
  /** One load phase per round, in round order. */
  runs: LoadRunResult[];
  /** Median over the rounds. */
  requestsPerSecond: number;
  /** Every response of every round. */
  latency: LatencySummary;
  /** Connection errors, timeouts and non-2xx answers over all rounds. */
  errors: number;
}

export interface ThroughputRatios {
  connections: number;
  /** ours keyword req/s ÷ peer req/s, per round, and their median. */
  keywordPerRound: number[];
  keyword: number;
  hybridPerRound: number[];
  hybrid: number;
  /** The same with every cache off. */
  keywordUncachedPerRound: number[];
  keywordUncached: number;
  hybridUncachedPerRound: number[];
  hybridUncached: number;
}

export interface ServerMemory {
  rssAfterWarmUpMiB: number;
  rssAfterMiB: number;
  sampledPeakRssMiB: number;
  /** VmHWM: the highest RSS the process ever had (includes start-up and index load). */
  peakRssMiB: number;
}

export interface ThroughputResults {
  /** The embedder of the index ours served. */
  embedderId: string;
  /** Why the index is not e5, when it is not. */
  note?: string;
  ours: string;
  oursUncached: string;
  peer: string;
  queries: number;
  rounds: number;
  phaseSeconds: number;
  connections: number[];
  warmUpMs: number;
  rows: ContenderThroughput[];
  ratios: ThroughputRatios[];
  memory: { ours: ServerMemory; peer: ServerMemory; source: string };
}

/** Connection counts measured: 16 (the first measurement) and 32 (its p99 target). */
const CONNECTIONS = [16, 32] as const;

export async function runThroughputSection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<ThroughputResults> {
  const e5Missing = ctx.e5Unavailable;
  const index = e5Missing ? await ctx.index('offline') : await ctx.index('e5');
  const texts = queries.map((q) => q.query);
  const ours = await startBenchServer(index);
  let peer: RunningServer | undefined;
  let uncached: RunningServer | undefined;
  try {
    peer = await startPeerServer(index);
    uncached = await startBenchServer(index, CACHES_OFF);
    const ourSearches = (mode: 'keyword' | 'hybrid') => rotation(texts, (q) => `/api/search?${new URLSearchParams({ q, mode, k: '10' }).toString()}`);
    const streams: Record<ContenderName, () => LoadRequest> = {
      'ours-keyword': ourSearches('keyword'),
      'ours-hybrid': ourSearches('hybrid'),
      'ours-keyword-uncached': ourSearches('keyword'),
      'ours-hybrid-uncached': ourSearches('hybrid'),
      peer: rotation(texts, (q) => `/search?${new URLSearchParams({ q, k: '10' }).toString()}`),
    };
    const urlOf = (c: ContenderName) => (c === 'peer' ? peer!.url : c.endsWith('-uncached') ? uncached!.url : ours.url);

    // Warm-up: every query once per contender (lazy caches fill on first sight), so the phases measure steady state.
    const warmStarted = performance.now();
    for (const c of CONTENDERS) await warmUp(urlOf(c), texts.map(() => streams[c]()));
    const warmUpMs = Math.round(performance.now() - warmStarted);
    const oursAfterWarmUp = processMemory(ours.pid);
    const peerAfterWarmUp = processMemory(peer.pid);

    const rounds = ctx.quick ? 1 : 3;
    const phaseSeconds = ctx.quick ? 3 : 8;
    ctx.log(`throughput: ${CONTENDERS.join(', ')} × connections ${CONNECTIONS.join('/')} × ${rounds} round(s) of ${phaseSeconds} s, interleaved`);
    const runs = new Map<string, LoadRunResult[]>();
    const samples = new Map<string, number[]>();
    const key = (c: ContenderName, connections: number) => `${c}@${connections}`;
    const oursSampler = sampleRss(ours.pid);
    const peerSampler = sampleRss(peer.pid);
    for (let r = 0; r < rounds; r++) {
      for (const connections of CONNECTIONS) {
        for (let i = 0; i < CONTENDERS.length; i++) {
          const c = CONTENDERS[(i + r) % CONTENDERS.length]!;
          const collect = samples.get(key(c, connections)) ?? [];
          samples.set(key(c, connections), collect);
          const run = await runLoad({ url: urlOf(c), connections, durationS: phaseSeconds, next: streams[c], title: key(c, connections), collect });
          runs.set(key(c, connections), [...(runs.get(key(c, connections)) ?? []), run]);
          ctx.log(`  round ${r + 1}, ${key(c, connections)}: ${run.requestsPerSecond} req/s, p99 ${run.latency.p99} ms, errors ${run.errors + run.non2xx}`);
        }
      }
    }
    const oursSampled = oursSampler.stop();
    const peerSampled = peerSampler.stop();

    const rows: ContenderThroughput[] = CONNECTIONS.flatMap((connections) =>
      CONTENDERS.map((contender) => {
        const phases = runs.get(key(contender, connections)) ?? [];
        return {
          contender,
          connections,
          runs: phases,
          requestsPerSecond: median(phases.map((p) => p.requestsPerSecond)),
          latency: summarize(samples.get(key(contender, connections)) ?? []),
          errors: phases.reduce((s, p) => s + p.errors + p.non2xx, 0),
        };
      }),
    );
    const ratios: ThroughputRatios[] = CONNECTIONS.map((connections) => {
      const rps = (c: ContenderName) => (runs.get(key(c, connections)) ?? []).map((p) => p.requestsPerSecond);
      const peerRps = rps('peer');
      const overPeer = (c: ContenderName) => rps(c).map((x, i) => ratio(x, peerRps[i]!));
      const keywordPerRound = overPeer('ours-keyword');
      const hybridPerRound = overPeer('ours-hybrid');
      const keywordUncachedPerRound = overPeer('ours-keyword-uncached');
      const hybridUncachedPerRound = overPeer('ours-hybrid-uncached');
      return {
        connections,
        keywordPerRound,
        keyword: median(keywordPerRound),
        hybridPerRound,
        hybrid: median(hybridPerRound),
        keywordUncachedPerRound,
        keywordUncached: median(keywordUncachedPerRound),
        hybridUncachedPerRound,
        hybridUncached: median(hybridUncachedPerRound),
      };
    });
    const memory = (pid: number, afterWarmUp: ReturnType<typeof processMemory>, sampled: { maxRssMiB: number }): ServerMemory => {
      const now = processMemory(pid);
      return {
        rssAfterWarmUpMiB: afterWarmUp?.rssMiB ?? Number.NaN,
        rssAfterMiB: now?.rssMiB ?? Number.NaN,
        sampledPeakRssMiB: sampled.maxRssMiB,
        peakRssMiB: now?.peakRssMiB ?? Number.NaN,
      };
    };
    return {
      embedderId: index.build.embedderId,
      ...(e5Missing ? { note: `${e5Missing}: ours served the offline index` } : {}),
      ours: ours.command,
      oursUncached: uncached.command,
      peer: peer.command,
      queries: texts.length,
      rounds,
      phaseSeconds,
      connections: [...CONNECTIONS],
      warmUpMs,
      rows,
      ratios,
      memory: {
        ours: memory(ours.pid, oursAfterWarmUp, oursSampled),
        peer: memory(peer.pid, peerAfterWarmUp, peerSampled),
        source: '/proc/<pid>/status of each server process: VmRSS sampled every 200 ms during the phases, VmHWM for the peak',
      },
    };
  } finally {
    await Promise.all([ours.stop(), peer?.stop(), uncached?.stop()]);
  }
}

/** The peer server over the same passages as `index`. */
async function startPeerServer(index: BenchIndex): Promise<RunningServer> {
  const port = await freePort();
  return startServer(['bench/workers/peer-server.ts', JSON.stringify({ indexDir: index.dir, port })], port);
}

/** The evaluation queries in a fixed cycle, as GET requests built by `pathOf`. */
function rotation(queries: readonly string[], pathOf: (q: string) => string): () => LoadRequest {
  let i = 0;
  return () => ({ method: 'GET', path: pathOf(queries[i++ % queries.length]!) });
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}
