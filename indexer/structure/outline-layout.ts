import type { Sector } from '../types.js';
import { titleWords } from './normalize.js';
import { sectorFromTitle } from './sectors.js';
import { SECTOR_TITLES, canonicalTitle, matchTemplate } from './template.js';
import { cleanHeadingTitle, findTocEntry, type TocEntry } from './toc.js';

/** A heading found in a layout text. */
export interface LayoutHeading {
  /** Index of the heading's first line. */
  line: number;
  /** Number of lines the heading occupies (titles wrapped over two lines). */
  lineCount: number;
  /** Dotted number (`4.2`); `''` for unnumbered headings (sector groups inside tables, appendices). */
  number: string;
  title: string;
  level: number;
  /** Sector named by the heading, or null when it names none. */
  sector: Sector | null;
  /** `group`: a sector sub-heading inside a table section («1. Образование и наука» in «Проекты»). */
  kind: 'section' | 'group';
}

/** Options of {@link detectLayoutHeadings}. */
export interface DetectLayoutHeadingsOptions {
  /** The document's table of contents, used to validate and correct heading numbers. Default: none. */
  toc?: TocEntry[] | null;
  /** Longest accepted heading title. Default: 160 characters. */
  maxTitleLength?: number;
}

const RAZDEL = /^(\d+)\s*\.?\s*Раздел(?![\p{L}])\s*(.*)$/u;
const RAZDEL_AFTER = /^Раздел\s+(\d+|[IVXLC]+)\s*\.?\s*(.*)$/u;
const GLAVA = /^Глава\s+(\d+|[IVXLC]+)\s*\.?\s*(.*)$/u;
const DOTTED = /^(\d+(?:\.\d+)+)\s*\.?\s*(\p{Lu}.*)$/u;
const SINGLE = /^(\d+)\s*\.\s*(\p{Lu}.*)$/u;
const APPENDIX = /^(Приложение|ПРИЛОЖЕНИЕ)(?:\s+(?:№\s*)?(\d+))?\s*\.?$/u;

