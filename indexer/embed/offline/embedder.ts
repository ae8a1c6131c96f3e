/**
 * The offline embedder (`offline-concept@1`): needs no download. It is fitted on the corpus at index time
 * (vocabulary and IDF of lemma and concept features, abbreviations the corpus defines), saved as `embedder.json`,
 * and restored by the server to embed queries in the same space.
 *
 * Vector = sparse random projection of TF-IDF weighted concept features (see `features.ts`), L2-normalised, so
 * cosine similarity in hnswlib approximates the cosine of the sparse vectors.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { extractAbbreviations } from '../../nlp/abbreviations.js';
import { DOMAIN_CONCEPTS } from '../../nlp/domain-lexicon.js';
import { initMorphology, stem } from '../../nlp/morphology.js';
import { loadThesaurus } from '../../nlp/thesaurus.js';
import type { ConceptModel, Embedder, Passage, PassageForEmbedding } from '../../types.js';
import { compileConcepts, contentLemmas } from './concepts.js';
import {
  DEFAULT_FEATURE_WEIGHTS,
  passageFeatures,
  textFeatures,
  queryConceptUnits,
  queryFeatures,
  type AbbreviationLemmas,
  type QueryConceptUnit,
  type FeatureContext,
  type FeatureCounts,
  type FeatureWeights,
  type QueryThesaurus,
  type ThesaurusScope,
  type QueryVocabulary,
} from './features.js';
import { SparseProjection } from './projection.js';

export const OFFLINE_EMBEDDER_ID = 'offline-concept@1';

const PREFIX_BUCKET = 4;
const MAX_PREFIX_MATCHES = 4;

export interface OfflineEmbedderOptions {
  /** Vector dimension. Default 1024 (measured: 512 loses ~0.02 P@10 to projection noise, 2048 gains ~0.01 more). */
  dimension?: number;
  /** Non-zero projection entries per feature. Default 8. */
  projectionNonZeros?: number;
  /** Projection seed; any fixed number gives a deterministic embedder. Default 20240531. */
  seed?: number;
  /** Feature weights; unspecified ones take `DEFAULT_FEATURE_WEIGHTS`. */
  weights?: Partial<FeatureWeights>;
  /**
   * Which query words are expanded with thesaurus synonyms (mythes-ru). Default `unknown-words`: only words nothing
   * else expresses ("ревизия" → "проверка", "детвора" → "дети"). Measured, `all-words` pulls in wrong senses of
   * polysemous words ("бумажка" → "деньги") and lowers precision; `off` leaves such words unanswerable.
   */
  thesaurus?: ThesaurusScope;
  /** Features seen in fewer passages are dropped (typos, page debris). Default 1 (keep all). */
  minDocumentFrequency?: number;
}

const weightsSchema = z.object({
  hyphenPart: z.number(),
  sectionTitle: z.number(),
  parentTitle: z.number(),
  sectionConcept: z.number(),
  sectorConcept: z.number(),
  abbreviation: z.number(),
  conceptScale: z.number(),
  querySynonym: z.number(),
  querySynonymOfUnknown: z.number(),
  queryStemMatch: z.number(),
  queryConcept: z.number(),
  queryRing: z.number(),
  queryVerb: z.number(),
});

export const offlineEmbedderStateSchema = z.object({
  format: z.literal('offline-concept'),
  id: z.literal(OFFLINE_EMBEDDER_ID),
  dimension: z.number().int().min(16).max(8192),
  projectionNonZeros: z.number().int().min(1).max(64),
  seed: z.number().int(),
  thesaurus: z.enum(['off', 'unknown-words', 'all-words']),
  weights: weightsSchema,
  documentCount: z.number().int().positive(),
  /** Feature name → number of passages that have it. */
  documentFrequency: z.record(z.string(), z.number().int().positive()),
  abbreviations: z.array(z.object({ abbreviation: z.string().min(1), expansion: z.array(z.string()) })),
  /** Hash of the domain lexicon the state was fitted with: a different lexicon would embed queries differently. */
  lexiconHash: z.string(),
});
export type OfflineEmbedderState = z.infer<typeof offlineEmbedderStateSchema>;

export function domainLexiconHash(): string {
  return createHash('sha256').update(JSON.stringify(DOMAIN_CONCEPTS)).digest('hex').slice(0, 16);
}

function toEmbeddingInput(passage: Passage | PassageForEmbedding): PassageForEmbedding {
  return 'section' in passage
    ? { text: passage.text, sectionPath: passage.section.path, sector: passage.sector }
    : passage;
}

export class OfflineConceptEmbedder implements Embedder {
  readonly id = OFFLINE_EMBEDDER_ID;
  readonly kind = 'offline' as const;
  readonly dimension: number;
  readonly description: string;
  /** Changes whenever the vectors would: a hash of the full state (corpus statistics included). */
  readonly fingerprint: string;

