/**
 * Sparse "concept" features of passages and queries, the input of the offline embedder.
 *
 * Namespaces: `w:<lemma>` words (lemmas; parts of hyphenated words too), `c:<concept>` domain concepts. A passage
 * also inherits the words and concepts of its section titles and the concept of its sector, so a passage about
 * "ЕГИСЗ" in the health section is about health care even when it never says so. Abbreviations and their
 * expansions stand in for each other. A query is expanded with thesaurus synonyms and domain concepts, restricted to
 * features the corpus has, so everyday words ("доктор", "нехватка") reach the corpus words ("врач", "дефицит").
 */
import { splitCompound } from '../../nlp/compounds.js';
import { lemmaAlternatives, lemmatize, partOfSpeech } from '../../nlp/morphology.js';
import { isStopword } from '../../nlp/stopwords.js';
import type { Thesaurus } from '../../nlp/thesaurus.js';
import { tokenize } from '../../nlp/tokenize.js';
import type { PassageForEmbedding } from '../../types.js';
import { findConcepts, type CompiledConcepts } from './concepts.js';

export type FeatureCounts = Map<string, number>;

/** Relative weights of feature sources. Defaults were chosen by measurement (see /tmp/team/nlp-findings.md). */
export interface FeatureWeights {
  /** A part of a hyphenated word ("специалист" in "ИТ-специалист"), relative to a whole word. */
  hyphenPart: number;
  /** Each content word of the passage's own section title. */
  sectionTitle: number;
  /** Each content word of the titles above it in the section path. */
  parentTitle: number;
  /** Concepts found in the section path. */
  sectionConcept: number;
  /** The concept of the passage's sector (health, education, ...). */
  sectorConcept: number;
  /** Words of an abbreviation's expansion added where the abbreviation occurs (and vice versa). */
  abbreviation: number;
  /** Scale of all `c:` features against `w:` features. */
  conceptScale: number;
  /** Query: a thesaurus synonym of a query word that the corpus knows. */
  querySynonym: number;
  /** Query: a synonym of a query word the corpus does not know (it is all we have for that word). */
  querySynonymOfUnknown: number;
  /** Query: a corpus word sharing the Snowball stem of an unknown query word. */
  queryStemMatch: number;
  /** Query: a concept mentioned by the query. */
  queryConcept: number;
  /** Query: the other words of a synonym ring a query word belongs to (split over the ring's size). */
  queryRing: number;
  /** Query: verbs and adverbs ("попасть", "следить") say how, not what; their own word weight. */
  queryVerb: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  hyphenPart: 0.5,
  sectionTitle: 1,
  parentTitle: 0.3,
  sectionConcept: 1,
  sectorConcept: 1,
  abbreviation: 0.5,
  conceptScale: 2,
  querySynonym: 0.35,
  querySynonymOfUnknown: 0.7,
  queryStemMatch: 0.7,
  queryConcept: 1,
  queryRing: 2,
  queryVerb: 0.5,
};

export interface AbbreviationLemmas {
  /** Lowercased abbreviation, as `lemmatize()` returns it: `епгу`. */
  abbreviation: string;
  /** Content lemmas of its expansion. */
  expansion: string[];
}

export interface FeatureContext {
  concepts: CompiledConcepts;
  weights: FeatureWeights;
  abbreviations: readonly AbbreviationLemmas[];
}

/** Parts of speech that describe an action or manner rather than a topic. */
const VERBAL = new Set(['VERB', 'INFN', 'GRND', 'ADVB', 'PRTF', 'PRTS']);

interface Analysed {
  /** Content lemmas in text order (hyphenated words whole). */
  lemmas: string[];
  /** The words as written, parallel to `lemmas`. */
  words: string[];
  /** Parts of hyphenated words. */
  parts: string[];
}

