import type lunr from 'lunr';

/**
 * The keyword index rearranged for queries whose cost does not grow with the corpus. lunr's own `query` walks every
 * posting of every query term and allocates match metadata for each hit, so a common stem costs time linear in the
 * corpus. Here, at load, lunr's field vectors (its BM25 weights, field boosts included) become:
 *  - per term, the passages ordered by impact (the term's weight in text + section path), best first, so a query
 *    reads only the head of each list (impact-ordered, truncated traversal);
 *  - per passage, its term ids and impacts, so any candidate's exact lunr score and matched terms cost one lookup
 *    per query term.
 * Both are flat typed arrays with offsets (no object per term or passage): a lookup reads one contiguous run.
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

export interface ScoredLabel {
  label: number;
  /** Exact lunr score, > 0. */
  score: number;
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
  /** Terms of all passages back to back (passage p: offsets[p] .. offsets[p + 1]), each by ascending term id. */
  private readonly passageOffsets: Int32Array;
  private readonly passageTerms: Int32Array;
  private readonly passageImpacts: Float32Array;
  private readonly scratch: QueryScratch;

  /** Every term of the index (unordered). */
  terms(): string[] {
    return [...this.termIds.keys()];
  }

  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  constructor(index: lunr.Index, passageCount: number) {
    const { fields, invertedIndex, fieldVectors } = index as unknown as LunrInternals;
    let termCount = 0;
    for (const term of Object.keys(invertedIndex)) {
      const id = invertedIndex[term]!._index;
      this.termIds.set(term, id);
      termCount = Math.max(termCount, id + 1);
    }

    // Per passage (ref = label): the sum of its field vectors (lunr keeps their elements sorted by term id).
    const vectors = new Array<number[]>(passageCount);
    this.passageOffsets = new Int32Array(passageCount + 1);
    for (let label = 0; label < passageCount; label++) {
      let merged: number[] = [];
      for (const field of fields) merged = mergeVectors(merged, fieldVectors[`${field}/${label}`]?.elements ?? []);
      vectors[label] = merged;
      this.passageOffsets[label + 1] = this.passageOffsets[label]! + merged.length / 2;
    }
    this.passageTerms = new Int32Array(this.passageOffsets[passageCount]!);
    this.passageImpacts = new Float32Array(this.passageOffsets[passageCount]!);
    const df = new Int32Array(termCount + 1);
    vectors.forEach((merged, label) => {
      const from = this.passageOffsets[label]!;
      for (let i = 0; i < merged.length / 2; i++) {
        this.passageTerms[from + i] = merged[2 * i]!;
        this.passageImpacts[from + i] = merged[2 * i + 1]!;
        df[merged[2 * i]!]!++;
      }
    });

    // Postings in one block (offsets from document frequencies), then each ordered by impact (ties by label).
    this.postingOffsets = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) this.postingOffsets[t + 1] = this.postingOffsets[t]! + df[t]!;
    const total = this.postingOffsets[termCount]!;
    this.postingLabels = new Int32Array(total);
    this.postingImpacts = new Float32Array(total);
    const fill = this.postingOffsets.slice(0, termCount);
    for (let label = 0; label < passageCount; label++) {
      for (let i = this.passageOffsets[label]!; i < this.passageOffsets[label + 1]!; i++) {
        const at = fill[this.passageTerms[i]!]!++;
        this.postingLabels[at] = label;
        this.postingImpacts[at] = this.passageImpacts[i]!;
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
    this.scratch = new QueryScratch(passageCount);
  }

  /** Whether the passage holds the term (in its text or section path): one binary search, no tokenising. */
  passageHas(label: number, term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && label >= 0 && label + 1 < this.passageOffsets.length && this.positionOf(label, id) >= 0;
  }

  /** Passages containing the term (text or section path); 0 for a term the index does not know. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postingOffsets[id + 1]! - this.postingOffsets[id]!;
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
   * The best passages for the query, exactly scored, best first (ties: lower label first), scores > 0 only.
   * Candidates: for each query term, the first `depth` passages passing `accept` in impact order (plus, with
   * `perGroup`, enough to give every group its own depth). Cost is bounded by depth, not by posting length, unless
   * the filter or the grouping is narrow.
   *
   * With `limit`, only what a caller reading the best `limit` (and, with `perGroup`, each group's best
   * `perGroup.depth`) can see: exactly that part of the full ranking, in the same order. Without groups, a candidate
   * that provably cannot reach the best `limit` is then given up after as few lookups as possible (`ScoreBar`).
   * Without `limit`, every candidate.
   *
   * A candidate's impacts for terms whose heads showed it are known from the walk; the others cost one lookup each,
   * and only for terms whose list was cut (a term whose whole list was read is absent from passages it did not show).
   */
  search(query: ImpactQuery, depth: number, accept?: (label: number) => boolean, perGroup?: GroupDepth, limit?: number): ScoredLabel[] {
    const terms = query.termIds.length;
    if (terms === 0 || query.norm === 0) return [];
    const { boosts, termIds } = query;
    const scratch = this.scratch;
    scratch.begin(terms);
    const cutAt = this.readHeads(query, depth, accept, perGroup);
    // Terms a candidate may hold without its heads showing it (lists that were cut), the biggest possible gain first.
    const cut = [...cutAt.keys()].filter((q) => cutAt[q]! >= 0).sort((a, b) => boosts[b]! * cutAt[b]! - boosts[a]! * cutAt[a]!);
    const prune = limit !== undefined && !perGroup && scratch.wanted > limit && boosts.every((b) => b > 0);
    const bar = prune ? new ScoreBar(scratch, boosts, cutAt, limit) : undefined;

    const labels = new Int32Array(scratch.size);
    const scores = new Float64Array(scratch.size);
    let found = 0;
    candidates: for (let slot = 0; slot < scratch.size; slot++) {
      if (!scratch.isWanted(slot)) continue;
      const label = scratch.labelOf(slot);
      if (bar) {
        // Look up the unknown terms, biggest first, while the candidate can still reach the bar.
        const need = bar.need();
        let known = bar.seen[slot]!;
        let open = bar.open[slot]!;
        for (const q of cut) {
          if (known + open < need) continue candidates;
          if (scratch.impact(slot, q) !== 0) continue;
          const impact = this.impactOf(label, termIds[q]!);
          scratch.setImpact(slot, q, impact);
          open -= boosts[q]! * cutAt[q]!;
          known += boosts[q]! * impact;
        }
        if (known + open < need) continue;
      } else {
        for (const q of cut) if (scratch.impact(slot, q) === 0) scratch.setImpact(slot, q, this.impactOf(label, termIds[q]!));
      }
      // Query-term order, as `match` sums: the same floating-point score, so ties rank as they always did.
      let dot = 0;
      for (let q = 0; q < terms; q++) {
        const impact = scratch.impact(slot, q);
        if (impact > 0) dot += boosts[q]! * impact;
      }
      if (dot > 0) {
        labels[found] = label;
        scores[found++] = dot / query.norm;
        bar?.add(dot);
      }
    }
    scratch.end();
    return rankScored(labels.subarray(0, found), scores.subarray(0, found), limit, perGroup);
  }

  /** The passage's exact lunr score for the query (0: it contains no query term). */
  score(query: ImpactQuery, label: number): number {
    if (query.norm === 0) return 0;
    let dot = 0;
    for (let q = 0; q < query.termIds.length; q++) {
      const impact = this.impactOf(label, query.termIds[q]!);
      if (impact > 0) dot += query.boosts[q]! * impact;
    }
    return dot / query.norm;
  }

  /** The passage's exact lunr score for the query and the query terms it contains (score 0: none). */
  match(query: ImpactQuery, label: number): KeywordMatch {
    const matched = new Set<string>();
    if (query.norm === 0 || label < 0 || label + 1 >= this.passageOffsets.length) return { score: 0, matched };
    let dot = 0;
    for (let q = 0; q < query.termIds.length; q++) {
      const at = this.positionOf(label, query.termIds[q]!);
      if (at < 0) continue;
      dot += query.boosts[q]! * this.passageImpacts[at]!;
      matched.add(query.terms[q]!);
    }
    return { score: dot / query.norm, matched };
  }

  /** The term's weight in the passage (0: absent). */
  private impactOf(label: number, termId: number): number {
    const at = this.positionOf(label, termId);
    return at < 0 ? 0 : this.passageImpacts[at]!;
  }

  /** Where the passage's entry for the term is in `passageTerms` / `passageImpacts` (-1: absent). */
  private positionOf(label: number, termId: number): number {
    let lo = this.passageOffsets[label] ?? 0;
    let hi = (this.passageOffsets[label + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.passageTerms[mid]!;
      if (v === termId) return mid;
      if (v < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Walks each query term's head (see `search`) into the scratch: every accepted posting read, and whether the term
   * wants it as a candidate. Returns, per query term, the impact of its first unread posting (no passage the walk
   * did not show has more), or -1 when its whole list was read (passages it did not show lack the term).
   */
  private readHeads(query: ImpactQuery, depth: number, accept: ((label: number) => boolean) | undefined, perGroup: GroupDepth | undefined): Float64Array {
    const cutAt = new Float64Array(query.termIds.length).fill(-1);
    for (let term = 0; term < query.termIds.length; term++) {
      const id = query.termIds[term]!;
      const groupCounts = new Map<string, number>();
      let satisfiedGroups = 0;
      let taken = 0;
      const end = this.postingOffsets[id + 1]!;
      for (let i = this.postingOffsets[id]!; i < end; i++) {
        if (taken >= depth && (!perGroup || satisfiedGroups >= perGroup.groups)) {
          cutAt[term] = this.postingImpacts[i]!;
          break;
        }
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
        this.scratch.record(label, term, this.postingImpacts[i]!, wanted);
      }
    }
    return cutAt;
  }
}

/**
 * The score a candidate must reach to be among the best `limit` (MaxScore-style pruning): the `limit`-th best
 * known lower bound — at first what the heads showed (at least `limit` candidates score that much), then the
 * `limit`-th best exact score found. Per slot: `seen`, the impacts the heads showed (a lower bound of its score),
 * and `open`, the most its terms not shown could add (each cut list's first unread impact). Unnormalised dot
 * products, as `search` sums them. A small relative margin keeps rounding from ever dropping a tie.
 */
class ScoreBar {
  readonly seen: Float64Array;
  readonly open: Float64Array;
  private readonly best: Float64Array;
  private size = 0;
  private readonly start: number;

  constructor(scratch: QueryScratch, boosts: readonly number[], cutAt: Float64Array, private readonly limit: number) {
    this.seen = new Float64Array(scratch.size);
    this.open = new Float64Array(scratch.size);
    const wantedSeen: number[] = [];
    for (let slot = 0; slot < scratch.size; slot++) {
      if (!scratch.isWanted(slot)) continue;
      let seen = 0;
      let open = 0;
      for (let q = 0; q < boosts.length; q++) {
        const impact = scratch.impact(slot, q);
        if (impact > 0) seen += boosts[q]! * impact;
        else if (cutAt[q]! > 0) open += boosts[q]! * cutAt[q]!;
      }
      this.seen[slot] = seen;
      this.open[slot] = open;
      wantedSeen.push(seen);
    }
    this.start = limit <= 0 ? Infinity : wantedSeen.length < limit ? -Infinity : Float64Array.from(wantedSeen).sort()[wantedSeen.length - limit]!;
    this.best = new Float64Array(Math.max(0, limit));
  }

  /** The score a candidate needs now. */
  need(): number {
    const floor = this.size < this.limit ? this.start : Math.max(this.start, this.best[0]!);
    return floor * MARGIN;
  }

  /** An exact score found: keeps the `limit` best in a min-heap (`best[0]` the lowest of them). */
  add(score: number): void {
    const heap = this.best;
    if (this.limit <= 0) return;
    if (this.size < this.limit) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= score) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = score;
    } else if (score > heap[0]!) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= this.limit) break;
        const child = left + 1 < this.limit && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= score) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = score;
    }
  }
}

