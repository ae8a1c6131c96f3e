/**
 * `npm run eval`: builds (or loads) a real index of `corpus/`, runs the evaluation set through the server's own
 * search function in-process (query understanding, region detection, fusion, `groupBy=region`: the code path of
 * GET /api/search), scores it per mode and query kind, and puts the peer (MiniSearch at its best for Russian) next
 * to it on the same queries.
 *
 *   npm run eval                          build an offline index in a temp folder, evaluate, print tables
 *   npm run eval -- --index data/index    evaluate an existing index (any embedder)
 *   npm run eval -- --json out.json       also write machine-readable results
 *   npm run eval -- --queries other.json  another set in the same format (e.g. held-out probes)
 *   npm run eval -- --sweep               also measure fusion variants (convex α, RRF) on the hybrid mode
 *
 * Exit code: 0 when the evaluation ran (whatever the numbers), 1 on errors (bad flags, no index, broken set).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildPeerIndex } from '../../bench/lib/peer-minisearch.js';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex } from '../../indexer/index/load.js';
import { search } from '../../server/search/methods/search.js';
import type { RetrievalOptions } from '../../server/search/retrieve.js';
import { SearchIndex } from '../../server/search/search-index.js';
import { evaluateSearch, findUnmatchedRules, formatTable, type EvaluationReport, type SearchFn, type SearchMode } from './evaluate.js';
import { DEFAULT_EVAL_SET_PATH, loadEvalSet } from './judge.js';
import type { AggregateScores } from './metrics.js';
import { evalQuerySchema, type EvalSet } from './schema.js';
import { readFileSync } from 'node:fs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL_MODES: readonly SearchMode[] = ['keyword', 'semantic', 'hybrid'];

/** Builds an offline-embedder index of `corpusDir` in a fresh temp folder; returns the loaded search index. */
export async function buildEvalIndex(corpusDir = path.join(ROOT, 'corpus')): Promise<{ index: SearchIndex; workDir: string }> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'regstrat-eval-'));
  const outDir = path.join(workDir, 'index');
  await buildIndex({ corpusDir, outDir, cacheDir: path.join(workDir, 'cache'), embedder: 'offline' });
  return { index: new SearchIndex(await loadIndex(outDir)), workDir };
}

/** The server's search, in-process, as GET /api/search runs it (optionally with retrieval overrides). */
export function serverSearch(index: SearchIndex, retrieval?: Partial<RetrievalOptions>): SearchFn {
  return (q, { mode, k, groupBy }) => search(index, { q, mode, k, ...(groupBy ? { groupBy } : {}), ...(retrieval ? { retrieval } : {}) });
}

/** The peer over the same passages; a flat list only (it has no grouped view). */
export function peerSearch(index: SearchIndex): SearchFn {
  const peer = buildPeerIndex(index.passages);
  return async (q, { k }) => ({ results: peer.search(q, k).map((label) => index.passages[label]!) });
}

export async function evaluateServer(index: SearchIndex, set: EvalSet, modes = EVAL_MODES, retrieval?: Partial<RetrievalOptions>): Promise<EvaluationReport> {
  return evaluateSearch(serverSearch(index, retrieval), set, index.passages, { modes });
}

export async function evaluatePeer(index: SearchIndex, set: EvalSet): Promise<Map<string, AggregateScores>> {
  const report = await evaluateSearch(peerSearch(index), set, index.passages, { modes: ['keyword'], grouped: false });
  return report.byKind.get('keyword')!;
}

/** Mean of a metric for a kind, or null. */
export function metric(table: Map<string, AggregateScores> | undefined, kind: string, name: keyof AggregateScores): number | null {
  return table?.get(kind)?.[name].mean ?? null;
}

