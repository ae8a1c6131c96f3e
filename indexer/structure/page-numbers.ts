/**
 * Page tracking for layout texts, where the only trace of pagination is a running page number alone on a line
 * ("  17"). Table cells are also one per line and often bare numbers ("18", "25", "32"), so a page-number line is
 * recognised as part of the longest chain of consecutive numbers 2, 3, 4, … through the document, preferring
 * numbers that sit where page breaks sit (before a repeated table header or a section heading) over numbers
 * inside runs of table values.
 */

/** A line recognised as a running page number. */
export interface PageMarker {
  /** Index of the line in the document. */
  line: number;
  /** The printed page number. */
  page: number;
}

/**
 * Where the page number sits on the page:
 * - `top`: it opens its page (text after it is on that page);
 * - `bottom`: it closes its page (text before it is on that page);
 * - `mixed`: prose pages numbered at the top and table pages (landscape) at the bottom, as in documents whose
 *   tables were extracted before the page header.
 */
export type PageNumberPosition = 'top' | 'bottom' | 'mixed';

const BARE_NUMBER = /^\s*[-–—]?\s*(\d{1,4})\s*[-–—]?\s*$/;

/** Page number printed on a line that holds nothing else, or null. */
export function bareNumber(line: string): number | null {
  const m = BARE_NUMBER.exec(line);
  return m ? Number(m[1]) : null;
}

/** Options of {@link findPageMarkers}. */
export interface FindPageMarkersOptions {
  /** Largest page number considered. Default: 2000. */
  maxPage?: number;
}

interface Candidate {
  line: number;
  page: number;
  weight: number;
}

/** Finds the running page-number lines of a layout text. */
export function findPageMarkers(lines: string[], options: FindPageMarkersOptions = {}): PageMarker[] {
  const maxPage = options.maxPage ?? 2000;
  const candidates: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const page = bareNumber(lines[i]!);
    if (page === null || page < 1 || page > maxPage) continue;
    candidates.push({ line: i, page, weight: candidateWeight(lines, i) });
  }
  if (candidates.length === 0) return [];
  const first = bestChain(candidates, null);
  if (first.length < 3) return first;
  const gaps = first.slice(1).map((m, k) => m.line - first[k]!.line).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 50;
  return bestChain(candidates, Math.max(5, median));
}

/** Page breaks sit before table headers ("№ пп") and headings; table values come in runs of bare numbers. */
function candidateWeight(lines: string[], i: number): number {
  const next = nextNonBlank(lines, i, 1);
  const prev = nextNonBlank(lines, i, -1);
  let weight = 1;
  if (next !== null && /^\s*(№|Раздел|\d+\.\s*Раздел|\d+(\.\d+)+\.?\s*\p{Lu})/u.test(next)) weight += 0.5;
  const nextNum = next === null ? null : bareNumber(next);
  const prevNum = prev === null ? null : bareNumber(prev);
  // Inside a run of values ("18 / 25 / 32"), except a page number followed by the column-index row "1 2 3 …".
  if (prevNum !== null && nextNum !== null && nextNum !== 1) weight -= 0.6;
  return weight;
}

function nextNonBlank(lines: string[], i: number, step: 1 | -1): string | null {
  for (let j = i + step, n = 0; j >= 0 && j < lines.length && n < 5; j += step, n++) {
    if (lines[j]!.trim()) return lines[j]!;
  }
  return null;
}

/**
 * Highest-scoring chain of candidates with consecutive page numbers (one missing number allowed at a cost).
 * With `medianGap`, transitions whose line distance is far from the typical page length cost a little, which
 * decides between a real page number and an equal table value nearby.
 */
function bestChain(candidates: Candidate[], medianGap: number | null): PageMarker[] {
  const score = new Array<number>(candidates.length).fill(0);
  const prevIndex = new Array<number>(candidates.length).fill(-1);
  // Best chain end seen so far for each page number.
  const bestByPage = new Map<number, number>();
  const gapCost = (from: number, to: number): number => {
    if (medianGap === null) return 0;
    const gap = Math.max(1, candidates[to]!.line - candidates[from]!.line);
    return 0.25 * Math.min(2, Math.abs(Math.log(gap / medianGap)));
  };
  for (let j = 0; j < candidates.length; j++) {
    const c = candidates[j]!;
    let best = c.page <= 3 ? 0 : -1.5; // starting a chain late costs
    let from = -1;
    for (const [delta, cost] of [
      [1, 0],
      [2, 1],
    ] as const) {
      const i = bestByPage.get(c.page - delta);
      if (i === undefined) continue;
      const s = score[i]! - cost - gapCost(i, j);
      if (s > best) {
        best = s;
        from = i;
      }
    }
    score[j] = best + c.weight;
    prevIndex[j] = from;
    const current = bestByPage.get(c.page);
    if (current === undefined || score[j]! > score[current]!) bestByPage.set(c.page, j);
  }
  let end = 0;
  for (let j = 1; j < candidates.length; j++) if (score[j]! > score[end]!) end = j;
  const chain: PageMarker[] = [];
  for (let j = end; j >= 0; j = prevIndex[j]!) chain.push({ line: candidates[j]!.line, page: candidates[j]!.page });
  return chain.reverse();
}

