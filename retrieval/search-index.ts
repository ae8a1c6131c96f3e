import type { LoadedIndex } from '../indexer/index/load.js';
import type { IndexedDocument } from '../indexer/index/schemas.js';
import { SECTORS, type ConceptModel, type Passage, type Sector } from '../indexer/types.js';
import { abbreviationsFromLexicon, type AbbreviationEntry } from './abbreviations.js';
import { CorpusWords, type WordTranslation } from './cross-lingual.js';
import { KeywordImpacts } from './keyword-impacts.js';
import { RegionNameMatcher } from './region-names.js';
import { splitsAlike, termTokens, type TermToken } from './text.js';
import { LruCache } from './lru-cache.js';
import { termSequence, type TermSequence } from './phrase-proximity.js';
import type { QueryPlan } from './query-understanding.js';

/**
 * Everything the search methods need from one loaded index, with the derived lookups computed once at load:
 * unit vectors by label, regions and their documents, passages in document order, term statistics.
 * A new index (hot reload) means a new SearchIndex; requests in flight keep the one they started with.
 */

export interface EmbedderSummary {
  id: string;
  kind: 'offline' | 'transformers';
  description: string;
}

export interface RegionSummary {
  regionId: string;
  region: string;
  documents: IndexedDocument[];
  passages: number;
  sectors: Record<Sector, number>;
}

/**
 * Passages whose tokens stay cached. Tokenising costs ≈ 2 ms a passage and its tokens ≈ 38 KB (bench/MEMORY.md):
 * 4096 holds the bundled corpus whole and bounds the cache at ≈ 150 MB whatever the corpus size.
 */
const TOKEN_CACHE_PASSAGES = 4096;

/**
 * Passages whose term sequences (what phrase proximity reads, ≈ 1 KB each) stay cached: 32,768, twice the largest
 * corpus the bench measures (16k passages at 100 documents), bound the cache at ≈ 35 MB. With proximity reading the
 * 4096 full token lists instead, hybrid p95 at 100 documents (bench scale section, the evaluation queries asked
 * twice) was ×8.7 that at 5: the queries' candidates evicted each other. Not measured beyond 16k passages.
 */
const TERM_SEQUENCE_CACHE_PASSAGES = 32_768;
/**
 * Sentences whose concept features are kept. An answer reads them only for a region whose best passage has no
 * sentence with the question's words (≈ 20 sentences for 5 regions); an entry is ≈ 2 KB (≈ 25 features and its text,
 * measured on the bundled corpus), so 4,096 bound the cache at ≈ 8 MB. The bundled corpus has 2,938 distinct
 * sentences; computing one afresh costs ≈ 0.1 ms. Set by hand.
 */
const SENTENCE_FEATURE_CACHE_ENTRIES = 4096;

/**
 * Distinct queries whose analysis and embeddings stay cached (`SearchIndex` option `queryCacheEntries`). A repeated
 * query then skips the e5 forward pass (≈ 14 ms of CPU with one ONNX Runtime thread, ≈ 8 ms wall on an idle core),
 * the concept model's query vector and its baseline, and query understanding. An entry holds a plan (≈ 2–5 KB) and
 * up to two vectors (1.5 KB at 384-d, 4 KB at 1024-d): 1024 entries stay under ≈ 12 MB.
 */
export const QUERY_CACHE_ENTRIES = 1024;

export interface SearchIndexOptions {
  /** See `QUERY_CACHE_ENTRIES`; 0 turns the query caches off (every query is analysed and embedded afresh). */
  queryCacheEntries?: number;
}

/**
 * One set of passage vectors (hnsw graph + unit vectors by label, read back from hnsw on first use: hnswlib's
 * getPoint is slow, ~1 ms per vector, so `warmUp` fills the cache in slices; an exact cosine then costs one dot
 * product).
 */