export function analyse(text: string): Analysed {
  const lemmas: string[] = [];
  const words: string[] = [];
  const parts: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'number' && !/\p{L}/u.test(token.text)) continue;
    const lemma = lemmatize(token.text);
    if (isStopword(lemma)) continue;
    lemmas.push(lemma);
    words.push(token.text);
    if (token.norm.includes('-')) {
      for (const part of token.text.split(/[-‐‑]/)) {
        const partLemma = lemmatize(part);
        if (!isStopword(partLemma)) parts.push(partLemma);
      }
    }
  }
  return { lemmas, words, parts };
}

/**
 * A query analysed against the corpus vocabulary: a compound abbreviation the corpus lacks ("госсистемы") becomes
 * its two words ("государственный система") when the corpus has the glued noun, so it can match where the texts
 * spell it out.
 */
function analyseQuery(text: string, vocabulary: QueryVocabulary): Analysed {
  const analysed = analyse(text);
  const lemmas: string[] = [];
  const words: string[] = [];
  analysed.lemmas.forEach((chosen, index) => {
    const word = analysed.words[index]!;
    // The dictionary's first lemma of an ambiguous word may not be the one the corpus uses ("парках" → парка, парк).
    const lemma = vocabulary.has(`w:${chosen}`) ? chosen : (lemmaAlternatives(word).find((l) => vocabulary.has(`w:${l}`)) ?? chosen);
    const split = vocabulary.has(`w:${lemma}`) ? null : splitCompound(word, (rest) => vocabulary.has(`w:${rest}`));
    for (const part of split ?? [lemma]) {
      lemmas.push(part);
      words.push(split ? part : word);
    }
  });
  return { lemmas, words, parts: analysed.parts };
}

/**
 * Thesaurus synonyms of a query word that the corpus has as words (`w:`) or that name a domain concept (`c:`):
 * the fallback for a word nothing else expresses ("ревизия" → "проверка").
 */
function synonymFeatures(lemma: string, thesaurus: Thesaurus, vocabulary: QueryVocabulary, concepts: CompiledConcepts): string[] {
  const features = new Set<string>();
  for (const synonym of thesaurus.synonyms(lemma)) {
    const synonymLemma = lemmatize(synonym);
    if (synonymLemma === lemma || isStopword(synonymLemma)) continue;
    if (vocabulary.has(`w:${synonymLemma}`)) features.add(`w:${synonymLemma}`);
    for (const id of concepts.phrases.get(synonymLemma) ?? []) if (vocabulary.has(`c:${id}`)) features.add(`c:${id}`);
  }
  return [...features];
}

function add(features: FeatureCounts, name: string, amount: number): void {
  if (amount > 0) features.set(name, (features.get(name) ?? 0) + amount);
}

/** Where an abbreviation occurs, add its expansion's words; where an expansion occurs, add the abbreviation. */
function addAbbreviationFeatures(features: FeatureCounts, lemmas: readonly string[], context: FeatureContext, weight: number): void {
  const present = new Set(lemmas);
  for (const { abbreviation, expansion } of context.abbreviations) {
    if (present.has(abbreviation)) {
      for (const lemma of expansion) add(features, `w:${lemma}`, weight);
    }
    if (expansion.length >= 2 && expansion.every((lemma) => present.has(lemma)) && containsSequence(lemmas, expansion)) {
      add(features, `w:${abbreviation}`, weight * 2);
    }
  }
}

function containsSequence(lemmas: readonly string[], sequence: readonly string[]): boolean {
  outer: for (let i = 0; i + sequence.length <= lemmas.length; i += 1) {
    for (let k = 0; k < sequence.length; k += 1) if (lemmas[i + k] !== sequence[k]) continue outer;
    return true;
  }
  return false;
}

/** Sections are joined by " › " in `sectionPath`; the last one is the passage's own section. */
export function splitSectionPath(sectionPath: string): string[] {
  return sectionPath
    .split('›')
    .map((title) => title.trim())
    .filter(Boolean);
}

