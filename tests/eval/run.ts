/**
 * `npm run eval`: builds (or loads) real indexes of `corpus/`, runs the evaluation set and every held-out set through
 * the server's own search function in-process (query understanding, region detection, fusion, `groupBy=region`: the
 * code path of GET /api/search), scores them per mode, query kind and language, and puts the peer (MiniSearch at
 * its best for Russian) next to it on the same queries.
 *
 *   npm run eval                          both embedders side by side (offline; e5 when models/ has it), every set
 *   npm run eval -- --embedder offline    one embedder (offline | e5 | both)
 *   npm run eval -- --index data/index    evaluate an existing index (any embedder)
 *   npm run eval -- --json out.json       also write machine-readable results
 *   npm run eval -- --queries other.json  another set in the same format (e.g. held-out probes)
 *   npm run eval -- --sweep               also measure fusion variants (convex α, RRF) on the hybrid mode
 *   npm run eval -- --retrieval '{"alpha":0.4}'  retrieval settings by name (retrieval/options.ts) over the defaults
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
import { isModelAvailable } from '../../indexer/embed/transformers.js';
import { search } from '../../retrieval/methods/search.js';
import { retrievalOverridesText, type RetrievalOverrides } from '../../retrieval/options.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { evaluateAsk } from './ask-eval.js';
import { evaluateSearch, findUnmatchedRules, formatTable, precisionCeiling, type EvaluationReport, type SearchFn, type SearchMode } from './evaluate.js';
import { DEFAULT_EVAL_SET_PATH, loadEvalSet } from './judge.js';
import type { AggregateScores } from './metrics.js';
import { evalQuerySchema, type EvalSet } from './schema.js';
import { readFileSync } from 'node:fs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EVAL_MODES: readonly SearchMode[] = ['keyword', 'semantic', 'hybrid'];

/** The embedders an evaluation compares: the offline concept model, and the production model (e5) with its concept leg. */
export const EVAL_EMBEDDERS = ['offline', 'e5'] as const;
export type EvalEmbedder = (typeof EVAL_EMBEDDERS)[number];

/**
 * Builds an index of `corpusDir` in a fresh temp folder with the given embedder; returns the loaded search index.
 * e5 builds reuse the passage embeddings kept in data/cache (the model is slow to run, its vectors never change).
 */
export async function buildEvalIndex(corpusDir = path.join(ROOT, 'corpus'), embedder: EvalEmbedder = 'offline'): Promise<{ index: SearchIndex; workDir: string }> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'regstrat-eval-'));
  const outDir = path.join(workDir, 'index');
  const modelsDir = path.join(ROOT, 'models');
  await buildIndex({
    corpusDir,
    outDir,
    cacheDir: embedder === 'e5' ? path.join(ROOT, 'data/cache') : path.join(workDir, 'cache'),
    embedder: embedder === 'e5' ? 'transformers' : 'offline',
    modelsDir,
  });
  return { index: new SearchIndex(await loadIndex(outDir, { modelsDir })), workDir };
}

/** The server's search, in-process, as GET /api/search runs it (optionally with retrieval overrides). */
export function serverSearch(index: SearchIndex, retrieval?: RetrievalOverrides): SearchFn {
  return (q, { mode, k, groupBy }) => search(index, { q, mode, k, ...(groupBy ? { groupBy } : {}), ...(retrieval ? { retrieval } : {}) });
}

/** The peer over the same passages; a flat list only (it has no grouped view). */
export function peerSearch(index: SearchIndex): SearchFn {
  const peer = buildPeerIndex(index.passages);
  return async (q, { k }) => ({ results: peer.search(q, k).map((label) => index.passages[label]!) });
}

