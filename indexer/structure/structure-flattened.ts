import type { OutlineSection, PageText, Sector } from '../types.js';
import { collapseWhitespace, escapeRegExp, titleWords } from './normalize.js';
import { sectorFromTitle } from './sectors.js';
import {
  SECTOR_TITLES,
  TEMPLATE_SUBSECTIONS,
  TEMPLATE_TOP_SECTIONS,
  canonicalTitle,
  matchTemplate,
} from './template.js';
import { WHOLE_DOCUMENT_TITLE, type SectionContent, type StructuredDocument } from './types.js';

/** Options of {@link structureFlattened}. */
export interface StructureFlattenedOptions {
  /** Longest top-level title read after «Раздел» when it is not in guillemets. Default: 12 words. */
  maxTitleWords?: number;
}

/** A heading located in the flattened text. */
interface FlatHeading {
  start: number;
  end: number;
  number: string;
  title: string;
  level: number;
  sector: Sector | null;
  /** Page printed next to it in the TOC (used to strip the stray page number before it). */
  tocPage: number | null;
}

/** A «Раздел» occurrence (in the TOC or the body). */
interface RazdelHit {
  start: number;
  end: number;
  number: number;
  title: string;
  templated: boolean;
}

/** A subsection entry read from a flattened TOC. */
interface FlatTocEntry {
  printed: string;
  title: string;
  page: number | null;
}

const RAZDEL = /(\d{0,2})\s*Раздел(?![\p{L}])/gu;
const LABEL_TITLES = /^(Вызовы развития|Общие вызовы|Перечень проблем)/u;

/**
 * Structures a flattened document (one long line, punctuation and short words stripped, numbers glued:
 * «41 Образование наука» = 4.1, «2Раздел»). Top-level sections are found at «Раздел» (numbered from the
 * glued digit, the federal template title, or their order); subsections come from the table of contents
 * (which prints them with their numbers) and are then located in the body; without a TOC, the template's
 * subsection titles are searched. Table sections get their sector groups («1 Образование наука …») as
 * unnumbered subsections; repeated table headers («48 пп Наименование проекта …») are removed.
 */
export function structureFlattened(pages: PageText[], options: StructureFlattenedOptions = {}): StructuredDocument {
  const text = pages.map((p) => p.text).join(' ');
  const maxTitleWords = options.maxTitleWords ?? 12;

  const hits = findRazdelHits(text, maxTitleWords);
  const { tocHits, bodyHits } = splitTocAndBody(hits, text);
  const tocSubs =
    tocHits.length > 0 ? readTocSubsections(text, tocHits, bodyHits[0]?.start ?? text.length) : new Map<number, FlatTocEntry[]>();
  const tocTopPages = new Map<number, number | null>(tocHits.map((h) => [h.number, pageAfter(text, h.end)]));

  const headings: FlatHeading[] = [];
  bodyHits.forEach((hit, k) => {
    const spanEnd = bodyHits[k + 1]?.start ?? text.length;
    const title = canonicalTitle(hit.title, TEMPLATE_TOP_SECTIONS) ?? hit.title;
    const sector = sectorFromTitle(title);
    headings.push({
      start: hit.start,
      end: hit.end,
      number: String(hit.number),
      title,
      level: 1,
      sector,
      tocPage: tocTopPages.get(hit.number) ?? null,
    });
    const subs = locateSubsections(text, hit, spanEnd, tocSubs.get(hit.number) ?? null);
    headings.push(...subs);
    if (sector === null && subs.length === 0) {
      headings.push(...locateSectorGroups(text, hit, spanEnd, headings));
    }
  });
  if (headings.length === 0) {
    headings.push({ start: 0, end: 0, number: '', title: WHOLE_DOCUMENT_TITLE, level: 1, sector: null, tocPage: null });
  }
  headings.sort((a, b) => a.start - b.start);
  assignSectorsToGroups(headings);

  const outline: OutlineSection[] = headings.map((h) => ({
    number: h.number,
    title: h.title,
    level: h.level,
    sector: h.sector ?? 'general',
    page: null,
  }));
  const sections: SectionContent[] = [];
  // The table header of each top-level section: kept once (first occurrence), removed where it repeats.
  let header: { words: string[]; top: number; kept: boolean } | null = null;
  headings.forEach((h, index) => {
    const next = headings[index + 1];
    let body = text.slice(h.end, next?.start ?? text.length);
    if (next?.tocPage != null) body = body.replace(new RegExp(String.raw`\s${next.tocPage}\s*$`, 'u'), ' ');
    const topIndex = h.level === 1 ? index : headings.slice(0, index).map((x) => x.level).lastIndexOf(1);
    if (!header || header.top !== topIndex) {
      header = { words: findRepeatedHeader(text, headings[topIndex] ?? h, headings, topIndex), top: topIndex, kept: false };
    }
    const stripped = stripRepeatedHeaders(body, header.words, !header.kept);
    if (stripped.keptOne) header.kept = true;
    body = stripped.text;
    let clean = collapseWhitespace(body);
    // A body that is only the table header (the rows sit in the sector groups) is not worth a passage.
    if (header.words.length > 0 && clean === header.words.join(' ')) clean = '';
    sections.push({ section: index, blocks: clean ? [{ kind: 'flat', text: clean }] : [] });
  });
  return { textForm: 'flattened', pageCount: null, outline, sections };
}

