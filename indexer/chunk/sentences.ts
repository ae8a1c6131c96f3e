/** Abbreviations after which a period does not end a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set([
  'г', 'гг', 'т', 'е', 'ч', 'д', 'др', 'пр', 'ст', 'п', 'пп', 'им', 'ул', 'руб', 'тыс', 'млн', 'млрд', 'см', 'рис',
  'табл', 'англ', 'стр', 'с', 'ед', 'чел', 'мин', 'макс', 'в', 'напр', 'прим', 'гл', 'разд', 'обл', 'р', 'н', 'э',
]);

/**
 * Splits prose into sentences at `.`, `!`, `?`, `…` followed by a capital letter, digit or opening quote —
 * except after abbreviations (`г.`, `т.ч.`), initials (`М.В. Дегтярёв`) and list numbers (`1. Указ`).
 * Returns the sentences as exact substrings (whitespace between them dropped).
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…]+[»")]*\s+(?=[«"(]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index! + m[0].trimEnd().length;
    const before = text.slice(Math.max(start, m.index! - 12), m.index!);
    const lastToken = /([\p{L}\d]+)$/u.exec(before)?.[1] ?? '';
    if (m[0].startsWith('.')) {
      if (ABBREVIATIONS.has(lastToken.toLowerCase())) continue;
      if (/^\p{Lu}$/u.test(lastToken)) continue; // initial
      if (/^\d{1,3}$/.test(lastToken) && end - start <= 6) continue; // list number at the sentence start
    }
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = m.index! + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Splits an over-long piece of text into pieces of at most `max` characters at word boundaries. */
export function splitByWords(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (current && current.length + 1 + word.length > max) {
      pieces.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