export class VectorSpace {
  private readonly cache: (Float32Array | undefined)[];
  /**
   * Baselines of query vectors still referenced (a cached query vector keeps its baseline; others are collected),
   * with the sample each was measured on.
   */
  private readonly baselines = new WeakMap<Float32Array, { sample: readonly number[]; mean: number; std: number }>();

  constructor(
    readonly hnsw: LoadedIndex['vectors'],
    size: number,
  ) {
    this.cache = new Array<Float32Array | undefined>(size);
  }

  vectorOf(label: number): Float32Array {
    let v = this.cache[label];
    if (!v) this.cache[label] = v = Float32Array.from(this.hnsw.getPoint(label));
    return v;
  }

  cosine(query: Float32Array, label: number): number {
    const v = this.vectorOf(label);
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    return dot;
  }

  /**
   * Mean and spread of the query's similarity to passages in general. A passage is semantically relevant when it
   * stands far above that baseline (a z-score), which works whatever scale the embedder's cosines live on.
   * `sample`: the passages it is measured on (see `SearchIndex.baselineLabels`).
   */
  baseline(query: Float32Array, sample: readonly number[]): { mean: number; std: number } {
    const known = this.baselines.get(query);
    if (known && known.sample === sample) return known;
    let sum = 0;
    let sumSq = 0;
    for (const label of sample) {
      const s = this.cosine(query, label);
      sum += s;
      sumSq += s * s;
    }
    const n = Math.max(1, sample.length);
    const mean = sum / n;
    const baseline = { sample, mean, std: Math.sqrt(Math.max(1e-12, sumSq / n - mean * mean)) };
    this.baselines.set(query, baseline);
    return baseline;
  }
}

/**
 * What a SearchIndex keeps of the loaded index: everything but the lunr index, whose postings live on in
 * `keywordImpacts` (flat arrays) — keeping both held the keyword index twice (bench/MEMORY.md).
 */
export type ServingIndex = Omit<LoadedIndex, 'keyword'>;

export class SearchIndex {
  readonly loaded: ServingIndex;
  readonly passages: readonly Passage[];
  /** The index's embedder's passage vectors. */
  readonly vectors: VectorSpace;
  /** The offline concept model's passage vectors: the primary ones for an offline index, a second set beside a neural model. */
  readonly conceptVectors: VectorSpace | undefined;
  /** The corpus's words with the model's query vectors, for translating a foreign question (neural index only). */
  readonly corpusWords: CorpusWords | undefined;
  readonly regions: readonly RegionSummary[];
  readonly embedder: EmbedderSummary;
  readonly regionNames: RegionNameMatcher;
  readonly abbreviations: readonly AbbreviationEntry[];
  /** Labels of each document's passages in reading order. */
  private readonly documentLabels = new Map<string, number[]>();
  private readonly positionInDocument: Int32Array;
  /** Labels of each region's passages: a region filter then reads its own passages, not the whole corpus. */
  private readonly regionLabels = new Map<string, number[]>();
  private readonly regionLookup = new Map<string, RegionSummary>();
  private readonly documentLookup = new Map<string, IndexedDocument>();
  /** Tokens of each passage with their keyword terms, computed on first use (highlighting, answer sentences). */
  private readonly tokenCache = new LruCache<number, readonly TermToken[]>(TOKEN_CACHE_PASSAGES);
  /** Per passage, whether lunr and our tokenizer split its words alike (`termLookup`), computed on first use. */
  private readonly splitsAlikeCache: (boolean | undefined)[] = [];
  /** Each passage's term sequence, computed on first use (phrase proximity). */
  private readonly termSequenceCache = new LruCache<number, TermSequence>(TERM_SEQUENCE_CACHE_PASSAGES);
  /** Offline-embedder features of sentences by text, computed on first use (answer sentences). */
  private readonly sentenceFeatureCache = new LruCache<string, ReadonlySet<string>>(SENTENCE_FEATURE_CACHE_ENTRIES);
  /** Offline-embedder features of each passage, computed on first use (concept coverage). */
  private readonly featureCache: (Set<string> | undefined)[] = [];
  /** Query plans by options + text, and query vectors by text per space (see `QUERY_CACHE_ENTRIES`); undefined: off. */
  private readonly planCache: LruCache<string, QueryPlan> | undefined;
  private readonly translationCache: LruCache<string, Promise<WordTranslation[] | undefined>> | undefined;
  private readonly queryVectorCache: LruCache<string, Promise<Float32Array>> | undefined;
  private readonly conceptQueryVectorCache: LruCache<string, Promise<Float32Array>> | undefined;
  /** Every keyword term of the index, sorted (for same-root lookups). */
  private readonly vocabulary: string[];
  /** The keyword index as impact-ordered postings (query cost independent of corpus size). */
  readonly keywordImpacts: KeywordImpacts;
  /** Baseline samples by size (see `baselineLabels`). */
  private readonly baselineSamples = new Map<number, number[]>();