function findRazdelHits(text: string, maxTitleWords: number): RazdelHit[] {
  const hits: RazdelHit[] = [];
  for (const m of text.matchAll(RAZDEL)) {
    const razdelStart = m.index! + m[0].length - 'Раздел'.length;
    let pos = m.index! + m[0].length;
    const afterPage = /^\s*(?:\d{1,3}\s+)?/u.exec(text.slice(pos, pos + 10))!;
    pos += afterPage[0].length;
    let title: string;
    let end: number;
    if (text[pos] === '«') {
      const close = text.indexOf('»', pos);
      if (close < 0 || close - pos > 250) continue;
      title = collapseWhitespace(text.slice(pos + 1, close));
      end = close + 1;
    } else {
      const words = [...text.slice(pos, pos + 300).matchAll(/[\p{L}-]+|\d+/gu)];
      const letterWords: RegExpMatchArray[] = [];
      for (const w of words) {
        if (/^\d/.test(w[0]) || letterWords.length >= maxTitleWords) break;
        letterWords.push(w);
      }
      const match = matchTemplate(TEMPLATE_TOP_SECTIONS, titleWords(letterWords.map((w) => w[0]).join(' ')));
      const count = match ? coveredWords(letterWords.map((w) => w[0]), match.words) : Math.min(letterWords.length, 8);
      if (count === 0) continue;
      const last = letterWords[count - 1]!;
      title = collapseWhitespace(text.slice(pos, pos + last.index! + last[0].length));
      end = pos + last.index! + last[0].length;
    }
    if (!/^\p{Lu}/u.test(title)) continue;
    const template = matchTemplate(TEMPLATE_TOP_SECTIONS, titleWords(title));
    const glued = m[1] ? Number(m[1]) : null;
    const number = template ? Number(template.item.number) : glued ?? 0;
    const start = glued !== null && (template === null || glued === number) ? m.index! : razdelStart;
    hits.push({ start, end, number, title, templated: template !== null });
  }
  return hits;
}

/** How many printed words (including dropped function words) cover `significant` title words. */
function coveredWords(printed: string[], significant: number): number {
  let seen = 0;
  for (let i = 0; i < printed.length; i++) {
    if (titleWords(printed[i]!).length > 0) seen++;
    if (seen === significant) return i + 1;
  }
  return printed.length;
}

/**
 * The TOC lists every «Раздел» once, then the body lists them again: the body starts where the numbering
 * restarts. Numbers of non-template titles are their order.
 */
