import type { RetrievalOptions } from './options.js';
import { keywordTerms } from '../indexer/index/keyword.js';
import { withoutMentions } from './region-names.js';
import type { SearchIndex } from './search-index.js';
import { LruCache } from './lru-cache.js';

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

/** A word worth translating, as it is translated (acronyms as written, others in lower case), or undefined. */
function contentWord(written: string): string | undefined {
  if (written.length < 2) return undefined;
  if (written.length <= ACRONYM_MAX_LETTERS && written === written.toUpperCase()) return written;
  const lower = written.toLowerCase();
  return ENGLISH_FUNCTION_WORDS.has(lower) ? undefined : lower;
}

/**
 * The question's content words in runs, in their order: a run ends at punctuation, a function word, a short word or
 * anything not in Latin letters (a region name taken out, a number). Phrases are sought within a run only, so
 * "transport of the public" never reads as "public transport". A hyphen joins ("long-term" is two words of one run).
 */
export function foreignRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const chunk of text.split(/[^\p{Script=Latin}\s'’-]+/u)) {
    let run: string[] = [];
    for (const written of chunk.match(/\p{Script=Latin}+/gu) ?? []) {
      const word = contentWord(written);
      if (word) run.push(word);
      else if (run.length > 0) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/**
 * The question's words worth translating, from its runs: Latin-script words in lower case (acronyms as written),
 * function words dropped (but not an acronym: "IT" is not "it"), each once.
 */
export function distinctWords(runs: readonly string[][]): string[] {
  return [...new Set(runs.flat())];
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
    const isPhrase = (row: number) => row >= lexiconFrom && words[row]!.includes(' ');
    const rows = Int32Array.from(words.keys());
    this.rowsOf = { words: rows.filter((row) => !isPhrase(row)), phrases: rows.filter(isPhrase) };
    this.hasPhrases = this.rowsOf.phrases.length > 0;
  }

  /** The rows of single words (corpus words and the lexicon's one-word terms) and of the lexicon's phrases. */
  private readonly rowsOf: Record<RowKind, Int32Array>;

  /** Whether any lexicon phrase is here to translate into (none in an index built before 2026-12-07). */
  readonly hasPhrases: boolean;

  /**
   * Corpus words at least `minSimilarity` close to `vector` and single-word lexicon terms at least
   * `lexiconMinSimilarity` close, closest first, each spelling once, at most `limit`.
   */
  nearest(vector: Float32Array, limit: number, minSimilarity: number, lexiconMinSimilarity = minSimilarity): { word: string; similarity: number }[] {
    const found = this.scan(vector, 'words', (row) => (row < this.lexiconFrom ? minSimilarity : lexiconMinSimilarity));
    // A lexicon word is often another spelling of a corpus word's family («хакер», «хакеров»): the closer one stands for it.
    const families = new Set<string>();
    return found.filter((f) => {
      const family = keywordTerms(f.word).join(' ') || f.word;
      return !families.has(family) && families.add(family);
    }).slice(0, limit);
  }

  /** How close the closest single word (corpus word or lexicon word) is to `vector`, whatever the threshold. */
  closestWordSimilarity(vector: Float32Array): number {
    let closest = -Infinity;
    for (const similarity of this.similarities(vector, 'words')) closest = Math.max(closest, similarity);
    return closest === -Infinity ? 0 : Math.round(closest * 1000) / 1000;
  }

  /** The lexicon's multi-word term closest to `vector`, when at least `minSimilarity` close. */
  nearestPhrase(vector: Float32Array, minSimilarity: number): { word: string; similarity: number } | undefined {
    return this.scan(vector, 'phrases', () => minSimilarity)[0];
  }

  /** Recent vectors' cosines to the rows of each kind asked for (see `SIMILARITY_CACHE_VECTORS`). */
  private readonly similarityCache = new LruCache<Float32Array, Partial<Record<RowKind, Float64Array>>>(SIMILARITY_CACHE_VECTORS);

  /** Cosines of `vector` to the rows of one kind, in the order of `rowsOf[kind]`. */
  private similarities(vector: Float32Array, kind: RowKind): Float64Array {
    let cached = this.similarityCache.get(vector);
    if (!cached) this.similarityCache.set(vector, (cached = {}));
    return (cached[kind] ??= dotProducts(this.vectors, this.dimension, this.rowsOf[kind], vector));
  }

  /** Rows of one kind at least their threshold close to `vector`, closest first. */
  private scan(vector: Float32Array, kind: RowKind, threshold: (row: number) => number): { word: string; similarity: number }[] {
    const similarities = this.similarities(vector, kind);
    const found: { word: string; similarity: number }[] = [];
    this.rowsOf[kind].forEach((row, i) => {
      if (similarities[i]! >= threshold(row)) found.push({ word: this.words[row]!, similarity: Math.round(similarities[i]! * 1000) / 1000 });
    });
    return found.sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word));
  }
}

