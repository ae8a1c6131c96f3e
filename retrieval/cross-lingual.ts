import type { RetrievalOptions } from './options.js';
import { withoutMentions } from './region-names.js';
import type { SearchIndex } from './search-index.js';

/**
 * A question in another language than the corpus (English over Russian strategies). The neural model compares it
 * with the passages directly, but the keyword leg, the concept model and relevance read words, and an English
 * word matches no Russian text. So each of the question's words is translated into the corpus's own words through
 * the model: the word's query vector against the query vectors of the corpus's words (computed by the index build,
 * indexer/index/vocabulary.ts). "telemedicine" → «телемедицинских», "teachers" → «учителей»; a word with no close
 * corpus word ("nuclear") stays untranslated and keeps counting, so a question the corpus cannot answer still finds
 * nothing.
 */

/** A question mostly in Latin letters, over a corpus in Cyrillic. */
export function isCrossLingual(text: string): boolean {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  return latin > cyrillic;
}

/** One word of the question and the corpus words it was translated into, closest first (none when nothing is close). */
export interface WordTranslation {
  word: string;
  to: { word: string; similarity: number }[];
}

/**
 * English words that only frame a question or join its words. Dropped before translating: their nearest corpus
 * words are noise («которых» for "which").
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'a an the of for in on at to from by with without within into onto over under about across after before between ' +
    'through during via per and or but nor so yet if then than as that this these those there here it its they them ' +
    'their we our you your he she his her i me my is are was were be been being am do does did doing done have has ' +
    'had having can could should would will shall may might must not no yes any all each every some such other ' +
    'own same too very just also only more most less least much many few what which who whom whose when where why ' +
    'how whether region regions regional strategy strategies plan plans planned planning do does doing measure ' +
    'measures provide provided provides use used using'
  ).split(' '),
);

/** A word in capitals this short is an acronym ("IT", "GIS"): kept as written, for the model and against the function words. */
const ACRONYM_MAX_LETTERS = 4;

/**
 * The question's words worth translating: Latin-script words in lower case (acronyms as written), function words
 * dropped (but not an acronym: "IT" is not "it"), each once.
 */
export function foreignWords(text: string): string[] {
  const words = (text.match(/\p{Script=Latin}+/gu) ?? []).flatMap((w) => {
    if (w.length < 2) return [];
    if (w.length <= ACRONYM_MAX_LETTERS && w === w.toUpperCase()) return [w];
    const lower = w.toLowerCase();
    return ENGLISH_FUNCTION_WORDS.has(lower) ? [] : [lower];
  });
  return [...new Set(words)];
}

/** The corpus's words and their query vectors (row-major, unit length), searched exhaustively. */
export class CorpusWords {
  constructor(
    readonly words: readonly string[],
    private readonly vectors: Float32Array,
    readonly dimension: number,
  ) {}

  /** Corpus words at least `minSimilarity` close to `vector`, closest first, at most `limit`. */
  nearest(vector: Float32Array, limit: number, minSimilarity: number): { word: string; similarity: number }[] {
    const found: { word: string; similarity: number }[] = [];
    const d = this.dimension;
    for (let row = 0; row < this.words.length; row += 1) {
      let dot = 0;
      for (let k = 0, offset = row * d; k < d; k += 1) dot += this.vectors[offset + k]! * vector[k]!;
      if (dot < minSimilarity) continue;
      found.push({ word: this.words[row]!, similarity: Math.round(dot * 1000) / 1000 });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word)).slice(0, limit);
  }
}

/** The settings translation reads (defaults and their measurements: options.ts). */
export type TranslationOptions = Pick<RetrievalOptions, 'translationMinSimilarity' | 'translationsPerWord'>;

/**
 * The question's words translated into the corpus's words, or undefined when the question is in the corpus's
 * language or the index cannot translate (an offline index, or one built before translation existed).
 */
export async function translateQuestion(index: SearchIndex, text: string, options: TranslationOptions): Promise<WordTranslation[] | undefined> {
  const corpusWords = index.corpusWords;
  if (!corpusWords || !isCrossLingual(text)) return undefined;
  const key = [options.translationMinSimilarity, options.translationsPerWord, text].join('\u0000');
  return index.cachedTranslation(key, async () => {
    // Region names ("in Tver region") become a filter or frame the question (query-understanding.ts): not words to translate.
    const words = foreignWords(withoutMentions(text, index.regionNames.find(text)));
    if (words.length === 0) return undefined;
    const vectors = await index.wordVectors(words);
    // The corpus's words are one spelling per keyword term (vocabulary.ts): each translation is another word family.
    return words.map((word, i) => ({ word, to: corpusWords.nearest(vectors[i]!, options.translationsPerWord, options.translationMinSimilarity) }));
  });
}
