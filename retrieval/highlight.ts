import type { TermToken } from './text.js';

/**
 * `[start, end]` character ranges of a text (end exclusive) whose words match the query: same stem as a query
 * word, another stem of the same word family, or a word of an abbreviation's expansion (and vice versa). Ranges
 * separated only by spaces are merged, so "центр обработки данных" highlights as one phrase.
 */
export function highlightRanges(text: string, tokens: readonly TermToken[], matchTerms: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  if (matchTerms.size === 0) return ranges;
  for (const token of tokens) {
    if (!token.terms.some((t) => matchTerms.has(t))) continue;
    const last = ranges[ranges.length - 1];
    if (last && /^[ \t]*$/.test(text.slice(last[1], token.start))) last[1] = token.end;
    else ranges.push([token.start, token.end]);
  }
  return ranges;
}
