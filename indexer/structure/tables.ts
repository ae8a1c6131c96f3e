import { bareNumber } from './page-numbers.js';
import type { Block, Line, TableRow } from './types.js';

/** Table header start: «№», «№ пп», «№ п/п». */
const HEADER_START = /^\s*№\s*(п\s*\/?\s*п|пп)?\.?\s*$|^\s*№\s+\p{L}/u;

/** A header row on one line, its cells joined by spaces or tabs (PDF tables): «№ Показатель Ед. изм. 2022 2023». */
const INLINE_HEADER_MIN_CELLS = 3;
/** A row of such a table: its number, then the first cell on the same line («12 Доля медицинских организаций»). */
const INLINE_ROW_START = /^(\d{1,3})\.?\s+\S/u;

/** Options of {@link TableTracker}. */
export interface TableTrackerOptions {
  /** Most lines a header block may have. Default: 40. */
  maxHeaderLines?: number;
}

/**
 * Groups the lines of flattened tables (one cell line per line, cells wrapped over several lines) into rows,
 * and strips the header rows that are repeated at the top of every page.
 *
 * A table starts at a «№ пп» header line; the header runs to the first row number or to the column-index row
 * («1 2 3 4 5»). A row runs from its row number (1, 2, 3, … restarting in every section) to the next one, so
 * a project's name, beneficiary and benefit, or an indicator and its yearly values, stay together.
 * Feed the lines of one section at a time with {@link blocksForSection}; a table continues into the following
 * sector-group sections of the same top-level section.
 */
export class TableTracker {
  private header: string[] | null = null;
  /** The header was one line holding every column title: rows then start with their number on the cell line. */
  private inline = false;
  private readonly maxHeaderLines: number;

  constructor(options: TableTrackerOptions = {}) {
    this.maxHeaderLines = options.maxHeaderLines ?? 40;
  }

  /** Forgets the current table (call at every top-level section). */
  reset(): void {
    this.header = null;
    this.inline = false;
  }

  /** Splits a section's lines into text and table blocks. */
  blocksForSection(lines: Line[]): Block[] {
    const blocks: Block[] = [];
    let textLines: Line[] = [];
    let table: Extract<Block, { kind: 'table' }> | null = null;
    let row: TableRow | null = null;
    let lastRow = 0;

    const flushText = () => {
      if (textLines.some((l) => l.text.trim())) blocks.push({ kind: 'text', lines: textLines });
      textLines = [];
    };
    const ensureTable = (headerText: string | null) => {
      if (!table) {
        flushText();
        table = { kind: 'table', header: headerText, rows: [] };
        blocks.push(table);
      }
      return table;
    };

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const text = line.text.trim();
      if (!text) continue;

      if (this.header === null && HEADER_START.test(text) && text.split(/\s+/u).length > INLINE_HEADER_MIN_CELLS) {
        this.header = [text];
        this.inline = true;
        ensureTable(text);
        continue;
      }
      if (this.header === null && HEADER_START.test(text)) {
        const header = this.readHeader(lines, i);
        this.header = header.lines;
        ensureTable(header.lines.join(' '));
        i = header.end - 1;
        continue;
      }
      if (this.header === null) {
        textLines.push(line);
        continue;
      }

      const repeat = this.repeatedHeaderLength(lines, i);
      if (repeat > 0) {
        i += repeat - 1;
        continue;
      }
      const indexRun = columnIndexRun(lines, i);
      if (indexRun > 0) {
        i += indexRun - 1;
        continue;
      }
      const t = ensureTable(null);
      const inlineRow = this.inline ? INLINE_ROW_START.exec(text) : null;
      if (inlineRow && Number(inlineRow[1]) === lastRow + 1) {
        row = { lines: [line] };
        t.rows.push(row);
        lastRow = Number(inlineRow[1]);
        continue;
      }
      const n = rowNumber(text);
      if (n !== null && n === lastRow + 1 && !nextIsNumber(lines, i)) {
        row = { lines: [line] };
        t.rows.push(row);
        lastRow = n;
        continue;
      }
      if (!row) {
        row = { lines: [] };
        t.rows.push(row);
      }
      row.lines.push(line);
    }
    flushText();
    return blocks;
  }

  private readHeader(lines: Line[], start: number): { lines: string[]; end: number } {
    const header: string[] = [];
    let i = start;
    for (; i < lines.length && header.length < this.maxHeaderLines; i++) {
      const text = lines[i]!.text.trim();
      if (!text) continue;
      const n = bareNumber(text);
      if (i > start && n !== null && !(n >= 1900 && n <= 2100)) break; // years are column titles, not row numbers
      header.push(text);
    }
    // The column-index row «1 2 3 4 5» belongs to the header.
    const run = columnIndexRun(lines, i);
    return { lines: header, end: i + run };
  }

  /** Length (in lines) of a repeat of the header starting at `i`, or 0. */
  private repeatedHeaderLength(lines: Line[], i: number): number {
    const header = this.header;
    if (!header || header.length === 0) return 0;
    let j = i;
    for (const expected of header) {
      while (j < lines.length && !lines[j]!.text.trim()) j++;
      if (j >= lines.length || lines[j]!.text.trim() !== expected) return 0;
      j++;
    }
    return j - i + columnIndexRun(lines, j);
  }
}

/** Row number printed alone on a line: «3» or «3.». */
function rowNumber(text: string): number | null {
  const m = /^(\d{1,3})\s*\.?$/u.exec(text);
  return m ? Number(m[1]) : null;
}

/** Length of a column-index row («1», «2», «3», «4», … one per line, at least four) starting at `i`, or 0. */
function columnIndexRun(lines: Line[], i: number): number {
  let j = i;
  let expected = 1;
  while (j < lines.length) {
    const text = lines[j]!.text.trim();
    if (!text) {
      j++;
      continue;
    }
    if (bareNumber(text) !== expected) break;
    expected++;
    j++;
  }
  return expected > 4 ? j - i : 0;
}

function nextIsNumber(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j]!.text.trim();
    if (text) return bareNumber(text) !== null && !/^\d+\.$/.test(text);
  }
  return false;
}