/** Raw features of a text on its own (words, hyphen parts, domain concepts, abbreviations): no section or sector. */
export function textFeatures(text: string, context: FeatureContext): FeatureCounts {
  const { weights, concepts } = context;
  const features: FeatureCounts = new Map();
  const body = analyse(text);
  for (const lemma of body.lemmas) add(features, `w:${lemma}`, 1);
  for (const part of body.parts) add(features, `w:${part}`, weights.hyphenPart);
  for (const [id, count] of findConcepts(body.lemmas, concepts)) add(features, `c:${id}`, count);
  addAbbreviationFeatures(features, body.lemmas, context, weights.abbreviation);
  return features;
}

/** Raw (weighted term-frequency) features of one passage: its text's, and those its section titles and sector lend it. */
export function passageFeatures(passage: PassageForEmbedding, context: FeatureContext): FeatureCounts {
  const { weights, concepts } = context;
  const features = textFeatures(passage.text, context);

  const titles = splitSectionPath(passage.sectionPath);
  titles.forEach((title, index) => {
    const own = index === titles.length - 1;
    const analysed = analyse(title);
    const weight = own ? weights.sectionTitle : weights.parentTitle;
    for (const lemma of new Set(analysed.lemmas)) add(features, `w:${lemma}`, weight);
    for (const id of findConcepts(analysed.lemmas, concepts).keys()) {
      add(features, `c:${id}`, own ? weights.sectionConcept : weights.sectionConcept * weights.parentTitle);
    }
  });
  for (const id of concepts.sectorConcepts.get(passage.sector) ?? []) add(features, `c:${id}`, weights.sectorConcept);
  return features;
}

export interface QueryVocabulary {
  has(feature: string): boolean;
  /** Corpus words (`w:` features) by the Snowball stem of their lemma. */
  byStem(stem: string): readonly string[];
  /** Corpus words (`w:` features) sharing a long prefix with an unknown word ("неотложка" → "неотложный"). */
  byPrefix(lemma: string): readonly string[];
}

/**
 * How the query side uses the thesaurus: `unknown-words` only for words nothing else expresses (a synonym is all we
 * have for them), `all-words` for every word.
 */
export type ThesaurusScope = 'off' | 'unknown-words' | 'all-words';

export interface QueryThesaurus {
  thesaurus: Thesaurus;
  scope: Exclude<ThesaurusScope, 'off'>;
}

/** Weighted features of a query, restricted to what the corpus vocabulary has. */
export function queryFeatures(
  query: string,
  context: FeatureContext,
  vocabulary: QueryVocabulary,
  synonyms: QueryThesaurus | null,
  stemOf: (word: string) => string,
): FeatureCounts {
  const { weights, concepts } = context;
  const features: FeatureCounts = new Map();
  const keep = (name: string, amount: number) => {
    if (vocabulary.has(name)) add(features, name, amount);
  };
  const { lemmas, parts, words } = analyseQuery(query, vocabulary);
  lemmas.forEach((lemma, index) => {
    const known = vocabulary.has(`w:${lemma}`);
    const pos = partOfSpeech(words[index] ?? lemma);
    keep(`w:${lemma}`, pos && VERBAL.has(pos) ? weights.queryVerb : 1);
    let similar = new Set<string>();
    if (!known) {
      similar = new Set([...vocabulary.byStem(stemOf(lemma)), ...vocabulary.byPrefix(lemma)]);
      for (const feature of similar) keep(feature, weights.queryStemMatch / Math.sqrt(similar.size));
    }
    const unexpressed = !known && similar.size === 0 && !concepts.phrases.has(lemma);
    if (synonyms && (synonyms.scope === 'all-words' || unexpressed)) {
      const weight = known ? weights.querySynonym : weights.querySynonymOfUnknown;
      for (const feature of synonymFeatures(lemma, synonyms.thesaurus, vocabulary, concepts)) keep(feature, weight);
    }
  });
  for (const part of parts) keep(`w:${part}`, weights.hyphenPart);
  for (const id of findConcepts(lemmas, concepts).keys()) {
    keep(`c:${id}`, weights.queryConcept);
    const ring = concepts.ringLemmas.get(id);
    if (!ring) continue;
    const inVocabulary = ring.filter((lemma) => vocabulary.has(`w:${lemma}`));
    for (const lemma of inVocabulary) keep(`w:${lemma}`, weights.queryRing / Math.sqrt(inVocabulary.length));
  }
  // Abbreviations: the query's abbreviation brings its expansion's words and vice versa.
  const expanded: FeatureCounts = new Map();
  addAbbreviationFeatures(expanded, lemmas, context, weights.abbreviation * 2);
  for (const [name, amount] of expanded) keep(name, amount);
  return features;
}

