/** Turns `[start, end)` highlight ranges into DOM: text nodes and `<mark>` elements, never HTML strings. */
import type { Range } from '../api/types.js';

export interface Segment {
  text: string;
  marked: boolean;
}

/** Splits `text` into plain and marked segments; ranges are clipped, sorted and merged when they overlap. */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const clean = ranges
    .map(([s, e]): Range => [Math.max(0, Math.min(text.length, s)), Math.max(0, Math.min(text.length, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), marked: false });
  return out;
}

export function highlighted(text: string, ranges: readonly Range[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const seg of segments(text, ranges)) {
    const node = document.createTextNode(seg.text);
    if (seg.marked) {
      const mark = document.createElement('mark');
      mark.appendChild(node);
      fragment.appendChild(mark);
    } else {
      fragment.appendChild(node);
    }
  }
  return fragment;
}
