import { isFramingTerm, type QueryPlan } from './query-understanding.js';
import type { TermToken } from './text.js';

/**
 * Phrase proximity: how many of the question's neighbouring words stand together in a passage. "Большие данные"
 * is a technology, "большой объём ... данных" is not; "защита персональных данных" differs from "социальная защита"
 * next to "банк данных". The keyword leg scores words independently (BM25 has no word order), so a passage with the
 * words near each other is ranked above one that has them scattered.
 */

export interface ProximityQuery {
  /** Number of neighbouring concept pairs of the question. */
  pairCount: number;
  /** Term → the pair sides it expresses, as `2 · pair + side` (side 0 = left word, 1 = right word). */
  sidesOfTerm: ReadonlyMap<string, readonly number[]>;
}

/** The pairs of neighbouring topic words of the question (framing words such as "регион", "как" left out). */
export function proximityQuery(plan: QueryPlan): ProximityQuery {
  const topical = plan.concepts.filter((c) => {
    const own = c.alternatives[0];
    return own?.length === 1 && !isFramingTerm(own[0]!);
  });
  const sidesOfTerm = new Map<string, number[]>();
  const pairCount = Math.max(0, topical.length - 1);
  topical.forEach((concept, position) => {
    // A concept is the right word of the pair before it and the left word of the pair after it.
    const sides = [position > 0 ? 2 * (position - 1) + 1 : -1, position < pairCount ? 2 * position : -1].filter((side) => side >= 0);
    for (const alt of concept.alternatives) {
      if (alt.length !== 1) continue;
      const list = sidesOfTerm.get(alt[0]!) ?? [];
      for (const side of sides) if (!list.includes(side)) list.push(side);
      sidesOfTerm.set(alt[0]!, list);
    }
  });
  return { pairCount, sidesOfTerm };
}

/**
 * A passage's keyword terms in reading order with the index of the token each comes from (a hyphenated word gives
 * two terms at one position): all that proximity reads, in ≈ 1 KB a passage where its tokens take ≈ 38 KB, so many
 * more passages stay cached (`SearchIndex.termSequenceOf`).
 */
export interface TermSequence {
  terms: readonly string[];
  positions: Int32Array;
}

export function termSequence(tokens: readonly TermToken[]): TermSequence {
  const terms: string[] = [];
  const positions: number[] = [];
  tokens.forEach((token, position) => {
    for (const term of token.terms) {
      terms.push(term);
      positions.push(position);
    }
  });
  return { terms, positions: Int32Array.from(positions) };
}

/**
 * Share (0..1) of the question's word pairs found together — at most `window` tokens apart, either order
 * (`proximityWindow`) — in the passage's terms. 0 without pairs. One pass.
 */
export function phraseProximity(query: ProximityQuery, sequence: TermSequence, window: number): number {
  const { pairCount, sidesOfTerm } = query;
  if (pairCount === 0) return 0;
  const last = new Array<number>(2 * pairCount).fill(-Infinity);
  const found = new Array<boolean>(pairCount).fill(false);
  let foundCount = 0;
  const { terms, positions } = sequence;
  for (let i = 0; i < terms.length; i += 1) {
    const sides = sidesOfTerm.get(terms[i]!);
    if (!sides) continue;
    const position = positions[i]!;
    for (const side of sides) {
      const pair = side >> 1;
      if (found[pair]) continue;
      // The same token cannot be both words of a pair.
      if (last[side ^ 1] !== position && position - last[side ^ 1]! <= window) {
        found[pair] = true;
        foundCount += 1;
        if (foundCount === pairCount) return 1;
      }
    }
    for (const side of sides) last[side] = position;
  }
  return foundCount / pairCount;
}

/**
 * False when the passage's terms lack a word of every pair, so that `phraseProximity` over its tokens is 0 without
 * reading them: most candidates of a longer question. `terms` answers whether the passage holds a term; it may hold
 * more than the passage's tokens (`SearchIndex.termLookup`: the keyword index's terms also count the section path),
 * never fewer.
 */
export function mayPair(query: ProximityQuery, terms: { has(term: string): boolean }): boolean {
  const present = new Uint8Array(2 * query.pairCount);
  for (const [term, sides] of query.sidesOfTerm) if (terms.has(term)) for (const side of sides) present[side] = 1;
  for (let pair = 0; pair < query.pairCount; pair += 1) if (present[2 * pair] && present[2 * pair + 1]) return true;
  return false;
}
