import type { Passage } from '../../indexer/types.js';
import type { SearchMode } from '../../retrieval/options.js';
import type { EvalQuery, QueryKind } from '../../tests/eval/schema.js';
import { QUERY_KINDS } from '../../tests/eval/schema.js';
import type { BenchContext } from '../lib/context.js';
import { MODES, openEngine, searchTop } from '../lib/engine.js';
import { compileJudgment, judgePassages } from '../../tests/eval/judge.js';
import { precisionAtK } from '../../tests/eval/metrics.js';
import { buildPeerIndex } from '../lib/peer-minisearch.js';
import { ratio, round, summarize, timed, timeInterleaved, type LatencySummary } from '../lib/stats.js';

/**
 * Section `peer`: our search (in-process, each mode) and MiniSearch (see `lib/peer-minisearch.ts`) over the same
 * passages of the offline index, on the same evaluation queries: precision@10 (overall and per query kind, queries
 * of kind `none` excluded: they have nothing to find) and warm latency, side by side and as ratios.
 */

export interface EngineQuality {
  precisionAt10: number;
  byKind: Partial<Record<QueryKind, number>>;
  latency: LatencySummary;
  /** CPU time per query. */
  cpu: LatencySummary;
}

export interface PeerResults {
  peer: string;
  passages: number;
  judgedQueries: number;
  peerIndexMs: number;
  ours: Record<SearchMode, EngineQuality>;
  minisearch: EngineQuality;
  /** ours / peer, per mode: precision@10 (higher is better) and p50/p95 latency (lower is better). */
  ratios: Record<SearchMode, { precisionAt10: number; latencyP50: number; latencyP95: number }>;
  judge: string;
}

export async function runPeerSection(ctx: BenchContext, queries: readonly EvalQuery[]): Promise<PeerResults> {
  const index = await ctx.index('offline');
  const engine = await openEngine(index);
  const passages = engine.passages as Passage[];
  const judged = queries.filter((q) => q.kind !== 'none');
  ctx.log(`peer: MiniSearch vs ours on ${judged.length} judged queries`);

  const { value: peer, ms: peerIndexMs } = await timed(async () => buildPeerIndex(passages));
  const repetitions = ctx.quick ? 1 : 3;
  const judgments = new Map(judged.map((q) => [q.id, compileJudgment(q)]));

  type Engine = SearchMode | 'minisearch';
  const engines: readonly Engine[] = [...MODES, 'minisearch'];
  const run = async (engineName: Engine, q: EvalQuery): Promise<Passage[]> => {
    if (engineName === 'minisearch') return peer.search(q.query, 10).map((label) => passages[label]!);
    const results = await searchTop(engine, q.query, engineName, 10);
    return results.map((r) => passages[engine.labelOf(r.id)!]!);
  };

  // Quality from one pass (results are deterministic); the same pass warms both engines up.
  const precision = Object.fromEntries(engines.map((e) => [e, new Map<QueryKind, number[]>()])) as Record<Engine, Map<QueryKind, number[]>>;
  for (const q of judged) {
    for (const e of engines) {
      const p = precisionAtK(judgePassages(await run(e, q), judgments.get(q.id)!), 10);
      precision[e].set(q.kind, [...(precision[e].get(q.kind) ?? []), p]);
    }
  }
  const timedRuns = await timeInterleaved(engines, judged, repetitions, run);
  const quality = (e: Engine): EngineQuality => {
    const byKind: Partial<Record<QueryKind, number>> = {};
    for (const kind of QUERY_KINDS) {
      const values = precision[e].get(kind);
      if (values) byKind[kind] = mean(values);
    }
    return { precisionAt10: mean([...precision[e].values()].flat()), byKind, latency: summarize(timedRuns[e].wall), cpu: summarize(timedRuns[e].cpu) };
  };
  const ours = Object.fromEntries(MODES.map((m) => [m, quality(m)])) as Record<SearchMode, EngineQuality>;
  const minisearch = quality('minisearch');

  const ratios = {} as PeerResults['ratios'];
  for (const mode of MODES) {
    ratios[mode] = {
      precisionAt10: ratio(ours[mode].precisionAt10, minisearch.precisionAt10),
      latencyP50: ratio(ours[mode].latency.p50, minisearch.latency.p50),
      latencyP95: ratio(ours[mode].latency.p95, minisearch.latency.p95),
    };
  }
  return {
    peer: 'MiniSearch 7.2 — lunr-languages Snowball Russian stemmer as processTerm, Russian stop words removed, ё→е, prefix: false, fuzzy: false, fields text + section path (section ×2), OR',
    passages: passages.length,
    judgedQueries: judged.length,
    peerIndexMs: round(peerIndexMs),
    ours,
    minisearch,
    ratios,
    judge: 'tests/eval/judge.ts (compileJudgment + judgePassages) and tests/eval/metrics.ts (precisionAtK, k = 10)',
  };
}

function mean(values: readonly number[]): number {
  return round(values.reduce((s, x) => s + x, 0) / Math.max(1, values.length), 3);
}
