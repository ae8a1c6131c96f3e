import { joinLine } from '../chunk/units.js';
import type { Line, TableRow } from '../structure/types.js';
import {
  INDICATOR_START,
  RESPONSIBLE_START,
  balanced,
  cleanProjectName,
  endsWithRegion,
  isUnit,
  isValue,
  parseValue,
  startsLower,
} from './cells.js';
import type { DraftIndicator } from './types.js';

/** Row number cell: «3», «3.»; khabarovsk also prints it glued to the project's first words: «1. НСУД». */
const ROW_NUMBER = /^(\d{1,3})\.?$/u;
const ROW_NUMBER_WITH_TEXT = /^(\d{1,3})\.\s+(\S.*)$/u;
/** A line holding only the project's «(рекомендовано ФОИВ)» note. */
const RECOMMENDED_LINE = /^\(?\s*рекомендовано\s+ФОИВ?\s*\)?$/u;

/**
 * Re-cuts a table's rows at row numbers. The table tracker starts a row at any bare number that follows on from the
 * last row number, so a value cell «2» after «0», «0» can open a false row; here a bare number is a row number only
 * where a text line follows it and either the value run before it is complete (or absent) or a responsible body
 * follows before any value (rows that print fewer values than years).
 */
export function resplitRows(rows: readonly TableRow[], years: readonly number[]): TableRow[] {
  const lines = rows.flatMap((r) => r.lines).filter((l) => l.text.trim().length > 0);
  const out: TableRow[] = [];
  let current: TableRow | null = null;
  let lastRow = 0;
  let valueRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    const number = ROW_NUMBER.exec(text) ?? ROW_NUMBER_WITH_TEXT.exec(text);
    const next = lines[i + 1]?.text.trim() ?? '';
    const opensRow =
      number !== null &&
      Number(number[1]) === lastRow + 1 &&
      (text.includes('.') || valueRun === 0 || valueRun >= years.length || bodyBeforeValues(lines, i + 1)) &&
      (number[2] !== undefined || (next !== '' && !isValue(next)));
    if (opensRow || !current) {
      current = { lines: [] };
      out.push(current);
      if (opensRow) lastRow = Number(number![1]);
    }
    current.lines.push(lines[i]!);
    valueRun = isValue(text) && !opensRow ? valueRun + 1 : 0;
  }
  return out;
}

/** A responsible-body line comes before the next value: what follows a bare number is a new project's row. */
function bodyBeforeValues(lines: readonly Line[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (isValue(text)) return false;
    if (i > from && RESPONSIBLE_START.test(text)) return true;
  }
  return false;
}

/** An indicator being read: its name lines so far. */
interface OpenIndicator {
  lines: Line[];
}

/**
 * Reads the indicator rows of one table row of a layout text (one cell line per line; page numbers, repeated
 * headers and column-number rows already removed by the table tracker). A row is: row number, project, responsible
 * body, then one or more indicators each followed by its unit (when printed) and one value per year. A page break
 * inside the row prints the rest of every cut cell after the values, column by column; those lines complete the
 * project, the body and the name in that order. An indicator whose value run does not have exactly one value per
 * year is left out (several indicators in one cell, or a cell the extraction emptied).
 */
