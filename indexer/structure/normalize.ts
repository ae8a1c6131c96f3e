/** Short function words that the flattened extractions dropped; ignored when comparing titles. */
const STOP_WORDS = new Set([
  'и', 'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'о', 'об', 'для', 'из', 'от', 'до', 'за', 'а', 'или', 'не', 'при', 'раздел',
]);

/** Lower-case words of a title without punctuation, `ё`, or function words: `Проблемы и вызовы…` → `[проблемы, вызовы, …]`. */
export function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

/** Two words match when equal or when one is a truncation of the other (flattened texts cut endings: `содержани`). */
export function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short) && long.length - short.length <= 2;
}

/** How many leading words of `candidate` match `reference` in order (0 when the first word differs). */
export function matchingPrefixLength(reference: string[], candidate: string[]): number {
  let n = 0;
  while (n < reference.length && n < candidate.length && wordsMatch(reference[n]!, candidate[n]!)) n++;
  return n;
}

/** True when the two titles have the same words (ignoring function words, punctuation and case). */
export function sameTitle(a: string, b: string): boolean {
  const wa = titleWords(a);
  const wb = titleWords(b);
  return wa.length > 0 && wa.length === wb.length && matchingPrefixLength(wa, wb) === wa.length;
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