export async function evaluateServer(index: SearchIndex, set: EvalSet, modes = EVAL_MODES, retrieval?: RetrievalOverrides): Promise<EvaluationReport> {
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
 * Share of answering regions the grouped view reports missing, over every answerable query: the part of the
 * coverage lost to the found/missing decision (the rest of it is lost to the ranking inside a region's group).
 */
export function answerableReportedMissing(report: EvaluationReport, mode: SearchMode): number | null {
  const values = report.evaluations
    .filter((e) => e.mode === mode && e.query.kind !== 'none')
    .map((e) => e.answeringReportedMissing)
    .filter((v): v is number => v !== null);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

/**
 * Abstention among the regions in scope: for a `none` query that names a region ("добыча нефти в Тюменской области")
 * the grouped view only has that region, so the metric's "share of all regions missing" cannot exceed 1/5 even when
 * the answer is right. This counts the regions the response covers.
 */
export async function scopedAbstention(index: SearchIndex, set: EvalSet, mode: SearchMode = 'hybrid', retrieval?: RetrievalOverrides): Promise<number | null> {
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

const FUSION_VARIANTS: { name: string; retrieval: RetrievalOverrides }[] = [
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
  embedder: z.enum([...EVAL_EMBEDDERS, 'both'], { message: '--embedder must be offline, e5 or both' }).optional(),
  retrieval: retrievalOverridesText.optional(),
});

/** Held-out sets, evaluated after the main set by default (never used for tuning). */
export const HELD_OUT_SETS = ['heldout-probes.json', 'heldout-probes-2.json', 'heldout-probes-3.json', 'heldout-probes-4.json'] as const;
/** Development sets: open for tuning beside the main set (tests/eval/README.md). */
export const DEV_SETS = ['dev-unanswerable.json'] as const;

interface SetSummary {
  set: string;
  embedder: string;
  queries: number;
  hybridP10: number | null;
  /** The best P@10 any ranking could reach (queries with fewer than 10 relevant passages cap it). */
  p10Ceiling: number | null;
  paraphraseP10: number | null;
  englishP10: number | null;
  coverage: number | null;
  /** Answering regions reported missing (part of what coverage misses). */
  reportedMissing: number | null;
  abstention: number | null;
  peerP10: number | null;
  askFoundRight: number;
  askFirstPointOnTopic: number | null;
  askFirstSentenceOnTopic: number | null;
}

async function evaluateSet(
  index: SearchIndex,
  set: EvalSet,
  name: string,
  detailed: boolean,
  sweepOn: boolean,
  retrieval?: RetrievalOverrides,
): Promise<{ summary: SetSummary; json: Record<string, unknown> }> {
  console.log(`\n=== ${name}: ${set.queries.length} queries; index of ${index.size} passages, ${index.regions.length} regions; embedder ${index.embedder.id}`);
  const unmatched = findUnmatchedRules(set, index.passages);
  for (const problem of unmatched) console.log(`WARNING: ${problem}`);
  const report = await evaluateServer(index, set, EVAL_MODES, retrieval);
  const peer = await evaluatePeer(index, set);
  const scoped = Object.fromEntries(await Promise.all(EVAL_MODES.map(async (m) => [m, await scopedAbstention(index, set, m, retrieval)] as const)));
  if (detailed) {
    console.log('\nPer mode and query kind (precision@10, nDCG@10, recall@50; coverage and abstention in the grouped view):\n');
    console.log(formatTable(report.byKind));
    console.log('\nPer query language:\n');
    console.log(formatTable(report.byLang, 'lang'));
    console.log('\nPeer (MiniSearch, Snowball ru, whole stems, stop words) on the same queries:\n');
    console.log(peerTable(report, peer));
  }
  console.log('Region coverage over all answerable queries: ' + EVAL_MODES.map((m) => `${m} ${fmt(answerableCoverage(report, m))}`).join(', '));
  console.log('Answering regions reported missing (coverage lost to the found/missing decision): ' + EVAL_MODES.map((m) => `${m} ${fmt(answerableReportedMissing(report, m))}`).join(', '));
  console.log('Abstention among regions in scope (`none` queries): ' + EVAL_MODES.map((m) => `${m} ${fmt(scoped[m] ?? null)}`).join(', '));

  const sweep: Record<string, Record<string, number | null>> = {};
  if (sweepOn) {
    console.log('\nFusion variants (hybrid P@10 per kind; coverage = answerable region coverage):\n');
    const kinds = [...(report.byKind.get('hybrid')?.keys() ?? [])].filter((k) => k !== 'none');
    console.log(['variant'.padEnd(24), ...kinds.map((k) => k.padEnd(12)), 'coverage'].join(''));
    for (const variant of FUSION_VARIANTS) {
      const r = await evaluateServer(index, set, ['hybrid'], { ...retrieval, ...variant.retrieval });
      const table = r.byKind.get('hybrid');
      sweep[variant.name] = Object.fromEntries([...kinds.map((k) => [k, metric(table, k, 'precisionAt10')]), ['coverage', answerableCoverage(r, 'hybrid')]]);
      console.log([variant.name.padEnd(24), ...kinds.map((k) => fmt(metric(table, k, 'precisionAt10')).padEnd(12)), fmt(answerableCoverage(r, 'hybrid'))].join(''));
    }
  }
  const askScores = await evaluateAsk(index, set, retrieval);
  console.log(`/api/ask: found right for ${fmt(askScores.foundRight)} of ${askScores.pairs} (question, region) pairs; first point on topic ${fmt(askScores.firstPointOnTopic)} (its sentence itself ${fmt(askScores.firstSentenceOnTopic)}); unanswerable pairs right ${fmt(askScores.unanswerableRight)}`);
  const hybrid = report.byKind.get('hybrid');
  const summary: SetSummary = {
    set: name,
    embedder: index.embedder.id,
    queries: set.queries.length,
    hybridP10: metric(hybrid, 'all', 'precisionAt10'),
    p10Ceiling: precisionCeiling(report),
    paraphraseP10: metric(hybrid, 'paraphrase', 'precisionAt10'),
    englishP10: metric(report.byLang.get('hybrid'), 'en', 'precisionAt10'),
    coverage: answerableCoverage(report, 'hybrid'),
    reportedMissing: answerableReportedMissing(report, 'hybrid'),
    abstention: scoped.hybrid ?? null,
    peerP10: metric(peer, 'all', 'precisionAt10'),
    askFoundRight: askScores.foundRight,
    askFirstPointOnTopic: askScores.firstPointOnTopic,
    askFirstSentenceOnTopic: askScores.firstSentenceOnTopic,
  };
  const toObject = (m: Map<string, Map<string, AggregateScores>>) => Object.fromEntries([...m].map(([mode, t]) => [mode, Object.fromEntries(t)]));
  const json = {
    set: name,
    embedder: index.embedder,
    passages: index.size,
    queries: set.queries.length,
    unmatchedRules: unmatched,
    retrieval: retrieval ?? {},
    byKind: toObject(report.byKind),
    byLang: toObject(report.byLang),
    bySector: toObject(report.bySector),
    scopedAbstention: scoped,
    ask: askScores,
    answerableCoverage: Object.fromEntries(EVAL_MODES.map((m) => [m, answerableCoverage(report, m)])),
    peer: { engine: 'minisearch (Snowball ru, prefix:false, fuzzy:false, stop words)', byKind: Object.fromEntries(peer) },
    perQuery: report.evaluations.map((e) => ({ id: e.query.id, kind: e.query.kind, mode: e.mode, ...e.scores })),
    ...(sweepOn ? { fusionSweep: sweep } : {}),
  };
  return { summary, json };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { index: { type: 'string' }, json: { type: 'string' }, queries: { type: 'string' }, sweep: { type: 'boolean' }, embedder: { type: 'string' }, retrieval: { type: 'string' } },
    strict: true,
  });
  const flags = flagsSchema.parse(values);
  const sets: [string, EvalSet][] = flags.queries
    ? [[path.basename(flags.queries), loadQueryFile(flags.queries)]]
    : [['queries.json', loadEvalSet(DEFAULT_EVAL_SET_PATH)], ...[...DEV_SETS, ...HELD_OUT_SETS].map((f): [string, EvalSet] => [f, loadQueryFile(path.join(ROOT, 'tests/eval', f))])];
  const modelPresent = isModelAvailable(path.join(ROOT, 'models'));
  const embedders: EvalEmbedder[] = flags.embedder === 'both' || (!flags.embedder && modelPresent) ? [...EVAL_EMBEDDERS] : [flags.embedder ?? 'offline'];
  if (embedders.includes('e5') && !modelPresent) throw new Error('--embedder e5 needs the model in models/ (npm run model)');

  const started = performance.now();
  const summaries: SetSummary[] = [];
  const results: Record<string, unknown>[] = [];
  const indexes: { index: SearchIndex; workDir?: string }[] = [];
  try {
    if (flags.index) indexes.push({ index: new SearchIndex(await loadIndex(flags.index, { modelsDir: path.join(ROOT, 'models') })) });
    else {
      for (const embedder of embedders) {
        process.stderr.write(`Building an index of corpus/ (${embedder}) in a temp folder…\n`);
        indexes.push(await buildEvalIndex(undefined, embedder));
      }
    }
    for (const { index } of indexes) {
      for (const [name, set] of sets) {
        const { summary, json } = await evaluateSet(index, set, name, name === sets[0]![0], Boolean(flags.sweep) && name === sets[0]![0], flags.retrieval);
        summaries.push(summary);
        results.push(json);
      }
    }
    console.log('\nSummary (hybrid; P@10 max = the best any ranking could reach; coverage = answerable region coverage; missing = answering regions reported missing; abstention among regions in scope):\n');
    console.log(['set'.padEnd(24), 'embedder'.padEnd(46), 'P@10'.padEnd(7), 'P@10 max'.padEnd(9), 'para'.padEnd(7), 'English'.padEnd(8), 'coverage'.padEnd(9), 'missing'.padEnd(8), 'abstain'.padEnd(8), 'peer P@10'.padEnd(10), 'ask found'.padEnd(10), 'ask 1st on topic'.padEnd(17), 'its sentence'].join(''));
    for (const s of summaries) {
      console.log([s.set.padEnd(24), s.embedder.padEnd(46), fmt(s.hybridP10).padEnd(7), fmt(s.p10Ceiling).padEnd(9), fmt(s.paraphraseP10).padEnd(7), fmt(s.englishP10).padEnd(8), fmt(s.coverage).padEnd(9), fmt(s.reportedMissing).padEnd(8), fmt(s.abstention).padEnd(8), fmt(s.peerP10).padEnd(10), fmt(s.askFoundRight).padEnd(10), fmt(s.askFirstPointOnTopic).padEnd(17), fmt(s.askFirstSentenceOnTopic)].join(''));
    }
    if (flags.json) {
      await mkdir(path.dirname(path.resolve(flags.json)), { recursive: true });
      await writeFile(flags.json, JSON.stringify({ date: new Date().toISOString(), summaries, results }, null, 2));
      console.log(`\nWrote ${flags.json}`);
    }
    console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const { workDir } of indexes) if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`eval failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