/**
 * Vectors whose similarities `CorpusWords` keeps. A translation asks for a word's closest similarity, then for its
 * nearest words; one question at `translationMaxWords` 32 has at most 32 words and 61 phrases. Bounded, so that the
 * word vectors the query cache holds do not each keep their similarities (≈ 15 KB) alive.
 */
const SIMILARITY_CACHE_VECTORS = 128;

type RowKind = 'words' | 'phrases';

/**
 * The dot products of `vector` with `rows` of the row-major `matrix`, in the order of `rows`. Four rows at a time,
 * each read of `vector` serving all four: about twice as fast as one row at a time; each row's sum runs in the same
 * order.
 */
function dotProducts(matrix: Float32Array, dimension: number, rows: Int32Array, vector: Float32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let i = 0;
  for (; i + 3 < rows.length; i += 4) {
    const o0 = rows[i]! * dimension;
    const o1 = rows[i + 1]! * dimension;
    const o2 = rows[i + 2]! * dimension;
    const o3 = rows[i + 3]! * dimension;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < dimension; k += 1) {
      const x = vector[k]!;
      s0 += matrix[o0 + k]! * x;
      s1 += matrix[o1 + k]! * x;
      s2 += matrix[o2 + k]! * x;
      s3 += matrix[o3 + k]! * x;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < rows.length; i += 1) {
    const offset = rows[i]! * dimension;
    let sum = 0;
    for (let k = 0; k < dimension; k += 1) sum += matrix[offset + k]! * vector[k]!;
    out[i] = sum;
  }
  return out;
}

/** The settings translation reads (defaults and their measurements: options.ts). */
export type TranslationOptions = Pick<
  RetrievalOptions,
  | 'translationMinSimilarity'
  | 'translationsPerWord'
  | 'translationMaxWords'
  | 'lexiconTranslationMinSimilarity'
  | 'phraseTranslationMinSimilarity'
  | 'phraseTranslationMargin'
>;

/** `runs` cut after their first `limit` distinct words. */
export function firstWords(runs: readonly string[][], limit: number): string[][] {
  const seen = new Set<string>();
  const kept: string[][] = [];
  for (const run of runs) {
    const part: string[] = [];
    for (const word of run) {
      if (!seen.has(word) && seen.size >= limit) {
        if (part.length > 0) kept.push(part);
        return kept;
      }
      seen.add(word);
      part.push(word);
    }
    kept.push(part);
  }
  return kept;
}

/** Runs of consecutive words tried as one phrase. */
const PHRASE_LENGTHS = [2, 3] as const;

/** The phrases of a run that may name a lexicon phrase: every stretch of `PHRASE_LENGTHS` words, with where it starts. */
function runPhrases(run: readonly string[]): { start: number; n: number; text: string }[] {
  return PHRASE_LENGTHS.flatMap((n) => run.slice(0, Math.max(0, run.length - n + 1)).map((_, start) => ({ start, n, text: run.slice(start, start + n).join(' ') })));
}

/** A phrase of a run: `n` words from `start`, and the lexicon phrase they name together. */
export interface PhraseMatch {
  start: number;
  n: number;
  to: { word: string; similarity: number };
}

