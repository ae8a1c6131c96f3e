/**
 * Pages of rows in a flattened text. The flattening keeps each printed page number as a bare number at the top of
 * its page («107 Раздел Показатели развития отрасли …», «108 пп Наименование проекта …», «… 18 25 32 76 учителя
 * …»), mixed with value cells. Starting from the number printed before the targets section's heading, the next page
 * is the next bare number one above the current page that stands where a page break can stand: before a repeated
 * table header, or after a complete run of values (never inside one).
 */

const INTEGER = /^\d{1,4}$/u;
/** A repeated table header starts with «пп» (the «№ п/п» column without its punctuation). */
const HEADER_START = 'пп';
/** The targets section is far into a strategy; a smaller «page» before its heading is a section number. */
const MIN_SECTION_PAGE = 20;

interface Token {
  text: string;
  start: number;
}

export interface FlatPages {
  /** Page printed last before `offset` (an offset into the whitespace-collapsed text), or null before the first. */
  pageAt(offset: number): number | null;
  /** Whitespace-collapsed text the offsets refer to. */
  text: string;
  /** Offset where the targets section starts: rows are looked up from there. */
  start: number;
}

/**
 * Reads the page numbers of the part of `raw` that starts at the first match of `sectionAnchor` (the targets
 * table's header). Returns null when the starting page cannot be found.
 */
export function flatPages(raw: string, sectionAnchor: RegExp, years: number): FlatPages | null {
  const text = raw.replace(/\s+/gu, ' ');
  const anchor = sectionAnchor.exec(text);
  if (!anchor) return null;
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/gu)) tokens.push({ text: m[0], start: m.index });
  const first = tokens.findIndex((t) => t.start >= anchor.index);
  // The heading «[7] Раздел …» before the header; the page number stands before it (after it, a section number).
  let razdel = first;
  while (razdel > 0 && !/Раздел/u.test(tokens[razdel]!.text)) razdel--;
  let k = razdel - 1;
  if (k >= 0 && /^\d$/u.test(tokens[k]!.text)) k--;
  const startPage = k >= 0 && INTEGER.test(tokens[k]!.text) ? Number(tokens[k]!.text) : NaN;
  if (!(startPage >= MIN_SECTION_PAGE)) return null;

  const marks: Array<{ start: number; page: number }> = [{ start: tokens[k]!.start, page: startPage }];
  let current = startPage;
  let run = 0;
  for (let i = razdel; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (!INTEGER.test(t)) {
      run = 0;
      continue;
    }
    const n = Number(t);
    const next = tokens[i + 1]?.text ?? '';
    const beforeHeader = next === HEADER_START;
    const standsAlone = !INTEGER.test(next) && (run === 0 || run >= years);
    if ((n === current + 1 && (beforeHeader || standsAlone)) || (n === current + 2 && beforeHeader)) {
      current = n;
      marks.push({ start: tokens[i]!.start, page: n });
      run = 0;
      continue;
    }
    run++;
  }
  return {
    text,
    start: tokens[k]!.start,
    pageAt(offset: number): number | null {
      let page: number | null = null;
      for (const m of marks) {
        if (m.start > offset) break;
        page = m.page;
      }
      return page;
    },
  };
}
