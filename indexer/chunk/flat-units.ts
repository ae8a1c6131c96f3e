import { sectorFromText } from '../structure/sectors.js';
import type { Unit } from './units.js';

/**
 * Windows over flattened text (no sentences to split at): each window grows to `targetLength` and closes at
 * the best boundary before `maxLength` — preferably before a row number followed by a capitalised word
 * («2 Цифровой помощник …»), else before a capitalised word, else at any word boundary. Consecutive windows
 * share about `overlapLength / 2` characters, starting at a word boundary.
 */
export function flatUnits(text: string, targetLength: number, maxLength: number, overlapLength: number, detectSector: boolean): Unit[] {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  const units: Unit[] = [];
  let first = 0;
  while (first < words.length) {
    const startChar = words[first]!.start;
    let last = first;
    while (last + 1 < words.length && words[last + 1]!.end - startChar <= targetLength) last++;
    if (last + 1 < words.length) {
      // Look ahead (up to maxLength) for a better place to stop.
      let best = last;
      let bestScore = -1;
      for (let k = last + 1; k < words.length && words[k]!.end - startChar <= maxLength; k++) {
        const score = boundaryScore(words, k + 1);
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      if (bestScore > boundaryScore(words, last + 1)) last = best;
    }
    const unitText = text.slice(startChar, words[last]!.end);
    units.push({
      text: unitText,
      page: null,
      pageEnd: null,
      kind: 'text',
      paragraphStart: true,
      sector: detectSector ? sectorFromText(unitText) : null,
      overlappable: false,
    });
    if (last + 1 >= words.length) break;
    // Overlap: restart a little before the end of this window, at the best boundary within the overlap span.
    let next = last + 1;
    const overlapChars = overlapLength / 2;
    let bestStart = next;
    let bestScore = -1;
    for (let k = last; k > first + 1 && words[last]!.end - words[k]!.start <= overlapChars; k--) {
      const score = boundaryScore(words, k);
      if (score > bestScore) {
        bestScore = score;
        bestStart = k;
      }
    }
    // No overlap when the window already ends where a new item starts («6 Федеральный закон …»).
    if (bestScore >= 1 && boundaryScore(words, last + 1) < 2) next = bestStart;
    first = next;
  }
  return units;
}

/** How good a place it is to start a new window at word `k`. */
function boundaryScore(words: Array<{ text: string }>, k: number): number {
  const word = words[k];
  const following = words[k + 1];
  if (!word) return 3;
  if (/^\d{1,3}$/.test(word.text) && following && /^\p{Lu}\p{Ll}/u.test(following.text)) return 2;
  if (/^[\p{Lu}«]/u.test(word.text)) return 1;
  return 0;
}