export function layoutRowIndicators(row: TableRow, years: readonly number[]): DraftIndicator[] {
  const lines = row.lines.map((l) => ({ text: l.text.trim(), page: l.page })).filter((l) => l.text.length > 0);
  if (lines.length === 0) return [];

  let projectNumber: string | null = null;
  let start = 0;
  const numbered = ROW_NUMBER.exec(lines[0]!.text);
  const glued = ROW_NUMBER_WITH_TEXT.exec(lines[0]!.text);
  if (numbered) {
    projectNumber = numbered[1]!;
    start = 1;
  } else if (glued) {
    projectNumber = glued[1]!;
    lines[0] = { text: glued[2]!, page: lines[0]!.page };
  }

  // Split into segments of text lines separated by runs of value lines.
  const segments: Array<{ text: Line[]; values: Line[] }> = [];
  let text: Line[] = [];
  for (let i = start; i < lines.length; ) {
    if (isValue(lines[i]!.text)) {
      const values: Line[] = [];
      while (i < lines.length && isValue(lines[i]!.text)) values.push(lines[i++]!);
      segments.push({ text, values });
      text = [];
    } else {
      text.push(lines[i++]!);
    }
  }
  if (text.length > 0) segments.push({ text, values: [] });
  if (segments.length === 0) return [];

  const head = segments[0]!.text;
  const responsibleAt = head.findIndex((l, i) => i >= 1 && RESPONSIBLE_START.test(l.text));
  const nameAt = findNameStart(head, responsibleAt);
  if (nameAt < 0) return [];
  let project = join(head.slice(0, responsibleAt >= 0 ? responsibleAt : nameAt));
  let responsible = responsibleAt >= 0 ? join(head.slice(responsibleAt, nameAt)) : '';
  let projectComplete = balanced(project);
  let responsibleComplete = responsibleAt < 0 || endsWithRegion(responsible);

  const out: DraftIndicator[] = [];
  let current: OpenIndicator | null = { lines: head.slice(nameAt) };
  let previous: { draft: DraftIndicator | null; open: OpenIndicator } | null = null;

  const close = (open: OpenIndicator, runValues: Line[]) => {
    // A page number the page tracking left in (another cell on the page already took that number): one value
    // too many, and the extra one is the page the line is on.
    const extra = runValues.at(-1);
    const values = runValues.length === years.length + 1 && extra && extra.page !== null && Number(extra.text) === extra.page ? runValues.slice(0, -1) : runValues;
    let nameLines = open.lines;
    let unit: string | null = null;
    const last = nameLines[nameLines.length - 1];
    if (last && nameLines.length > 1 && isUnit(last.text)) {
      unit = last.text;
      nameLines = nameLines.slice(0, -1);
    }
    const name = join(nameLines);
    if (!name || values.length !== years.length || !/\p{L}/u.test(name)) return null;
    const draft: DraftIndicator = {
      project: { number: projectNumber, name: null },
      responsible: null,
      name,
      unit,
      values: values.map((v, i) => ({ year: years[i]!, raw: v.text, value: parseValue(v.text) })),
      page: nameLines[0]?.page ?? values[0]?.page ?? null,
    };
    out.push(draft);
    return draft;
  };

  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    let body = s === 0 ? [] : segment.text;
    if (s > 0) {
      // Lines after a value run first complete the cells a page break cut, then a new indicator starts.
      const lastValue = segments[s - 1]!.values.at(-1);
      let k = 0;
      for (; k < body.length; k++) {
        const line = body[k]!;
        const afterBreak = lastValue?.page == null || line.page == null || line.page > lastValue.page;
        if (!afterBreak) break;
        // «(рекомендовано ФОИВ)» is the project's note, whichever cell a page break left it after.
        if (RECOMMENDED_LINE.test(line.text)) continue;
        if (!projectComplete) {
          project = joinLine(project, line.text);
          projectComplete = balanced(project) && !/рекомендовано$/u.test(project);
          continue;
        }
        if (!responsibleComplete && !INDICATOR_START.test(line.text)) {
          responsible = joinLine(responsible, line.text);
          responsibleComplete = endsWithRegion(line.text);
          continue;
        }
        break;
      }
      body = body.slice(k);
      // Lines before the next name start finish the previous name: a page break, or values printed at the
      // middle of a tall cell («Доля … посредством | 100 100 100 | ЕГИСЗ | Доля …»).
      const nextName = body.findIndex((l) => INDICATOR_START.test(l.text));
      const tail = nextName >= 0 ? nextName : segment.values.length === 0 || startsLower(body[0]?.text ?? '') ? body.length : 0;
      if (previous?.draft) for (const l of body.slice(0, tail)) previous.draft.name = joinLine(previous.draft.name, l.text);
      body = body.slice(tail);
      current = body.length > 0 ? { lines: body } : null;
    }
    if (current && segment.values.length > 0) {
      const draft = close(current, segment.values);
      previous = { draft, open: current };
    } else if (current && s === 0) {
      return [];
    }
  }

  const projectName = cleanProjectName(project);
  const responsibleName = responsible ? responsible.replace(/[,;]$/u, '') : null;
  for (const d of out) {
    d.project.name = projectName;
    d.responsible = responsibleName;
  }
  return out;
}

/**
 * Where the first indicator name of a row starts: the first line after the responsible body that starts like a
 * name («Доля …»), else the first upper-case line after the line that ends the body with the region.
 */
function findNameStart(head: Line[], responsibleAt: number): number {
  const from = responsibleAt >= 0 ? responsibleAt + 1 : 1;
  const byWord = head.findIndex((l, i) => i >= from && INDICATOR_START.test(l.text));
  if (byWord >= 0) return byWord;
  if (responsibleAt < 0) return -1;
  return head.findIndex((l, i) => i >= from && !startsLower(l.text) && endsWithRegion(head[i - 1]!.text));
}

function join(lines: Line[]): string {
  return lines.reduce((acc, l) => joinLine(acc, l.text), '');
}
