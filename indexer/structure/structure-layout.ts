import type { OutlineSection, PageText } from '../types.js';
import { sameTitle } from './normalize.js';
import { detectLayoutHeadings, type LayoutHeading } from './outline-layout.js';
import { sectorFromTitle } from './sectors.js';
import { assignPages, bareNumber, findPageMarkers, type PageNumberPosition } from './page-numbers.js';
import { TableTracker } from './tables.js';
import { cleanHeadingTitle, findLayoutToc, type LayoutToc, type TocEntry } from './toc.js';
import { WHOLE_DOCUMENT_TITLE, type ContentsCheck, type Line, type SectionContent, type StructuredDocument } from './types.js';

/** Options of {@link structureLayout}. */
export interface StructureLayoutOptions {
  /**
   * Where running page numbers sit in a text file. Default `auto`: `top` unless the table of contents' page
   * numbers agree better with another position.
   */
  pageNumberPosition?: PageNumberPosition | 'auto';
}

interface RawLine {
  text: string;
  /** Page from the source (PDF) or null for text files. */
  sourcePage: number | null;
}

/**
 * Structures a layout document (text with line breaks, or PDF pages): removes running page numbers, running
 * headers and the table of contents, detects headings, and splits each section into text and table blocks.
 */
export function structureLayout(pages: PageText[], options: StructureLayoutOptions = {}): StructuredDocument {
  const fromPdf = pages.some((p) => p.page !== null);
  const raw = fromPdf ? pdfLines(pages) : textLines(pages);
  const texts = raw.map((l) => l.text);

  // Pages: PDFs know them; text files have page-number lines.
  const markers = fromPdf ? [] : findPageMarkers(texts);
  const markerLines = new Set(markers.map((m) => m.line));
  const toc = findLayoutToc(texts);
  const removed = new Set<number>(markerLines);
  if (toc) for (let i = toc.start; i < toc.end; i++) removed.add(i);

  // Content lines (indices into raw) with page numbers removed; headings are found on these.
  const keep: number[] = [];
  for (let i = 0; i < raw.length; i++) if (!removed.has(i)) keep.push(i);
  const contentTexts = keep.map((i) => texts[i]!);
  const headings = detectLayoutHeadings(contentTexts, { toc: toc?.entries ?? null });
  // Contents entries the rules above did not find (a heading set differently, its number dropped): look for their
  // titles between the neighbouring headings that were found, so passages still stop at them.
  if (toc) recoverListedHeadings(headings, toc.entries, contentTexts);
  const contents = toc ? checkAgainstContents(headings, toc.entries) : undefined;

  if (headings.length === 0) {
    // No recognisable outline: the whole text (after the TOC) is one section.
    headings.push({ line: 0, lineCount: 0, number: '', title: WHOLE_DOCUMENT_TITLE, level: 1, sector: null, kind: 'section' });
  }

  let linePages: Array<number | null>;
  if (fromPdf) {
    linePages = raw.map((l) => l.sourcePage);
  } else {
    const position = options.pageNumberPosition ?? 'auto';
    const chosen = position === 'auto' ? choosePosition(texts, markers, headings, keep, toc) : position;
    const sectionStarts = topLevelStarts(headings, keep);
    linePages = markers.length > 0 ? assignPages(texts, markers, { position: chosen, sectionStarts }) : raw.map(() => null);
  }

  const lines: Line[] = keep.map((i) => ({ text: texts[i]!, page: linePages[i] ?? null }));
  const outline: OutlineSection[] = headings.map((h) => ({
    number: h.number,
    title: h.title,
    level: h.level,
    sector: h.sector ?? 'general',
    page: lines[h.line]?.page ?? null,
  }));
  inheritSectors(outline);

  const sections: SectionContent[] = [];
  const tracker = new TableTracker();
  headings.forEach((h, index) => {
    if (h.kind === 'section' && h.level === 1) tracker.reset();
    const from = h.line + h.lineCount;
    const to = headings[index + 1]?.line ?? lines.length;
    sections.push({ section: index, blocks: tracker.blocksForSection(lines.slice(from, to)) });
  });

  const numbered = linePages.filter((p): p is number => p !== null);
  const pageCount = fromPdf
    ? Math.max(0, ...pages.map((p) => p.page ?? 0))
    : numbered.length > 0
      ? Math.max(...numbered)
      : null;
  return { textForm: 'layout', pageCount, outline, sections, ...(contents ? { contents } : {}) };
}

/** Numbered contents entries (unique numbers, in order). */
function numberedEntries(entries: TocEntry[]): TocEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => e.number && !seen.has(e.number) && seen.add(e.number));
}

/** How many of the contents' numbered entries the outline has. */
function checkAgainstContents(headings: LayoutHeading[], entries: TocEntry[]): ContentsCheck | undefined {
  const listed = numberedEntries(entries);
  if (listed.length === 0) return undefined;
  const found = new Set(headings.filter((h) => h.kind === 'section').map((h) => h.number));
  const missing = listed.filter((e) => !found.has(e.number)).map((e) => e.number);
  return { expected: listed.length, found: listed.length - missing.length, missing };
}

/** Longest line taken for a heading recovered from the contents (a heading line, not a paragraph). */
const RECOVERED_HEADING_MAX_LENGTH = 200;

