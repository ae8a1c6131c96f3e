import { z } from 'zod';
import { DOMAIN_CONCEPTS, type DomainConcept } from '../nlp/domain-lexicon.js';
import type { Embedder, Passage } from '../types.js';
import { EmbeddingCache } from './embedding-cache.js';
import { keywordTerms } from './keyword.js';

/**
 * The corpus's own words embedded as queries by the neural model, so that a question in another language can be
 * translated word by word into the words the texts use (retrieval/cross-lingual.ts): the multilingual model puts
 * "telemedicine" next to «телемедицинских» and "teachers" next to «учителей». One word per keyword term (its most
 * frequent spelling), so a word family is embedded once. After them come the domain lexicon's terms that the corpus
 * expresses, in dictionary form and with its phrases ("hackers" → «хакер», "public transport" → «общественный
 * транспорт»): a target the model matches more closely than an inflected corpus form.
 */

export interface VocabularyOptions {
  /** A word is embedded when it occurs at least this often in the corpus. Default 3: rarer forms are mostly names, typos and glued words of flattened texts. */
  minCount?: number;
  /** Shortest word embedded, in letters, but for acronyms in capitals («ИТ», «МФЦ»). Default 4: shorter words are mostly prepositions. */
  minLength?: number;
}

export const DEFAULT_VOCABULARY_MIN_COUNT = 3;
export const DEFAULT_VOCABULARY_MIN_LENGTH = 4;

/** Written to the index folder as `vocabulary.json`. */
export const vocabularyFileSchema = z
  .object({
    dimension: z.number().int().positive(),
    words: z.array(z.string().min(1)),
    /** Little-endian float32 vectors, `words.length × dimension`, base64. */
    vectors: z.string(),
    /** `words` from this position on are domain-lexicon terms (absent in indexes built before 2026-12-07: none). */
    lexiconFrom: z.number().int().min(0).optional(),
  })
  .transform((file, ctx) => {
    const lexiconFrom = file.lexiconFrom ?? file.words.length;
    if (lexiconFrom > file.words.length) {
      ctx.addIssue({ code: 'custom', message: `lexiconFrom ${lexiconFrom} is past the ${file.words.length} words` });
      return z.NEVER;
    }
    const bytes = Buffer.from(file.vectors, 'base64');
    if (bytes.byteLength !== file.words.length * file.dimension * 4) {
      ctx.addIssue({ code: 'custom', message: `vectors hold ${bytes.byteLength} bytes, ${file.words.length} words × ${file.dimension} dimensions need ${file.words.length * file.dimension * 4}` });
      return z.NEVER;
    }
    const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { dimension: file.dimension, words: file.words, vectors, lexiconFrom };
  });
export type Vocabulary = z.output<typeof vocabularyFileSchema>;

