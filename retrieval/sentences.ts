import { tokenize } from '../indexer/nlp/tokenize.js';

/**
 * Splits a passage into answer-sized pieces that are exact slices of its text. Prose splits at sentence ends;
 * the flattened texts have no punctuation, so long stretches are cut into windows of whole words; table rows are
 * kept whole when short.
 */

export interface Segment {
  start: number;
  end: number;
}

/** Longest piece, in characters, before it is cut into word windows. */
const MAX_SEGMENT = 360;
/** Words per window when cutting. */
const WINDOW_WORDS = 36;
/** Pieces shorter than this join the next one ("1.", "а)"). */
const MIN_SEGMENT = 30;

const SENTENCE_END = /[.!?…;](?=\s+["«(]?[\p{Lu}\d])|\n(?=\s*(?:[-–—•·▪]|\d{1,2}[.)]\s))/gu;

export function splitSegments(text: string, kind: 'text' | 'table'): Segment[] {
  if (kind === 'table' && text.length <= MAX_SEGMENT * 1.5) return trimmed(text, [{ start: 0, end: text.length }]);
  const raw: Segment[] = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    raw.push({ start: from, end });
    from = end;
  }
  if (from < text.length) raw.push({ start: from, end: text.length });

  const merged: Segment[] = [];
  for (const seg of trimmed(text, raw)) {
    const last = merged[merged.length - 1];
    if (last && last.end - last.start < MIN_SEGMENT) last.end = seg.end;
    else merged.push({ ...seg });
  }
  return merged.flatMap((seg) => (seg.end - seg.start > MAX_SEGMENT ? wordWindows(text, seg) : [seg]));
}

function wordWindows(text: string, seg: Segment): Segment[] {
  const tokens = tokenize(text.slice(seg.start, seg.end));
  const windows: Segment[] = [];
  for (let i = 0; i < tokens.length; i += WINDOW_WORDS) {
    const first = tokens[i]!;
    const last = tokens[Math.min(tokens.length, i + WINDOW_WORDS) - 1]!;
    windows.push({ start: seg.start + first.start, end: seg.start + last.end });
  }
  // A short tail reads badly on its own: fold it into the previous window.
  if (windows.length > 1 && windows[windows.length - 1]!.end - windows[windows.length - 1]!.start < MIN_SEGMENT * 2) {
    const tail = windows.pop()!;
    windows[windows.length - 1]!.end = tail.end;
  }
  return windows;
}

/** Drops surrounding whitespace (and a leading list marker's trailing space) so pieces paste cleanly. */
function trimmed(text: string, segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let { start, end } of segments) {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
