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

/**
 * A text every whitespace- or hyphen-separated chunk of which is one run of letters (all lower case, capitalised or
 * all capitals) or of digits, with only other characters around it: lunr (splits on whitespace and "-", trims the
 * ends) and `termTokens` (letter runs, glued words split at case changes) then read the same words, so the keyword
 * index holds exactly the passage's token terms. Anything else (a case change or a digit inside a word, inner
 * punctuation, a non-ASCII hyphen) is left to the tokens.
 */
const PLAIN_CHUNK = /^[^\p{L}\d]*(?:\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+|\d+)[^\p{L}\d]*$/u;

export function splitsAlike(text: string): boolean {
  for (const chunk of text.split(/[\s-]+/u)) if (chunk && !PLAIN_CHUNK.test(chunk)) return false;
  return true;
}
