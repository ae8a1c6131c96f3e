import type { Sector } from '../indexer/types.js';
import { isCrossLingual } from './cross-lingual.js';
import { conceptModelCoverage, conceptModelQuery, type ConceptModelQuery } from './concept-model-coverage.js';
import type { ImpactQuery } from './keyword-impacts.js';
import { fuseScores } from './methods/search-hybrid.js';
import { keywordMatch, keywordQuery, searchKeyword, type KeywordHit } from './methods/search-keyword.js';
import { embedQuery, searchSemantic } from './methods/search-semantic.js';
import { DEFAULT_RETRIEVAL, type RetrievalOptions } from './options.js';
import { mayPair, phraseProximity, proximityQuery } from './phrase-proximity.js';
import { keywordCoverage, type QueryPlan } from './query-understanding.js';
import type { SearchIndex, VectorSpace } from './search-index.js';

/**
 * Candidate retrieval shared by search, grouping, ask and indicators, in four steps: gather candidates from the
 * legs the mode asks for (topping up regions a grouped view would leave short), weigh each candidate's evidence
 * (keyword match, similarity), judge its relevance ("does this passage answer the question at all"), rank (fused
 * score, proximity boost). Every setting is a `RetrievalOptions` field (options.ts).
 */

export interface SearchFilter {
  /** Only these regions (ids). Undefined = all. */
  regionIds?: ReadonlySet<string>;
  /** Only these documents (ids), e.g. one edition of a region's strategy. Undefined = all. */
  documentIds?: ReadonlySet<string>;
  /** Only these sectors. Undefined = all. */
  sectors?: ReadonlySet<Sector>;
}

/** How many candidates each leg contributes: overall, and per region when results are grouped (0 = not grouped). */
export interface CandidateDepth {
  pool: number;
  perRegionPool: number;
}

export interface Candidate {
  label: number;
  /** Ranking score in 0..1, comparable within one response. */
  score: number;
  bm25: number;
  similarity: number;
  /** Share of the question (idf-weighted query concepts) among the passage's keyword matches, 0..1. */
  keywordCoverage: number;
  /** Share of the question the passage expresses in the offline concept model (0 without one), 0..1. */
  conceptModelCoverage: number;
  /** Semantic evidence, 0..1 (see `semanticZ`, `cosineRelevance`). */
  semantic: number;
  /** How well the passage answers the question on its own, 0..1 (see `relevanceOf`). */
  relevance: number;
  relevant: boolean;
}

export interface Retrieval {
  candidates: Candidate[];
  /** The question as the offline concept model reads it, when relevance read it (`conceptModel`; reused by ask and indicators). */
  concepts?: ConceptModelQuery;
}

export function passageFilter(index: SearchIndex, filter: SearchFilter): ((label: number) => boolean) | undefined {
  const { regionIds, documentIds, sectors } = filter;
  if (!regionIds && !documentIds && !sectors) return undefined;
  return (label) => {
    const p = index.passages[label]!;
    return (!regionIds || regionIds.has(p.regionId)) && (!documentIds || documentIds.has(p.documentId)) && (!sectors || sectors.has(p.sector));
  };
}

export async function retrieve(
  index: SearchIndex,
  plan: QueryPlan,
  filter: SearchFilter,
  options: RetrievalOptions = DEFAULT_RETRIEVAL,
  depth: CandidateDepth = { pool: options.pool, perRegionPool: 0 },
): Promise<Retrieval> {
  const scope = retrievalScope(index, filter, depth);
  // Keyword evidence decides relevance in every mode (how much of the question a passage covers); the keyword
  // leg's candidates are only needed when the mode ranks by it. Other candidates get theirs by direct lookup.
  const query = keywordQuery(index, plan);
  const keywordHits = options.mode !== 'semantic' ? keywordCandidates(index, query, scope, depth, options) : { hits: [], labels: [] };
  const pool = new Set(keywordHits.labels);
  const semantic = options.mode !== 'keyword' ? await semanticCandidates(index, plan, scope, depth, options) : undefined;
  for (const label of semantic?.labels ?? []) pool.add(label);

  const concepts = options.conceptModel ? conceptModelQuery(index, plan, options) : undefined;
  const evidence = weighEvidence(index, plan, query, [...pool], new Map(keywordHits.hits.map((h) => [h.label, h])), semantic, concepts, options);
  const candidates = evidence.map(({ candidate }) => candidate);
  const scores = rankingScores(index, plan, evidence, semantic, options);
  candidates.forEach((c, i) => (c.score = round(scores[i]!)));
  candidates.sort((a, b) => b.score - a.score || b.relevance - a.relevance || a.label - b.label);
  return concepts ? { candidates, concepts } : { candidates };
}

/** Which passages every leg may return, and the regions a grouped view must see represented. */
interface RetrievalScope {
  accept: ((label: number) => boolean) | undefined;
  /** With a document or region filter, their own passages bound every leg's work (see searchKeyword / searchSemantic). */
  labels: number[] | undefined;
  /** Regions to top up when grouping (empty otherwise). */
  groupedRegions: string[];
}

