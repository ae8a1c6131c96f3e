import { z } from 'zod';

/**
 * Every ranking setting of the retrieval core in one place: weights, thresholds, pool sizes and depths, each with
 * its default and how it was measured. Nothing else in retrieval/ holds a ranking constant; the server's config
 * (`--retrieval` / env `RETRIEVAL`), the search methods' `retrieval` parameter and the eval/bench runners override
 * them by name (`{ alpha: 0.4 }`).
 *
 * "Measured" numbers are `npm run eval` (tests/eval/README.md) on the bundled corpus: P@10 = hybrid precision@10,
 * main = queries.json, held-out N = heldout-probes(-N).json; "offline" / "e5" = the embedder of the index. With
 * these defaults (2026-11-30): hybrid P@10 main 0.629 offline / 0.699 e5, region coverage 0.775 / 0.840.
 */

export const SEARCH_MODES = ['hybrid', 'keyword', 'semantic'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export const FUSION_METHODS = ['convex', 'rrf'] as const;
export type FusionMethod = (typeof FUSION_METHODS)[number];

export interface RetrievalOptions {
  // ── Legs and fusion ────────────────────────────────────────────────────────────────────────────────────────────
  /** Which legs rank: both fused, keyword (BM25) only, or semantic (vectors) only. Default `hybrid`. */
  mode: SearchMode;
  /**
   * Fusion function of the hybrid mode (see methods/search-hybrid.ts). Default `convex`. Measured (`npm run eval --
   * --sweep`, 122 queries, offline, 2026-11-22): P@10 overall / paraphrases: convex α=0.3 0.678 / 0.387, α=0.4
   * 0.673 / 0.345, α=0.5 0.670 / 0.323, rrf 0.646 / 0.281, adaptive α=0.4 0.700 / 0.429, **adaptive α=0.5 0.702 /
   * 0.426** (best overall and on abbreviations, ≥ keyword-only on every kind).
   */
  fusion: FusionMethod;
  /** Weight of the keyword leg in `convex` fusion, 0..1. Default 0.5 (the sweep under `fusion`). */
  alpha: number;
  /** Rank offset of `rrf`; larger flattens the rank curve. Default 60 (Cormack et al. 2009; not swept here). */
  rrfK: number;
  /**
   * `convex` only: `alpha` is scaled by the best keyword coverage in the pool, so when the question's words are not
   * in the texts (a paraphrase) the semantic leg decides. Default true (the sweep under `fusion`).
   */
  adaptiveAlpha: boolean;
  /**
   * Neural index only: weight of the offline concept model's vectors (kept beside the model, see build.ts) in the
   * semantic leg, `(1 − w) · minmax(model cosine) + w · minmax(concept cosine)`; 0 for a question in another
   * language (the concept model reads Russian only). Default 0.7. Measured (e5, P@10 main / held-out 1 / held-out
   * 2): w=0 0.604 / 0.153 / 0.400, 0.3 0.681 / 0.280 / 0.568, 0.5 0.721 / 0.327 / 0.643, **0.7 0.731 / 0.387 /
   * 0.654**, 0.85 0.731 / 0.387 / 0.630. 0 turns the concept vectors off (concept-model coverage still counts).
   */
  conceptWeight: number;
  /**
   * Keyword and hybrid modes: the ranking score gains `proximityBoost · proximity` (share of the question's
   * neighbouring words that stand together in the passage, see phrase-proximity.ts), then is rescaled to 0..1.
   * Default 0.2. Measured (offline): P@10 on exact terms 0.844 → 0.863 and on topics 0.653 → 0.679, topic region
   * coverage 0.885 → 0.927; 0.4 trades abbreviations for topics; neutral on held-out 2 (0.508 → 0.505).
   */
  proximityBoost: number;
  /** Two words count as together when at most this many tokens apart (either order). Default 3; not swept. */
  proximityWindow: number;

  // ── Candidate pools and depths ──────────────────────────────────────────────────────────────────────────────────
  /**
   * Candidates taken from each leg, at least: a search for k results takes `max(pool, poolPerResult · k)`, ask takes
   * `pool`. Default 100: twice what recall@50 reads; set by hand, not swept.
   */
  pool: number;
  /** See `pool`. Default 3 (k = 100 takes 300 candidates); set by hand, not swept. */
  poolPerResult: number;
  /**
   * When results are grouped by region (grouped search, ask): extra candidates per region from each leg, at least,
   * so every region is represented; a grouped search for k per region takes `max(regionPool, regionPoolPerResult ·
   * k)`. Default 10; not swept (ask shows 4 passages per region, a grouped search 10).
   */
  regionPool: number;
  /** See `regionPool`. Default 2; not swept. */
  regionPoolPerResult: number;
  /**
   * Passages read from the head of each query term's impact-ordered posting list before exact scoring (see
   * keyword-impacts.ts). Default 200: twice the pool; `npm run eval` gives the same numbers as a full posting scan
   * (also at 400), and the cost no longer grows with the corpus.
   */
  keywordDepth: number;
  /**
   * hnswlib's search breadth (`ef`, at least the number of neighbours asked for; at most the index size). Default
   * 200, twice the pool; set by hand, not swept.
   */
  hnswEf: number;
  /**
   * Up to this many passages in scope (a region or sector filter) are compared exactly instead of through hnswlib:
   * with a narrow filter the graph search visits most of the corpus to find enough passing nodes, while a direct
   * scan costs the scope's size. Default 4096; set by hand, not swept.
   */
  exactScanLimit: number;

  // ── Relevance: "did this passage (region) answer at all" ───────────────────────────────────────────────────────
  /**
   * A passage is relevant when its relevance reaches this (0..1). Default 0.55: a little over half of the question's
   * weight (idf-weighted words) is in the passage, or the e5 cosine is past the middle of its band. Measured
   * (2026-11-30) on the main set and the development set of 36 tempting unanswerable questions
   * (tests/eval/dev-unanswerable.json): 0.5 → 0.55 → 0.6 gave e5 main region coverage 0.840 / 0.833 / 0.811 (all of
   * the loss on English questions) and dev-set abstention 0.722 / 0.800 / 0.878; offline 0.775 → 0.773 coverage,
   * 0.761 → 0.828 abstention at 0.55. 0.55 costs the least coverage for a clear gain (held-out sets, run only
   * before and after: README → Quality).
   */
  minRelevance: number;
  /**
   * How much the offline model's semantic evidence adds to coverage in `relevance = min(1, coverage + semanticBonus
   * · semantic)`. Default 0.25: a close vector match can carry a passage that covers part of the question over the
   * threshold, but never one that shares nothing with it. Measured (offline): unrelated questions ("футбольный
   * чемпионат мира") reach z ≈ 7 against the corpus, as high as real ones, so vectors alone cannot say "nothing found".
   */
  semanticBonus: number;
  /**
   * The offline model's semantic evidence maps the cosine's z-score against the query's similarity to passages in
   * general onto 0..1: z ≤ semanticZ[0] → 0, z ≥ semanticZ[1] → 1. Default [3, 6]: the best of ~1000 unrelated
   * passages sits near z ≈ 3.
   */
  semanticZ: [number, number];
  /**
   * Passages the z-score baseline samples (evenly spread, so the same query always gets the same relevance).
   * Default 256; set by hand, not swept.
   */
  baselineSample: number;
  /**
   * Neural index only: semantic evidence is the absolute cosine mapped onto 0..1 (≤ [0] → 0, ≥ [1] → 1) and counts
   * in full (`relevance = max(concept relevance, evidence)`). Default [0.86, 0.90], measured on the main set with
   * multilingual-e5-small: the best passage of a question no region answers reaches 0.820–0.850, the best relevant
   * passage of an answerable one has median 0.873; [0.82, 0.88] let unanswerable questions through (held-out 2
   * region coverage 0.684 → 0.675, abstention unchanged).
   */
  cosineRelevance: [number, number];
  /**
   * Neural index only: `cosineRelevance` for a question in another script than the corpus (an English question over
   * Russian texts). Default [0.79, 0.83]: on the main set the best relevant passage has median cosine 0.873 for
   * Russian questions and 0.817 for English ones; the best passage of an unanswerable one reaches 0.850 in Russian,
   * 0.793 in English.
   */
  crossLingualCosineRelevance: [number, number];
  /**
   * Relevance also counts the share of the question's concepts a passage expresses in the offline concept model
   * (lemmas, domain concepts and their rings, abbreviations; see concept-model-coverage.ts), so paraphrases find
   * their regions, and a question the corpus cannot express gets no semantic bonus. Default true. The four
   * settings below shape it.
   */
  conceptModel: boolean;
  /**
   * Concept model: weight of a word the corpus cannot express, as a share of the idf of a word seen once; also the
   * weight of a foreign question's word that has no translation (cross-lingual.ts). Default 0.5; set by hand for the
   * concept model. For untranslated words, measured (e5, 2026-11-30): full weight → 0.5 → 0.25 gave main-set English
   * coverage 0.458 / 0.521 / 0.555 and dev-set abstention 0.800 / 0.806 / 0.750, main-set abstention 0.923 / 0.923
   * / 0.769.
   */
  unknownWeight: number;
  /**
   * Concept model: further weight of a verb or adverb the corpus lacks ("вставать", "откуда"): such words say how,
   * not what, and do not decide whether the question can be answered. Default 0.25; set by hand.
   */
  unknownVerbalWeight: number;
  /** Concept model: share of content words the corpus cannot express from which a question is unexpressible. Default 0.5; set by hand. */
  unknownShare: number;
  /**
   * Concept model: a word the corpus expresses only indirectly — thesaurus synonyms ("ревизия" → "проверка") or a
   * broad topic concept ("туризм" → culture, sport and tourism) — earns a passage this share of its weight and
   * counts as this much known in the unexpressible rule. Default 0.5: a synonym set mixes senses ("космический" →
   * "мировой") and a topic is wider than the word, so such words alone neither make a passage relevant nor a
   * question answerable ("космический туризм").
   */
  weakCredit: number;

  // ── Query understanding ─────────────────────────────────────────────────────────────────────────────────────────
  /**
   * Share of its idf a framing word keeps ("как", "регион", "развивают": words that frame a question rather than
   * name its topic), in keyword coverage and in the concept model's. Default 0.25: a rare framing verb ("развивают"
   * where the texts say "развитие") then cannot outweigh the topic; set by hand.
   */
  framingWeight: number;
  /**
   * Boost of an abbreviation's expansion relative to the word the user typed, shared by the expansion's words.
   * Default 0.6. Measured: sharing it (rather than 0.6 per word) lifts exact-term P@10 0.863 → 0.885 ("ЕПГУ" 0.4 →
   * 0.9) for −0.018 on abbreviation queries.
   */
  expansionBoost: number;
  /** Boost of a same-root term (another stem of the same word family: телемедицина ↔ телемедицинских). Default 0.8; set by hand. */
  sameRootBoost: number;
  /**
   * Same-root terms: stems shorter than this are left alone ("школ" must not reach "школьник"). Default 7; set by
   * hand on the bundled corpus's vocabulary.
   */
  sameRootMinStem: number;
  /** Same-root terms: at most this many letters added to or cut from a stem. Default 4; set by hand. */
  sameRootMaxSuffix: number;
  /**
   * Keyword coverage: an alternative of more than this many terms (a long abbreviation expansion) counts as present
   * when `longAlternativeShare` of its terms are. Default 3; set by hand.
   */
  shortAlternativeTerms: number;
  /** See `shortAlternativeTerms`. Default 0.75; set by hand. */
  longAlternativeShare: number;

  // ── Cross-lingual questions (retrieval/cross-lingual.ts) ────────────────────────────────────────────────────────
  /**
   * Neural index only: a word of a question in another language is translated into the corpus words whose query
   * vectors are at least this close to its own. Default 0.90: with multilingual-e5-small, right translations sat at
   * 0.90–0.95 ("teachers" → «учителей» 0.933, "roads" → «дорог» 0.946) and wrong ones below ("tourism" →
   * «торговли» 0.876, "queue" → «судов» 0.877) on 40 probe words (2026-11-30).
   */
  translationMinSimilarity: number;
  /** Corpus words (word families) one foreign word may be translated into. Default 2; see the measurement in README → Quality. */
  translationsPerWord: number;
  /**
   * A foreign question's first this many distinct content words are translated; the rest are left out. Each word
   * costs up to three short forward passes (the word and the phrases it starts), so this bounds what one question of
   * the longest allowed length costs: 1,000 characters of 248 distinct words took 2.7 s uncapped and 0.4 s at 32
   * (0.7 s with words alone, before phrases; 2026-12-07). Default 32: a question rarely has more than 20 content
   * words.
   */
  translationMaxWords: number;
  /**
   * Neural index only: a foreign word may also be translated into a single-word term of the domain lexicon that the
   * corpus uses, in dictionary form ("phone" → «телефон» 0.959), at least this close. Default 0.92. Measured on the
   * main set's English questions (2026-12-07), with every lexicon term at first: 0.90 / 0.92 / 0.94 gave English
   * P@10 0.605 / 0.563 / 0.563 (0.526 without), but at 0.90 development-set abstention fell 0.806 → 0.772.
   */
  lexiconTranslationMinSimilarity: number;
  /**
   * Neural index only: two or three neighbouring words of a foreign question (no punctuation or function word
   * between them) may be translated together into a multi-word term of the domain lexicon at least this close
   * ("electronic medical records" → «электронная медицинская карта» 0.917, "public transport" → «общественный
   * транспорт» 0.917, "leaving home" → «не выходя из дома» 0.903). Default 0.88, chosen on the main set with every
   * lexicon term and greedy phrases (2026-12-07): 0.88 / 0.90 gave English P@10 0.589 / 0.574. With the terms the
   * corpus uses and the split of `phraseTranslationMargin`, main-set English P@10 is 0.611. The held-out sets show
   * no gain (README → Quality).
   */
  phraseTranslationMinSimilarity: number;
  /**
   * How a run of words is split into words and phrases: the split with the highest sum wins, a word scoring its
   * closest single-word similarity and a phrase of n words n × (its similarity + this). Single words match more
   * closely than phrases do ("public" → «публично» 0.936), hence the credit. Default 0.05. Main set, English P@10
   * and coverage: 0.03 → 0.574 / 0.861, 0.05 → 0.611 / 0.865, 0.08 and 0.10 → 0.611 / 0.873.
   */
  phraseTranslationMargin: number;

  // ── Ask ─────────────────────────────────────────────────────────────────────────────────────────────────────────
  /** Ask: passages per region whose sentences compete for the answer. Default 4; set by hand. */
  askPassagesPerRegion: number;
  /**
   * Ask: sentence score = its own coverage of the question × (askPassageFloor + (1 − askPassageFloor) · passage
   * score): a sentence must contain the question's words itself; its passage's rank only orders such sentences.
   * Default 0.6; set by hand.
   */
  askPassageFloor: number;

  // ── Indicators (GET /api/indicators, the targets table of ask) ─────────────────────────────────────────────────────
  /** Share of the question's (idf-weighted) words an indicator name must hold to match by words alone. Default 0.5; set by hand. */
  indicatorMinNameCoverage: number;
  /** Below `indicatorMinNameCoverage`, a name matches only when its passage is relevant and it holds this share. Default 0.25; set by hand. */
  indicatorMinNameCoverageWithPassage: number;
  /**
   * Indicator score = nameWeight · name coverage + nameShareWeight · share of the name the question covers +
   * leadWeight · leading-words match + passageWeight · the passage's hybrid score: name words decide, the passage
   * breaks ties. Defaults 0.6 / 0.1 / 0.1 / 0.2; set by hand (checked with `npm run eval:indicators`).
   */
  indicatorNameWeight: number;
  /** See `indicatorNameWeight`. */
  indicatorNameShareWeight: number;
  /** See `indicatorNameWeight`: a name that starts the way the question does comes first. */
  indicatorLeadWeight: number;
  /** See `indicatorNameWeight`. */
  indicatorPassageWeight: number;
  /** Indicators: candidates asked of the search legs (table passages are many and short, so the pool is wide). Default 150; set by hand. */
  indicatorPool: number;
  /** Indicators: the same per region. Default 20; set by hand. */
  indicatorRegionPool: number;
}

export const DEFAULT_RETRIEVAL: Readonly<RetrievalOptions> = Object.freeze({
  mode: 'hybrid',
  fusion: 'convex',
  alpha: 0.5,
  rrfK: 60,
  adaptiveAlpha: true,
  conceptWeight: 0.7,
  proximityBoost: 0.2,
  proximityWindow: 3,

  pool: 100,
  poolPerResult: 3,
  regionPool: 10,
  regionPoolPerResult: 2,
  keywordDepth: 200,
  hnswEf: 200,
  exactScanLimit: 4096,

  minRelevance: 0.55,
  semanticBonus: 0.25,
  semanticZ: [3, 6],
  baselineSample: 256,
  cosineRelevance: [0.86, 0.9],
  crossLingualCosineRelevance: [0.79, 0.83],
  conceptModel: true,
  unknownWeight: 0.5,
  unknownVerbalWeight: 0.25,
  unknownShare: 0.5,
  weakCredit: 0.5,

  framingWeight: 0.25,
  expansionBoost: 0.6,
  sameRootBoost: 0.8,
  sameRootMinStem: 7,
  sameRootMaxSuffix: 4,
  shortAlternativeTerms: 3,
  longAlternativeShare: 0.75,

  translationMinSimilarity: 0.9,
  translationsPerWord: 2,
  translationMaxWords: 32,
  lexiconTranslationMinSimilarity: 0.92,
  phraseTranslationMinSimilarity: 0.88,
  phraseTranslationMargin: 0.05,

  askPassagesPerRegion: 4,
  askPassageFloor: 0.6,

  indicatorMinNameCoverage: 0.5,
  indicatorMinNameCoverageWithPassage: 0.25,
  indicatorNameWeight: 0.6,
  indicatorNameShareWeight: 0.1,
  indicatorLeadWeight: 0.1,
  indicatorPassageWeight: 0.2,
  indicatorPool: 150,
  indicatorRegionPool: 20,
} satisfies RetrievalOptions);

const share = z.number().min(0).max(1);
const weight = z.number().min(0).finite();
const count = z.number().int().positive();
const band = z.tuple([z.number().finite(), z.number().finite()]).refine(([low, high]) => low < high, 'needs [low, high] with low < high');

/**
 * Overrides by name, validated (server config, eval and bench runners): unknown names are refused, so a typo does
 * not silently measure the defaults.
 */
export const retrievalOverridesSchema = z
  .strictObject({
    mode: z.enum(SEARCH_MODES),
    fusion: z.enum(FUSION_METHODS),
    alpha: share,
    rrfK: weight,
    adaptiveAlpha: z.boolean(),
    conceptWeight: share,
    proximityBoost: weight,
    proximityWindow: count,
    pool: count,
    poolPerResult: count,
    regionPool: count,
    regionPoolPerResult: count,
    keywordDepth: count,
    hnswEf: count,
    exactScanLimit: z.number().int().min(0),
    minRelevance: share,
    semanticBonus: weight,
    semanticZ: band,
    baselineSample: count,
    cosineRelevance: band,
    crossLingualCosineRelevance: band,
    conceptModel: z.boolean(),
    unknownWeight: weight,
    unknownVerbalWeight: weight,
    unknownShare: share,
    weakCredit: share,
    framingWeight: weight,
    expansionBoost: weight,
    sameRootBoost: weight,
    sameRootMinStem: count,
    sameRootMaxSuffix: z.number().int().min(0),
    shortAlternativeTerms: count,
    longAlternativeShare: share,
    translationMinSimilarity: share,
    translationsPerWord: count,
    translationMaxWords: count,
    lexiconTranslationMinSimilarity: share,
    phraseTranslationMinSimilarity: share,
    phraseTranslationMargin: share,
    askPassagesPerRegion: count,
    askPassageFloor: share,
    indicatorMinNameCoverage: share,
    indicatorMinNameCoverageWithPassage: share,
    indicatorNameWeight: weight,
    indicatorNameShareWeight: weight,
    indicatorLeadWeight: weight,
    indicatorPassageWeight: weight,
    indicatorPool: count,
    indicatorRegionPool: count,
  } satisfies Record<keyof RetrievalOptions, z.ZodType>)
  .partial();

export type RetrievalOverrides = Partial<RetrievalOptions>;

/** Overrides given as text (an environment variable, a flag): a JSON object, `{"alpha":0.4}`; or an object from code. */
export const retrievalOverridesText = z.preprocess((v, ctx) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    ctx.issues.push({ code: 'custom', message: 'must be a JSON object of retrieval settings by name (retrieval/options.ts)', input: v });
    return z.NEVER;
  }
}, retrievalOverridesSchema);

/** The defaults with `overrides` applied (later ones win). */
export function retrievalOptions(...overrides: (RetrievalOverrides | undefined)[]): RetrievalOptions {
  return Object.assign({}, DEFAULT_RETRIEVAL, ...overrides.filter(Boolean)) as RetrievalOptions;
}
