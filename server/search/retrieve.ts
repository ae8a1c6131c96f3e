import type { Sector } from '../../indexer/types.js';
import { DEFAULT_FUSION, fuseScores, type FusionOptions } from './methods/search-hybrid.js';
import { DEFAULT_KEYWORD_SEARCH, keywordMatch, keywordQuery, searchKeyword } from './methods/search-keyword.js';
import { embedQuery, searchSemantic } from './methods/search-semantic.js';
import { conceptCoverageOf, conceptQuery, DEFAULT_CONCEPT_COVERAGE, type ConceptCoverageOptions } from './concept-coverage.js';
import { DEFAULT_PROXIMITY, phraseProximity, proximityQuery, type ProximityOptions } from './phrase-proximity.js';
import { conceptCoverage, type QueryPlan } from './query-understanding.js';
import type { SearchIndex } from './search-index.js';

/**
 * Candidate retrieval shared by search, grouping and ask: runs the legs the mode asks for, scores every candidate
 * (fused score for ranking, relevance for "did this region answer at all"), best first.
 */

export const SEARCH_MODES = ['hybrid', 'keyword', 'semantic'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchFilter {
  /** Only these regions (ids). Undefined = all. */
  regionIds?: ReadonlySet<string>;
  /** Only these sectors. Undefined = all. */
  sectors?: ReadonlySet<Sector>;
}

export interface RetrievalOptions extends FusionOptions {
  mode: SearchMode;
  /** Candidates taken from each leg overall. Default 100. */
  pool: number;
  /** Extra candidates per region from each leg, so every region is represented when grouping. Default 0 (off). */
  perRegionPool: number;
  /**
   * A passage is relevant when its relevance reaches this (0..1). Default 0.5: half of the question's weight
   * (idf-weighted words) is in the passage. Measured on the draft evaluation set (offline embedder): 0.5 keeps
   * 88 % of the regions missing on questions no region answers and 67 % precision in the grouped view; 0.4 with
   * semanticBonus 0.5 raises region coverage from 0.67 to 0.71 at 0.86 / 61 %. Paraphrases sharing no word with
   * the texts stay "missing" with the offline embedder: its similarities do not separate real from junk questions.
   */
  minRelevance: number;
  /**
   * How much semantic evidence adds to keyword coverage in `relevance = min(1, coverage + semanticBonus · semantic)`.
   * Default 0.25: a close vector match can carry a passage that covers part of the question over the threshold, but
   * never one that shares nothing with it. Measured on the offline embedder: unrelated questions ("футбольный
   * чемпионат мира") reach z ≈ 7 against the corpus, as high as real ones, so vectors alone cannot say "nothing
   * found".
   */
  semanticBonus: number;
  /**
   * Semantic evidence maps the cosine's z-score against the query's similarity to passages in general onto 0..1:
   * z ≤ semanticZ[0] → 0, z ≥ semanticZ[1] → 1. Default [3, 6]: the best of ~1000 unrelated passages sits near z≈3.
   */
  semanticZ: [number, number];
  /**
   * Offline embedder only: relevance also counts the question's concepts a passage expresses (lemmas, domain
   * concepts and their rings, abbreviations; see concept-coverage.ts), so paraphrases find their regions, and a
   * question the corpus cannot express gets no semantic bonus (nothing answers it).
   */
  conceptCoverage: ConceptCoverageOptions | false;
  /**
   * Transformers embedder only: its cosine means something on its own scale, so semantic evidence is the absolute
   * cosine mapped onto 0..1 (≤ [0] → 0, ≥ [1] → 1) and counts in full (`relevance = max(coverage, evidence)`).
   * Default [0.82, 0.88]: multilingual-e5-small puts unrelated Russian text near 0.75–0.80 and close paraphrases
   * above 0.85 (not measured here: no real model offline; adjust with `npm run eval -- --index` on a real index).
   */
  cosineRelevance: [number, number];
  /**
   * Keyword and hybrid modes: the ranking score gains `proximityBoost · proximity` (share of the question's
   * neighbouring words that stand together in the passage; see phrase-proximity.ts), then is rescaled to 0..1.
   * Default 0.2. Measured (`npm run eval`, offline embedder): hybrid P@10 on exact terms 0.844 → 0.863 and on
   * topics 0.653 → 0.679, topic region coverage 0.885 → 0.927; 0.4 trades abbreviations for topics; neutral on
   * held-out set 2 (P@10 0.508 → 0.505).
   */
  proximityBoost: number;
  proximity: ProximityOptions;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  ...DEFAULT_FUSION,
  mode: 'hybrid',
  pool: 100,
  perRegionPool: 0,
  minRelevance: 0.5,
  semanticZ: [3, 6],
  semanticBonus: 0.25,
  conceptCoverage: DEFAULT_CONCEPT_COVERAGE,
  cosineRelevance: [0.82, 0.88],
  proximityBoost: 0.2,
  proximity: DEFAULT_PROXIMITY,
};

export interface Candidate {
  label: number;
  /** Ranking score in 0..1, comparable within one response. */
  score: number;
  bm25: number;
  similarity: number;
  /** Share of the question (idf-weighted concepts) found in the passage, 0..1. */
  coverage: number;
  /** Share of the question's concepts the passage expresses (offline embedder; 0 otherwise), 0..1. */
  conceptCoverage: number;
  /** Semantic evidence, 0..1 (see `semanticZ`). */
  semantic: number;
  /** min(1, coverage + semanticBonus · semantic), 0..1. */
  relevance: number;
  relevant: boolean;
}

export interface Retrieval {
  candidates: Candidate[];
  /** The query vector, when the semantic leg ran (reused by ask). */
  vector?: Float32Array;
}

export function passageFilter(index: SearchIndex, filter: SearchFilter): ((label: number) => boolean) | undefined {
  const { regionIds, sectors } = filter;
  if (!regionIds && !sectors) return undefined;
  return (label) => {
    const p = index.passages[label]!;
    return (!regionIds || regionIds.has(p.regionId)) && (!sectors || sectors.has(p.sector));
  };
}

export async function retrieve(index: SearchIndex, plan: QueryPlan, filter: SearchFilter, options: RetrievalOptions = DEFAULT_RETRIEVAL): Promise<Retrieval> {
  const accept = passageFilter(index, filter);
  const useKeyword = options.mode !== 'semantic';
  const useSemantic = options.mode !== 'keyword';
  const regionIds = options.perRegionPool > 0 ? [...(filter.regionIds ?? index.regions.map((r) => r.regionId))] : [];

  // Keyword evidence decides relevance in every mode (how much of the question a passage covers); the keyword
  // leg's candidates are only needed when the mode ranks by it. Other candidates get theirs by direct lookup.
  const query = keywordQuery(index, plan);
  const perGroup = regionIds.length > 0 ? { groupOf: (label: number) => index.passages[label]!.regionId, depth: options.perRegionPool, groups: regionIds.length } : undefined;
  // With a region filter, the regions' own passages bound every leg's work (see searchKeyword / searchSemantic).
  const scope = filter.regionIds ? index.labelsOfRegions(filter.regionIds) : undefined;
  const keywordHits = useKeyword ? searchKeyword(index, query, accept, { ...DEFAULT_KEYWORD_SEARCH, limit: options.pool, ...(perGroup ? { perGroup } : {}) }, scope) : [];
  const keywordByLabel = new Map(keywordHits.map((h) => [h.label, h]));
  const pool = new Set<number>();
  if (useKeyword) {
    const perRegion = new Map<string, number>();
    for (const [rank, hit] of keywordHits.entries()) {
      const region = index.passages[hit.label]!.regionId;
      const seen = perRegion.get(region) ?? 0;
      perRegion.set(region, seen + 1);
      if (rank < options.pool || seen < options.perRegionPool) pool.add(hit.label);
    }
  }
  let vector: Float32Array | undefined;
  if (useSemantic) {
    vector = await embedQuery(index, plan.text);
    // Grouping needs candidates from every region: take a wider global neighbourhood first, then ask hnswlib
    // (with a region filter) only for regions that neighbourhood left short.
    const k = regionIds.length > 0 ? Math.max(options.pool, options.perRegionPool * regionIds.length) : options.pool;
    const perRegion = new Map<string, number>();
    for (const hit of searchSemantic(index, vector, k, accept, scope)) {
      pool.add(hit.label);
      const region = index.passages[hit.label]!.regionId;
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    }
    for (const regionId of regionIds) {
      if ((perRegion.get(regionId) ?? 0) >= options.perRegionPool) continue;
      const inRegion = (label: number) => index.passages[label]!.regionId === regionId && (!accept || accept(label));
      for (const hit of searchSemantic(index, vector, options.perRegionPool, inRegion, index.labelsOfRegions([regionId]))) pool.add(hit.label);
    }
  }

  const transformers = index.embedder.kind === 'transformers';
  const concepts = options.conceptCoverage && !transformers ? conceptQuery(index, plan, options.conceptCoverage) : undefined;
  const baseline = vector && !transformers ? index.semanticBaseline(vector) : undefined;
  const [zLow, zHigh] = options.semanticZ;
  const [cosLow, cosHigh] = options.cosineRelevance;
  const candidates: Candidate[] = [...pool].map((label) => {
    const hit = keywordByLabel.get(label) ?? keywordMatch(index, query, label);
    const bm25 = useKeyword && hit ? hit.bm25 : 0;
    const similarity = vector ? index.cosine(vector, label) : 0;
    const coverage = hit ? conceptCoverage(plan, hit.matched) : 0;
    let semantic: number;
    let relevance: number;
    let conceptCov = 0;
    if (transformers) {
      semantic = vector ? clamp01((similarity - cosLow) / Math.max(1e-9, cosHigh - cosLow)) : 0;
      relevance = Math.max(coverage, semantic);
    } else {
      const z = baseline ? (similarity - baseline.mean) / baseline.std : 0;
      semantic = baseline ? clamp01((z - zLow) / Math.max(1e-9, zHigh - zLow)) : 0;
      if (concepts) {
        const features = index.passageFeatures(label);
        conceptCov = features ? conceptCoverageOf(concepts, features) : 0;
      }
      // A question the corpus cannot express gets no help from vectors: only its own words can make a passage relevant.
      relevance = concepts?.unexpressible ? coverage : Math.min(1, Math.max(coverage, conceptCov) + options.semanticBonus * semantic);
    }
    return { label, score: 0, bm25, similarity, coverage, conceptCoverage: conceptCov, semantic, relevance, relevant: relevance >= options.minRelevance };
  });

  let scores: number[];
  if (options.mode === 'hybrid') scores = fuseScores(candidates, options);
  else if (options.mode === 'keyword') {
    const max = Math.max(0, ...candidates.map((c) => c.bm25));
    scores = candidates.map((c) => (max > 0 ? c.bm25 / max : 0));
  } else scores = candidates.map((c) => clamp01(c.similarity));
  if (options.mode !== 'semantic' && options.proximityBoost > 0) {
    const phrases = proximityQuery(plan);
    if (phrases.pairCount > 0) {
      scores = scores.map((s, i) => {
        const c = candidates[i]!;
        const proximity = c.bm25 > 0 ? phraseProximity(phrases, index.tokensOf(c.label), options.proximity) : 0;
        return (s + options.proximityBoost * proximity) / (1 + options.proximityBoost);
      });
    }
  }
  candidates.forEach((c, i) => (c.score = round(scores[i]!)));
  candidates.sort((a, b) => b.score - a.score || b.relevance - a.relevance || a.label - b.label);
  return vector ? { candidates, vector } : { candidates };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
