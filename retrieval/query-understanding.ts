import type { WordTranslation } from './cross-lingual.js';
import type { RetrievalOptions } from './options.js';
import { withoutMentions, type RegionMention } from './region-names.js';
import type { SearchIndex } from './search-index.js';
import { termTokens, uniqueTerms, type TermToken } from './text.js';

/**
 * Turns what the user typed into what retrieval needs:
 * - region names in any grammatical case become a region filter (reported back so the client can remove it) and
 *   are removed from the text used for retrieval ("телемедицина в Тверской области" → "телемедицина");
 * - abbreviations are matched with their expansions and vice versa (ЦОД ↔ центр обработки данных);
 * - the query becomes weighted "concepts" used both to query lunr and to judge how much of the question a
 *   passage covers (the keyword side of relevance).
 */

/** One thing the query asks about; satisfied when any alternative is (mostly) present in a passage. */
export interface Concept {
  /** What the user wrote, for explanations. */
  label: string;
  /** Share of the question this concept carries (inverse document frequency of its rarest form). */
  weight: number;
  /** Term sets that each express the concept: the word itself, or an abbreviation's expansion. */
  alternatives: string[][];
}

export interface QueryExpansion {
  /** What was in the query. */
  from: string;
  /** What it was expanded to. */
  to: string;
}

export interface QueryPlan {
  /** The text the user sent. */
  original: string;
  /** The text retrieval uses (region mentions removed, unless that would leave nothing). */
  text: string;
  /**
   * The text the offline concept model reads: `text`, or for a foreign question its translations into the corpus's
   * words (the concept model reads Russian only), its untranslated words left as they are.
   */
  conceptText: string;
  /**
   * The text a neural model embeds: `text` with the abbreviations it holds spelled out after it, as the corpus
   * spells them ("ИТС (интеллектуальные транспортные системы)"), or the other way round; every expansion found
   * («ГИС ЖКХ» brings ГИС's, ЖКХ's and its own: keeping only the longest lost one lead of the main set). A small
   * multilingual model knows few Russian administrative abbreviations; the offline model has its own list and reads
   * `text`.
   */
  modelText: string;
  regions: RegionMention[];
  expansions: QueryExpansion[];
  /** A foreign question's words and the corpus words they were translated into (`to` joined by ", "). */
  translations: QueryExpansion[];
  concepts: Concept[];
  /** Terms sent to lunr, with boosts (expansions weigh less than what the user wrote). */
  keywordTerms: { term: string; boost: number }[];
  /** Every term whose occurrence in a passage counts as a match, for highlighting. */
  matchTerms: Set<string>;
}

export interface UnderstandOptions {
  /** Detect region names and turn them into a filter. Default true. */
  detectRegions?: boolean;
  /**
   * A foreign question's words in the corpus's words (cross-lingual.ts): each word becomes a concept expressed by
   * its translations (an untranslated one by nothing the corpus has), reported in `translations`. Default none.
   */
  translations?: readonly WordTranslation[];
}

/** The settings query understanding reads (defaults and their measurements: options.ts). */
export type QueryUnderstandingOptions = Pick<RetrievalOptions, 'framingWeight' | 'expansionBoost' | 'sameRootBoost' | 'sameRootMinStem' | 'sameRootMaxSuffix' | 'unknownWeight'>;

/** The settings keyword coverage reads. */
export type KeywordCoverageOptions = Pick<RetrievalOptions, 'shortAlternativeTerms' | 'longAlternativeShare'>;

/**
 * Words that frame a question rather than name its topic ("Как регионы развивают телемедицину?" is about
 * телемедицина). They still match, but carry a fraction of their idf in coverage (`framingWeight`), so a rare framing verb
 * ("развивают" where the texts say "развитие") cannot outweigh the topic.
 */
const FRAMING_WORDS = [
  'регион', 'регионы', 'регионов', 'региональный', 'субъект', 'субъекты', 'область', 'области', 'край', 'республика',
  'делать', 'делают', 'сделать', 'развивать', 'развивают', 'развивается', 'внедрять', 'внедряют', 'внедряется',
  'использовать', 'используют', 'используется', 'используются', 'применять', 'применяют', 'применяется',
  'организовать', 'организуют', 'организована', 'организован', 'обеспечивать', 'обеспечивают', 'реализовать',
  'реализуют', 'реализуется', 'планировать', 'планируют', 'планируется', 'предусматривать', 'предусмотрено',
  'предусматривают', 'существует', 'существуют', 'работать', 'работают', 'решать', 'решают', 'опыт', 'пример',
  'примеры', 'практика', 'практики', 'какой', 'какие', 'каким', 'каких', 'как', 'что', 'где', 'зачем', 'почему',
  'ли', 'есть', 'сказано', 'говорится', 'написано', 'стратегия', 'стратегии', 'стратегиях',
];
let framingTerms: Set<string> | undefined;
export function isFramingTerm(term: string): boolean {
  framingTerms ??= new Set(FRAMING_WORDS.flatMap((w) => uniqueTerms(w)));
  return framingTerms.has(term);
}

