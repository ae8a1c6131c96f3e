import type lunr from 'lunr';
import type { QueryPlan } from '../query-understanding.js';
import type { SearchIndex } from '../search-index.js';

/**
 * The keyword leg: lunr (BM25, Snowball Russian stems) over passage text and section path. The query is the
 * plan's terms, already stemmed by the index pipeline and expanded with abbreviations, so lunr's own query
 * parser (which would treat ":" or "*" as syntax) never sees user text.
 */

export interface KeywordHit {
  label: number;
  /** lunr's BM25 score, > 0. Not comparable across queries. */
  bm25: number;
  /** Query terms found in the passage (text or section path). */
  matched: Set<string>;
}

/** Every passage matching at least one term, best first, restricted to labels passing `filter`. */
export function searchKeyword(index: SearchIndex, plan: QueryPlan, filter?: (label: number) => boolean): KeywordHit[] {
  if (plan.keywordTerms.length === 0) return [];
  const results = index.loaded.keyword.query((q: lunr.Query) => {
    for (const { term, boost } of plan.keywordTerms) q.term(term, { usePipeline: false, boost });
  });
  const hits: KeywordHit[] = [];
  for (const r of results) {
    const label = Number(r.ref);
    if (filter && !filter(label)) continue;
    hits.push({ label, bm25: r.score, matched: new Set(Object.keys(r.matchData.metadata)) });
  }
  return hits;
}