function retrievalScope(index: SearchIndex, filter: SearchFilter, depth: CandidateDepth): RetrievalScope {
  return {
    accept: passageFilter(index, filter),
    labels: filter.documentIds ? index.labelsOfDocuments(filter.documentIds) : filter.regionIds ? index.labelsOfRegions(filter.regionIds) : undefined,
    groupedRegions: depth.perRegionPool > 0 ? [...(filter.regionIds ?? index.regions.map((r) => r.regionId))] : [],
  };
}

/** Step 1a: the keyword leg's best `pool` hits, and each grouped region's best `perRegionPool`. */
function keywordCandidates(index: SearchIndex, query: ImpactQuery, scope: RetrievalScope, depth: CandidateDepth, options: RetrievalOptions): { hits: KeywordHit[]; labels: number[] } {
  const regionOf = (label: number) => index.passages[label]!.regionId;
  const perGroup = scope.groupedRegions.length > 0 ? { groupOf: regionOf, depth: depth.perRegionPool, groups: scope.groupedRegions.length } : undefined;
  const hits = searchKeyword(index, query, scope.accept, { depth: options.keywordDepth, limit: depth.pool, ...(perGroup ? { perGroup } : {}) }, scope.labels);
  const labels: number[] = [];
  const perRegion = new Map<string, number>();
  for (const [rank, hit] of hits.entries()) {
    const region = regionOf(hit.label);
    const seen = perRegion.get(region) ?? 0;
    perRegion.set(region, seen + 1);
    if (rank < depth.pool || seen < depth.perRegionPool) labels.push(hit.label);
  }
  return { hits, labels };
}

/** What the semantic leg found: the query's vectors and the candidates they brought. */
interface SemanticLeg {
  vector: Float32Array;
  /** Beside a neural model: the offline concept model's query vector and passage vectors (a second semantic leg). */
  concept?: { vector: Float32Array; space: VectorSpace };
  labels: number[];
}

/**
 * Step 1b: nearest passages by each query vector (the model's, and the concept model's beside a neural model).
 * Grouping needs candidates from every region: a wider global neighbourhood first, then hnswlib (with a region
 * filter) only for the regions that neighbourhood left short.
 */
async function semanticCandidates(index: SearchIndex, plan: QueryPlan, scope: RetrievalScope, depth: CandidateDepth, options: RetrievalOptions): Promise<SemanticLeg> {
  const neural = index.embedder.kind === 'transformers';
  const vector = await embedQuery(index, neural ? plan.modelText : plan.text);
  const conceptSpace = neural && options.conceptWeight > 0 ? index.conceptVectors : undefined;
  const conceptVector = conceptSpace ? await index.conceptQueryVector(plan.conceptText) : undefined;
  const concept = conceptVector && conceptSpace ? { vector: conceptVector, space: conceptSpace } : undefined;

  const grouped = scope.groupedRegions;
  const k = grouped.length > 0 ? Math.max(depth.pool, depth.perRegionPool * grouped.length) : depth.pool;
  const legs: [Float32Array, VectorSpace][] = [[vector, index.vectors]];
  if (concept) legs.push([concept.vector, concept.space]);
  const labels: number[] = [];
  for (const [query, space] of legs) {
    const perRegion = new Map<string, number>();
    for (const hit of searchSemantic(index, query, k, { filter: scope.accept, scope: scope.labels, space, options })) {
      labels.push(hit.label);
      const region = index.passages[hit.label]!.regionId;
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    }
    for (const regionId of grouped) {
      if ((perRegion.get(regionId) ?? 0) >= depth.perRegionPool) continue;
      const inRegion = (label: number) => index.passages[label]!.regionId === regionId && (!scope.accept || scope.accept(label));
      for (const hit of searchSemantic(index, query, depth.perRegionPool, { filter: inRegion, scope: index.labelsOfRegions([regionId]), space, options })) labels.push(hit.label);
    }
  }
  return concept ? { vector, concept, labels } : { vector, labels };
}

interface Evidence {
  candidate: Candidate;
  /** The offline concept model's cosine (the index's own for an offline index). */
  conceptSimilarity: number;
}