  private readonly context: FeatureContext;
  private readonly projection: SparseProjection;
  private readonly idf = new Map<string, number>();
  private readonly stems = new Map<string, string[]>();
  /** Corpus words by their first 4 letters, for prefix matching of unknown query words. */
  private readonly prefixes = new Map<string, string[]>();
  private readonly synonyms: QueryThesaurus | null;

  /** Use `fitOfflineEmbedder` or `loadOfflineEmbedder`; morphology must be initialised. */
  constructor(private readonly state: OfflineEmbedderState) {
    this.dimension = state.dimension;
    this.description =
      'Offline concept embedder: lemmas (OpenCorpora morphology), section and sector labels, abbreviations, ' +
      `a digital-government domain lexicon${state.thesaurus === 'off' ? '' : ' and the mythes-ru thesaurus'}, fitted on the corpus; ` +
      'no neural model';
    this.fingerprint = `${OFFLINE_EMBEDDER_ID}:${createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16)}`;
    this.context = { concepts: compileConcepts(), weights: state.weights, abbreviations: state.abbreviations };
    this.projection = new SparseProjection({ dimension: state.dimension, nonZeros: state.projectionNonZeros, seed: state.seed });
    const n = state.documentCount;
    for (const [feature, df] of Object.entries(state.documentFrequency)) {
      this.idf.set(feature, Math.log(1 + n / df));
      if (feature.startsWith('w:')) {
        const key = stem(feature.slice(2));
        const list = this.stems.get(key) ?? [];
        list.push(feature);
        this.stems.set(key, list);
        const head = feature.slice(2, 2 + PREFIX_BUCKET);
        if (head.length === PREFIX_BUCKET) this.prefixes.set(head, [...(this.prefixes.get(head) ?? []), feature]);
      }
    }
    this.synonyms = state.thesaurus === 'off' ? null : { thesaurus: loadThesaurus(), scope: state.thesaurus };
  }

  /** This embedder explains queries as concepts (see `ConceptModel`). */
  get conceptModel(): ConceptModel {
    return this;
  }

  /** The state to save as `embedder.json`. */
  toJSON(): OfflineEmbedderState {
    return this.state;
  }

  /** TF-IDF weighted sparse features of a passage (for inspection and highlighting). */
  passageVector(passage: PassageForEmbedding): Map<string, number> {
    return this.weigh(passageFeatures(passage, this.context), (tf) => Math.log(1 + tf));
  }

  /** IDF weighted sparse features of a query, after synonym/concept/abbreviation expansion. */
  queryVector(query: string): Map<string, number> {
    const vocabulary: QueryVocabulary = {
      has: (feature) => this.idf.has(feature),
      byStem: (key) => this.stems.get(key) ?? [],
      byPrefix: (lemma) => this.similarByPrefix(lemma),
    };
    return this.weigh(queryFeatures(query, this.context, vocabulary, this.synonyms, stem), (tf) => tf);
  }

  /**
   * The query's content words with the corpus features that express each (see `QueryConceptUnit`) and a weight
   * (idf of the word, or of what expresses it; a word the corpus cannot express at all weighs `unknownIdf`).
   * The server judges "does this passage answer the question" by the weighted share of units a passage covers.
   */
  queryConcepts(query: string): (QueryConceptUnit & { weight: number })[] {
    const vocabulary: QueryVocabulary = {
      has: (feature) => this.idf.has(feature),
      byStem: (key) => this.stems.get(key) ?? [],
      byPrefix: (lemma) => this.similarByPrefix(lemma),
    };
    return queryConceptUnits(query, this.context, vocabulary, this.synonyms, stem).map((unit) => {
      const idfs = unit.features.map((f) => this.idf.get(f) ?? 0);
      const direct = unit.known ? this.idf.get(`w:${unit.lemma}`)! : idfs.length > 0 ? idfs.reduce((a, b) => a + b, 0) / idfs.length : this.unknownIdf;
      return { ...unit, weight: direct * (unit.verbal ? this.state.weights.queryVerb : 1) };
    });
  }

  /** idf of a feature seen once: what a word the corpus never uses weighs. */
  get unknownIdf(): number {
    return Math.log(1 + this.state.documentCount);
  }

  /** The features of a text on its own, without a section's or sector's (which query concept units a sentence covers). */
  textFeatureSet(text: string): Set<string> {
    return new Set(textFeatures(text, this.context).keys());
  }

  /** The set of features of a passage (which query concept units it covers). */
  passageFeatureSet(passage: Passage | PassageForEmbedding): Set<string> {
    return new Set(passageFeatures(toEmbeddingInput(passage), this.context).keys());
  }

  async embedPassages(passages: PassageForEmbedding[]): Promise<Float32Array[]> {
    return passages.map((passage) => this.projectOrFallback(this.passageVector(passage), passage.text));
  }

