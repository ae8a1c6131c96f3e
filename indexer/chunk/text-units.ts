import type { Line } from '../structure/types.js';
import { sectorFromText } from '../structure/sectors.js';
import { splitByWords, splitSentences } from './sentences.js';
import { joinLine, type Unit } from './units.js';

const ANNOUNCEMENT = /^В рамках (сферы|социальной|развития|отрасли)/u;
const LIST_START = /^(\d{1,2}(\.\d{1,2})*[.)]\s*\S|[-–—•●▪·]\s|\p{Ll}\)\s)/u;

interface Paragraph {
  text: string;
  /** Character offset in `text` where each source line starts, with its page. */
  lineStarts: Array<{ offset: number; page: number | null }>;
}

/** Groups wrapped lines into paragraphs: a list item or a short line ending a sentence closes a paragraph. */
export function paragraphsOf(lines: Line[]): Paragraph[] {
  const content = lines.filter((l) => l.text.trim());
  const lengths = content.map((l) => l.text.trim().length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.8)] ?? 80;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous = '';
  for (const line of content) {
    const t = line.text.trim();
    const breaks =
      current === null ||
      LIST_START.test(t) ||
      (/[.:;!?]$/u.test(previous) && /^[\p{Lu}«"]/u.test(t) && previous.length < typical * 0.85);
    if (breaks || current === null) {
      current = { text: t, lineStarts: [{ offset: 0, page: line.page }] };
      paragraphs.push(current);
    } else {
      const joined = joinLine(current.text, t);
      current.lineStarts.push({ offset: joined.length - t.length, page: line.page });
      current.text = joined;
    }
    previous = t;
  }
  return paragraphs;
}

function pageAt(paragraph: Paragraph, offset: number): number | null {
  let page = paragraph.lineStarts[0]?.page ?? null;
  for (const s of paragraph.lineStarts) {
    if (s.offset <= offset) page = s.page;
    else break;
  }
  return page;
}

/** Sentence units of prose lines, with pages; `detectSector` marks paragraphs that announce a sector. */
export function textUnits(lines: Line[], maxLength: number, overlapLength: number, detectSector: boolean): Unit[] {
  const units: Unit[] = [];
  for (const paragraph of paragraphsOf(lines)) {
    let sector = detectSector ? sectorFromText(paragraph.text) : null;
    let cursor = 0;
    let first = true;
    for (const sentence of splitSentences(paragraph.text)) {
      // «В рамках сферы здравоохранения – …» opens a new sector even inside a wrapped paragraph.
      if (detectSector && !first && ANNOUNCEMENT.test(sentence)) {
        sector = sectorFromText(sentence) ?? sector;
        first = true;
      }
      const at = paragraph.text.indexOf(sentence, cursor);
      const start = at >= 0 ? at : cursor;
      cursor = start + sentence.length;
      const pieces = sentence.length > maxLength ? splitByWords(sentence, maxLength) : [sentence];
      let pieceStart = start;
      for (const piece of pieces) {
        const pieceEnd = pieceStart + piece.length;
        units.push({
          text: piece,
          page: pageAt(paragraph, pieceStart),
          pageEnd: pageAt(paragraph, Math.max(pieceStart, pieceEnd - 1)),
          kind: 'text',
          paragraphStart: first,
          sector,
          overlappable: pieces.length === 1 && piece.length <= overlapLength,
        });
        first = false;
        pieceStart = pieceEnd + 1;
      }
    }
  }
  return units;
}
