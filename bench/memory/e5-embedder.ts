/**
 * What loading the e5 embedder costs and what a query costs with it:
 * `node --expose-gc --import tsx bench/memory/e5-embedder.ts [--models-dir models] [--rounds 3]`.
 * Loads the embedder as the server does (one ONNX Runtime thread), forces a full GC and prints the V8 heap, memory
 * outside it and RSS it added; then embeds the 144 evaluation queries `--rounds` times and prints the CPU time per
 * query (user + system, so other load on the machine counts less than in wall time).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createTransformersEmbedder, SERVING_ONNX_THREADS } from '../../indexer/embed/transformers.js';

const { values } = parseArgs({ options: { 'models-dir': { type: 'string' }, rounds: { type: 'string' } }, strict: true });
const gc = (globalThis as { gc?: () => void }).gc;
const rounds = z.coerce.number().int().positive().safeParse(values.rounds ?? '3');
if (!gc || !rounds.success) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/memory/e5-embedder.ts [--models-dir models] [--rounds 3]\n');
  process.exit(2);
}
const MiB = 1024 * 1024;

function snapshot(): { heap: number; outside: number; rss: number } {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / MiB, outside: usage.external / MiB, rss: usage.rss / MiB };
}

const queriesFile = z.object({ queries: z.array(z.object({ query: z.string() })) });
const queries = queriesFile.parse(JSON.parse(readFileSync(path.resolve('tests/eval/queries.json'), 'utf8'))).queries.map((q) => q.query);

const before = snapshot();
const embedder = await createTransformersEmbedder({ modelsDir: values['models-dir'] ?? 'models', threads: SERVING_ONNX_THREADS });
const loaded = snapshot();
await embedder.embedQuery('прогрев'); // the first run allocates ONNX Runtime's buffers
const cpuStart = process.cpuUsage();
for (let round = 0; round < rounds.data; round += 1) {
  for (const query of queries) await embedder.embedQuery(query);
}
const cpu = process.cpuUsage(cpuStart);
const served = snapshot();
const row = (label: string, from: typeof before, to: typeof before) =>
  `${label}: heap +${(to.heap - from.heap).toFixed(1)} MiB, outside the heap +${(to.outside - from.outside).toFixed(1)} MiB, RSS +${(to.rss - from.rss).toFixed(1)} MiB`;
process.stdout.write(
  [
    `${embedder.description}, tokenizer: ${embedder.tokenizerKind}`,
    row('embedder loaded', before, loaded),
    row(`after ${queries.length * rounds.data} queries`, before, served),
    `process after the queries: heap ${served.heap.toFixed(1)} MiB, RSS ${served.rss.toFixed(1)} MiB`,
    `CPU per query: ${((cpu.user + cpu.system) / 1000 / (queries.length * rounds.data)).toFixed(2)} ms (${queries.length} queries × ${rounds.data}, one ONNX Runtime thread)`,
  ].join('\n') + '\n',
);
await embedder.dispose();