/**
 * One content word of a query and every feature that expresses it in the corpus: the word itself, corpus words of
 * its stem or long prefix when the corpus lacks it, and the domain concepts (with their ring words) it takes part
 * in. A passage "covers" the word when its features include any of these. Empty `features`: the corpus has no way
 * to say this word at all.
 */
export interface QueryConceptUnit {
  lemma: string;
  /** Verbs and adverbs say how rather than what (see `queryVerb`). */
  verbal: boolean;
  /** Whether the corpus has the word itself (not only related words). */
  known: boolean;
  /**
   * Only indirect evidence expresses the word: thesaurus synonyms (a synonym set mixes senses) or broad topic
   * concepts (health care, culture) rather than a word or a narrow synonym ring.
   */
  weak: boolean;
  features: string[];
}

export function queryConceptUnits(
  query: string,
  context: FeatureContext,
  vocabulary: QueryVocabulary,
  synonyms: QueryThesaurus | null,
  stemOf: (word: string) => string,
): QueryConceptUnit[] {
  const { concepts } = context;
  const { lemmas, words } = analyseQuery(query, vocabulary);
  // Concepts by position: every lemma of a matched phrase takes part in the phrase's concepts.
  const conceptsAt: string[][] = lemmas.map(() => []);
  for (let i = 0; i < lemmas.length; i += 1) {
    for (let length = Math.min(concepts.maxPhraseLength, lemmas.length - i); length >= 1; length -= 1) {
      const ids = concepts.phrases.get(lemmas.slice(i, i + length).join(' '));
      if (!ids) continue;
      for (let k = i; k < i + length; k += 1) conceptsAt[k]!.push(...ids);
      break;
    }
  }
  const units = new Map<string, QueryConceptUnit>();
  lemmas.forEach((lemma, index) => {
    const features = new Set<string>(units.get(lemma)?.features ?? []);
    const known = vocabulary.has(`w:${lemma}`);
    if (known) features.add(`w:${lemma}`);
    else for (const feature of [...vocabulary.byStem(stemOf(lemma)), ...vocabulary.byPrefix(lemma)]) features.add(feature);
    for (const id of conceptsAt[index]!) {
      if (vocabulary.has(`c:${id}`)) features.add(`c:${id}`);
      // Single-word ring terms only: a word of a ring phrase ("учреждение" of "учреждение культуры") says little
      // alone; the phrase itself is the concept feature, which passages carry where the phrase occurs.
      for (const ringLemma of concepts.ringLemmas.get(id) ?? []) {
        if (concepts.phrases.get(ringLemma)?.includes(id) && vocabulary.has(`w:${ringLemma}`)) features.add(`w:${ringLemma}`);
      }
    }
    const broadOnly = features.size > 0 && [...features].every((f) => f.startsWith('c:') && !concepts.ringLemmas.has(f.slice(2)));
    // Nothing in the corpus says this word: its thesaurus synonyms that the corpus has are the next best thing.
    const viaThesaurus = features.size === 0 && synonyms !== null;
    if (viaThesaurus) for (const feature of synonymFeatures(lemma, synonyms.thesaurus, vocabulary, concepts)) features.add(feature);
    const weak = broadOnly || (viaThesaurus && features.size > 0);
    const pos = partOfSpeech(words[index] ?? lemma);
    units.set(lemma, { lemma, verbal: Boolean(pos && VERBAL.has(pos)), known, weak, features: [...features] });
  });
  return [...units.values()];
}
