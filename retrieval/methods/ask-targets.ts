import { findIndicators, type IndicatorResult } from './indicators.js';
import type { RetrievalOverrides } from '../options.js';
import type { RegionRef } from '../region-names.js';
import type { SearchIndex } from '../search-index.js';

/**
 * Questions about targets («Какие целевые значения…», «доля … к 2024 году», «какой показатель…») are answered
 * with the indicator rows themselves, laid out as a table, instead of fragments of flattened table passages.
 */

/**
 * Words that ask for targets or values; a year after «к/на/в/до» with a quantity word does too. The same in English
 * ("What targets…", "share of … by 2030"), for questions the index translates (cross-lingual.ts).
 */
const TARGET_WORDS = /(?:целев\p{L}*|показател\p{L}*|значени[яей]\p{L}*|плановы\p{L}*|\btargets?\b|\bindicators?\b|\bKPIs?\b)/iu;
const QUANTITY_BY_YEAR =
  /(?:(?:дол[яиюе]|числ[оа]|количеств\p{L}*|уров\p{L}*|процент\p{L}*|охват\p{L}*|сколько)[^?]*?(?:к|на|в|до)|\b(?:share|number|percentage|level|how many|how much)\b[^?]*?\b(?:by|in|until))\s+(20\d{2})/iu;
const YEAR_IN_QUESTION = /(?:(?:к|на|в|до)|\b(?:by|in|until))\s+(20\d{2})(?:\s+год\p{L}*)?/iu;

export function isTargetsQuestion(question: string): boolean {
  return TARGET_WORDS.test(question) || QUANTITY_BY_YEAR.test(question);
}

/** The year a question asks about («к 2024 году»), if any. */
export function questionYear(question: string): number | undefined {
  const m = YEAR_IN_QUESTION.exec(question);
  return m ? Number(m[1]) : undefined;
}

/** Indicator groups shown with an answer: the table stays readable. */
const TARGET_GROUPS = 5;

export interface TargetsTable {
  /** Rows as in `GET /api/indicators` (all years; the asked year is in `year`). */
  indicators: IndicatorResult[];
  years: number[];
  /** The year the question names, if any. */
  year: number | null;
  missingRegions: RegionRef[];
  /** The same rows as a Markdown table with numbered citations below it, ready to paste. */
  markdown: string;
}

export async function targetsFor(
  index: SearchIndex,
  question: string,
  regions: string[] | undefined,
  sectors: string[] | undefined,
  documentIds?: ReadonlySet<string>,
  retrieval?: RetrievalOverrides,
): Promise<TargetsTable | undefined> {
  const result = await findIndicators(index, {
    q: question,
    k: TARGET_GROUPS,
    ...(regions ? { regions } : {}),
    ...(sectors ? { sectors } : {}),
    ...(documentIds ? { documents: [...documentIds] } : {}),
    ...(retrieval ? { retrieval } : {}),
  });
  if (result.indicators.length === 0) return undefined;
  const years = [...new Set(result.indicators.flatMap((r) => r.values.map((v) => v.year)))].sort((a, b) => a - b);
  return {
    indicators: result.indicators,
    years,
    year: questionYear(question) ?? null,
    missingRegions: result.missingRegions,
    markdown: markdownTable(result.indicators, years),
  };
}

function markdownTable(rows: readonly IndicatorResult[], years: readonly number[]): string {
  const cell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ').trim();
  const citations: string[] = [];
  const lines = [
    `| Регион | Показатель | Ед. изм. | ${years.join(' | ')} | Источник |`,
    `|---|---|---|${years.map(() => '---|').join('')}---|`,
  ];
  for (const r of rows) {
    let n = citations.indexOf(r.citation) + 1;
    if (n === 0) n = citations.push(r.citation);
    const values = years.map((y) => cell(r.values.find((v) => v.year === y)?.raw ?? '—'));
    lines.push(`| ${cell(r.region)} | ${cell(r.name)} | ${cell(r.unit ?? '')} | ${values.join(' | ')} | [${n}] |`);
  }
  return `${lines.join('\n')}\n\n${citations.map((c, i) => `[${i + 1}] ${c}`).join('\n')}\n`;
}
