import type { GroupDepth, ImpactQuery } from '../keyword-impacts.js';
import type { QueryPlan } from '../query-understanding.js';
import type { SearchIndex } from '../search-index.js';

/**
 * The keyword leg: lunr's BM25 weights (Snowball Russian stems) over passage text and section path, read through
 * impact-ordered postings (see keyword-impacts.ts) so a query costs the same whatever the corpus size. The query is
 * the plan's terms, already stemmed by the index pipeline and expanded with abbreviations, so no query parser ever
 * sees user text.
 */

export interface KeywordHit {
  label: number;
  /** lunr's BM25 score, > 0. Not comparable across queries. */
  bm25: number;
  /** Query terms found in the passage (text or section path). */
  matched: Set<string>;
}

export interface KeywordSearchOptions {
  /**
   * Passages read from the head of each query term's impact-ordered posting list (then scored exactly). Default 200:
   * twice the retrieval pool; `npm run eval` gives the same numbers as a full posting scan (also at 400), and the
   * cost no longer grows with the corpus.
   */
  depth: number;
  /** With grouping: also read until every region has this many passages per term. */
  perGroup?: GroupDepth;
}

export const DEFAULT_KEYWORD_SEARCH: KeywordSearchOptions = { depth: 200 };

export function keywordQuery(index: SearchIndex, plan: QueryPlan): ImpactQuery {
  return index.keywordImpacts.prepare(plan.keywordTerms);
}

/**
 * The best candidates (see `KeywordSearchOptions`), exactly scored, best first, among labels passing `filter`.
 * `scope`, when given, lists every label that can pass: when it is no longer than the postings would be read, its
 * passages are scored directly (a narrow filter would otherwise walk whole posting lists to find passing labels).
 */
export function searchKeyword(
  index: SearchIndex,
  query: ImpactQuery,
  filter?: (label: number) => boolean,
  options: KeywordSearchOptions = DEFAULT_KEYWORD_SEARCH,
  scope?: readonly number[],
): KeywordHit[] {
  if (query.termIds.length === 0) return [];
  const impacts = index.keywordImpacts;
  const hits: KeywordHit[] = [];
  const direct = scope && scope.length <= options.depth * query.termIds.length;
  const candidates = direct ? scope.filter((label) => !filter || filter(label)) : impacts.candidates(query, options.depth, filter, options.perGroup);
  for (const label of candidates) {
    const { score, matched } = impacts.match(query, label);
    if (score > 0) hits.push({ label, bm25: score, matched });
  }
  return hits.sort((a, b) => b.bm25 - a.bm25 || a.label - b.label);
}

/** Keyword evidence of any one passage (for candidates the semantic leg brought in). */
export function keywordMatch(index: SearchIndex, query: ImpactQuery, label: number): KeywordHit | undefined {
  const { score, matched } = index.keywordImpacts.match(query, label);
  return score > 0 ? { label, bm25: score, matched } : undefined;
}
