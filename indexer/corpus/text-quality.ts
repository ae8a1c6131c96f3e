import { initMorphology, partOfSpeech } from '../nlp/morphology.js';

/**
 * The quality gate for extracted text: a document is indexed only if its text reads as prose in a language the
 * index serves (Russian; English is accepted too, e5 reads it). It catches what the loaders cannot see in the bytes:
 * random bytes that happen to decode (no NUL, valid Windows-1251), mojibake (UTF-8 read as Windows-1251 or
 * Latin-1 and saved again), and letter salad.
 *
 * Thresholds measured on the bundled corpus and on junk samples (`tests/indexer/text-quality.test.ts` builds the
 * same samples and prints the table; 2026-11-29): the five bundled strategies score letters 0.95–0.98, dictionary
 * words 0.94–0.97, mojibake 0; random bytes that decode (Windows-1251, printable ASCII) score letters 0.55–0.75 and
 * dictionary words ≤ 0.03; letter salad 0.01–0.04 dictionary words; UTF-8 read as Windows-1251, Latin-1 or
 * Windows-1252, and Windows-1251 read as Latin-1, score 50–90 mojibake pairs per 100 letters; KOI8-R read as
 * Windows-1251 has no mojibake pairs but 0 dictionary words. Every limit sits far from both sides.
 */
export const TEXT_QUALITY_LIMITS = {
  /** Letters among visible characters. Bundled corpus ≥ 0.95, English README 0.82; random bytes 0.55–0.75. */
  minLetterShare: 0.7,
  /** Russian words the OpenCorpora dictionary knows, among Cyrillic words of ≥ 3 letters. Corpus ≥ 0.94; junk ≤ 0.04. */
  minDictionaryShare: 0.5,
  /** English function words among Latin words, for a mostly Latin text. README (English with code) 0.27; random ASCII 0.02. */
  minEnglishFunctionShare: 0.2,
  /** Letter pairs typical of mojibake, per 100 letters. Corpus 0; mojibake 50–90 (one garbled word in ten gives ≈ 5). */
  maxMojibakePer100Letters: 1,
  /** Words sampled (spread over the whole text) — enough for a stable share, cheap for a 300-page document. */
  sampleWords: 4000,
  /** Fewest words needed to judge; shorter texts are judged by the loaders' minimum length alone. */
  minWordsToJudge: 30,
} as const;

/** What the gate measured on a text. */
export interface TextQuality {
  letterShare: number;
  /** Script of most letters. */
  script: 'cyrillic' | 'latin' | 'other';
  /** Share of sampled words recognised as words of the text's language (dictionary or function words). */
  wordShare: number;
  mojibakePer100Letters: number;
  wordsSampled: number;
}

/** The gate's verdict: `reason` (for humans, says what to do) is set when the text is refused. */
export interface TextQualityVerdict {
  quality: TextQuality;
  reason: string | null;
}

// UTF-8 Cyrillic read as Windows-1251: «Р»/«С» followed by a Windows-1251 byte 0x80–0xBF («РЎС‚…», «Рѕ»).
const MOJIBAKE_CP1251 = /[РС][\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u2122\u0459\u203A\u045A\u045C\u045B\u045F\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u0401\u00A9\u0404\u00AB\u00AC\u00AE\u0407\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0451\u2116\u0454\u00BB\u0458\u0405\u0455\u0457]/gu;
// UTF-8 Cyrillic read as Latin-1 / Windows-1252: «Ð»/«Ñ» followed by a continuation byte («Ð¡Ñ‚»).
const MOJIBAKE_LATIN1 = /[ÐÑ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/gu;
// Windows-1251 Russian read as Latin-1: «Ñòðàòåãèÿ» — runs of accented Latin letters no Western language has.
const MOJIBAKE_LATIN1_RUN = /[À-ÿ]{4,}/gu;

/** The most frequent English words: running English text is ~40% these, anything else almost none. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will can more who its into than them these also may other such only should'.split(
    ' ',
  ),
);

/** Measures a text (see {@link TEXT_QUALITY_LIMITS}); loads the morphology dictionaries on first use. */
export async function assessTextQuality(text: string): Promise<TextQualityVerdict> {
  await initMorphology();
  const quality = measure(text);
  return { quality, reason: refusal(quality) };
}

function measure(text: string): TextQuality {
  const visible = text.match(/\S/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/[\u0400-\u04FF]/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const script = cyrillic >= latin && cyrillic > letters / 2 ? 'cyrillic' : latin > letters / 2 ? 'latin' : 'other';
  const mojibake =
    (text.match(MOJIBAKE_CP1251)?.length ?? 0) +
    (text.match(MOJIBAKE_LATIN1)?.length ?? 0) +
    (text.match(MOJIBAKE_LATIN1_RUN)?.reduce((n, run) => n + run.length / 2, 0) ?? 0);

  const words = sampleWords(text, script === 'latin' ? /[A-Za-z]+/g : /[\u0400-\u04FF]{3,}/gu);
  const known =
    script === 'latin'
      ? words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())).length
      : words.filter((w) => partOfSpeech(w) !== null).length;
  return {
    letterShare: round(letters / Math.max(1, visible)),
    script,
    wordShare: round(known / Math.max(1, words.length)),
    mojibakePer100Letters: round((100 * mojibake) / Math.max(1, letters)),
    wordsSampled: words.length,
  };
}

/** Up to `sampleWords` words taken in even runs across the whole text (a title page alone is not the document). */
function sampleWords(text: string, re: RegExp): string[] {
  const all = text.match(re) ?? [];
  const limit = TEXT_QUALITY_LIMITS.sampleWords;
  if (all.length <= limit) return all;
  const runs = 20;
  const runLength = Math.floor(limit / runs);
  const step = Math.floor(all.length / runs);
  const sample: string[] = [];
  for (let r = 0; r < runs; r++) sample.push(...all.slice(r * step, r * step + runLength));
  return sample;
}

function refusal(q: TextQuality): string | null {
  const L = TEXT_QUALITY_LIMITS;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (q.mojibakePer100Letters > L.maxMojibakePer100Letters) {
    return `text is mojibake (${q.mojibakePer100Letters} garbled letter pairs per 100 letters such as «РЎС‚» or «Ð¡Ñ‚», at most ${L.maxMojibakePer100Letters} allowed): it was converted with the wrong encoding; re-save the original as UTF-8`;
  }
  if (q.letterShare < L.minLetterShare) {
    return `text is not prose: only ${pct(q.letterShare)} of its characters are letters (at least ${pct(L.minLetterShare)} expected)`;
  }
  if (q.wordsSampled < L.minWordsToJudge) return null;
  if (q.script === 'other') {
    return 'text is neither Russian nor English: most letters are in another script (random bytes or a wrong encoding?)';
  }
  if (q.script === 'cyrillic' && q.wordShare < L.minDictionaryShare) {
    return `text does not read as Russian: ${pct(q.wordShare)} of its words are in the Russian dictionary (at least ${pct(L.minDictionaryShare)} expected; random bytes or a wrong encoding?)`;
  }
  if (q.script === 'latin' && q.wordShare < L.minEnglishFunctionShare) {
    return `text does not read as English or Russian prose: ${pct(q.wordShare)} of its words are common English words (at least ${pct(L.minEnglishFunctionShare)} expected)`;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
