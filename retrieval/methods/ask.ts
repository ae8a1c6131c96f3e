import { resolveDocuments, resolveRegions, resolveSectors, type DocumentRef } from '../filters.js';
import { citationOf } from '../citation.js';
import { translateQuestion } from '../cross-lingual.js';
import { conceptModelCoverage, type ConceptModelQuery } from '../concept-model-coverage.js';
import { keywordCoverage, matchedTermsIn, understandQuery, type QueryExpansion } from '../query-understanding.js';
import type { RegionRef } from '../region-names.js';
import { toPassageResult, type PassageResult } from '../results.js';
import { retrievalOptions, type RetrievalOverrides } from '../options.js';
import { retrieve, type Candidate } from '../retrieve.js';
import type { EmbedderSummary, SearchIndex } from '../search-index.js';
import { splitSegments } from '../sentences.js';
import { groupByRegion } from './group-by-region.js';
import { isTargetsQuestion, targetsFor, type TargetsTable } from './ask-targets.js';
import { appliedRegionFilters, regionScope, type AppliedRegionFilter } from './search.js';

/**
 * Extractive answers: for every region in scope, the few sentences of its most relevant passages that best answer
 * the question, each with the passage id and citation. Every point is an exact slice of a passage's text, so the
 * answer never says anything the corpus does not. A region without a relevant passage answers `found: false`.
 */

export interface AskParams {
  question: string;
  /** Region ids or names; default: regions named in the question, else all. */
  regions?: string[];
  /** Document ids or file names; default: every document. */
  documents?: string[];
  sectors?: string[];
  /** Points per region. Default 3. */
  perRegion?: number;
  detectRegions?: boolean;
  /** Overrides of the retrieval defaults by name (options.ts). */
  retrieval?: RetrievalOverrides;
}

export interface AnswerPoint {
  text: string;
  passageId: string;
  citation: string;
  /** `[start, end)` of `text` within the passage text. */
  range: [number, number];
  score: number;
}

export interface RegionAnswer extends RegionRef {
  found: boolean;
  points: AnswerPoint[];
}

export interface AskResponse {
  question: string;
  embedder: EmbedderSummary;
  appliedFilters: { regions: AppliedRegionFilter[]; documents: DocumentRef[]; queryText: string; translations: QueryExpansion[] };
  answer: RegionAnswer[];
  /** The passages the points come from, as in search results. */
  passages: PassageResult[];
  /** For questions about targets or values: the matching indicator rows as a table (see ask-targets.ts). */
  indicators?: TargetsTable;
  tookMs: number;
}

