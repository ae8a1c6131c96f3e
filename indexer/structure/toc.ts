import { bareNumber } from './page-numbers.js';
import { collapseWhitespace, sameTitle, titleWords } from './normalize.js';

/** One entry of a printed table of contents. */
export interface TocEntry {
  /** Dotted number as printed (`4.2`), `''` when unnumbered. */
  number: string;
  /** Title without «Раздел», quotes, dot leaders or page number. */
  title: string;
  /** Page printed after the dot leaders, when there is one. */
  page: number | null;
}

/** A table of contents found in a layout text. */
export interface LayoutToc {
  /** First line (the «ОГЛАВЛЕНИЕ» line). */
  start: number;
  /** First line after the TOC (where the body starts). */
  end: number;
  entries: TocEntry[];
}

const TOC_TITLE = /^\s*(ОГЛАВЛЕНИЕ|Оглавление|СОДЕРЖАНИЕ|Содержание)\s*:?\s*$/u;
const ENTRY = /^\s*(?:(\d+(?:\.\d+)*)\s*\.?\s*)?(.*?)(?:\s*(?:\.{3,}|…+|\s{3,}|\.\s*)\s*(\d{1,4}))?\s*$/u;

/** Splits a printed TOC line into number, title and page. */
export function parseTocLine(line: string): TocEntry | null {
  const m = ENTRY.exec(line);
  if (!m) return null;
  const title = cleanHeadingTitle(m[2] ?? '');
  if (!title || !/\p{L}/u.test(title)) return null;
  return { number: m[1] ?? '', title, page: m[3] ? Number(m[3]) : null };
}

/**
 * Title of a heading as it should appear in citations: without «Раздел», guillemets, trailing period or dot
 * leaders. `Раздел «Карточка стратегии (краткое содержание)».` → `Карточка стратегии (краткое содержание)`.
 */
export function cleanHeadingTitle(raw: string): string {
  let t = collapseWhitespace(raw)
    .replace(/\.{3,}.*$/u, '')
    .replace(/^Раздел\s*/u, '');
  t = t.replace(/^«\s*/u, '').replace(/[»".;:\s]+$/u, '');
  t = t.replace(/[«»]/gu, '');
  return t.trim();
}

/**
 * Finds the table of contents at the start of a layout text («ОГЛАВЛЕНИЕ» followed by entry lines) and where
 * the body starts (the line repeating the first entry), so the TOC is never taken for the outline.
 * @param lines all lines of the document
 * @param searchLines how many leading lines may hold the TOC title (default 400)
 */
export function findLayoutToc(lines: string[], searchLines = 400): LayoutToc | null {
  let start = -1;
  for (let i = 0; i < Math.min(lines.length, searchLines); i++) {
    if (TOC_TITLE.test(lines[i]!)) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const entries: TocEntry[] = [];
  let end = -1;
  for (let i = start + 1; i < lines.length && i < start + 300; i++) {
    const line = lines[i]!;
    if (!line.trim() || bareNumber(line) !== null) continue;
    const entry = parseTocLine(line);
    if (!entry) continue;
    const first = entries[0];
    // The body starts where the first entry is repeated (without dot leaders / page number).
    if (first && entries.length >= 2 && entry.number === first.number && sameTitle(entry.title, first.title) && entry.page === null) {
      end = i;
      break;
    }
    if (entry.number || /^(Приложени|Раздел|Глава)/u.test(entry.title) || entry.page !== null) {
      entries.push(entry);
    } else if (entries.length > 0 && entry.title.length < 80 && /^\p{Ll}/u.test(entry.title)) {
      // Wrapped entry: continuation of the previous title.
      const last = entries[entries.length - 1]!;
      last.title = `${last.title} ${entry.title}`;
    } else if (entries.length >= 2) {
      end = i;
      break;
    }
  }
  if (entries.length < 2) return null;
  if (end < 0) end = start + 1;
  return { start, end, entries };
}

/** The TOC entry a heading corresponds to: same number and title, or (when numbers were misprinted) same title. */
export function findTocEntry(entries: TocEntry[], number: string, title: string): TocEntry | null {
  const byTitle = entries.filter((e) => sameTitle(e.title, title) || titlesOverlap(e.title, title));
  const exact = byTitle.find((e) => e.number === number) ?? byTitle[0];
  if (exact) return exact;
  // Same number and same first word: the body words the title differently («Особенности и срок реализации»).
  const first = titleWords(title)[0];
  return entries.find((e) => number !== '' && e.number === number && titleWords(e.title)[0] === first) ?? null;
}

/** Titles that share their first three significant words (TOC and body wordings often differ at the end). */
function titlesOverlap(a: string, b: string): boolean {
  const wa = titleWords(a);
  const wb = titleWords(b);
  const n = Math.min(3, wa.length, wb.length);
  if (n === 0) return false;
  for (let i = 0; i < n; i++) if (wa[i] !== wb[i]) return false;
  return n >= Math.min(wa.length, wb.length);
}
