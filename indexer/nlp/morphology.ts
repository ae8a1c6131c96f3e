/**
 * Lemmas via `az` (OpenCorpora dictionaries, pymorphy2-compatible). Dictionaries load asynchronously once
 * (`initMorphology()`); `lemmatize()` is synchronous afterwards and cached. Words the dictionary does not know fall
 * back to the Snowball stem (lunr-languages), which is at least consistent across word forms.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import Az, { type AzParse } from 'az';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import russian from 'lunr-languages/lunr.ru.js';
import { isAbbreviationLike, normalizeWord } from './tokenize.js';

const require = createRequire(import.meta.url);

/** Analysers whose normal form we trust; guesses (`SuffixKnown`, `PrefixUnknown`) are unreliable for acronyms. */
const TRUSTED_PARSERS = new Set(['Dictionary', 'PrefixKnown', 'HyphenWords', 'HyphenAdverb', 'HyphenParticle']);
/** Unknown short words are abbreviations (ЕПГУ, ЦОД): keep them whole instead of stemming "епгу" → "епг". */
const KEEP_UNKNOWN_UP_TO = 5;
const CACHE_LIMIT = 200_000;

let initPromise: Promise<void> | null = null;
let ready = false;
interface Analysis {
  lemma: string;
  /** OpenCorpora part of speech (NOUN, ADJF, VERB, INFN, ...) of the chosen parse; null when az does not know the word. */
  pos: string | null;
}

const cache = new Map<string, Analysis>();

type LunrWithRu = typeof lunr & { ru?: { stemmer: (word: string) => string } };

/**
 * The Snowball stemmer of lunr-languages, registered on a private copy of lunr so that the keyword index (which
 * registers the same plugin on the real lunr) neither sees our registration nor warns about a duplicate.
 */
function russianStemmer(): (word: string) => string {
  const pipeline = Object.assign(Object.create(lunr.Pipeline) as typeof lunr.Pipeline, {
    registerFunction: (fn: lunr.PipelineFunction, label: string) => Object.assign(fn, { label }),
  });
  const isolated = Object.assign(Object.create(lunr) as LunrWithRu, { Pipeline: pipeline });
  stemmerSupport(isolated);
  russian(isolated);
  const stemmer = isolated.ru?.stemmer;
  if (!stemmer) throw new Error('lunr-languages did not register the Russian stemmer');
  return stemmer;
}

const stemWord = russianStemmer();

/** Loads the OpenCorpora dictionaries shipped with `az`. Safe to call many times. */
export function initMorphology(): Promise<void> {
  initPromise ??= new Promise<void>((resolve, reject) => {
    const dictsDir = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
    Az.Morph.init(dictsDir, (error) => {
      if (error) {
        initPromise = null;
        reject(new Error(`Could not load az morphology dictionaries from ${dictsDir}: ${error.message}`));
        return;
      }
      ready = true;
      resolve();
    });
  });
  return initPromise;
}

export function isMorphologyReady(): boolean {
  return ready;
}

/** Snowball stem of a lowercased word (the same stemmer lunr uses for the keyword index). */
export function stem(word: string): string {
  return stemWord(normalizeWord(word));
}

/** Normal form of a word: lowercase, `ё` → `е`; dictionary lemma when az knows the word, else its stem. */
export function lemmatize(word: string): string {
  return analyseWord(word).lemma;
}

/**
 * Every dictionary lemma the word can have, the one `lemmatize()` picks first. The dictionaries have no frequencies,
 * so ties are common ("парках" → парка | парк, "старые" → старое | старый): a caller that knows which lemmas matter
 * (the corpus vocabulary) can pick a better one.
 */
export function lemmaAlternatives(word: string): string[] {
  const first = lemmatize(word);
  const norm = normalizeWord(word);
  if (isAbbreviationLike(word) || norm.length < 3 || /[^а-яе-]/.test(norm)) return [first];
  const lemmas = [first];
  for (const parse of Az.Morph(norm)) {
    if (!TRUSTED_PARSERS.has(parse.parser)) continue;
    const lemma = normalFormOf(parse);
    if (!lemmas.includes(lemma)) lemmas.push(lemma);
  }
  return lemmas;
}

/** Part of speech (OpenCorpora tag: NOUN, ADJF, VERB, INFN, ADVB, ...) or null for unknown words. */
export function partOfSpeech(word: string): string | null {
  return analyseWord(word).pos;
}

function analyseWord(word: string): Analysis {
  if (!ready) throw new Error('Morphology is not loaded: await initMorphology() before lemmatize().');
  const norm = normalizeWord(word);
  if (isAbbreviationLike(word)) return { lemma: norm, pos: null }; // ЕПГУ, ЖКХ, ЕПГУРПГУ: never stem acronyms
  const cached = cache.get(norm);
  if (cached !== undefined) return cached;
  const analysis = computeAnalysis(norm);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, analysis);
  return analysis;
}

/**
 * The normal form of one parse. A hyphenated compound parsed as two words ("контакт-центр", "детей-сирот") has no
 * `word` of its own; its string form joins the normalised halves.
 */
function normalFormOf(parse: AzParse): string {
  const normal = parse.normalize();
  return normalizeWord(typeof normal.word === 'string' ? (parse.prefix ?? '') + normal.word : String(normal));
}

function computeAnalysis(norm: string): Analysis {
  if (norm.length < 3 || /[^а-яе-]/.test(norm)) return { lemma: norm, pos: null }; // numbers, Latin, very short words
  let best: { lemma: string; score: number; pos: string | null } | null = null;
  for (const parse of Az.Morph(norm)) {
    if (!TRUSTED_PARSERS.has(parse.parser)) continue;
    if (best && parse.score <= best.score) continue;
    best = { lemma: normalFormOf(parse), score: parse.score, pos: parse.tag.POST ?? null };
  }
  if (best) return { lemma: best.lemma, pos: best.pos };
  if (norm.length <= KEEP_UNKNOWN_UP_TO) return { lemma: norm, pos: null };
  const lemma = norm.includes('-') ? norm.split('-').map((part) => stemWord(part)).join('-') : stemWord(norm);
  return { lemma, pos: null };
}
