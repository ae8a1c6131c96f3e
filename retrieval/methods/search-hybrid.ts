import type { RetrievalOptions } from '../options.js';

/**
 * Fusion of the keyword and vector legs. Both methods see the same candidate pool (the union of both legs' hits),
 * where every candidate has its BM25 score (0 when the keyword leg did not find it) and its exact cosine.
 *
 * - `convex` (normalised convex combination): `alpha · bm25/max(bm25) + (1 − alpha) · minmax(cosine)`. Keeps how
 *   much better one passage is than the next; Bruch et al. (2023, "An Analysis of Fusion Functions for Hybrid
 *   Retrieval") found it matches or beats RRF once alpha is tuned.
 * - `rrf` (reciprocal rank fusion): `Σ 1/(rrfK + rank)` over the legs, scaled so a passage ranked first by both
 *   legs scores 1. Needs no tuning, ignores score gaps.
 *
 * Both give scores in 0..1, comparable within one response. `adaptiveAlpha` scales `alpha` by the best keyword
 * coverage in the pool (how much of the question the best keyword hit contains), so when the question's words are
 * not in the texts (a paraphrase) the semantic leg decides, and when they are, `alpha` applies in full.
 */

export interface FusionInput {
  label: number;
  /** 0 when the keyword leg did not match the passage. */
  bm25: number;
  /** Cosine similarity to the query. */
  similarity: number;
  /** Share of the question the passage's keyword matches cover, 0..1 (used by `adaptiveAlpha`). */
  keywordCoverage?: number;
}

/** The settings fusion reads (defaults and their measurements: options.ts). */
export type FusionOptions = Pick<RetrievalOptions, 'fusion' | 'alpha' | 'rrfK' | 'adaptiveAlpha'>;

/** Fused score (0..1) per candidate, in input order. */
export function fuseScores(candidates: readonly FusionInput[], options: FusionOptions): number[] {
  if (candidates.length === 0) return [];
  if (options.fusion === 'rrf') return reciprocalRankFusion(candidates, options.rrfK);
  const maxBm25 = Math.max(...candidates.map((c) => c.bm25));
  const sims = candidates.map((c) => c.similarity);
  const minSim = Math.min(...sims);
  const simRange = Math.max(...sims) - minSim;
  let alpha = Math.min(1, Math.max(0, options.alpha));
  if (options.adaptiveAlpha) alpha *= Math.min(1, Math.max(0, ...candidates.map((c) => c.keywordCoverage ?? 1)));
  return candidates.map((c) => {
    const keyword = maxBm25 > 0 ? c.bm25 / maxBm25 : 0;
    const semantic = simRange > 0 ? (c.similarity - minSim) / simRange : 1;
    return alpha * keyword + (1 - alpha) * semantic;
  });
}

function reciprocalRankFusion(candidates: readonly FusionInput[], rrfK: number): number[] {
  const keywordRank = rankBy(candidates, (c) => c.bm25, (c) => c.bm25 > 0);
  const semanticRank = rankBy(candidates, (c) => c.similarity, () => true);
  const best = 2 / (rrfK + 1);
  return candidates.map((_, i) => {
    const k = keywordRank[i];
    const s = semanticRank[i];
    return ((k === undefined ? 0 : 1 / (rrfK + k)) + (s === undefined ? 0 : 1 / (rrfK + s))) / best;
  });
}

/** 1-based rank of each candidate by `score` among those passing `include`; undefined for the others. */
function rankBy(candidates: readonly FusionInput[], score: (c: FusionInput) => number, include: (c: FusionInput) => boolean): (number | undefined)[] {
  const order = candidates.map((c, i) => i).filter((i) => include(candidates[i]!));
  order.sort((a, b) => score(candidates[b]!) - score(candidates[a]!) || candidates[a]!.label - candidates[b]!.label);
  const ranks: (number | undefined)[] = new Array(candidates.length).fill(undefined);
  order.forEach((i, r) => (ranks[i] = r + 1));
  return ranks;
}
