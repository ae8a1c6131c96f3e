/**
 * Tokenizer for Russian strategy texts, including the flattened extractions where punctuation was stripped and
 * words got glued ("2Раздел", "ИТрешений", "ГосуслугиДом", "ЕПГУ/РПГУ").
 */

export type TokenKind = 'word' | 'number' | 'abbreviation';

export interface Token {
  /** The token as written (glued pieces are split, so this is a substring of the text). */
  text: string;
  /** Lowercased, `ё` → `е`. */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// Words (Cyrillic/Latin, with inner hyphens like "ИТ-специалист"), numbers (with . or , separators),
// short alphanumeric codes that must stay whole ("5G", "1С", "3D").
const TOKEN_RE = /\d+[A-Za-zА-ЯЁ]{1,2}(?![\p{L}\d])|\d+(?:[.,]\d+)*|\p{L}+(?:[-‐‑]\p{L}+)*/gu;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(/[‐‑]/g, '-');
}

/** An all-caps word of 2–10 letters (Cyrillic or Latin), e.g. ЕПГУ, ЖКХ, IT. */
export function isAbbreviationLike(word: string): boolean {
  return /^[А-ЯЁA-Z]{2,10}$/u.test(word);
}

const CAMEL_BRANDS = /^ВКонтакт/u;

function splitGlued(word: string): string[] {
  if (word.includes('-')) return [word];
  const parts: string[] = [];
  let rest = word;
  // Upper-case run followed by a lowercase word: "ИТрешений" → ["ИТ", "решений"]. Brand names in camel case that
  // start with a one-letter word stay whole ("ВКонтакте" is not "ВК" + "онтакте").
  const upperRun = CAMEL_BRANDS.test(rest) ? null : /^(\p{Lu}{2,})(\p{Ll}{3,}.*)$/u.exec(rest);
  if (upperRun?.[1] && upperRun[2]) {
    parts.push(upperRun[1]);
    rest = upperRun[2];
  }
  // lower→Upper boundaries: "ГосуслугиДом" → ["Госуслуги", "Дом"]; "КарачаевоЧеркесской" likewise.
  for (const piece of rest.split(/(?<=\p{Ll})(?=\p{Lu})/u)) if (piece) parts.push(piece);
  return parts;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const start = match.index;
    if (/^\d/.test(raw)) {
      tokens.push({ text: raw, norm: normalizeWord(raw), start, end: start + raw.length, kind: 'number' });
      continue;
    }
    let offset = start;
    for (const piece of splitGlued(raw)) {
      const pieceStart = text.indexOf(piece, offset);
      const kind: TokenKind = isAbbreviationLike(piece) ? 'abbreviation' : 'word';
      tokens.push({ text: piece, norm: normalizeWord(piece), start: pieceStart, end: pieceStart + piece.length, kind });
      offset = pieceStart + piece.length;
    }
  }
  return tokens;
}

/** Lowercased word tokens (no numbers) — the common case for feature extraction. */
export function words(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind !== 'number')
    .map((token) => token.norm);
}