/** Region coverage over every query that has regions to cover (all kinds but `none`). */
export function answerableCoverage(report: EvaluationReport, mode: SearchMode): number | null {
  const values = report.evaluations
    .filter((e) => e.mode === mode && e.query.kind !== 'none')
    .map((e) => e.scores.regionCoverage)
    .filter((v): v is number => v !== null);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/**
 * Abstention among the regions in scope: for a `none` query that names a region ("добыча нефти в Тюменской области")
 * the grouped view only has that region, so the metric's "share of all regions missing" cannot exceed 1/5 even when
 * the answer is right. This counts the regions the response covers.
 */
export async function scopedAbstention(index: SearchIndex, set: EvalSet, mode: SearchMode = 'hybrid', retrieval?: Partial<RetrievalOptions>): Promise<number | null> {
  const values: number[] = [];
  for (const query of set.queries.filter((q) => q.kind === 'none')) {
    const response = await search(index, { q: query.query, mode, k: 10, groupBy: 'region', ...(retrieval ? { retrieval } : {}) });
    const groups = response.groups ?? [];
    if (groups.length > 0) values.push((response.missingRegions ?? []).length / groups.length);
  }
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

function fmt(value: number | null, digits = 3): string {
  return value === null ? '—' : value.toFixed(digits);
}

function peerTable(report: EvaluationReport, peer: Map<string, AggregateScores>): string {
  const hybrid = report.byKind.get('hybrid');
  const keyword = report.byKind.get('keyword');
  const kinds = [...peer.keys()].filter((k) => metric(peer, k, 'precisionAt10') !== null);
  const rows = kinds.map((kind) => {
    const p = metric(peer, kind, 'precisionAt10');
    const h = metric(hybrid, kind, 'precisionAt10');
    const kw = metric(keyword, kind, 'precisionAt10');
    const delta = h !== null && p !== null ? h - p : null;
    const ratio = h !== null && p ? h / p : null;
    return [kind, fmt(p), fmt(kw), fmt(h), delta === null ? '—' : (delta >= 0 ? '+' : '') + delta.toFixed(3), ratio === null ? '—' : `${ratio.toFixed(2)}×`];
  });
  const header = ['kind', 'peer P@10', 'keyword P@10', 'hybrid P@10', 'hybrid − peer', 'hybrid / peer'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const FUSION_VARIANTS: { name: string; retrieval: Partial<RetrievalOptions> }[] = [
  { name: 'convex α=0.3', retrieval: { fusion: 'convex', alpha: 0.3, adaptiveAlpha: false } },
  { name: 'convex α=0.4', retrieval: { fusion: 'convex', alpha: 0.4, adaptiveAlpha: false } },
  { name: 'convex α=0.5', retrieval: { fusion: 'convex', alpha: 0.5, adaptiveAlpha: false } },
  { name: 'convex α=0.4 adaptive', retrieval: { fusion: 'convex', alpha: 0.4, adaptiveAlpha: true } },
  { name: 'convex α=0.5 adaptive', retrieval: { fusion: 'convex', alpha: 0.5, adaptiveAlpha: true } },
  { name: 'rrf k=60', retrieval: { fusion: 'rrf', rrfK: 60, adaptiveAlpha: false } },
];

/**
 * Another set in the eval format, e.g. a small held-out probe set: each query is validated like the main set's,
 * but the whole-set rules (size, variety) do not apply.
 */
export function loadQueryFile(file: string): EvalSet {
  const parsed = z
    .object({ version: z.literal(1), description: z.string(), queries: z.array(evalQuerySchema).min(1) })
    .safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid query file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const flagsSchema = z.object({
  index: z.string().min(1).optional(),
  json: z.string().min(1).optional(),
  queries: z.string().min(1).optional(),
  sweep: z.boolean().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { index: { type: 'string' }, json: { type: 'string' }, queries: { type: 'string' }, sweep: { type: 'boolean' } },
    strict: true,
  });
  const flags = flagsSchema.parse(values);
  const set = flags.queries ? loadQueryFile(flags.queries) : loadEvalSet(DEFAULT_EVAL_SET_PATH);

  let workDir: string | undefined;
  let index: SearchIndex;
  const started = performance.now();
  if (flags.index) index = new SearchIndex(await loadIndex(flags.index));
  else {
    process.stderr.write('Building an offline index of corpus/ in a temp folder…\n');
    ({ index, workDir } = await buildEvalIndex());
  }
  try {
    console.log(`Index: ${index.size} passages, ${index.regions.length} regions; embedder ${index.embedder.id} (${index.embedder.kind}); ${set.queries.length} queries`);
    const unmatched = findUnmatchedRules(set, index.passages);
    for (const problem of unmatched) console.log(`WARNING: ${problem}`);

    const report = await evaluateServer(index, set);
    const peer = await evaluatePeer(index, set);
    console.log('\nPer mode and query kind (precision@10, nDCG@10, recall@50; coverage and abstention in the grouped view):\n');
    console.log(formatTable(report.byKind));
    console.log('\nRegion coverage over all answerable queries: ' + EVAL_MODES.map((m) => `${m} ${fmt(answerableCoverage(report, m))}`).join(', '));
    const scoped = Object.fromEntries(await Promise.all(EVAL_MODES.map(async (m) => [m, await scopedAbstention(index, set, m)] as const)));
    console.log('Abstention among regions in scope (`none` queries): ' + EVAL_MODES.map((m) => `${m} ${fmt(scoped[m] ?? null)}`).join(', '));
    console.log('\nPeer (MiniSearch, Snowball ru, whole stems, stop words) on the same queries:\n');
    console.log(peerTable(report, peer));

    const sweep: Record<string, Record<string, number | null>> = {};
    if (flags.sweep) {
      console.log('\nFusion variants (hybrid P@10 per kind; coverage = answerable region coverage):\n');
      const kinds = [...(report.byKind.get('hybrid')?.keys() ?? [])].filter((k) => k !== 'none');
      console.log(['variant'.padEnd(24), ...kinds.map((k) => k.padEnd(12)), 'coverage'].join(''));
      for (const variant of FUSION_VARIANTS) {
        const r = await evaluateServer(index, set, ['hybrid'], variant.retrieval);
        const table = r.byKind.get('hybrid');
        sweep[variant.name] = Object.fromEntries([...kinds.map((k) => [k, metric(table, k, 'precisionAt10')]), ['coverage', answerableCoverage(r, 'hybrid')]]);
        console.log([variant.name.padEnd(24), ...kinds.map((k) => fmt(metric(table, k, 'precisionAt10')).padEnd(12)), fmt(answerableCoverage(r, 'hybrid'))].join(''));
      }
    }

    if (flags.json) {
      const toObject = (m: Map<string, Map<string, AggregateScores>>) => Object.fromEntries([...m].map(([mode, t]) => [mode, Object.fromEntries(t)]));
      const out = {
        date: new Date().toISOString(),
        embedder: index.embedder,
        passages: index.size,
        queries: set.queries.length,
        unmatchedRules: unmatched,
        byKind: toObject(report.byKind),
        bySector: toObject(report.bySector),
        scopedAbstention: scoped,
        answerableCoverage: Object.fromEntries(EVAL_MODES.map((m) => [m, answerableCoverage(report, m)])),
        peer: { engine: 'minisearch (Snowball ru, prefix:false, fuzzy:false, stop words)', byKind: Object.fromEntries(peer) },
        perQuery: report.evaluations.map((e) => ({ id: e.query.id, kind: e.query.kind, mode: e.mode, ...e.scores })),
        ...(flags.sweep ? { fusionSweep: sweep } : {}),
      };
      await mkdir(path.dirname(path.resolve(flags.json)), { recursive: true });
      await writeFile(flags.json, JSON.stringify(out, null, 2));
      console.log(`\nWrote ${flags.json}`);
    }
    console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