function splitTocAndBody(hits: RazdelHit[], text: string): { tocHits: RazdelHit[]; bodyHits: RazdelHit[] } {
  let previous = 0;
  for (const hit of hits) {
    if (hit.number === 0) hit.number = previous + 1;
    previous = hit.number;
  }
  const tocMarker = /ОГЛАВЛЕНИЕ|Оглавление|СОДЕРЖАНИЕ|Содержание/u.exec(text.slice(0, Math.max(5000, text.length * 0.05)));
  let restart = -1;
  for (let i = 1; i < hits.length; i++) {
    if (hits[i]!.number <= hits[i - 1]!.number) {
      restart = i;
      break;
    }
  }
  const inToc = tocMarker && restart > 0 && hits[0]!.start > tocMarker.index;
  const tocHits = inToc ? hits.slice(0, restart) : [];
  const candidates = inToc ? hits.slice(restart) : hits;
  const bodyHits: RazdelHit[] = [];
  for (const hit of candidates) {
    const last = bodyHits[bodyHits.length - 1];
    if (!last || hit.number > last.number) bodyHits.push(hit);
  }
  return { tocHits, bodyHits };
}

/** A page number right after a TOC title: a number followed by another number or «Раздел». */
function pageAfter(text: string, pos: number): number | null {
  const m = /^\s*(\d{1,3})\s+(?=\d|Раздел)/u.exec(text.slice(pos, pos + 20));
  return m ? Number(m[1]) : null;
}

function readTocSubsections(text: string, tocHits: RazdelHit[], bodyStart: number): Map<number, FlatTocEntry[]> {
  const result = new Map<number, FlatTocEntry[]>();
  tocHits.forEach((hit, k) => {
    const spanEnd = tocHits[k + 1]?.start ?? Math.min(bodyStart, hit.end + 3000);
    const span = text.slice(hit.end, spanEnd);
    const entries: FlatTocEntry[] = [];
    for (const m of span.matchAll(/(\d{1,3})\s*(\p{Lu}[^\d«»]*)/gu)) {
      const title = collapseWhitespace(m[2]!);
      if (title.length < 3 || LABEL_TITLES.test(title) || /^Раздел/u.test(title)) continue;
      const after = span.slice(m.index! + m[0].length);
      const page = /^\s*(\d{1,3})\s+\d/u.exec(after);
      entries.push({ printed: m[1]!, title, page: page ? Number(page[1]) : null });
    }
    result.set(hit.number, entries);
  });
  return result;
}

/** Regex source matching a title's words in order, tolerating dropped short words and case. */
function titlePattern(title: string): string {
  const significant = new Set(titleWords(title));
  const words = title.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 0 && significant.has(w.toLowerCase().replace(/ё/g, 'е')));
  return words.map(escapeRegExp).join(String.raw`(?:[\s\p{P}]+\p{L}{1,3})*[\s\p{P}]+`);
}

function locateSubsections(text: string, parent: RazdelHit, spanEnd: number, tocEntries: FlatTocEntry[] | null): FlatHeading[] {
  const parentNumber = String(parent.number);
  const entries: Array<{ printed: string | null; title: string; number: string; page: number | null }> = [];
  if (tocEntries && tocEntries.length > 0) {
    const dotted = tocEntries.every((e) => e.printed.startsWith(parentNumber) && e.printed.length > parentNumber.length);
    tocEntries.forEach((e, i) => {
      const number = dotted ? `${parentNumber}.${Number(e.printed.slice(parentNumber.length))}` : `${parentNumber}.${i + 1}`;
      entries.push({ printed: e.printed, title: e.title, number, page: e.page });
    });
  } else {
    const template = [
      ...TEMPLATE_SUBSECTIONS.filter((s) => s.number.startsWith(`${parentNumber}.`)),
      ...(parent.templated && parentNumber === '4' ? SECTOR_TITLES.map((s) => ({ number: '', title: s.title, variants: s.variants })) : []),
    ];
    for (const item of template) {
      for (const title of [item.title, ...(item.variants ?? [])]) entries.push({ printed: null, title, number: item.number, page: null });
    }
  }

  const found: FlatHeading[] = [];
  let cursor = parent.end;
  let index = 0;
  for (const entry of entries) {
    const pattern = titlePattern(entry.title);
    const withNumber = new RegExp(String.raw`(?<![\d])(${entry.printed ?? String.raw`\d{1,3}`})\s*(${pattern})(?![\p{L}])`, 'gu');
    withNumber.lastIndex = cursor;
    let m = withNumber.exec(text);
    if ((!m || m.index >= spanEnd) && entry.printed !== null) {
      const titleOnly = new RegExp(String.raw`(?<![\p{L}])(${pattern})(?![\p{L}])`, 'gu');
      titleOnly.lastIndex = cursor;
      m = titleOnly.exec(text);
    }
    if (!m || m.index >= spanEnd) continue;
    if (found.some((f) => f.title === entry.title)) continue;
    index++;
    const printedTitle = collapseWhitespace(m[m.length - 1]!);
    const number = entry.number || `${parentNumber}.${index}`;
    const title = canonicalTitle(printedTitle, [...TEMPLATE_SUBSECTIONS, ...SECTOR_TITLES]) ?? printedTitle;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      number,
      title,
      level: number.split('.').length,
      sector: sectorFromTitle(title),
      tocPage: entry.page,
    });
    cursor = m.index + m[0].length;
  }
  return found;
}

