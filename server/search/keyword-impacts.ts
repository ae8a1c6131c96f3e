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
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
}

export class KeywordImpacts {
  private readonly termIds = new Map<string, number>();
  private readonly postingLabels: Int32Array[] = [];
  private readonly postingImpacts: Float32Array[] = [];
  private readonly passageTermIds: Int32Array[];
  private readonly passageImpacts: Float32Array[];

  constructor(index: lunr.Index, passageCount: number) {
    const { invertedIndex, fieldVectors } = index as unknown as LunrInternals;
    for (const term of Object.keys(invertedIndex)) this.termIds.set(term, invertedIndex[term]!._index);

    // Sum each passage's field vectors (ref = label, keys "field/label").
    const perPassage: Map<number, number>[] = Array.from({ length: passageCount }, () => new Map());
    for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
      const label = Number(fieldRef.slice(fieldRef.indexOf('/') + 1));
      const weights = perPassage[label];
      if (!weights) continue;
      const el = vector.elements;
      for (let i = 0; i < el.length; i += 2) weights.set(el[i]!, (weights.get(el[i]!) ?? 0) + el[i + 1]!);
    }

    this.passageTermIds = new Array<Int32Array>(passageCount);
    this.passageImpacts = new Array<Float32Array>(passageCount);
    const df = new Map<number, number>();
    perPassage.forEach((weights, label) => {
      const ids = Int32Array.from(weights.keys()).sort();
      this.passageTermIds[label] = ids;
      this.passageImpacts[label] = Float32Array.from(ids, (id) => weights.get(id)!);
      for (const id of ids) df.set(id, (df.get(id) ?? 0) + 1);
    });

    // Postings: fill by term id, then order each by impact (ties by label, for stable results).
    const fill = new Map<number, number>();
    for (const [id, n] of df) {
      this.postingLabels[id] = new Int32Array(n);
      this.postingImpacts[id] = new Float32Array(n);
      fill.set(id, 0);
    }
    perPassage.forEach((_, label) => {
      const ids = this.passageTermIds[label]!;
      const impacts = this.passageImpacts[label]!;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const at = fill.get(id)!;
        this.postingLabels[id]![at] = label;
        this.postingImpacts[id]![at] = impacts[i]!;
        fill.set(id, at + 1);
      }
    });
    for (const id of df.keys()) {
      const labels = this.postingLabels[id]!;
      const impacts = this.postingImpacts[id]!;
      const order = Array.from(labels.keys()).sort((a, b) => impacts[b]! - impacts[a]! || labels[a]! - labels[b]!);
      this.postingLabels[id] = Int32Array.from(order, (i) => labels[i]!);
      this.postingImpacts[id] = Float32Array.from(order, (i) => impacts[i]!);
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
      const labels = this.postingLabels[id]!;
      const groupCounts = new Map<string, number>();
      let satisfiedGroups = 0;
      let taken = 0;
      for (let i = 0; i < labels.length; i++) {
        if (taken >= depth && (!perGroup || satisfiedGroups >= perGroup.groups)) break;
        const label = labels[i]!;
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
