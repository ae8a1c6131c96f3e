import { keywordTerms } from '../indexer/index/keyword.js';
import { tokenize, type Token } from '../indexer/nlp/tokenize.js';

/**
 * Word-level helpers shared by query understanding, highlighting and answer extraction. Terms always come from
 * the keyword index's own pipeline (`keywordTerms`), so "matched by stem" means exactly what lunr matched.
 */

const CACHE_LIMIT = 50_000;
const termCache = new Map<string, readonly string[]>();

/**
 * Keyword-index terms of one word: usually one stem, none for stop words, several for hyphenated words
 * (lunr splits "карачаево-черкесской" in two). Cached: the vocabulary is small.
 */
export function termsOfWord(word: string): readonly string[] {
  const key = word.toLowerCase();
  const cached = termCache.get(key);
  if (cached) return cached;
  const terms = keywordTerms(key);
  if (termCache.size >= CACHE_LIMIT) termCache.clear();
  termCache.set(key, terms);
  return terms;
}

export interface TermToken extends Token {
  /** Keyword terms of the token; empty for stop words. */
  terms: readonly string[];
}

/** Tokens of `text` with character offsets and their keyword terms. */
export function termTokens(text: string): TermToken[] {
  return tokenize(text).map((t) => ({ ...t, terms: termsOfWord(t.norm) }));
}

/** Unique keyword terms of a text, in order of first appearance. */
export function uniqueTerms(text: string): string[] {
  return [...new Set(keywordTerms(text))];
}