/**
 * The plan for `query` (cached per index: the same text, options and settings always give the same plan; callers
 * share it and must not change it).
 */
export function understandQuery(index: SearchIndex, query: string, options: UnderstandOptions, settings: QueryUnderstandingOptions): QueryPlan {
  const detectRegions = options.detectRegions !== false;
  const { framingWeight, expansionBoost, sameRootBoost, sameRootMinStem, sameRootMaxSuffix, unknownWeight } = settings;
  const translated = options.translations?.map((t) => `${t.word}=${t.to.map((w) => w.word).join(',')}`).join(';') ?? '';
  const key = [detectRegions ? 'regions' : 'no-regions', framingWeight, expansionBoost, sameRootBoost, sameRootMinStem, sameRootMaxSuffix, unknownWeight, translated, query].join('\u0000');
  return index.cachedPlan(key, () => analyseQuery(index, query, { detectRegions, ...(options.translations ? { translations: options.translations } : {}) }, settings));
}

function analyseQuery(index: SearchIndex, query: string, options: UnderstandOptions, settings: QueryUnderstandingOptions): QueryPlan {
  const original = query.trim();
  const mentions = index.regionNames.find(original);
  const regions = options.detectRegions === false ? [] : mentions;
  // With detection off the region words stay in the text but only frame the question: "здравоохранение в
  // Тверской области" searched in all regions must not count other regions short for lacking "Тверской".
  const regionTerms = new Set(options.detectRegions === false ? mentions.flatMap((m) => uniqueTerms(m.matchedText)) : []);
  let text = withoutMentions(original, regions).replace(/\s+/g, ' ').trim();
  // "Тверская область" on its own: the region is the topic, keep the words so retrieval has something to go on.
  if (uniqueTerms(text).length === 0) text = original;

  const terms = uniqueTerms(text);
  const concepts: Concept[] = terms.map((term) => ({ label: term, weight: index.idf(term), alternatives: [[term]] }));
  const keywordTerms = new Map<string, number>(terms.map((t) => [t, 1]));
  const expansions: QueryExpansion[] = [];
  const translations: QueryExpansion[] = [];
  if (options.translations) {
    // The foreign words stay as they are (an acronym such as "IT" may be in the texts), but what the question asks
    // is its translations: one concept per foreign word, expressed by any of them.
    concepts.length = 0;
    for (const { word, to } of options.translations) {
      const alternatives = to.map((t) => uniqueTerms(t.word)).filter((alt) => alt.length > 0);
      // A word with no translation weighs as a word the corpus cannot express does in the concept model.
      const weight = alternatives.length > 0 ? index.idf(word) : index.idf(word) * settings.unknownWeight;
      concepts.push({ label: word, weight, alternatives: [[word], ...alternatives] });
      for (const t of alternatives.flat()) keywordTerms.set(t, 1);
      if (to.length > 0) translations.push({ from: word, to: to.map((t) => t.word).join(', ') });
    }
  }
  const addTerm = (term: string, boost: number) => keywordTerms.set(term, Math.max(keywordTerms.get(term) ?? 0, boost));

  // Same-root words the stemmer keeps apart (телемедицина ↔ телемедицинских) stand for the same concept.
  for (const concept of concepts) {
    const term = concept.alternatives[0]![0]!;
    for (const related of index.sameRootTerms(term, settings.sameRootMinStem, settings.sameRootMaxSuffix)) {
      concept.alternatives.push([related]);
      addTerm(related, settings.sameRootBoost);
    }
    // Weigh the concept by the forms the corpus uses: a word the corpus only has in another form is not "unseen".
    const known = concept.alternatives.map((alt) => alt[0]!).filter((t) => index.hasTerm(t));
    if (known.length > 0) concept.weight = Math.max(...known.map((t) => index.idf(t)));
    // Framing words weigh little, unless the query is nothing but framing ("стратегия развития").
    const framing = (t: string) => isFramingTerm(t) || regionTerms.has(t);
    if (framing(term) && !terms.every(framing)) {
      concept.weight *= settings.framingWeight;
      if (regionTerms.has(term)) keywordTerms.set(term, settings.framingWeight);
    }
  }

  const tokens = termTokens(text);
  const termSet = new Set(terms);
  for (const entry of index.abbreviations) {
    // Abbreviation → expansion. Short abbreviations only in capitals: "ИТ", "ПО" are also ordinary words.
    const written = tokens.find((t) => t.text.toUpperCase() === entry.abbreviation && (t.text === entry.abbreviation || t.text.length >= 3));
    const writtenAsPhrase = entry.abbreviationTerms.length > 1 && entry.abbreviationTerms.every((t) => termSet.has(t));
    if (written || writtenAsPhrase) {
      expansions.push({ from: entry.abbreviation, to: entry.expansion });
      // The expansion stands for one written word: its words share that word's boost, so a passage with the
      // expansion's several common words does not outrank one with the abbreviation the user typed.
      for (const t of entry.expansionTerms) addTerm(t, settings.expansionBoost / entry.expansionTerms.length);
      const concept = concepts.find((c) => entry.abbreviationTerms.length === 1 && c.alternatives[0]![0] === entry.abbreviationTerms[0]);
      if (concept) {
        concept.alternatives.push(entry.expansionTerms);
        concept.weight = Math.max(concept.weight, ...entry.expansionTerms.map((t) => index.idf(t)));
      } else {
        // A stop-word abbreviation ("ПО") has no concept of its own yet.
        concepts.push({ label: entry.abbreviation, weight: Math.max(...entry.expansionTerms.map((t) => index.idf(t))), alternatives: [entry.expansionTerms] });
      }
      continue;
    }
    // Expansion → abbreviation: every content word of the expansion is in the query.
    if (entry.abbreviationTerms.length > 0 && entry.expansionTerms.every((t) => termSet.has(t))) {
      expansions.push({ from: entry.expansion, to: entry.abbreviation });
      for (const t of entry.abbreviationTerms) addTerm(t, 1);
      for (const concept of concepts) {
        if (entry.expansionTerms.includes(concept.alternatives[0]![0]!)) concept.alternatives.push(entry.abbreviationTerms);
      }
    }
  }

  const matchTerms = new Set<string>();
  for (const c of concepts) for (const alt of c.alternatives) for (const t of alt) matchTerms.add(t);
  // One translation for each word (or phrase), so the concept model weighs the question's words as the user wrote
  // them; an untranslated word stays, and the concept model counts it as a word the corpus cannot express.
  const conceptText = options.translations ? options.translations.map((t) => t.to[0]?.word ?? t.word).join(' ') : text;
  const modelText = expansions.length > 0 ? `${text} (${expansions.map((e) => e.to).join('; ')})` : text;
  return {
    original,
    text,
    conceptText,
    modelText,
    regions,
    expansions,
    translations,
    concepts,
    keywordTerms: [...keywordTerms].map(([term, boost]) => ({ term, boost })),
    matchTerms,
  };
}

/**
 * Keyword coverage: how much of the question a passage covers, the idf-weighted share of the plan's concepts
 * present among `matched` terms. An alternative of several terms (an expansion) counts when all its terms are
 * present (`longAlternativeShare` of them for expansions longer than `shortAlternativeTerms` words).
 */
export function keywordCoverage(plan: QueryPlan, matched: ReadonlySet<string>, options: KeywordCoverageOptions): number {
  let total = 0;
  let covered = 0;
  for (const concept of plan.concepts) {
    total += concept.weight;
    const present = concept.alternatives.some((alt) => {
      const hits = alt.filter((t) => matched.has(t)).length;
      return alt.length <= options.shortAlternativeTerms ? hits === alt.length : hits >= Math.ceil(alt.length * options.longAlternativeShare);
    });
    if (present) covered += concept.weight;
  }
  return total > 0 ? covered / total : 0;
}

/** Query terms among the given tokens (e.g. a passage's tokens within one sentence). */
export function matchedTermsIn(plan: QueryPlan, tokens: Iterable<TermToken>): Set<string> {
  const found = new Set<string>();
  for (const token of tokens) for (const t of token.terms) if (plan.matchTerms.has(t)) found.add(t);
  return found;
}

