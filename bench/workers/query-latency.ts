import { z } from 'zod';
import { loadIndex } from '../../indexer/index/load.js';
import { search } from '../../retrieval/methods/search.js';
import { SEARCH_MODES, type SearchMode } from '../../retrieval/options.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { summarize, timeInterleaved, type LatencySummary } from '../lib/stats.js';

/**
 * Loads one index in a fresh process and measures warm in-process query latency per mode over the given queries,
 * plus the memory the loaded index occupies (RSS after load). Prints one JSON line: `QueryLatencyMeasurement`.
 */

const inputSchema = z.object({
  indexDir: z.string(),
  modelsDir: z.string().optional(),
  queries: z.array(z.string()).min(1),
  repetitions: z.number().int().min(1).max(10),
});

export interface QueryLatencyMeasurement {
  passages: number;
  loadMs: number;
  rssAfterLoadMiB: number;
  heapUsedAfterLoadMiB: number;
  latency: Record<SearchMode, LatencySummary>;
  /** CPU time per query (this process): steadier than wall time on a shared machine. */
  cpu: Record<SearchMode, LatencySummary>;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20 * 10) / 10;

async function main(): Promise<void> {
  const input = inputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const t0 = performance.now();
  const engine = new SearchIndex(await loadIndex(input.indexDir, input.modelsDir ? { modelsDir: input.modelsDir } : {}));
  const loadMs = Math.round(performance.now() - t0);
  const memory = process.memoryUsage();
  for (const mode of SEARCH_MODES) for (const q of input.queries) await search(engine, { q, mode, k: 10 });
  const timed = await timeInterleaved(SEARCH_MODES, input.queries, input.repetitions, (mode, q) => search(engine, { q, mode, k: 10 }));
  const latency = {} as Record<SearchMode, LatencySummary>;
  const cpu = {} as Record<SearchMode, LatencySummary>;
  for (const mode of SEARCH_MODES) {
    latency[mode] = summarize(timed[mode].wall);
    cpu[mode] = summarize(timed[mode].cpu);
  }
  const result: QueryLatencyMeasurement = {
    passages: engine.size,
    loadMs,
    rssAfterLoadMiB: mib(memory.rss),
    heapUsedAfterLoadMiB: mib(memory.heapUsed),
    latency,
    cpu,
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
