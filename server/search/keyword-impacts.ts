import type lunr from 'lunr';

/**
 * The keyword index rearranged for queries whose cost does not grow with the corpus. lunr's own `query` walks every
 * posting of every query term and allocates match metadata for each hit, so a common stem costs time linear in the
 * corpus. Here, at load, lunr's field vectors (its BM25 weights, field boosts included) become:
 *  - per term, the passages ordered by impact (the term's weight in text + section path), best first, so a query
 *    reads only the head of each list (impact-ordered, truncated traversal);
 *  - per passage, its term ids and impacts, so any candidate's exact lunr score and matched terms cost one lookup
 *    per query term.
 * Scores equal lunr's: Σ_terms boost · impact / |query vector|.
 */

export interface WeightedTerm {
  term: string;
  boost: number;
}

/** A query resolved against the vocabulary: known terms only, duplicate terms' boosts summed (as lunr does). */
export interface ImpactQuery {
  termIds: number[];
  terms: string[];
  boosts: number[];
  /** lunr's query vector magnitude; scores are divided by it. */
  norm: number;
}

export interface KeywordMatch {
  score: number;
  matched: Set<string>;
}

/** Extra depth per group (region) when a grouped view needs every region represented. */
export interface GroupDepth {
  groupOf: (label: number) => string;
  depth: number;
  /** How many groups can appear; the walk stops early once all of them have `depth` passages. */
  groups: number;
}

interface LunrInternals {
  fields: string[];
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] } | undefined>;
}

export class KeywordImpacts {
  private readonly termIds = new Map<string, number>();
  /** Postings of all terms back to back (term t: offsets[t] .. offsets[t + 1]), each ordered by impact, best first. */
  private readonly postingOffsets: Int32Array;
  private readonly postingLabels: Int32Array;
  private readonly postingImpacts: Float32Array;
  private readonly passageTermIds: Int32Array[];
  private readonly passageImpacts: Float32Array[];

  constructor(index: lunr.Index, passageCount: number) {
    const { fields, invertedIndex, fieldVectors } = index as unknown as LunrInternals;
    let termCount = 0;
    for (const term of Object.keys(invertedIndex)) {
      const id = invertedIndex[term]!._index;
      this.termIds.set(term, id);
      termCount = Math.max(termCount, id + 1);
    }

    // Per passage (ref = label): the sum of its field vectors (lunr keeps their elements sorted by term id).
    this.passageTermIds = new Array<Int32Array>(passageCount);
    this.passageImpacts = new Array<Float32Array>(passageCount);
    const df = new Int32Array(termCount + 1);
    for (let label = 0; label < passageCount; label++) {
      let merged: number[] = [];
      for (const field of fields) merged = mergeVectors(merged, fieldVectors[`${field}/${label}`]?.elements ?? []);
      const ids = new Int32Array(merged.length / 2);
      const impacts = new Float32Array(merged.length / 2);
      for (let i = 0; i < ids.length; i++) {
        ids[i] = merged[2 * i]!;
        impacts[i] = merged[2 * i + 1]!;
        df[ids[i]!]!++;
      }
      this.passageTermIds[label] = ids;
      this.passageImpacts[label] = impacts;
    }

    // Postings in one block (offsets from document frequencies), then each ordered by impact (ties by label).
    this.postingOffsets = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) this.postingOffsets[t + 1] = this.postingOffsets[t]! + df[t]!;
    const total = this.postingOffsets[termCount]!;
    this.postingLabels = new Int32Array(total);
    this.postingImpacts = new Float32Array(total);
    const fill = this.postingOffsets.slice(0, termCount);
    for (let label = 0; label < passageCount; label++) {
      const ids = this.passageTermIds[label]!;
      const impacts = this.passageImpacts[label]!;
      for (let i = 0; i < ids.length; i++) {
        const at = fill[ids[i]!]!++;
        this.postingLabels[at] = label;
        this.postingImpacts[at] = impacts[i]!;
      }
    }
    for (let t = 0; t < termCount; t++) {
      const from = this.postingOffsets[t]!;
      const to = this.postingOffsets[t + 1]!;
      if (to - from < 2) continue;
      const labels = this.postingLabels.slice(from, to);
      const impacts = this.postingImpacts.slice(from, to);
      const order = Array.from({ length: to - from }, (_, i) => i).sort((a, b) => impacts[b]! - impacts[a]! || labels[a]! - labels[b]!);
      order.forEach((i, j) => {
        this.postingLabels[from + j] = labels[i]!;
        this.postingImpacts[from + j] = impacts[i]!;
      });
    }
  }

  prepare(terms: readonly WeightedTerm[]): ImpactQuery {
    const boosts = new Map<string, number>();
    for (const { term, boost } of terms) {
      if (this.termIds.has(term)) boosts.set(term, (boosts.get(term) ?? 0) + boost);
    }
    const query: ImpactQuery = { termIds: [], terms: [], boosts: [], norm: 0 };
    for (const [term, boost] of boosts) {
      query.termIds.push(this.termIds.get(term)!);
      query.terms.push(term);
      query.boosts.push(boost);
      query.norm += boost * boost;
    }
    query.norm = Math.sqrt(query.norm);
    return query;
  }

  /**
   * Candidate passages: for each query term, the first `depth` passages passing `accept` in impact order (plus, with
   * `perGroup`, enough to give every group its own depth). Cost is bounded by depth, not by posting length, unless
   * the filter or the grouping is narrow.
   */
  candidates(query: ImpactQuery, depth: number, accept?: (label: number) => boolean, perGroup?: GroupDepth): Set<number> {
    const found = new Set<number>();
    for (const id of query.termIds) {
      const groupCounts = new Map<string, number>();
      let satisfiedGroups = 0;
      let taken = 0;
      for (let i = this.postingOffsets[id]!, end = this.postingOffsets[id + 1]!; i < end; i++) {
        if (taken >= depth && (!perGroup || satisfiedGroups >= perGroup.groups)) break;
        const label = this.postingLabels[i]!;
        if (accept && !accept(label)) continue;
        let wanted = taken < depth;
        if (perGroup) {
          const group = perGroup.groupOf(label);
          const seen = groupCounts.get(group) ?? 0;
          if (seen < perGroup.depth) {
            wanted = true;
            groupCounts.set(group, seen + 1);
            if (seen + 1 === perGroup.depth) satisfiedGroups++;
          }
        }
        taken++;
        if (wanted) found.add(label);
      }
    }
    return found;
  }

  /** The passage's exact lunr score for the query and the query terms it contains (score 0: none). */
  match(query: ImpactQuery, label: number): KeywordMatch {
    const ids = this.passageTermIds[label];
    const impacts = this.passageImpacts[label];
    const matched = new Set<string>();
    let dot = 0;
    if (!ids || !impacts || query.norm === 0) return { score: 0, matched };
    for (let q = 0; q < query.termIds.length; q++) {
      const at = binarySearch(ids, query.termIds[q]!);
      if (at < 0) continue;
      dot += query.boosts[q]! * impacts[at]!;
      matched.add(query.terms[q]!);
    }
    return { score: dot / query.norm, matched };
  }
}

/** Sum of two lunr vectors' flat [id, value, ...] element lists, both sorted by id. */
function mergeVectors(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b.slice();
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      out.push(a[i]!, a[i + 1]!);
      i += 2;
    } else if (i >= a.length || b[j]! < a[i]!) {
      out.push(b[j]!, b[j + 1]!);
      j += 2;
    } else {
      out.push(a[i]!, a[i + 1]! + b[j + 1]!);
      i += 2;
      j += 2;
    }
  }
  return out;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
