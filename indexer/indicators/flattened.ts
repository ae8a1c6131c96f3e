import {
  INDICATOR_START,
  NUMBERED_NAME,
  RESPONSIBLE_START,
  cleanProjectName,
  isUnit,
  isValue,
  parseValue,
  startsLower,
} from './cells.js';
import type { DraftIndicator } from './types.js';

/**
 * The first indicator page of a strategy is far into the document (section 7 of 8); a bare number below this
 * after a value run is a value, not a stray page number.
 */
const MIN_TABLE_PAGE = 20;
/** A stray page number follows the previous one within this many pages (a row can span a page or two). */
const MAX_PAGE_STEP = 3;

/** Remnants of a repeated table header that the flattening left inside the rows. */
const HEADER_WORDS = /^(?:пп|Наименование|проекта|Ответственный|РОИВ|исполнительный|орган|государственной|власти|показателя|Единица|измерения|Значения|годам)$/u;

/** Options of {@link flattenedIndicators}. */
export interface FlattenedOptions {
  /** Years of the table's columns, in order. */
  years: readonly number[];
  /** Stems of the region's name («Тверс», «облас»): they end a responsible-body cell. */
  regionStems: readonly string[];
}

/** «ФОИ», «РСЧС», «ЕГИСЗ»: abbreviations run on inside a cell, they never start the next one here. */
const ABBREVIATION = /^\p{Lu}{2,}$/u;

interface Token {
  text: string;
}

/**
 * Reads indicator rows from one sector group of a flattened targets table: one line, punctuation and short words
 * (row numbers 1–9 among them) dropped, page numbers and header remnants sometimes left in. A row is
 * `[project] [responsible body] name [unit] v1 … vN` with exactly one value per year; a run of another length
 * (a dropped single-digit value, an empty cell) leaves its row out, since nothing shows which year is missing. Words
 * a page break pushed after the values are given back to the name (the project and body pieces among them dropped).
 */
export function flattenedIndicators(text: string, options: FlattenedOptions): DraftIndicator[] {
  const years = options.years;
  const tokens: Token[] = text.split(/\s+/u).filter(Boolean).map((t) => ({ text: t }));
  const out: DraftIndicator[] = [];
  let lastPage: number | null = null;
  let segmentStart = 0;
  let project: { number: string | null; name: string | null } = { number: null, name: null };
  let responsible: string | null = null;
  let previous: DraftIndicator | null = null;
  let pendingNumber: string | null = null;

  const isRegionWord = (w: string) => options.regionStems.some((s) => w.startsWith(s)) || /^(?:КЧР|ЛНР)$/u.test(w);

  for (let i = 0; i < tokens.length; ) {
    if (!isValue(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isValue(tokens[j]!.text)) j++;
    // A lone number inside a name («старше 14 лет», «Обеспечено 100 требований»): a lower-case word follows it.
    if (j - i === 1 && years.length > 1 && startsLower(tokens[j]?.text ?? '')) {
      i = j;
      continue;
    }
    // «… 35 100 100 95 мер социальной поддержки …»: the last number opens the next name (a name never starts in
    // lower case); with exactly one number per year, the row before it then lacks one and is left out.
    if (j - i >= years.length && NUMBERED_NAME.test(`${tokens[j - 1]!.text} ${tokens[j]?.text ?? ''}`)) j--;
    let run = tokens.slice(i, j).map((t) => t.text);
    const segment = tokens.slice(segmentStart, i).map((t) => t.text);
    segmentStart = j;
    i = j;

    // «… годам 2022 2023 2024»: the header's years, not values.
    if (run.length === years.length && run.every((r, k) => Number(r) === years[k])) continue;
    // After the values may come the next row's number (10–99 survive the flattening; a name follows it) and a
    // stray page number; anything else extra means the row cannot be read.
    let nextNumber: string | null = null;
    const following = tokens[j]?.text;
    if (run.length > years.length && following && /^\p{Lu}/u.test(following) && /^\d{2}$/u.test(run.at(-1)!)) {
      nextNumber = run.at(-1)!;
      run = run.slice(0, -1);
    }
    if (run.length > years.length) {
      const page = Number(run.at(-1));
      const plausible = lastPage === null ? page >= MIN_TABLE_PAGE : page > lastPage && page <= lastPage + MAX_PAGE_STEP;
      if (plausible && Number.isInteger(page)) {
        lastPage = page;
        run = run.slice(0, -1);
      }
    }

    const words = segment.filter((w) => !HEADER_WORDS.test(w));
    // Leading words that continue the previous row's cells (after a page break): project and body pieces end at
    // «рекомендовано ФОИ» or the region's name; what follows in lower case is the rest of the previous name.
    let k = 0;
    if (words.length > 0 && startsLower(words[0]!)) {
      while (k < words.length && (startsLower(words[k]!) || isRegionWord(words[k]!) || ABBREVIATION.test(words[k]!))) k++;
      const continuation = words.slice(0, k);
      let cut = -1;
      continuation.forEach((w, idx) => {
        if (/^ФОИВ?$/u.test(w) || isRegionWord(w)) cut = idx;
      });
      const nameTail = continuation.slice(cut + 1);
      if (previous && nameTail.length > 0 && startsLower(nameTail[0]!)) previous.name = `${previous.name} ${nameTail.join(' ')}`;
    }
    const rest = words.slice(k);

    // Responsible body: the last body start before the name; project before it, name after the region words.
    let bodyAt = -1;
    for (let w = 0; w < rest.length; w++) {
      if (RESPONSIBLE_START.test(rest[w]!) && rest.slice(w + 1).some(isRegionWord)) {
        bodyAt = w;
        break;
      }
    }
    let nameAt: number;
    if (bodyAt >= 0) {
      let end = bodyAt + 1;
      while (end < rest.length && !isRegionWord(rest[end]!)) end++;
      while (end < rest.length && isRegionWord(rest[end]!)) end++;
      const startWord = rest.findIndex((w, idx) => idx >= bodyAt + 1 && (INDICATOR_START.test(w) || NUMBERED_NAME.test(`${w} ${rest[idx + 1] ?? ''}`)));
      nameAt = startWord >= 0 && startWord <= end ? startWord : end;
      project = { number: pendingNumber, name: cleanProjectName(rest.slice(0, bodyAt).join(' ')) };
      responsible = rest.slice(bodyAt, Math.min(end, nameAt)).join(' ');
    } else {
      nameAt = rest.findIndex((w, idx) => INDICATOR_START.test(w) || NUMBERED_NAME.test(`${w} ${rest[idx + 1] ?? ''}`));
      if (nameAt < 0) nameAt = rest.length > 0 && !startsLower(rest[0]!) ? 0 : -1;
    }
    previous = null;
    pendingNumber = nextNumber;
    if (nameAt < 0 || run.length !== years.length) continue;

    let nameWords = rest.slice(nameAt);
    let unit: string | null = null;
    if (nameWords.length > 1 && isUnit(nameWords[nameWords.length - 1]!)) {
      unit = nameWords[nameWords.length - 1]!;
      nameWords = nameWords.slice(0, -1);
    }
    const name = nameWords.join(' ');
    if (!/\p{L}{3}/u.test(name)) continue;
    const draft: DraftIndicator = {
      project: { ...project },
      responsible,
      name,
      unit,
      values: run.map((raw, y) => ({ year: years[y]!, raw, value: parseValue(raw) })),
      page: null,
    };
    out.push(draft);
    previous = draft;
  }
  return out;
}
