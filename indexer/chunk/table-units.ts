import { sectorFromText } from '../structure/sectors.js';
import type { Block } from '../structure/types.js';
import { joinLine, type Unit } from './units.js';

/**
 * One unit per table row (cell lines joined). The header printed before the first row becomes its own unit
 * so the first passage of a table shows the column names. Rows longer than `maxRowLength` are cut at
 * cell-line boundaries into pieces of at most `maxLength`.
 */
export function tableUnits(
  block: Extract<Block, { kind: 'table' }>,
  maxLength: number,
  maxRowLength: number,
  detectSector: boolean,
  headerPage: number | null,
): Unit[] {
  const units: Unit[] = [];
  if (block.header) {
    units.push({ text: block.header, page: headerPage, pageEnd: headerPage, kind: 'table', paragraphStart: true, sector: null, overlappable: false });
  }
  for (const row of block.rows) {
    const lines = row.lines.filter((l) => l.text.trim());
    if (lines.length === 0) continue;
    const text = lines.reduce((acc, l) => joinLine(acc, l.text.trim()), '');
    const sector = detectSector ? sectorFromText(text) : null;
    if (text.length <= maxRowLength) {
      units.push({ text, page: lines[0]!.page, pageEnd: lines[lines.length - 1]!.page, kind: 'table', paragraphStart: true, sector, overlappable: false });
      continue;
    }
    let piece = '';
    let page: number | null = lines[0]!.page;
    let pageEnd: number | null = page;
    let first = true;
    for (const line of lines) {
      const t = line.text.trim();
      if (piece && piece.length + 1 + t.length > maxLength) {
        units.push({ text: piece, page, pageEnd, kind: 'table', paragraphStart: first, sector, overlappable: false });
        first = false;
        piece = '';
        page = line.page;
      }
      piece = joinLine(piece, t);
      pageEnd = line.page;
    }
    if (piece) units.push({ text: piece, page, pageEnd, kind: 'table', paragraphStart: first, sector, overlappable: false });
  }
  return units;
}
