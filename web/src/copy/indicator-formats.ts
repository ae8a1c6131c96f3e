/**
 * The indicator comparison on the clipboard and in a file: one line per indicator row (region, indicator as
 * printed, unit, a column per year, source), so every value keeps its citation. TSV pastes into a spreadsheet,
 * Markdown into notes, HTML as a real table into Word/LibreOffice, CSV downloads for Excel.
 */
import type { IndicatorRow } from '../api/types.js';
import { escapeHtml, type ClipboardPayload } from './citation-formats.js';

const HEADER = ['Регион', 'Показатель', 'Ед. изм.'];
const SOURCE = 'Источник';
/** Placeholder of a year the row has no value for. */
const NO_VALUE = '—';

function valueOf(row: IndicatorRow, year: number): string {
  return row.values.find((v) => v.year === year)?.raw ?? NO_VALUE;
}

function oneLine(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

export function toTsv(rows: readonly IndicatorRow[], years: readonly number[]): string {
  const cell = (s: string) => oneLine(s).replace(/\t/gu, ' ');
  const lines = [[...HEADER, ...years.map(String), SOURCE].join('\t')];
  for (const r of rows) lines.push([r.region, r.name, r.unit ?? '', ...years.map((y) => valueOf(r, y)), r.citation].map(cell).join('\t'));
  return lines.join('\n');
}

/** Markdown table with numbered sources under it (a citation in every row would make the table unreadable). */
export function toMarkdown(heading: string, rows: readonly IndicatorRow[], years: readonly number[]): string {
  const cell = (s: string) => oneLine(s).replace(/\|/gu, '\\|');
  const sources: string[] = [];
  const lines = [`## ${cell(heading)}`, '', `| ${[...HEADER, ...years.map(String), SOURCE].join(' | ')} |`, `|${[...HEADER, ...years, SOURCE].map(() => '---').join('|')}|`];
  for (const r of rows) {
    let n = sources.indexOf(r.citation) + 1;
    if (n === 0) n = sources.push(r.citation);
    lines.push(`| ${[r.region, r.name, r.unit ?? '', ...years.map((y) => valueOf(r, y))].map(cell).join(' | ')} | [${n}] |`);
  }
  lines.push('', ...sources.map((s, i) => `[${i + 1}] ${oneLine(s)}`));
  return lines.join('\n');
}

/** A plain `<table>` (no style attributes: the page's CSP forbids them, and Word styles tables itself). */
export function toHtml(heading: string, rows: readonly IndicatorRow[], years: readonly number[]): string {
  const th = [...HEADER, ...years.map(String), SOURCE].map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${[r.region, r.name, r.unit ?? '', ...years.map((y) => valueOf(r, y)), r.citation].map((c) => `<td>${escapeHtml(oneLine(c))}</td>`).join('')}</tr>`)
    .join('');
  return `<meta charset="utf-8"><h2>${escapeHtml(heading)}</h2><table border="1"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

export function indicatorPayload(heading: string, rows: readonly IndicatorRow[], years: readonly number[]): ClipboardPayload {
  return { plain: toTsv(rows, years), markdown: toMarkdown(heading, rows, years), html: toHtml(heading, rows, years) };
}

/** RFC 4180 CSV with a BOM (Excel then reads UTF-8); ids let a spreadsheet link back to the API. */
export function toCsv(rows: readonly IndicatorRow[], years: readonly number[]): string {
  const cell = (s: string) => (/[",\n\r;]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  const header = [...HEADER, ...years.map(String), SOURCE, 'Страница', 'Группа', 'Фрагмент', 'Проект', 'Ответственный'];
  const lines = [header.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [r.region, oneLine(r.name), r.unit ?? '', ...years.map((y) => valueOf(r, y)), r.citation, r.page === null ? '' : String(r.page), r.groupId, r.passageId ?? '', r.project.name ?? '', r.responsible ?? '']
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