/**
 * Adds headings for contents entries the outline lacks, where a line between the neighbouring found headings
 * carries the entry's title (with or without its number, in any case). Keeps `headings` in line order.
 */
function recoverListedHeadings(headings: LayoutHeading[], entries: TocEntry[], lines: string[]): void {
  const listed = numberedEntries(entries);
  const lineOf = (number: string) => headings.find((h) => h.kind === 'section' && h.number === number)?.line;
  listed.forEach((entry, k) => {
    if (lineOf(entry.number) !== undefined) return;
    let from = 0;
    for (let j = k - 1; j >= 0; j--) {
      const line = lineOf(listed[j]!.number);
      if (line !== undefined) {
        from = line + 1;
        break;
      }
    }
    let to = lines.length;
    for (let j = k + 1; j < listed.length; j++) {
      const line = lineOf(listed[j]!.number);
      if (line !== undefined) {
        to = line;
        break;
      }
    }
    for (let i = from; i < to; i++) {
      const text = lines[i]!.trim();
      if (!text || text.length > RECOVERED_HEADING_MAX_LENGTH) continue;
      const withoutNumber = text.replace(/^(?:\d+(?:\.\d+)*\.?\s*)/u, '');
      if (withoutNumber.startsWith(entry.number)) continue;
      const numberOk = withoutNumber === text || text.startsWith(entry.number);
      if (!numberOk || !sameTitle(cleanHeadingTitle(withoutNumber), entry.title)) continue;
      headings.push({
        line: i,
        lineCount: 1,
        number: entry.number,
        title: entry.title,
        level: entry.number.split('.').length,
        sector: sectorFromTitle(entry.title),
        kind: 'section',
      });
      headings.sort((a, b) => a.line - b.line);
      return;
    }
  });
}

/** Subsections of a sector section belong to that sector unless their own title names another one. */
function inheritSectors(outline: OutlineSection[]): void {
  const stack: OutlineSection[] = [];
  for (const section of outline) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (section.sector === 'general' && parent && parent.sector !== 'general') section.sector = parent.sector;
    stack.push(section);
  }
}

function textLines(pages: PageText[]): RawLine[] {
  return pages.flatMap((p) => p.text.split('\n').map((text) => ({ text: text.replace(/\s+$/u, ''), sourcePage: null })));
}

/**
 * Lines of a PDF with the running page number (first or last line of a page, «12», «- 12 -», «Стр. 12»,
 * «12 из 40») and running headers/footers (the same line on most pages) removed.
 */
function pdfLines(pages: PageText[]): RawLine[] {
  const perPage = pages.map((p) => p.text.split('\n').map((t) => t.replace(/\s+$/u, '')));
  const edgeCounts = new Map<string, number>();
  for (const lines of perPage) {
    const nonBlank = lines.filter((l) => l.trim());
    for (const edge of new Set([nonBlank[0], nonBlank[nonBlank.length - 1]])) {
      if (edge !== undefined) edgeCounts.set(edge.trim(), (edgeCounts.get(edge.trim()) ?? 0) + 1);
    }
  }
  const running = new Set(
    [...edgeCounts].filter(([text, n]) => pages.length >= 3 && n >= pages.length * 0.5 && text.length < 150).map(([t]) => t),
  );
  const out: RawLine[] = [];
  perPage.forEach((lines, k) => {
    const page = pages[k]!.page;
    const nonBlankIdx = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
    const edges = new Set([nonBlankIdx[0], nonBlankIdx[1], nonBlankIdx[nonBlankIdx.length - 1], nonBlankIdx[nonBlankIdx.length - 2]]);
    lines.forEach((text, i) => {
      const t = text.trim();
      if (edges.has(i) && (isPageNumberText(t) || running.has(t))) return;
      out.push({ text, sourcePage: page });
    });
  });
  return out;
}

function isPageNumberText(text: string): boolean {
  return bareNumber(text) !== null || /^(стр\.?|страница)\s*\d+$/iu.test(text) || /^\d+\s*(из|\/)\s*\d+$/u.test(text) || /^-- \d+ of \d+ --$/u.test(text);
}

/** Raw line indices where top-level sections start. */
function topLevelStarts(headings: LayoutHeading[], keep: number[]): Set<number> {
  return new Set(headings.filter((h) => h.level === 1 && h.kind === 'section').map((h) => keep[h.line]!));
}

/** Picks the page-number position whose heading pages agree best with the pages printed in the TOC. */
function choosePosition(
  texts: string[],
  markers: ReturnType<typeof findPageMarkers>,
  headings: LayoutHeading[],
  keep: number[],
  toc: LayoutToc | null,
): PageNumberPosition {
  const withPages = (toc?.entries ?? []).filter((e) => e.page !== null && e.number);
  if (markers.length === 0 || withPages.length < 3) return 'top';
  let best: PageNumberPosition = 'top';
  let bestScore = -1;
  const sectionStarts = topLevelStarts(headings, keep);
  for (const position of ['top', 'mixed', 'bottom'] as const) {
    const pages = assignPages(texts, markers, { position, sectionStarts });
    let score = 0;
    for (const entry of withPages) {
      const heading = headings.find((h) => h.number === entry.number);
      if (heading && pages[keep[heading.line]!] === entry.page) score++;
    }
    if (score > bestScore) {
      bestScore = score;
      best = position;
    }
  }
  return best;
}
