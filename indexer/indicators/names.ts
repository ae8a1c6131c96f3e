/**
 * Comparing indicator names across text forms and regions. The flattened texts drop punctuation and short words
 * («Доля заданий электронной форме учащихся» for «Доля заданий в электронной форме для учащихся»), glue hyphenated
 * words («видеоконференцсвязи») and cut some endings («функци»), so names are compared as sets of word stems.
 */

/** Words this short are prepositions and conjunctions, which the flattened texts drop: ignored on both sides. */
const MIN_WORD_LENGTH = 4;
/** Letters kept of each word: enough to tell words apart, few enough to ignore endings and truncations. */
const STEM_LENGTH = 6;

/** Lower case, `ё` → `е`, hyphenated words glued, punctuation gone, whitespace collapsed. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/(\p{L})[-‐–]\s*(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Stems of the words that both text forms keep (numbers always kept: «25 мер»). */
export function nameStems(name: string): string[] {
  return normaliseName(name)
    .split(' ')
    .filter((w) => w.length >= MIN_WORD_LENGTH || /^\d+$/u.test(w))
    .map((w) => w.slice(0, STEM_LENGTH));
}

/** Dice coefficient of two stem multisets, 0…1. */
export function stemDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const s of a) counts.set(s, (counts.get(s) ?? 0) + 1);
  let common = 0;
  for (const s of b) {
    const n = counts.get(s) ?? 0;
    if (n > 0) {
      common++;
      counts.set(s, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Share of the shorter name's stems found in the longer one: a name cut by a page break still matches. */
export function stemContainment(a: readonly string[], b: readonly string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const s of long) pool.set(s, (pool.get(s) ?? 0) + 1);
  let found = 0;
  for (const s of short) {
    const n = pool.get(s) ?? 0;
    if (n > 0) {
      found++;
      pool.set(s, n - 1);
    }
  }
  return found / short.length;
}

/** A cut name must keep this many stems to be matched by containment alone (fewer match too many names). */
const MIN_CONTAINED_STEMS = 4;
/**
 * Below this Dice, two names are different indicators. Measured on the bundled corpus: the same template indicator
 * in two regions scores 0.94–1.0 (layout against flattened wording included); the three «Доля автобусов …»
 * variants, which share a long opening and differ in the last words, score 0.6–0.78 against each other.
 */
export const SAME_INDICATOR_DICE = 0.85;

/** How alike two names are, 0…1: Dice, or containment for a name cut short (discounted so whole names win). */
export function nameSimilarity(a: string, b: string): number {
  const sa = nameStems(a);
  const sb = nameStems(b);
  const dice = stemDice(sa, sb);
  const shorter = Math.min(sa.length, sb.length);
  const contained = shorter >= MIN_CONTAINED_STEMS ? stemContainment(sa, sb) * 0.9 : 0;
  return Math.max(dice, contained);
}