/** «1 Образование наука», «2 Здравоохранение», … numbered from 1 inside a table section. */
function locateSectorGroups(text: string, parent: RazdelHit, spanEnd: number, known: FlatHeading[]): FlatHeading[] {
  const documentSectorTitles = known.filter((h) => h.level === 2 && h.number.startsWith('4.')).map((h) => h.title);
  const titles = [...new Set([...documentSectorTitles, ...SECTOR_TITLES.flatMap((s) => [s.title, ...(s.variants ?? [])])])];
  const alternatives = titles
    .sort((a, b) => b.length - a.length)
    .map((t) => `(?:${titlePattern(t)})`)
    .join('|');
  const re = new RegExp(String.raw`(?<![\d\p{L}])(\d{1,2})\s+(${alternatives})(?![\p{L}])`, 'gu');
  re.lastIndex = parent.end;
  const groups: FlatHeading[] = [];
  let expected = 1;
  for (let m = re.exec(text); m && m.index < spanEnd; m = re.exec(text)) {
    if (Number(m[1]) !== expected) continue;
    const printed = collapseWhitespace(m[2]!);
    const title =
      documentSectorTitles.find((t) => titleWords(t).join(' ') === titleWords(printed).join(' ')) ??
      canonicalTitle(printed, SECTOR_TITLES) ??
      printed;
    groups.push({ start: m.index, end: m.index + m[0].length, number: '', title, level: 2, sector: sectorFromTitle(title) ?? 'general', tocPage: null });
    expected++;
  }
  return groups;
}

/** Sector subsections pass their sector to deeper levels. */
function assignSectorsToGroups(headings: FlatHeading[]): void {
  const stack: FlatHeading[] = [];
  for (const h of headings) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (h.sector === null && parent?.sector) h.sector = parent.sector;
    stack.push(h);
  }
}

/**
 * Words of the table header of the top-level section containing heading `index`: the common beginning of the
 * first two «пп …» runs (tables print their header on every page).
 */
function findRepeatedHeader(text: string, heading: FlatHeading, headings: FlatHeading[], index: number): string[] {
  let topEnd = text.length;
  for (let k = index + 1; k < headings.length; k++) {
    if (headings[k]!.level === 1) {
      topEnd = headings[k]!.start;
      break;
    }
  }
  const span = text.slice(heading.end, topEnd);
  const runs = [...span.matchAll(/(?<![\p{L}])пп(?![\p{L}])/gu)].slice(0, 2).map((m) =>
    span
      .slice(m.index!, m.index! + 400)
      .split(/\s+/u)
      .filter(Boolean),
  );
  if (runs.length < 2) return [];
  const [a, b] = runs as [string[], string[]];
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 4 ? a.slice(0, n) : [];
}

/** Removes every repeat of the header (with the page number printed before it); keeps the first one of a section when `keepFirst`. */
function stripRepeatedHeaders(body: string, header: string[], keepFirst: boolean): { text: string; keptOne: boolean } {
  if (header.length === 0) return { text: body, keptOne: false };
  const re = new RegExp(String.raw`(?:(?<![\d\p{L}])\d{1,3}\s+)?` + header.map(escapeRegExp).join(String.raw`\s+`) + String.raw`(?![\p{L}])`, 'gu');
  let keep = keepFirst;
  let keptOne = false;
  const text = body.replace(re, (match) => {
    if (keep) {
      keep = false;
      keptOne = true;
      return match;
    }
    return ' ';
  });
  return { text, keptOne };
}