const MARGIN = 1 - 1e-9;

/**
 * Scored candidates as a ranking (score descending, then label ascending), cut to what a caller reading the best
 * `limit` (and each group's best `perGroup.depth`) can see. Without groups, entries below the `limit`-th best
 * score are dropped before any object is made for them.
 */
export function rankScored(labels: Int32Array, scores: Float64Array, limit: number | undefined, perGroup: GroupDepth | undefined): ScoredLabel[] {
  let floor = -Infinity;
  if (limit !== undefined && !perGroup) {
    if (limit <= 0) return [];
    if (scores.length > limit) floor = Float64Array.from(scores).sort()[scores.length - limit]!;
  }
  const hits: ScoredLabel[] = [];
  for (let i = 0; i < labels.length; i++) if (scores[i]! >= floor) hits.push({ label: labels[i]!, score: scores[i]! });
  hits.sort((a, b) => b.score - a.score || a.label - b.label);
  if (limit === undefined) return hits;
  if (!perGroup) return hits.slice(0, limit);
  const seen = new Map<string, number>();
  return hits.filter((hit, rank) => {
    const group = perGroup.groupOf(hit.label);
    const inGroup = seen.get(group) ?? 0;
    seen.set(group, inGroup + 1);
    return rank < limit || inGroup < perGroup.depth;
  });
}