/** Step 2: each candidate's keyword and vector evidence, and its relevance (step 3). */
function weighEvidence(
  index: SearchIndex,
  plan: QueryPlan,
  query: ImpactQuery,
  labels: readonly number[],
  keywordHits: ReadonlyMap<number, KeywordHit>,
  semantic: SemanticLeg | undefined,
  conceptQuery: ConceptModelQuery | undefined,
  options: RetrievalOptions,
): Evidence[] {
  const neural = index.embedder.kind === 'transformers';
  const rankedByKeyword = options.mode !== 'semantic';
  // The offline model's similarity: its z-score against the query's similarity to passages in general.
  const offline = neural ? semantic?.concept : semantic ? { vector: semantic.vector, space: index.vectors } : undefined;
  const baseline = offline ? offline.space.baseline(offline.vector, index.baselineLabels(options.baselineSample)) : undefined;
  const [cosLow, cosHigh] = isCrossLingual(plan.text) ? options.crossLingualCosineRelevance : options.cosineRelevance;

  return labels.map((label) => {
    const hit = keywordHits.get(label) ?? keywordMatch(index, query, label);
    const similarity = semantic ? index.cosine(semantic.vector, label) : 0;
    // An offline index's own cosine is the concept model's: no second dot product.
    const conceptSimilarity = !neural ? similarity : offline ? offline.space.cosine(offline.vector, label) : 0;
    const zEvidence = baseline ? bandEvidence((conceptSimilarity - baseline.mean) / baseline.std, options.semanticZ) : 0;
    // A neural model's cosine means something on its own scale: a close match counts in full.
    const cosineEvidence = neural && semantic ? bandEvidence(similarity, [cosLow, cosHigh]) : 0;
    const features = conceptQuery ? index.passageFeatures(label) : undefined;
    const candidate: Candidate = {
      label,
      score: 0,
      bm25: rankedByKeyword && hit ? hit.bm25 : 0,
      similarity,
      keywordCoverage: hit ? keywordCoverage(plan, hit.matched, options) : 0,
      conceptModelCoverage: conceptQuery && features ? conceptModelCoverage(conceptQuery, features) : 0,
      semantic: neural ? Math.max(cosineEvidence, zEvidence) : zEvidence,
      relevance: 0,
      relevant: false,
    };
    candidate.relevance = relevanceOf(candidate, conceptQuery, zEvidence, neural ? cosineEvidence : undefined, options);
    candidate.relevant = candidate.relevance >= options.minRelevance;
    return { candidate, conceptSimilarity };
  });
}

/**
 * Step 3: how well a passage answers the question on its own. Offline evidence: `min(1, max(keyword coverage,
 * concept-model coverage) + semanticBonus · z evidence)`, only its own words for a question the corpus cannot
 * express; a neural model's cosine evidence (`cosineEvidence`) counts in full beside it.
 */
function relevanceOf(c: Candidate, conceptQuery: ConceptModelQuery | undefined, zEvidence: number, cosineEvidence: number | undefined, options: RetrievalOptions): number {
  const offline = conceptQuery?.unexpressible ? c.keywordCoverage : Math.min(1, Math.max(c.keywordCoverage, c.conceptModelCoverage) + options.semanticBonus * zEvidence);
  return cosineEvidence === undefined ? offline : Math.max(offline, cosineEvidence);
}

/** Step 4: the ranking score of each candidate (in `evidence` order) for the mode, with the proximity boost. */
function rankingScores(index: SearchIndex, plan: QueryPlan, evidence: readonly Evidence[], semantic: SemanticLeg | undefined, options: RetrievalOptions): number[] {
  const candidates = evidence.map((e) => e.candidate);
  // The semantic leg's score: the model's cosine, blended with the concept model's beside a neural model. The
  // concept model reads Russian only: it reads a foreign question through its translations (`conceptText`), and
  // says nothing when they are mostly missing.
  const conceptWeight = isCrossLingual(plan.conceptText) ? 0 : options.conceptWeight;
  const meaning = semantic?.concept
    ? blend(candidates.map((c) => c.similarity), evidence.map((e) => e.conceptSimilarity), conceptWeight)
    : candidates.map((c) => c.similarity);
  let scores: number[];
  if (options.mode === 'hybrid') scores = fuseScores(candidates.map((c, i) => ({ label: c.label, bm25: c.bm25, similarity: meaning[i]!, keywordCoverage: c.keywordCoverage })), options);
  else if (options.mode === 'keyword') {
    const max = Math.max(0, ...candidates.map((c) => c.bm25));
    scores = candidates.map((c) => (max > 0 ? c.bm25 / max : 0));
  } else scores = meaning.map(clamp01);
  if (options.mode === 'semantic' || options.proximityBoost <= 0) return scores;
  const phrases = proximityQuery(plan);
  if (phrases.pairCount === 0) return scores;
  return scores.map((s, i) => {
    const c = candidates[i]!;
    // Most candidates lack one word of every pair: the keyword index mostly says so without tokenising them (at
    // 16k passages tokenising every candidate here was 40 % of a hybrid query's CPU, bench scale section).
    const proximity = c.bm25 > 0 && mayPair(phrases, index.termLookup(c.label)) ? phraseProximity(phrases, index.termSequenceOf(c.label), options.proximityWindow) : 0;
    return (s + options.proximityBoost * proximity) / (1 + options.proximityBoost);
  });
}

/** `x` mapped onto 0..1 across `[low, high]` (≤ low → 0, ≥ high → 1). */
function bandEvidence(x: number, [low, high]: readonly [number, number]): number {
  return clamp01((x - low) / Math.max(1e-9, high - low));
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