export async function ask(index: SearchIndex, params: AskParams): Promise<AskResponse> {
  const started = performance.now();
  const perRegion = params.perRegion ?? 3;
  const options = retrievalOptions(params.retrieval);
  const explicitRegions = resolveRegions(index, params.regions, 'regions');
  const sectors = resolveSectors(params.sectors, 'sectors');
  const translations = await translateQuestion(index, params.question, options);
  const plan = understandQuery(index, params.question, { detectRegions: params.detectRegions !== false && !explicitRegions, ...(translations ? { translations } : {}) }, options);
  const regionFilters = appliedRegionFilters(explicitRegions, plan.regions);
  const documents = resolveDocuments(index, params.documents, 'documents');
  const scope = regionScope(regionFilters, documents);
  const documentIds = documents ? new Set(documents.map((d) => d.documentId)) : undefined;

  const depth = { pool: options.pool, perRegionPool: options.regionPool };
  const { candidates, concepts } = await retrieve(index, plan, { regionIds: scope, documentIds, sectors: sectors ? new Set(sectors) : undefined }, options, depth);
  const { groups } = groupByRegion(index, candidates, scope, options.askPassagesPerRegion);

  // Targets questions: the indicator rows answer; fragments of the same tables would only repeat them garbled, so
  // a region with rows answers from its other passages (and counts as found with no point at all).
  const targets = isTargetsQuestion(params.question)
    ? await targetsFor(index, params.question, scope ? [...scope] : undefined, sectors, documentIds, params.retrieval)
    : undefined;
  const withRows = new Set(targets?.indicators.map((r) => r.regionId));
  const rowPassages = targets ? new Set(index.loaded.indicators.map((r) => r.passageId)) : new Set<string>();

  const used = new Map<number, Candidate>();
  const answer: RegionAnswer[] = groups.map((group) => {
    const sources = withRows.has(group.regionId) ? group.candidates.filter((c) => !rowPassages.has(index.passages[c.label]!.id)) : group.candidates;
    const scored: AnswerPoint[] = [];
    for (const c of sources) {
      const passage = index.passages[c.label]!;
      const tokens = index.tokensOf(c.label);
      for (const seg of splitSegments(passage.text, passage.kind)) {
        const text = passage.text.slice(seg.start, seg.end);
        const inSegment = tokens.filter((t) => t.start >= seg.start && t.end <= seg.end);
        const coverage = keywordCoverage(plan, matchedTermsIn(plan, inSegment), options);
        scored.push({
          text,
          passageId: passage.id,
          citation: citationOf(passage, index.findDocument(passage.documentId)?.period),
          range: [seg.start, seg.end],
          // A sentence must contain the question's words itself; its passage's rank only orders such sentences.
          score: Math.round(coverage * (options.askPassageFloor + (1 - options.askPassageFloor) * c.score) * 1000) / 1000,
        });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const lead = leadPoint(index, scored, sources[0] && index.passages[sources[0].label]!.id, concepts);
    const points = dedupe([...(lead ? [lead] : []), ...scored.filter((p) => p.score > 0 && p !== lead)]).slice(0, perRegion);
    for (const point of points) {
      const c = sources.find((x) => index.passages[x.label]!.id === point.passageId);
      if (c) used.set(c.label, c);
    }
    return { regionId: group.regionId, region: group.region, found: points.length > 0 || withRows.has(group.regionId), points };
  });

  return {
    question: params.question,
    embedder: index.embedder,
    appliedFilters: { regions: regionFilters, documents: documents ?? [], queryText: plan.text, translations: plan.translations },
    answer,
    ...(targets ? { indicators: targets } : {}),
    passages: [...used.values()].sort((a, b) => b.score - a.score).map((c) => toPassageResult(index, c, plan.matchTerms)),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/**
 * The first point comes from the region's best passage: retrieval ranks passages with every leg (meaning included),
 * sentence scores count the question's own words only, so a paraphrase's best sentence elsewhere is often one that
 * shares an incidental word («меры»). Measured (e5, main set, 2026-12-06): first point on topic 0.767 → 0.795,
 * `found` unchanged. Its best sentence by score; when none of its sentences holds the question's words (a
 * paraphrase, or a passage relevant through its section title alone), the sentence that expresses most of the
 * question in the concept model (its own words and domain concepts, not its section's), else its opening.
 * Measured (2026-12-07, the lead sentence itself on topic, e5 / offline): main 0.696 → 0.737 / 0.684 → 0.751,
 * held-out 0.21 → 0.32, 0.50 → 0.62, 0.55 → 0.61 / 0.24 → 0.33, 0.50 → 0.63, 0.58 → 0.65. `scored` is sorted best
 * first.
 */
function leadPoint(index: SearchIndex, scored: readonly AnswerPoint[], bestPassageId: string | undefined, concepts: ConceptModelQuery | undefined): AnswerPoint | undefined {
  const own = scored.filter((p) => p.passageId === bestPassageId);
  const byWords = own.find((p) => p.score > 0);
  if (byWords) return byWords;
  const inOrder = [...own].sort((a, b) => a.range[0] - b.range[0]);
  if (!concepts || inOrder.length < 2) return inOrder[0];
  let lead = inOrder[0];
  let best = 0;
  for (const point of inOrder) {
    const features = index.sentenceFeatures(point.text);
    const coverage = features ? conceptModelCoverage(concepts, features) : 0;
    if (coverage > best) [lead, best] = [point, coverage];
  }
  return lead;
}

/** Overlapping passages repeat text; keep the first (best) of identical points. */
function dedupe(points: AnswerPoint[]): AnswerPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = p.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