/**
 * The best split of a run into single words and phrases: the split with the highest sum of scores, where a word
 * scores its closest single-word similarity (`wordScores`) and a phrase of n words n × (its similarity + `margin`).
 * Single words match more closely than phrases by nature ("public" → «публично» 0.936 against "public transport" →
 * «общественный транспорт» 0.917), hence the margin; and a phrase that swallows a word it does not express
 * ("data protection hackers" → «защита данных») loses to the split that leaves that word alone. Ties keep words.
 */
export function splitRun(wordScores: readonly number[], phrases: readonly PhraseMatch[], margin: number): (PhraseMatch | number)[] {
  const best: { score: number; last?: PhraseMatch | number }[] = [{ score: 0 }];
  for (let end = 1; end <= wordScores.length; end += 1) {
    best[end] = { score: best[end - 1]!.score + wordScores[end - 1]!, last: end - 1 };
    for (const phrase of phrases) {
      if (phrase.start + phrase.n !== end) continue;
      const score = best[phrase.start]!.score + phrase.n * (phrase.to.similarity + margin);
      if (score > best[end]!.score) best[end] = { score, last: phrase };
    }
  }
  const parts: (PhraseMatch | number)[] = [];
  for (let end = wordScores.length; end > 0; ) {
    const last = best[end]!.last!;
    parts.unshift(last);
    end = typeof last === 'number' ? last : last.start;
  }
  return parts;
}

/**
 * The question's words translated into the corpus's words, or undefined when the question is in the corpus's
 * language or the index cannot translate (an offline index, or one built before translation existed). Two or three
 * consecutive words that together name a lexicon phrase are translated as one ("public transport" → «общественный
 * транспорт»), reported as one entry, when that explains them better than their words alone (`splitRun`).
 */
export async function translateQuestion(index: SearchIndex, text: string, options: TranslationOptions): Promise<WordTranslation[] | undefined> {
  const corpusWords = index.corpusWords;
  if (!corpusWords || !isCrossLingual(text)) return undefined;
  const key = [
    options.translationMinSimilarity,
    options.translationsPerWord,
    options.translationMaxWords,
    options.lexiconTranslationMinSimilarity,
    options.phraseTranslationMinSimilarity,
    options.phraseTranslationMargin,
    text,
  ].join('\u0000');
  return index.cachedTranslation(key, async () => {
    // Region names ("in Tver region") become a filter or frame the question (query-understanding.ts): not words to
    // translate, and no phrase runs across one.
    const runs = firstWords(foreignRuns(withoutMentions(text, index.regionNames.find(text), ' | ')), options.translationMaxWords);
    const words = distinctWords(runs);
    if (words.length === 0) return undefined;
    const phraseTexts = corpusWords.hasPhrases ? [...new Set(runs.flatMap((run) => runPhrases(run).map((p) => p.text)))] : [];
    const vectors = await index.wordVectors([...words, ...phraseTexts]);
    const vectorOf = new Map([...words, ...phraseTexts].map((t, i) => [t, vectors[i]!]));
    const translations = new Map<string, WordTranslation>();
    for (const run of runs) {
      const phrases = runPhrases(run).flatMap(({ start, n, text }): PhraseMatch[] => {
        const vector = vectorOf.get(text);
        const to = vector && corpusWords.nearestPhrase(vector, options.phraseTranslationMinSimilarity);
        return to ? [{ start, n, to }] : [];
      });
      // Only a run with a phrase to weigh needs its words' closest similarities.
      const parts =
        phrases.length > 0
          ? splitRun(run.map((word) => corpusWords.closestWordSimilarity(vectorOf.get(word)!)), phrases, options.phraseTranslationMargin)
          : run.map((_, i) => i);
      for (const part of parts) {
        const word = typeof part === 'number' ? run[part]! : run.slice(part.start, part.start + part.n).join(' ');
        if (translations.has(word)) continue;
        // The corpus's words are one spelling per keyword term (vocabulary.ts): each translation is another word family.
        const to = typeof part === 'number'
          ? corpusWords.nearest(vectorOf.get(word)!, options.translationsPerWord, options.translationMinSimilarity, options.lexiconTranslationMinSimilarity)
          : [part.to];
        translations.set(word, { word, to });
      }
    }
    return [...translations.values()];
  });
}
