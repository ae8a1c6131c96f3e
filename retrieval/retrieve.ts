import type { Sector } from '../indexer/types.js';
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
  /** Only these documents (ids), e.g. one edition of a region's strategy. Undefined = all. */
  documentIds?: ReadonlySet<string>;
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
   * Neural index only: the model's cosine means something on its own scale, so semantic evidence is the absolute
   * cosine mapped onto 0..1 (≤ [0] → 0, ≥ [1] → 1) and counts in full (`relevance = max(concept relevance,
   * evidence)`). Default [0.86, 0.90], measured on the main set with multilingual-e5-small: the best passage of a
   * question no region answers reaches 0.820–0.850, the best relevant passage of an answerable one has median 0.873;
   * [0.82, 0.88] let unanswerable questions through (held-out 2 region coverage 0.684 → 0.675 and main-set coverage
   * 0.781 → 0.812 with the cross-lingual band below, abstention unchanged).
   */
  cosineRelevance: [number, number];
  /**
   * Neural index only: weight of the offline concept model's vectors (kept beside the model, see build.ts) in the
   * semantic leg, `(1 − w) · minmax(model cosine) + w · minmax(concept cosine)`; 0 for a question in another
   * language (the concept model reads Russian only). Default 0.7. Measured (`npm run eval`, e5
   * index, hybrid P@10 main / held-out 1 / held-out 2): w=0 0.604 / 0.153 / 0.400, 0.3 0.681 / 0.280 / 0.568,
   * 0.5 0.721 / 0.327 / 0.643, **0.7 0.731 / 0.387 / 0.654**, 0.85 0.731 / 0.387 / 0.630. 0 turns the concept
   * vectors off (concept coverage still counts).
   */
  conceptWeight: number;
  /**
   * Neural index only: `cosineRelevance` for a question written in another script than the corpus (an English
   * question over Russian texts). e5 scores a language pair lower than one language: on the main set the best
   * relevant passage has median cosine 0.873 for Russian questions and 0.817 for English ones, the best passage of
   * an unanswerable question reaches 0.850 in Russian and 0.793 in English.
   */
  crossLingualCosineRelevance: [number, number];
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
  cosineRelevance: [0.86, 0.9],
  conceptWeight: 0.7,
  crossLingualCosineRelevance: [0.79, 0.83],
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
  const { regionIds, documentIds, sectors } = filter;
  if (!regionIds && !documentIds && !sectors) return undefined;
  return (label) => {
    const p = index.passages[label]!;
    return (!regionIds || regionIds.has(p.regionId)) && (!documentIds || documentIds.has(p.documentId)) && (!sectors || sectors.has(p.sector));
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
  // With a document or region filter, their own passages bound every leg's work (see searchKeyword / searchSemantic).
  const scope = filter.documentIds ? index.labelsOfDocuments(filter.documentIds) : filter.regionIds ? index.labelsOfRegions(filter.regionIds) : undefined;
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
  const neural = index.embedder.kind === 'transformers';
  // Beside a neural model the offline concept model's vectors are a second semantic leg (the same space as the
  // primary one for an offline index).
  const conceptSpace = neural && options.conceptWeight > 0 ? index.conceptVectors : undefined;
  let conceptVector: Float32Array | undefined;
  if (useSemantic) {
    vector = await embedQuery(index, plan.text);
    conceptVector = conceptSpace ? await index.conceptQueryVector(plan.text) : undefined;
    // Grouping needs candidates from every region: take a wider global neighbourhood first, then ask hnswlib
    // (with a region filter) only for regions that neighbourhood left short.
    const k = regionIds.length > 0 ? Math.max(options.pool, options.perRegionPool * regionIds.length) : options.pool;
    const legs: [Float32Array, SearchIndex['vectors']][] = [[vector, index.vectors]];
    if (conceptVector && conceptSpace) legs.push([conceptVector, conceptSpace]);
    for (const [query, space] of legs) {
      const perRegion = new Map<string, number>();
      for (const hit of searchSemantic(index, query, k, accept, scope, space)) {
        pool.add(hit.label);
        const region = index.passages[hit.label]!.regionId;
        perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
      }
      for (const regionId of regionIds) {
        if ((perRegion.get(regionId) ?? 0) >= options.perRegionPool) continue;
        const inRegion = (label: number) => index.passages[label]!.regionId === regionId && (!accept || accept(label));
        for (const hit of searchSemantic(index, query, options.perRegionPool, inRegion, index.labelsOfRegions([regionId]), space)) pool.add(hit.label);
      }
    }
  }

  const concepts = options.conceptCoverage ? conceptQuery(index, plan, options.conceptCoverage) : undefined;
  // The concept model reads Russian only: its vectors say nothing about a question in another language.
  const crossLingual = isCrossLingual(plan.text);
  const conceptWeight = crossLingual ? 0 : options.conceptWeight;
  // The offline model's similarity: its z-score against the query's similarity to passages in general.
  const offlineVector = neural ? conceptVector : vector;
  const offlineSpace = neural ? conceptSpace : index.vectors;
  const baseline = offlineVector && offlineSpace ? offlineSpace.baseline(offlineVector) : undefined;
  const [zLow, zHigh] = options.semanticZ;
  const [cosLow, cosHigh] = crossLingual ? options.crossLingualCosineRelevance : options.cosineRelevance;
  const conceptSimilarity: number[] = [];
  const candidates: Candidate[] = [...pool].map((label) => {
    const hit = keywordByLabel.get(label) ?? keywordMatch(index, query, label);
    const bm25 = useKeyword && hit ? hit.bm25 : 0;
    const similarity = vector ? index.cosine(vector, label) : 0;
    // An offline index's own cosine is the concept model's: no second dot product.
    const offlineSimilarity = !neural ? similarity : offlineVector && offlineSpace ? offlineSpace.cosine(offlineVector, label) : 0;
    conceptSimilarity.push(offlineSimilarity);
    const coverage = hit ? conceptCoverage(plan, hit.matched) : 0;
    const z = baseline ? (offlineSimilarity - baseline.mean) / baseline.std : 0;
    const zEvidence = baseline ? clamp01((z - zLow) / Math.max(1e-9, zHigh - zLow)) : 0;
    let conceptCov = 0;
    if (concepts) {
      const features = index.passageFeatures(label);
      conceptCov = features ? conceptCoverageOf(concepts, features) : 0;
    }
    // A question the corpus cannot express gets no help from the concept model: only its own words count there.
    const offlineRelevance = concepts?.unexpressible ? coverage : Math.min(1, Math.max(coverage, conceptCov) + options.semanticBonus * zEvidence);
    // A neural model's cosine means something on its own scale: a close match counts in full.
    const cosineEvidence = neural && vector ? clamp01((similarity - cosLow) / Math.max(1e-9, cosHigh - cosLow)) : 0;
    const semantic = neural ? Math.max(cosineEvidence, zEvidence) : zEvidence;
    const relevance = neural ? Math.max(offlineRelevance, cosineEvidence) : offlineRelevance;
    return { label, score: 0, bm25, similarity, coverage, conceptCoverage: conceptCov, semantic, relevance, relevant: relevance >= options.minRelevance };
  });

  // The semantic leg's score: the model's cosine, blended with the concept model's beside a neural model.
  const meaning = conceptSpace && conceptVector ? blend(candidates.map((c) => c.similarity), conceptSimilarity, conceptWeight) : candidates.map((c) => c.similarity);
  let scores: number[];
  if (options.mode === 'hybrid') scores = fuseScores(candidates.map((c, i) => ({ ...c, similarity: meaning[i]! })), options);
  else if (options.mode === 'keyword') {
    const max = Math.max(0, ...candidates.map((c) => c.bm25));
    scores = candidates.map((c) => (max > 0 ? c.bm25 / max : 0));
  } else scores = meaning.map(clamp01);
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

/** A question mostly in Latin letters, over a corpus in Cyrillic. */
function isCrossLingual(text: string): boolean {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  return latin > cyrillic;
}

/** `(1 − w) · minmax(a) + w · minmax(b)`, element-wise. */
function blend(a: readonly number[], b: readonly number[], w: number): number[] {
  const scale = (xs: readonly number[]): number[] => {
    const min = Math.min(...xs);
    const range = Math.max(...xs) - min;
    return xs.map((x) => (range > 0 ? (x - min) / range : 1));
  };
  const sa = scale(a);
  const sb = scale(b);
  return sa.map((x, i) => (1 - w) * x + w * sb[i]!);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
