import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { buildIndex, type BuildProgress } from '../../indexer/index/build.js';

/**
 * One index build in a fresh process, so its time includes nothing the benchmark did before and its peak memory
 * (`maxRSS`) is the build's alone. Prints one JSON line: see `BuildMeasurement`.
 */

const inputSchema = z.object({
  corpusDir: z.string(),
  outDir: z.string(),
  cacheDir: z.string(),
  embedder: z.enum(['offline', 'transformers']),
  modelsDir: z.string().optional(),
  modelId: z.string().optional(),
});

export interface BuildMeasurement {
  embedderId: string;
  documents: number;
  passages: number;
  /** Passages embedded in this build (the rest came from the cache). */
  embedded: number;
  reused: number;
  /** Whole `buildIndex` call. */
  wallMs: number;
  /** CPU time of the process during the build (user + system): less sensitive to other load than wall time. */
  cpuMs: number;
  /** Reading, structuring and chunking the documents. */
  readMs: number;
  /** Lexicon + embedder fit (offline) or model load (transformers). */
  prepareMs: number;
  /** Embedding the passages that were not cached. */
  embedMs: number;
  /** Keyword index, hnsw graph, files, atomic swap. */
  writeMs: number;
  /** Passages embedded per second of `embedMs` (null when everything came from the cache). */
  passagesPerSecond: number | null;
  maxRssMiB: number;
  indexBytes: number;
  indexFiles: Record<string, number>;
}

async function main(): Promise<void> {
  const input = inputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const marks: Partial<Record<'readEnd' | 'embedStart' | 'write', number>> = {};
  const onProgress = (e: BuildProgress) => {
    const now = performance.now();
    if (e.phase === 'read') marks.readEnd = now;
    if (e.phase === 'embed' && marks.embedStart === undefined) marks.embedStart = now;
    if (e.phase === 'write' && marks.write === undefined) marks.write = now;
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await buildIndex({
    corpusDir: input.corpusDir,
    outDir: input.outDir,
    cacheDir: input.cacheDir,
    embedder: input.embedder,
    ...(input.modelsDir ? { modelsDir: input.modelsDir } : {}),
    ...(input.modelId ? { modelId: input.modelId } : {}),
    onProgress,
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const { manifest } = result;
  const readEnd = marks.readEnd ?? t0;
  const embedStart = marks.embedStart ?? readEnd;
  const write = marks.write ?? t1;
  const embedded = manifest.counts.passages - manifest.counts.embeddingsReused;
  const embedMs = write - embedStart;

  const dir = await realpath(input.outDir);
  const indexFiles: Record<string, number> = {};
  for (const name of await readdir(dir)) indexFiles[name] = (await stat(path.join(dir, name))).size;

  const measurement: BuildMeasurement = {
    embedderId: manifest.embedder.id,
    documents: manifest.counts.documents,
    passages: manifest.counts.passages,
    embedded,
    reused: manifest.counts.embeddingsReused,
    wallMs: Math.round(t1 - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    readMs: Math.round(readEnd - t0),
    prepareMs: Math.round(embedStart - readEnd),
    embedMs: Math.round(embedMs),
    writeMs: Math.round(t1 - write),
    passagesPerSecond: embedded > 0 ? Math.round((embedded / embedMs) * 1000 * 10) / 10 : null,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    indexBytes: Object.values(indexFiles).reduce((s, n) => s + n, 0),
    indexFiles,
  };
  process.stdout.write(`\n${JSON.stringify(measurement)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
