import { rankScored, type GroupDepth, type ImpactQuery, type KeywordImpacts } from '../keyword-impacts.js';
import type { QueryPlan } from '../query-understanding.js';
import type { SearchIndex } from '../search-index.js';

/**
 * The keyword leg: lunr's BM25 weights (Snowball Russian stems) over passage text and section path, read through
 * impact-ordered postings (see keyword-impacts.ts) so a query costs the same whatever the corpus size. The query is
 * the plan's terms, already stemmed by the index pipeline and expanded with abbreviations, so no query parser ever
 * sees user text.
 */

export interface KeywordHit {
  readonly label: number;
  /** lunr's BM25 score, > 0. Not comparable across queries. */
  readonly bm25: number;
  /** Query terms found in the passage (text or section path). */
  readonly matched: ReadonlySet<string>;
}

export interface KeywordSearchOptions {
  /** Passages read from the head of each query term's impact-ordered posting list, then scored exactly (`keywordDepth`). */
  depth: number;
  /** With grouping: also read until every region has this many passages per term. */
  perGroup?: GroupDepth;
  /**
   * Hits the caller reads: the best `limit` (and, with `perGroup`, each region's best `perGroup.depth`); the list is
   * exactly that part of the full ranking, in the same order, and candidates that cannot reach it are given up
   * early (see `KeywordImpacts.search`). Undefined: every candidate, which grows with the corpus (up to `depth` per
   * query term) and so does every pass over them.
   */
  limit?: number;
}

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
  filter: ((label: number) => boolean) | undefined,
  options: KeywordSearchOptions,
  scope?: readonly number[],
): KeywordHit[] {
  if (query.termIds.length === 0) return [];
  const impacts = index.keywordImpacts;
  const direct = scope && scope.length <= options.depth * query.termIds.length;
  let scored: { label: number; score: number }[];
  if (direct) {
    const labels = new Int32Array(scope.length);
    const scores = new Float64Array(scope.length);
    let found = 0;
    for (const label of scope) {
      const score = !filter || filter(label) ? impacts.score(query, label) : 0;
      if (score > 0) {
        labels[found] = label;
        scores[found++] = score;
      }
    }
    scored = rankScored(labels.subarray(0, found), scores.subarray(0, found), options.limit, options.perGroup);
  } else scored = impacts.search(query, options.depth, filter, options.perGroup, options.limit);
  return scored.map(({ label, score }) => new ImpactHit(impacts, query, label, score));
}

/** Keyword evidence of any one passage (for candidates the semantic leg brought in). */
export function keywordMatch(index: SearchIndex, query: ImpactQuery, label: number): KeywordHit | undefined {
  const { score, matched } = index.keywordImpacts.match(query, label);
  return score > 0 ? { label, bm25: score, matched } : undefined;
}

/** A hit whose matched terms are looked up when first asked for: callers read them for a few hits of many. */
class ImpactHit implements KeywordHit {
  private matchedTerms: ReadonlySet<string> | undefined;

  constructor(
    private readonly impacts: KeywordImpacts,
    private readonly query: ImpactQuery,
    readonly label: number,
    readonly bm25: number,
  ) {}

  get matched(): ReadonlySet<string> {
    return (this.matchedTerms ??= this.impacts.match(this.query, this.label).matched);
  }
}