  constructor(loaded: LoadedIndex, options: SearchIndexOptions = {}) {
    const { keyword, ...serving } = loaded;
    this.loaded = serving;
    const queryCacheEntries = options.queryCacheEntries ?? QUERY_CACHE_ENTRIES;
    if (!Number.isInteger(queryCacheEntries) || queryCacheEntries < 0) throw new RangeError(`queryCacheEntries must be a whole number ≥ 0, got ${queryCacheEntries}`);
    if (queryCacheEntries > 0) {
      this.planCache = new LruCache(queryCacheEntries);
      this.translationCache = new LruCache(queryCacheEntries);
      this.queryVectorCache = new LruCache(queryCacheEntries);
      this.conceptQueryVectorCache = new LruCache(queryCacheEntries);
    }
    this.passages = loaded.passages;
    const { id, kind, description } = loaded.manifest.embedder;
    this.embedder = { id, kind, description };

    const regions = new Map<string, RegionSummary>();
    for (const doc of loaded.manifest.documents) {
      let region = regions.get(doc.regionId);
      if (!region) {
        region = { regionId: doc.regionId, region: doc.region, documents: [], passages: 0, sectors: emptySectorCounts() };
        regions.set(doc.regionId, region);
      }
      region.documents.push(doc);
      this.documentLookup.set(doc.id.toLowerCase(), doc);
      this.documentLookup.set(doc.file.toLowerCase(), doc);
    }
    this.passages.forEach((p, label) => {
      const region = regions.get(p.regionId);
      if (region) {
        region.passages++;
        region.sectors[p.sector]++;
      }
      let inRegion = this.regionLabels.get(p.regionId);
      if (!inRegion) this.regionLabels.set(p.regionId, (inRegion = []));
      inRegion.push(label);
      let labels = this.documentLabels.get(p.documentId);
      if (!labels) this.documentLabels.set(p.documentId, (labels = []));
      labels.push(label);
    });
    this.positionInDocument = new Int32Array(this.passages.length);
    for (const labels of this.documentLabels.values()) {
      labels.sort((a, b) => this.passages[a]!.ordinal - this.passages[b]!.ordinal);
      labels.forEach((label, i) => (this.positionInDocument[label] = i));
    }
    this.regions = [...regions.values()].sort((a, b) => a.region.localeCompare(b.region, 'ru'));
    // A region's documents in the order of their periods (a strategy before its revision), then by id.
    for (const r of this.regions) r.documents.sort((a, b) => firstYear(a.period) - firstYear(b.period) || a.id.localeCompare(b.id));
    for (const r of this.regions) {
      this.regionLookup.set(r.regionId.toLowerCase(), r);
      this.regionLookup.set(normaliseName(r.region), r);
    }
    this.regionNames = new RegionNameMatcher(this.regions);
    this.abbreviations = abbreviationsFromLexicon(loaded.lexicon);
    this.keywordImpacts = new KeywordImpacts(keyword, this.passages.length);
    this.vocabulary = this.keywordImpacts.terms().sort();

    this.vectors = new VectorSpace(loaded.vectors, this.passages.length);
    const words = loaded.vocabulary;
    this.corpusWords = words && loaded.embedder.embedQueries ? new CorpusWords(words.words, words.vectors, words.dimension, words.lexiconFrom) : undefined;
    this.conceptVectors = loaded.concepts
      ? new VectorSpace(loaded.concepts.vectors, this.passages.length)
      : loaded.embedder.conceptModel
        ? this.vectors
        : undefined;
  }

