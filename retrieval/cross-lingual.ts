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
 * nothing. The domain lexicon's terms the corpus uses are targets too, in dictionary form ("hackers" → «хакер») and
 * as phrases that two or three words of the question name together ("public transport" → «общественный транспорт»).
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

/**
 * The corpus's words and their query vectors (row-major, unit length), searched exhaustively; the rows from
 * `lexiconFrom` on are the domain lexicon's terms in dictionary form, single words and phrases.
 */
export class CorpusWords {
  constructor(
    readonly words: readonly string[],
    private readonly vectors: Float32Array,
    readonly dimension: number,
    private readonly lexiconFrom = words.length,
  ) {
    this.hasPhrases = words.some((w, row) => row >= lexiconFrom && w.includes(' '));
  }

  /** Whether any lexicon phrase is here to translate into (none in an index built before 2026-12-07). */
  readonly hasPhrases: boolean;

  /**
   * Corpus words at least `minSimilarity` close to `vector` and single-word lexicon terms at least
   * `lexiconMinSimilarity` close, closest first, each spelling once, at most `limit`.
   */
  nearest(vector: Float32Array, limit: number, minSimilarity: number, lexiconMinSimilarity = minSimilarity): { word: string; similarity: number }[] {
    const found = this.scan(vector, (row) => (row < this.lexiconFrom ? minSimilarity : this.words[row]!.includes(' ') ? undefined : lexiconMinSimilarity));
    const seen = new Set<string>();
    return found.filter((f) => !seen.has(f.word) && seen.add(f.word)).slice(0, limit);
  }

  /** The lexicon's multi-word term closest to `vector`, when at least `minSimilarity` close. */
  nearestPhrase(vector: Float32Array, minSimilarity: number): { word: string; similarity: number } | undefined {
    return this.scan(vector, (row) => (row >= this.lexiconFrom && this.words[row]!.includes(' ') ? minSimilarity : undefined))[0];
  }

  /** Rows at least their threshold close to `vector` (rows without one are skipped), closest first. */
  private scan(vector: Float32Array, threshold: (row: number) => number | undefined): { word: string; similarity: number }[] {
    const found: { word: string; similarity: number }[] = [];
    const d = this.dimension;
    for (let row = 0; row < this.words.length; row += 1) {
      const min = threshold(row);
      if (min === undefined) continue;
      let dot = 0;
      for (let k = 0, offset = row * d; k < d; k += 1) dot += this.vectors[offset + k]! * vector[k]!;
      if (dot < min) continue;
      found.push({ word: this.words[row]!, similarity: Math.round(dot * 1000) / 1000 });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word));
  }
}

/** The settings translation reads (defaults and their measurements: options.ts). */
export type TranslationOptions = Pick<
  RetrievalOptions,
  'translationMinSimilarity' | 'translationsPerWord' | 'lexiconTranslationMinSimilarity' | 'phraseTranslationMinSimilarity' | 'phraseTranslationMargin'
>;

/** Runs of consecutive words tried as one phrase, longest first. */
const PHRASE_LENGTHS = [3, 2] as const;

/**
 * The question's words translated into the corpus's words, or undefined when the question is in the corpus's
 * language or the index cannot translate (an offline index, or one built before translation existed). Two or three
 * consecutive words that together name a lexicon phrase are translated as one ("public transport" → «общественный
 * транспорт»), reported as one entry.
 */
export async function translateQuestion(index: SearchIndex, text: string, options: TranslationOptions): Promise<WordTranslation[] | undefined> {
  const corpusWords = index.corpusWords;
  if (!corpusWords || !isCrossLingual(text)) return undefined;
  const key = [
    options.translationMinSimilarity,
    options.translationsPerWord,
    options.lexiconTranslationMinSimilarity,
    options.phraseTranslationMinSimilarity,
    options.phraseTranslationMargin,
    text,
  ].join('\u0000');
  return index.cachedTranslation(key, async () => {
    // Region names ("in Tver region") become a filter or frame the question (query-understanding.ts): not words to translate.
    const words = foreignWords(withoutMentions(text, index.regionNames.find(text)));
    if (words.length === 0) return undefined;
    const phrases = corpusWords.hasPhrases
      ? PHRASE_LENGTHS.flatMap((n) => words.slice(0, words.length - n + 1).map((_, start) => ({ start, n, text: words.slice(start, start + n).join(' ') })))
      : [];
    const vectors = await index.wordVectors([...words, ...phrases.map((p) => p.text)]);
    // The corpus's words are one spelling per keyword term (vocabulary.ts): each translation is another word family.
    const single = words.map((word, i) => ({
      word,
      to: corpusWords.nearest(vectors[i]!, options.translationsPerWord, options.translationMinSimilarity, options.lexiconTranslationMinSimilarity),
    }));
    const phraseAt = new Map(phrases.map((p, i) => [`${p.start}:${p.n}`, vectors[words.length + i]!]));
    const translations: WordTranslation[] = [];
    for (let start = 0; start < words.length; ) {
      const phrase = PHRASE_LENGTHS.map((n) => phraseTranslation(start, n)).find((p) => p !== undefined);
      if (phrase) {
        translations.push(phrase.translation);
        start += phrase.n;
      } else translations.push(single[start++]!);
    }
    return translations;

    function phraseTranslation(start: number, n: number): { translation: WordTranslation; n: number } | undefined {
      const vector = phraseAt.get(`${start}:${n}`);
      const best = vector && corpusWords!.nearestPhrase(vector, options.phraseTranslationMinSimilarity);
      if (!best) return undefined;
      const closestWord = Math.max(0, ...single.slice(start, start + n).map((t) => t.to[0]?.similarity ?? 0));
      if (best.similarity < closestWord - options.phraseTranslationMargin) return undefined;
      return { translation: { word: words.slice(start, start + n).join(' '), to: [best] }, n };
    }
  });
}
