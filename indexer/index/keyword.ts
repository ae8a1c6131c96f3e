import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import russian from 'lunr-languages/lunr.ru.js';
import multi from 'lunr-languages/lunr.multi.js';
import type { Passage } from '../types.js';

/**
 * The keyword leg: lunr with Snowball Russian stemming (plus English, so Latin terms such as "IT" or "5G"
 * survive the Russian trimmer). Build time and query time share one pipeline through this module.
 */

stemmerSupport(lunr);
russian(lunr);
multi(lunr);

/** Folds «ё» into «е» (one character for one, so match positions stay valid): the corpus spells both. */
const foldYo = (text: string): string => text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');

// lunr's type definitions do not know the language plugins; this is the part we use.
type LunrWithLanguages = typeof lunr & { multiLanguage(...langs: string[]): lunr.Builder.Plugin };
const languagePlugin = (lunr as LunrWithLanguages).multiLanguage('en', 'ru');

/** Field boosts: a match in the section path says the whole passage is about the term. */
export const KEYWORD_FIELDS = { text: 1, section: 2 } as const;

export function buildKeywordIndex(passages: readonly Passage[]): lunr.Index {
  return lunr(function () {
    this.use(languagePlugin);
    this.ref('ref');
    this.field('text', { boost: KEYWORD_FIELDS.text });
    this.field('section', { boost: KEYWORD_FIELDS.section });
    passages.forEach((p, i) => this.add({ ref: String(i), text: foldYo(p.text), section: foldYo(p.section.path) }));
  });
}

export function loadKeywordIndex(serialised: object): lunr.Index {
  return lunr.Index.load(serialised);
}

/**
 * The index-time pipeline (trimmer, stop words, stemmer), for turning query text into the terms stored in the
 * index. lunr's own search pipeline only stems, so "области," or "и" would reach the index untrimmed.
 */
const termPipeline: lunr.Pipeline = (() => {
  const builder = new lunr.Builder();
  languagePlugin.call(builder, builder);
  return builder.pipeline;
})();

/**
 * Stemmed terms of `text` exactly as the keyword index stores them (stop words removed); the server scores them
 * against the index's BM25 weights (retrieval/keyword-impacts.ts).
 */
export function keywordTerms(text: string): string[] {
  const tokens = lunr.tokenizer(foldYo(text).toLowerCase());
  return termPipeline.run(tokens).map((t) => t.toString()).filter((t) => t.length > 0);
}