/**
 * Per-query working memory, kept between queries so a query allocates nothing per posting: every passage read gets
 * a slot, and each slot one impact per query term (0: not known yet). Queries run one at a time (no await inside).
 */
class QueryScratch {
  private readonly slotOf: Int32Array;
  private labels = new Int32Array(1024);
  private wantedFlags = new Uint8Array(1024);
  private wantedSlots = 0;
  private impacts = new Float32Array(1024 * 8);
  private slots = 0;
  private terms = 0;

  constructor(passageCount: number) {
    this.slotOf = new Int32Array(passageCount).fill(-1);
  }

  get size(): number {
    return this.slots;
  }

  /** Slots some term wants as a candidate. */
  get wanted(): number {
    return this.wantedSlots;
  }

  begin(terms: number): void {
    this.slots = 0;
    this.wantedSlots = 0;
    this.terms = terms;
  }

  record(label: number, term: number, impact: number, wanted: boolean): void {
    let slot = this.slotOf[label]!;
    if (slot === -1) {
      slot = this.slots++;
      this.ensureCapacity(this.slots);
      this.slotOf[label] = slot;
      this.labels[slot] = label;
      this.wantedFlags[slot] = 0;
      this.impacts.fill(0, slot * this.terms, (slot + 1) * this.terms);
    }
    this.impacts[slot * this.terms + term] = impact;
    if (wanted && this.wantedFlags[slot] === 0) {
      this.wantedFlags[slot] = 1;
      this.wantedSlots++;
    }
  }

  isWanted(slot: number): boolean {
    return this.wantedFlags[slot] === 1;
  }

  labelOf(slot: number): number {
    return this.labels[slot]!;
  }

  impact(slot: number, term: number): number {
    return this.impacts[slot * this.terms + term]!;
  }

  setImpact(slot: number, term: number, impact: number): void {
    this.impacts[slot * this.terms + term] = impact;
  }

  end(): void {
    for (let slot = 0; slot < this.slots; slot++) this.slotOf[this.labels[slot]!] = -1;
    this.slots = 0;
  }

  private ensureCapacity(slots: number): void {
    if (slots > this.labels.length) {
      const size = Math.max(slots, this.labels.length * 2);
      this.labels = grow(this.labels, size);
      this.wantedFlags = grow(this.wantedFlags, size);
    }
    if (slots * this.terms > this.impacts.length) this.impacts = grow(this.impacts, Math.max(slots * this.terms, this.impacts.length * 2));
  }
}

function grow<T extends Int32Array | Uint8Array | Float32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
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