/** Cyrillic words of the corpus worth embedding: one spelling (the most frequent) per keyword term. */
export function collectVocabulary(passages: readonly Pick<Passage, 'text'>[], options: VocabularyOptions = {}): string[] {
  const minCount = options.minCount ?? DEFAULT_VOCABULARY_MIN_COUNT;
  const minLength = options.minLength ?? DEFAULT_VOCABULARY_MIN_LENGTH;
  const counts = new Map<string, number>();
  for (const p of passages) {
    for (const written of p.text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').match(/\p{Script=Cyrillic}+/gu) ?? []) {
      // An acronym keeps its capitals («ИТ», «МФЦ»): the model reads «ит» as something else.
      const acronym = written.length >= 2 && written.length < minLength && written === written.toUpperCase();
      if (acronym || written.length >= minLength) {
        const word = acronym ? written : written.toLowerCase();
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  const byTerm = new Map<string, { word: string; count: number; total: number }>();
  for (const [word, count] of counts) {
    const terms = keywordTerms(word);
    if (terms.length !== 1) continue; // a stop word
    const entry = byTerm.get(terms[0]!);
    if (!entry) byTerm.set(terms[0]!, { word, count, total: count });
    else {
      entry.total += count;
      if (count > entry.count || (count === entry.count && word < entry.word)) Object.assign(entry, { word, count });
    }
  }
  return [...byTerm.values()]
    .filter((e) => e.total >= minCount)
    .map((e) => e.word)
    .sort();
}

/**
 * The domain lexicon's terms in Cyrillic whose every keyword term occurs in the corpus (a term the texts never use
 * would translate a question into words no passage holds), without the corpus words already collected.
 */
export function collectLexiconTerms(passages: readonly Pick<Passage, 'text'>[], corpusWords: readonly string[], concepts: readonly DomainConcept[] = DOMAIN_CONCEPTS): string[] {
  const present = new Set<string>();
  const acronyms = new Set<string>();
  for (const p of passages) {
    for (const term of keywordTerms(p.text)) present.add(term);
    for (const written of p.text.match(ACRONYM) ?? []) acronyms.add(written);
  }
  const taken = new Set(corpusWords);
  const terms = new Set<string>();
  for (const concept of concepts) {
    for (const term of concept.terms) {
      if (/\p{Script=Latin}/u.test(term) || taken.has(term)) continue;
      const parts = keywordTerms(term);
      // An acronym must be written as such: its stem alone may be a common word's («СВО» and «своих» share «сво»).
      if (parts.length > 0 && parts.every((t) => present.has(t)) && (term.match(ACRONYM) ?? []).every((a) => acronyms.has(a))) terms.add(term);
    }
  }
  return [...terms].sort();
}

/** A Cyrillic word in capitals (an acronym: «СВО», «МФЦ»). */
const ACRONYM = /(?<!\p{L})\p{Lu}{2,}(?!\p{L})/gu;

/** What a neural index embeds for cross-lingual questions: the corpus's words, then the lexicon's terms it expresses. */
export function vocabularyEntries(passages: readonly Pick<Passage, 'text'>[], options: VocabularyOptions = {}): { words: string[]; lexiconTerms: string[] } {
  const words = collectVocabulary(passages, options);
  return { words, lexiconTerms: collectLexiconTerms(passages, words) };
}

/** Query embeddings of the corpus's words, then the lexicon's terms (cached across rebuilds beside the passage embeddings). */
export async function embedVocabulary(
  embedder: Required<Pick<Embedder, 'embedQueries'>> & Pick<Embedder, 'dimension'>,
  fingerprint: string,
  entries: { words: readonly string[]; lexiconTerms: readonly string[] },
  cacheDir: string,
  onProgress?: (done: number, total: number) => void,
  batchSize = 64,
): Promise<Vocabulary> {
  const words = [...entries.words, ...entries.lexiconTerms];
  const cache = await EmbeddingCache.open(cacheDir, `${fingerprint}|query-words`, embedder.dimension);
  const keys = words.map((w) => EmbeddingCache.key(['query', w]));
  const missing = words.map((_, i) => i).filter((i) => !cache.get(keys[i]!));
  onProgress?.(words.length - missing.length, words.length);
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const vectors = await embedder.embedQueries(batch.map((i) => words[i]!));
    batch.forEach((i, j) => cache.set(keys[i]!, vectors[j]!));
    onProgress?.(words.length - missing.length + start + batch.length, words.length);
  }
  await cache.save(new Set(keys));
  const vectors = new Float32Array(words.length * embedder.dimension);
  keys.forEach((k, i) => vectors.set(cache.get(k)!, i * embedder.dimension));
  return { dimension: embedder.dimension, words, vectors, lexiconFrom: entries.words.length };
}

/** `vocabulary.json` content. */
export function serializeVocabulary(vocabulary: Vocabulary): string {
  const { dimension, words, vectors, lexiconFrom } = vocabulary;
  return JSON.stringify({ dimension, words, vectors: Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength).toString('base64'), lexiconFrom });
}