  async embedQuery(query: string): Promise<Float32Array> {
    return this.projectOrFallback(this.queryVector(query), query);
  }

  /**
   * Corpus words sharing with `lemma` a prefix of at least 70% of the shorter word (and ≥ 5 letters): word-family
   * members the dictionary lemmatises differently ("льготник" ~ "льготный", "неотложка" ~ "неотложный").
   */
  private similarByPrefix(lemma: string): string[] {
    if (lemma.length < 5) return [];
    const matches: [string, number][] = [];
    for (const feature of this.prefixes.get(lemma.slice(0, PREFIX_BUCKET)) ?? []) {
      const word = feature.slice(2);
      let common = 0;
      while (common < word.length && common < lemma.length && word[common] === lemma[common]) common += 1;
      if (common >= 5 && common >= Math.ceil(0.7 * Math.min(word.length, lemma.length))) matches.push([feature, common]);
    }
    return matches
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_PREFIX_MATCHES)
      .map(([feature]) => feature);
  }

  private weigh(raw: FeatureCounts, tf: (count: number) => number): Map<string, number> {
    const weighted = new Map<string, number>();
    for (const [feature, count] of raw) {
      const idf = this.idf.get(feature);
      if (idf === undefined) continue;
      const scale = feature.startsWith('c:') ? this.state.weights.conceptScale : 1;
      weighted.set(feature, tf(count) * idf * scale);
    }
    return weighted;
  }

  /**
   * A text with no known feature still needs a unit vector: its own unknown words, projected, point in random
   * directions nearly orthogonal to every passage, so similarity stays near zero (low confidence) instead of NaN.
   */
  private projectOrFallback(features: Map<string, number>, text: string): Float32Array {
    if (features.size > 0) return this.projection.project(features);
    const words = contentLemmas(text).map((lemma): [string, number] => [`unknown:${lemma}`, 1]);
    return this.projection.project(words.length > 0 ? words : [['unknown:<empty>', 1]]);
  }
}

/**
 * Fits the offline embedder on the corpus: document frequencies of every feature, abbreviations the corpus
 * defines. Deterministic: the same passages and options give the same state and vectors.
 */
export async function fitOfflineEmbedder(
  passages: readonly (Passage | PassageForEmbedding)[],
  options: OfflineEmbedderOptions = {},
): Promise<OfflineConceptEmbedder> {
  if (passages.length === 0) throw new Error('Cannot fit the offline embedder on an empty corpus.');
  await initMorphology();
  const inputs = passages.map(toEmbeddingInput);
  const abbreviations: AbbreviationLemmas[] = extractAbbreviations(inputs.map((p) => p.text))
    .map((pair) => ({ abbreviation: pair.abbreviation.toLowerCase().replace(/ё/g, 'е'), expansion: contentLemmas(pair.expansion) }))
    .filter((pair) => !pair.abbreviation.includes(' ') && pair.expansion.length >= 2);
  const weights: FeatureWeights = { ...DEFAULT_FEATURE_WEIGHTS, ...options.weights };
  const context: FeatureContext = { concepts: compileConcepts(), weights, abbreviations };

  const documentFrequency = new Map<string, number>();
  for (const passage of inputs) {
    for (const feature of passageFeatures(passage, context).keys()) {
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
  }
  const minDf = options.minDocumentFrequency ?? 1;
  const sorted = [...documentFrequency.entries()]
    .filter(([, df]) => df >= minDf)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const state: OfflineEmbedderState = {
    format: 'offline-concept',
    id: OFFLINE_EMBEDDER_ID,
    dimension: options.dimension ?? 1024,
    projectionNonZeros: options.projectionNonZeros ?? 8,
    seed: options.seed ?? 20240531,
    thesaurus: options.thesaurus ?? 'unknown-words',
    weights,
    documentCount: inputs.length,
    documentFrequency: Object.fromEntries(sorted),
    abbreviations,
    lexiconHash: domainLexiconHash(),
  };
  return new OfflineConceptEmbedder(state);
}

/**
 * Restores a fitted embedder from `embedder.json`. Throws with the reason when the state is malformed or was
 * fitted with a different domain lexicon (the index must then be rebuilt).
 */
export async function loadOfflineEmbedder(raw: unknown): Promise<OfflineConceptEmbedder> {
  const parsed = offlineEmbedderStateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `embedder.json is not a valid offline embedder state (${issue?.path.join('.') || 'root'}: ${issue?.message}). ` +
        'Rebuild the index with: npm run index',
    );
  }
  if (parsed.data.lexiconHash !== domainLexiconHash()) {
    throw new Error(
      'embedder.json was fitted with a different domain lexicon than this version of the code. Rebuild the index with: npm run index',
    );
  }
  await initMorphology();
  return new OfflineConceptEmbedder(parsed.data);
}
