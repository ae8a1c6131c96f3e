/**
 * Where the server's memory goes: `node --expose-gc --import tsx bench/memory/account.ts --index-dir <dir>
 * [--models-dir models] [--queries 60]`. Loads an index the way `loadIndex` does but one part at a time, then
 * builds the search structures, fills the caches, builds the app and answers queries, forcing a full GC after
 * each step and recording what it retained (V8 heap, memory outside it — hnswlib, buffers — and RSS). Prints a
 * Markdown table and, with --json, the numbers.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { restoreEmbedder } from '../../indexer/embed/select.js';
import { loadKeywordIndex } from '../../indexer/index/keyword.js';
import { loadIndex } from '../../indexer/index/load.js';
import { indexManifestSchema, INDEX_FILES, passagesFileSchema } from '../../indexer/index/schemas.js';
import { parseLexicon } from '../../indexer/nlp/lexicon.js';
import { buildApp } from '../../server/app.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { loadEvalSet } from '../../tests/eval/judge.js';

const { values } = parseArgs({
  options: { 'index-dir': { type: 'string' }, 'models-dir': { type: 'string' }, queries: { type: 'string' }, json: { type: 'boolean' } },
  strict: true,
});
const indexDir = values['index-dir'];
const gc = (globalThis as { gc?: () => void }).gc;
if (!indexDir || !gc) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/memory/account.ts --index-dir <dir> [--models-dir models] [--queries 60] [--json]\n');
  process.exit(2);
}
const modelsDir = values['models-dir'] ?? 'models';

interface Snapshot {
  heap: number;
  outside: number;
  rss: number;
}
interface Step {
  step: string;
  heapMiB: number;
  outsideMiB: number;
  rssMiB: number;
}

function measure(): Snapshot {
  for (let i = 0; i < 3; i++) gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, outside: m.external, rss: m.rss };
}

const MiB = 1024 * 1024;
const steps: Step[] = [];
let last = measure();
const start = last;
const keep: unknown[] = []; // what each step built stays alive, as it does in the server
function record(step: string, retained?: unknown): void {
  if (retained !== undefined) keep.push(retained);
  const now = measure();
  const round = (n: number) => Math.round((n / MiB) * 10) / 10;
  steps.push({ step, heapMiB: round(now.heap - last.heap), outsideMiB: round(now.outside - last.outside), rssMiB: round(now.rss - last.rss) });
  last = now;
}

const dir = await realpath(indexDir);
const read = (name: string) => readFile(path.join(dir, name));
const manifest = indexManifestSchema.parse(JSON.parse((await read(INDEX_FILES.manifest)).toString('utf8')));
const passages = passagesFileSchema.parse(JSON.parse((await read(INDEX_FILES.passages)).toString('utf8')));
record(`passages (${passages.length}) and manifest, parsed`, [manifest, passages]);
record('keyword index (lunr), loaded', loadKeywordIndex(JSON.parse((await read(INDEX_FILES.keyword)).toString('utf8')) as object));
record('lexicon', parseLexicon(JSON.parse((await read(INDEX_FILES.lexicon)).toString('utf8'))));
const embedder = await restoreEmbedder(manifest.embedder, JSON.parse((await read(INDEX_FILES.embedder)).toString('utf8')), { modelsDir });
record(`embedder ${manifest.embedder.id} (model state, morphology dictionaries)`, embedder);
const vectors = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
await vectors.readIndex(path.join(dir, INDEX_FILES.vectors));
record(`hnsw graph and vectors (${manifest.embedder.dimension}-d)`, vectors);
keep.length = 0;
record('(the parts above, released)');

// The real thing, as the server holds it.
const loaded = await loadIndex(indexDir, { modelsDir });
record('loadIndex (all of the above, verified)', loaded);
const index = new SearchIndex(loaded);
record('search structures (regions, impact-ordered postings, vocabulary)', index);
await index.warmUp();
record('warmed caches: vector copies and passage features, every passage');
for (let label = 0; label < index.size; label++) index.tokensOf(label);
record('token cache, every passage (highlights, answer sentences)');
const app = await buildApp({ index: loaded, config: { indexDir, watchIndex: false, logLevel: 'silent', rateLimitMax: 1_000_000 } });
record('fastify app (routes, schemas, swagger, static) + a second SearchIndex', app);
const queries = loadEvalSet().queries.slice(0, Number(values.queries ?? 60));
for (const q of queries) {
  await app.inject({ url: `/api/search?q=${encodeURIComponent(q.query)}&groupBy=region` });
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: q.query } });
}
record(`after ${queries.length} searches and ${queries.length} asks`);

const total = measure();
const result = {
  indexDir: dir,
  passages: passages.length,
  embedder: manifest.embedder.id,
  steps,
  startMiB: { heap: Math.round(start.heap / MiB), outside: Math.round(start.outside / MiB), rss: Math.round(start.rss / MiB) },
  totalMiB: { heap: Math.round(total.heap / MiB), outside: Math.round(total.outside / MiB), rss: Math.round(total.rss / MiB) },
};
if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const lines = [
    `| step (${passages.length} passages, ${manifest.embedder.id}) | V8 heap, MiB | outside the heap, MiB | RSS, MiB |`,
    '|---|---|---|---|',
    `| process after imports (code, az dictionaries, thesaurus) | ${result.startMiB.heap} | ${result.startMiB.outside} | ${result.startMiB.rss} |`,
    ...steps.map((s) => `| ${s.step} | ${s.heapMiB >= 0 ? '+' : ''}${s.heapMiB} | ${s.outsideMiB >= 0 ? '+' : ''}${s.outsideMiB} | ${s.rssMiB >= 0 ? '+' : ''}${s.rssMiB} |`),
    `| **total** | ${result.totalMiB.heap} | ${result.totalMiB.outside} | ${result.totalMiB.rss} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
await app.close();