  /**
   * An evenly spread sample of about `size` passages for the semantic baseline: fixed, so the same query always
   * gets the same relevance (see `VectorSpace.baseline`).
   */
  baselineLabels(size: number): readonly number[] {
    let labels = this.baselineSamples.get(size);
    if (!labels) {
      const step = Math.max(1, Math.floor(this.passages.length / size));
      labels = [];
      for (let label = 0; label < this.passages.length; label += step) labels.push(label);
      this.baselineSamples.set(size, labels);
    }
    return labels;
  }

  get size(): number {
    return this.passages.length;
  }

  /**
   * A region by id (`novgorod`) or its Russian name in any case and letter case («Новгородской области», «в
   * Тюмени», «ХМАО»): the table of subjects knows every form (see region-names.ts).
   */
  findRegion(idOrName: string): RegionSummary | undefined {
    const direct = this.regionLookup.get(idOrName.trim().toLowerCase()) ?? this.regionLookup.get(normaliseName(idOrName));
    if (direct) return direct;
    const named = this.regionNames.resolve(idOrName);
    return named ? this.regionLookup.get(named.regionId.toLowerCase()) : undefined;
  }

  /** A document by id (`tyumen-revision-2024`) or file name (any letter case). */
  findDocument(idOrFile: string): IndexedDocument | undefined {
    return this.documentLookup.get(idOrFile.trim().toLowerCase());
  }

  /** Labels of the passages of these documents (ids), in label order. */
  labelsOfDocuments(documentIds: Iterable<string>): number[] {
    const labels: number[] = [];
    for (const id of documentIds) labels.push(...(this.documentLabels.get(id) ?? []));
    return labels.sort((a, b) => a - b);
  }

  labelOf(passageId: string): number | undefined {
    return this.loaded.passageIndexById.get(passageId);
  }

  /** Labels of the passages of these regions (ids), in label order. */
  labelsOfRegions(regionIds: Iterable<string>): number[] {
    const labels: number[] = [];
    for (const id of regionIds) labels.push(...(this.regionLabels.get(id) ?? []));
    return labels.sort((a, b) => a - b);
  }

  /** Labels of the passages around `label` in its document: up to `before` preceding and `after` following. */
  neighbours(label: number, before: number, after: number): { previous: number[]; next: number[] } {
    const labels = this.documentLabels.get(this.passages[label]!.documentId) ?? [];
    const at = this.positionInDocument[label]!;
    return { previous: labels.slice(Math.max(0, at - before), at), next: labels.slice(at + 1, at + 1 + after) };
  }

  /** The passage's tokens with character offsets and keyword terms (cached: passages never change). */
  tokensOf(label: number): readonly TermToken[] {
    let tokens = this.tokenCache.get(label);
    if (!tokens) {
      tokens = termTokens(this.passages[label]!.text);
      this.tokenCache.set(label, tokens);
    }
    return tokens;
  }