/** Options of {@link assignPages}. */
export interface AssignPagesOptions {
  position: PageNumberPosition;
  /** Lines shorter than this count as table cells when `position` is `mixed`. Default: 45. */
  shortLine?: number;
  /**
   * Lines where a top-level section starts. With `mixed` numbering such a section starts a new page when the
   * part it opens is table-like (the landscape table pages). Default: none.
   */
  sectionStarts?: ReadonlySet<number>;
}

/**
 * Page of every line, given the page markers and where the numbers sit. Marker lines themselves get the page
 * they print. Lines before the first marker are on the page before it (the unnumbered title page).
 */
export function assignPages(lines: string[], markers: PageMarker[], options: AssignPagesOptions): Array<number | null> {
  const pages = new Array<number | null>(lines.length).fill(null);
  if (markers.length === 0) return pages;
  const shortLine = options.shortLine ?? 45;
  const widths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const proseWidth = widths[Math.floor(widths.length * 0.75)] ?? 80;
  const bounds = [-1, ...markers.map((m) => m.line), lines.length];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]! + 1;
    const to = bounds[s + 1]!; // exclusive
    const before = s > 0 ? markers[s - 1]!.page : null;
    const after = s < markers.length ? markers[s]!.page : null;
    const topPage = before ?? Math.max(1, (after ?? 2) - 1);
    const bottomPage = after ?? (before ?? 0) + 1;
    // Lines [from, split) are on topPage, [split, to) on bottomPage.
    const split =
      options.position === 'top'
        ? to
        : options.position === 'bottom'
          ? from
          : tableStart(lines, from, to, shortLine, proseWidth, before === null, options.sectionStarts);
    for (let i = from; i < to; i++) pages[i] = i < split ? topPage : bottomPage;
  }
  for (const m of markers) pages[m.line] = m.page;
  return pages;
}

/**
 * For `mixed` numbering: where the (bottom-numbered) table part of a segment starts. A segment that is prose
 * throughout stays with the page above it; one that is mostly table cells belongs to the page below.
 */
function tableStart(
  lines: string[],
  from: number,
  to: number,
  shortLine: number,
  proseWidth: number,
  isFirst: boolean,
  sectionStarts: ReadonlySet<number> | undefined,
): number {
  const content: number[] = [];
  for (let i = from; i < to; i++) if (lines[i]!.trim()) content.push(i);
  if (content.length === 0) return to;
  const isShort = content.map((i) => lines[i]!.trim().length < shortLine);
  if (!isFirst && sectionStarts) {
    // A section starting inside the segment, followed by table-like lines (short cells, or lines wider than
    // portrait prose: landscape pages), starts the bottom-numbered page.
    for (let k = 1; k < content.length; k++) {
      if (!sectionStarts.has(content[k]!)) continue;
      const after = content.slice(k + 1).map((i) => lines[i]!.trim().length);
      const odd = after.filter((len) => len < shortLine || len > proseWidth * 1.15).length;
      if (after.length >= 8 && odd >= after.length * 0.4) return content[k]!;
    }
  }
  // Change point: prose (long lines) before, table (short lines) after; minimise lines on the wrong side.
  let bestK = content.length;
  let bestCost = isShort.filter(Boolean).length; // everything prose
  let shortBefore = 0;
  let longAfter = isShort.filter((x) => !x).length;
  for (let k = 0; k < content.length; k++) {
    const cost = shortBefore + longAfter;
    if (cost < bestCost) {
      bestCost = cost;
      bestK = k;
    }
    if (isShort[k]) shortBefore++;
    else longAfter--;
  }
  const tableLines = content.length - bestK;
  if (isFirst || tableLines < 8 || tableLines < content.length * 0.3) return to;
  return content[bestK]!;
}
