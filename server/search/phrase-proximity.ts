import { isFramingTerm, type QueryPlan } from './query-understanding.js';
import type { TermToken } from './text.js';

/**
 * Phrase proximity: how many of the question's neighbouring words stand together in a passage. "Большие данные"
 * is a technology, "большой объём ... данных" is not; "защита персональных данных" differs from "социальная защита"
 * next to "банк данных". The keyword leg scores words independently (BM25 has no word order), so a passage with the
 * words near each other is ranked above one that has them scattered.
 */

export interface ProximityQuery {
  /** Neighbouring content concepts of the question, each as the terms that express it. */
  pairs: [ReadonlySet<string>, ReadonlySet<string>][];
}

export interface ProximityOptions {
  /** Two words count as together when at most this many tokens apart (either order). Default 3. */
  window: number;
}

export const DEFAULT_PROXIMITY: ProximityOptions = { window: 3 };

/** The pairs of neighbouring topic words of the question (framing words such as "регион", "как" left out). */
export function proximityQuery(plan: QueryPlan): ProximityQuery {
  const topical = plan.concepts.filter((c) => {
    const own = c.alternatives[0];
    return own?.length === 1 && !isFramingTerm(own[0]!);
  });
  const pairs: ProximityQuery['pairs'] = [];
  for (let i = 0; i + 1 < topical.length; i += 1) {
    const termsOf = (index: number) => new Set(topical[index]!.alternatives.filter((alt) => alt.length === 1).map((alt) => alt[0]!));
    pairs.push([termsOf(i), termsOf(i + 1)]);
  }
  return { pairs };
}

/** Share (0..1) of the question's word pairs found together in the passage's tokens. 0 without pairs. */
export function phraseProximity(query: ProximityQuery, tokens: readonly TermToken[], options: ProximityOptions = DEFAULT_PROXIMITY): number {
  if (query.pairs.length === 0) return 0;
  let found = 0;
  for (const [left, right] of query.pairs) {
    let lastLeft = -Infinity;
    let lastRight = -Infinity;
    for (let position = 0; position < tokens.length; position += 1) {
      const terms = tokens[position]!.terms;
      if (terms.some((t) => left.has(t))) lastLeft = position;
      if (terms.some((t) => right.has(t))) lastRight = position;
      if (lastLeft !== lastRight && Math.abs(lastLeft - lastRight) <= options.window) {
        found += 1;
        break;
      }
    }
  }
  return found / query.pairs.length;
}