  /**
   * Whether the passage holds a keyword term, as its tokens would say, without tokenising it when that can be
   * avoided (phrase proximity asks it of every candidate). The keyword index's own per-passage terms answer for a
   * passage whose every word splits the same way for lunr and for our tokenizer (`splitsAlike`); the others
   * ("ГосуслугиДом", "ИТ‑специалист" with a non-breaking hyphen, "услуг,цифровых": 70 of the 803 bundled passages
   * differ, 165 are set aside to be safe) answer from their term sequence.
   */
  termLookup(label: number): { has(term: string): boolean } {
    let alike = this.splitsAlikeCache[label];
    if (alike === undefined) alike = this.splitsAlikeCache[label] = splitsAlike(this.passages[label]!.text);
    if (alike) return { has: (term) => this.keywordImpacts.passageHas(label, term) };
    // A few lookups per question: scanning the cached sequence costs less than building a set of it each time.
    const { terms } = this.termSequenceOf(label);
    return { has: (term) => terms.includes(term) };
  }

  /** The passage's keyword terms in reading order with their token positions (cached; see `TermSequence`). */
  termSequenceOf(label: number): TermSequence {
    let sequence = this.termSequenceCache.get(label);
    if (!sequence) {
      sequence = termSequence(this.tokenCache.get(label) ?? termTokens(this.passages[label]!.text));
      this.termSequenceCache.set(label, sequence);
    }
    return sequence;
  }

  /**
   * The offline concept model (the index's embedder, or the one kept beside a neural model): it can explain a query
   * as concepts (see concept-model-coverage.ts).
   */
  get conceptEmbedder(): ConceptModel | undefined {
    return this.loaded.embedder.conceptModel ?? this.loaded.concepts?.embedder;
  }

  /**
   * The query plan for `key` (the caller's options and text), computed by `understand` unless cached. Plans are
   * shared between requests: nothing downstream may change one.
   */
  cachedPlan(key: string, understand: () => QueryPlan): QueryPlan {
    let plan = this.planCache?.get(key);
    if (!plan) {
      plan = understand();
      this.planCache?.set(key, plan);
    }
    return plan;
  }

  /**
   * A foreign question's translation for `key` (its text and settings), computed by `translate` unless cached: the
   * nearest-word search reads every corpus word's vector (≈ 0.6 ms a word), too much to repeat for a repeated query.
   */
  cachedTranslation(key: string, translate: () => Promise<WordTranslation[] | undefined>): Promise<WordTranslation[] | undefined> {
    return cachedPromise(this.translationCache, key, translate);
  }

  /** The index embedder's vector for a query text (cached; concurrent requests for one text share one embedding). */
  queryVector(text: string): Promise<Float32Array> {
    return cachedPromise(this.queryVectorCache, text, () => this.loaded.embedder.embedQuery(text));
  }

  /**
   * The index embedder's query vectors of several short texts (a foreign question's words), embedded together in
   * one forward pass; each cached like `queryVector`, which they share.
   */
  async wordVectors(words: readonly string[]): Promise<Float32Array[]> {
    const embedQueries = this.loaded.embedder.embedQueries?.bind(this.loaded.embedder);
    if (!embedQueries) throw new Error(`${this.embedder.id} cannot embed several queries at once`);
    const vectors = words.map((w) => this.queryVectorCache?.get(w));
    const missing = words.flatMap((_, i) => (vectors[i] ? [] : [i]));
    if (missing.length > 0) {
      const batch = embedQueries(missing.map((i) => words[i]!));
      missing.forEach((i, j) => {
        const vector = batch.then((embedded) => embedded[j]!);
        vectors[i] = cachedPromise(this.queryVectorCache, words[i]!, () => vector);
      });
    }
    return Promise.all(vectors as Promise<Float32Array>[]);
  }

  /** The offline concept model's vector for a query text (cached), or undefined when the index has no concept model. */
  conceptQueryVector(text: string): Promise<Float32Array> | undefined {
    const embedder = this.conceptEmbedder;
    if (!embedder) return undefined;
    // An offline index's concept model is its embedder: one vector serves both.
    if (this.loaded.embedder.conceptModel) return this.queryVector(text);
    return cachedPromise(this.conceptQueryVectorCache, text, () => embedder.embedQuery(text));
  }