function romanToInt(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const map: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < value.length; i++) {
    const v = map[value[i]!] ?? 0;
    const next = map[value[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Quote or bracket opened in a heading but closed on the next line. */
function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/«/g) > count(/»/g) || count(/\(/g) > count(/\)/g);
}

/**
 * Detects the outline of a layout text: «N. Раздел …», «Раздел N …», «Глава N», dotted «4.2. …» subsections,
 * plain «N. Title» top-level headings (documents without «Раздел»), appendices, and sector sub-headings
 * inside table sections. Numbers must progress (4 → 4.1 → 4.2 → 5); a misprinted number («5.6» inside section 4)
 * is corrected from the table of contents when the title matches an entry there.
 */
export function detectLayoutHeadings(lines: string[], options: DetectLayoutHeadingsOptions = {}): LayoutHeading[] {
  const toc = options.toc ?? null;
  const maxTitle = options.maxTitleLength ?? 160;
  const razdelStyle = lines.filter((l) => RAZDEL.test(l.trim()) || RAZDEL_AFTER.test(l.trim())).length >= 2;
  const tocHasSubs = (toc ?? []).some((e) => e.number.includes('.'));

  const headings: LayoutHeading[] = [];
  let top: { number: number; sectorSpecific: boolean } | null = null;
  const lastChild = new Map<string, number>(); // parent number → last child index
  let lastGroup = 0;
  const sectorTitlesSeen: string[] = []; // sector subsection titles of this document (e.g. 4.7 Кадровое обеспечение)

  const withContinuation = (i: number, title: string): { title: string; lineCount: number } => {
    let text = title;
    let count = 1;
    while (unbalanced(text) && count < 3 && i + count < lines.length) {
      const next = lines[i + count]!.trim();
      if (!next || next.length > 120) break;
      text = `${text} ${next}`;
      count++;
    }
    return { title: text, lineCount: count };
  };

  const acceptTop = (i: number, n: number, rawTitle: string) => {
    const { title: joined, lineCount } = withContinuation(i, rawTitle);
    const title = cleanHeadingTitle(joined);
    if (!title || title.length > maxTitle) return false;
    if (top && n <= top.number) return false;
    const sector = sectorFromTitle(title);
    headings.push({ line: i, lineCount, number: String(n), title, level: 1, sector, kind: 'section' });
    top = { number: n, sectorSpecific: sector !== null };
    lastGroup = 0;
    return true;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text || text.length > maxTitle + 20) continue;

    let m = RAZDEL.exec(text) ?? RAZDEL_AFTER.exec(text) ?? GLAVA.exec(text);
    if (m) {
      if (acceptTop(i, romanToInt(m[1]!), m[2] ?? '')) i += headings[headings.length - 1]!.lineCount - 1;
      continue;
    }

    m = APPENDIX.exec(text);
    if (m) {
      const entry = toc ? findTocEntry(toc, '', m[1]!) : null;
      const n = entry?.number && !entry.number.includes('.') ? Number(entry.number) : null;
      if (n !== null && (!top || n > top.number)) {
        acceptTop(i, n, text);
      } else if (top) {
        headings.push({ line: i, lineCount: 1, number: '', title: cleanHeadingTitle(text), level: 1, sector: null, kind: 'section' });
        top = { number: top.number, sectorSpecific: false };
      }
      continue;
    }

    m = DOTTED.exec(text);
    if (m && top) {
      const { title: joined, lineCount } = withContinuation(i, m[2]!);
      const title = cleanHeadingTitle(joined);
      if (!title || title.length > maxTitle || /[,;]$/.test(joined.trim())) continue;
      let number = m[1]!;
      const entry = toc ? findTocEntry(toc, number, title) : null;
      // A TOC lists the subsections: anything else is a numbered paragraph — unless the TOC skips exactly this
      // number (it lists 2.2 and 2.4, the body has «2.3. Социальная сфера»): a heading the contents left out.
      if (tocHasSubs && !entry && !(toc && tocSkips(toc, number) && looksLikeHeading(title))) continue;
      if (entry && entry.number && entry.number !== number && entry.number.split('.')[0] === String(top.number)) {
        number = entry.number; // misprinted number in the body (e.g. "5.6." inside section 4)
      }
      const parts = number.split('.');
      const parent = parts.slice(0, -1).join('.');
      const index = Number(parts[parts.length - 1]);
      if (parts[0] !== String(top.number)) continue;
      const parentExists = parts.length === 2 || headings.some((h) => h.number === parent);
      if (!parentExists || index <= (lastChild.get(parent) ?? 0)) continue;
      lastChild.set(parent, index);
      const sector = sectorFromTitle(title);
      if (sector !== null && parts[0] === '4' && parts.length === 2) sectorTitlesSeen.push(title);
      headings.push({ line: i, lineCount, number, title, level: parts.length, sector, kind: 'section' });
      i += lineCount - 1;
      continue;
    }

    m = SINGLE.exec(text);
    if (m) {
      const n = Number(m[1]);
      const title = cleanHeadingTitle(m[2]!);
      const nextTop = !razdelStyle && (top === null ? n === 1 : n === top.number + 1);
      // Sector groups inside a table section: «1. Образование и наука», «2. Здравоохранение», …
      if (!nextTop && top && !top.sectorSpecific && n > lastGroup && n <= lastGroup + 2 && isSectorGroupTitle(title, sectorTitlesSeen)) {
        const canonical = canonicalTitle(title, SECTOR_TITLES) ?? title;
        headings.push({
          line: i,
          lineCount: 1,
          number: '',
          title: sectorTitlesSeen.find((t) => titleWords(t).join(' ') === titleWords(title).join(' ')) ?? canonical,
          level: 2,
          sector: sectorFromTitle(title) ?? 'general',
          kind: 'group',
        });
        lastGroup = n;
        continue;
      }
      if (nextTop && title.length <= 120 && !/[,;:]$/.test(text)) {
        const entry = toc ? findTocEntry(toc, String(n), title) : null;
        if (toc && toc.length > 0 && !entry && !(tocSkips(toc, String(n)) && looksLikeHeading(title))) continue;
        acceptTop(i, n, m[2]!);
      }
    }
  }
  return headings;
}

/**
 * True when the contents skip `number`: they list a later sibling (same parent, higher index) but not it.
 * `2.3` is skipped by contents listing 2.2 and 2.4; `5` by contents listing 4 and 6.
 */
export function tocSkips(toc: TocEntry[], number: string): boolean {
  if (toc.some((e) => e.number === number)) return false;
  const parts = number.split('.');
  const parent = parts.slice(0, -1).join('.');
  const index = Number(parts[parts.length - 1]);
  return toc.some((e) => {
    const p = e.number.split('.');
    return p.length === parts.length && p.slice(0, -1).join('.') === parent && Number(p[p.length - 1]) > index;
  });
}

/** Longest title (in words) of a heading the contents did not list; numbered paragraphs run longer. */
const UNLISTED_HEADING_MAX_WORDS = 10;

/** A short title without sentence punctuation: a heading rather than a numbered paragraph. */
function looksLikeHeading(title: string): boolean {
  return title.split(/\s+/u).length <= UNLISTED_HEADING_MAX_WORDS && !/[.,;:!?]$/u.test(title) && !/\.\s+\p{Lu}/u.test(title);
}

function isSectorGroupTitle(title: string, documentSectorTitles: string[]): boolean {
  const words = titleWords(title);
  if (words.length === 0 || words.length > 8) return false;
  if (matchTemplate(SECTOR_TITLES, words, true)) return true;
  return documentSectorTitles.some((t) => titleWords(t).join(' ') === words.join(' '));
}
