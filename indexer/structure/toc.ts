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

/** A bare section number as a table cell: `1`, `1.1`, `4.2.` */
const NUMBER_CELL = /^\d+(?:\.\d+)*\.?$/u;
/** A page number as the last table cell. */
const PAGE_CELL = /^\d{1,4}$/u;
/** Words after which a trailing number belongs to the title («Приложение 1»), not to the page column. */
const NUMBERED_WORD = /(?:Приложение|Раздел|Глава|№)\s+\d+$/iu;

/**
 * Entries of a contents line laid out as a table. pdf-parse joins the cells of a row with tabs, and a whole
 * contents table can come out as one line (`1⇥Основные положения⇥3⇥1.1⇥Основания разработки⇥3⇥…`): cells are read
 * as number, title and page in turn. Returns null for a line without tabs.
 */
export function parseTocTableLine(line: string): TocEntry[] | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => collapseWhitespace(c)).filter(Boolean);
  const entries: TocEntry[] = [];
  let current: TocEntry | null = null;
  for (const cell of cells) {
    if (current && current.title && current.page === null && PAGE_CELL.test(cell)) {
      current.page = Number(cell);
    } else if (NUMBER_CELL.test(cell)) {
      current = { number: cell.replace(/\.$/u, ''), title: '', page: null };
      entries.push(current);
    } else if (/\p{L}/u.test(cell)) {
      if (current && !current.title) {
        current.title = cleanHeadingTitle(cell);
      } else {
        const parsed = parseTocLine(cell);
        if (!parsed) continue;
        current = parsed;
        entries.push(current);
      }
    }
  }
  return entries.filter((e) => e.title && /\p{L}/u.test(e.title));
}

/**
 * A contents row whose page number is separated from the title by a single space (column-aligned rows of a table
 * as pdf-parse gives them: `1.1 Основания разработки 3`): the title and the trailing number, or null.
 */
function trailingPage(entry: TocEntry): { title: string; page: number } | null {
  if (entry.page !== null || NUMBERED_WORD.test(entry.title)) return null;
  const m = /^(.*\p{L}.*?)\s+(\d{1,4})$/u.exec(entry.title);
  return m ? { title: m[1]!, page: Number(m[2]) } : null;
}

/**
 * Finds the table of contents at the start of a layout text («ОГЛАВЛЕНИЕ» followed by entry lines) and where
 * the body starts (the line repeating the first entry), so the TOC is never taken for the outline. Contents laid
 * out as a table are read too: cells joined by tabs (one row or the whole table per line), or rows whose page
 * number follows the title after a single space (taken as pages when most numbered rows end with one).
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
  const bareTitle = (e: TocEntry) => trailingPage(e)?.title ?? e.title;
  for (let i = start + 1; i < lines.length && i < start + 300; i++) {
    const line = lines[i]!;
    if (!line.trim() || bareNumber(line) !== null) continue;
    const tableEntries = parseTocTableLine(line);
    if (tableEntries && tableEntries.length > 0) {
      entries.push(...tableEntries);
      continue;
    }
    const entry = parseTocLine(line);
    if (!entry) continue;
    const first = entries[0];
    // The body starts where the first entry is repeated (without dot leaders / page number).
    if (first && entries.length >= 2 && entry.number === first.number && sameTitle(entry.title, bareTitle(first)) && entry.page === null) {
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
  // Column-aligned table rows: when most numbered rows end with a number, that number is the page column.
  const numbered = entries.filter((e) => e.number);
  if (numbered.length >= 2 && numbered.filter((e) => trailingPage(e)).length * 2 > numbered.length) {
    for (const e of entries) {
      const split = trailingPage(e);
      if (split) Object.assign(e, { title: cleanHeadingTitle(split.title), page: split.page });
    }
  }
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