  /** The offline embedder's features of a text on its own (a sentence; cached), or undefined for other embedders. */
  sentenceFeatures(text: string): ReadonlySet<string> | undefined {
    const embedder = this.conceptEmbedder;
    if (!embedder) return undefined;
    let features = this.sentenceFeatureCache.get(text);
    if (!features) this.sentenceFeatureCache.set(text, (features = embedder.textFeatureSet(text)));
    return features;
  }

  /** The offline embedder's feature set of a passage (cached), or undefined for other embedders. */
  passageFeatures(label: number): ReadonlySet<string> | undefined {
    const embedder = this.conceptEmbedder;
    if (!embedder) return undefined;
    let features = this.featureCache[label];
    if (!features) this.featureCache[label] = features = embedder.passageFeatureSet(this.passages[label]!);
    return features;
  }

  vectorOf(label: number): Float32Array {
    return this.vectors.vectorOf(label);
  }

  /** Reads every vector into the cache, a slice at a time, yielding to requests in between. */
  async warmUp(slice = 32): Promise<void> {
    for (let start = 0; start < this.passages.length; start += slice) {
      for (let label = start; label < Math.min(this.passages.length, start + slice); label++) {
        this.vectorOf(label);
        if (this.conceptVectors !== this.vectors) this.conceptVectors?.vectorOf(label);
        this.passageFeatures(label);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  cosine(query: Float32Array, label: number): number {
    return this.vectors.cosine(query, label);
  }

  /**
   * Index terms of the same root as `term`: Snowball leaves "телемедицина" and "телемедицинских" with different
   * stems (телемедицин / телемедицинск). Accepts terms extending a long stem by a short suffix, or long terms the
   * stem extends. Stems under `minStem` letters are left alone ("школ" must not reach "школьник" this way);
   * `sameRootMinStem` and `sameRootMaxSuffix` in options.ts.
   */
  sameRootTerms(term: string, minStem: number, maxSuffix: number): string[] {
    const found: string[] = [];
    if (term.length >= minStem) {
      // Terms starting with `term`: a contiguous run in the sorted vocabulary.
      let lo = 0;
      let hi = this.vocabulary.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.vocabulary[mid]! < term) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(term); i++) {
        const v = this.vocabulary[i]!;
        if (v !== term && v.length - term.length <= maxSuffix) found.push(v);
      }
    }
    for (let len = Math.max(minStem, term.length - maxSuffix); len < term.length; len++) {
      const prefix = term.slice(0, len);
      if (this.keywordImpacts.hasTerm(prefix)) found.push(prefix);
    }
    return found;
  }

  hasTerm(term: string): boolean {
    return this.keywordImpacts.hasTerm(term);
  }

  /** BM25-style inverse document frequency of a keyword term; unseen terms get the maximum. */
  idf(term: string): number {
    const n = this.passages.length;
    const df = this.keywordImpacts.documentFrequency(term);
    return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
  }
}

/** `embed()` through `cache` (when on): the pending promise is cached, and forgotten if it fails. */
function cachedPromise<T>(cache: LruCache<string, Promise<T>> | undefined, text: string, embed: () => Promise<T>): Promise<T> {
  if (!cache) return embed();
  let pending = cache.get(text);
  if (!pending) {
    pending = embed();
    cache.set(text, pending);
    pending.catch(() => cache.delete(text));
  }
  return pending;
}

function emptySectorCounts(): Record<Sector, number> {
  return Object.fromEntries(SECTORS.map((s) => [s, 0])) as Record<Sector, number>;
}

/** The first year a period names («2022-2024», «до 2030» → 2030); documents without one sort last. */
function firstYear(period: string | undefined): number {
  const year = /\d{4}/.exec(period ?? '');
  return year ? Number(year[0]) : Number.MAX_SAFE_INTEGER;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
