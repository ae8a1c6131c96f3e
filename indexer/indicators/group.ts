import { createHash } from 'node:crypto';
import { SAME_INDICATOR_DICE, nameStems, normaliseName, stemDice } from './names.js';
import type { IndicatorRow } from './types.js';

/**
 * Ties rows that name the same indicator (federal template indicators recur in every region with small wording
 * differences): single-link clusters of names whose stem Dice is at least {@link SAME_INDICATOR_DICE}. The group id
 * is derived from the cluster's shortest normalised name, so it is stable while that name stays.
 */
export function groupIndicators(rows: IndicatorRow[]): IndicatorRow[] {
  const stems = rows.map((r) => nameStems(r.name));
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (find(i) !== find(j) && stemDice(stems[i]!, stems[j]!) >= SAME_INDICATOR_DICE) parent[find(j)] = find(i);
    }
  }
  const representative = new Map<number, string>();
  rows.forEach((r, i) => {
    const root = find(i);
    const name = normaliseName(r.name);
    const current = representative.get(root);
    if (current === undefined || name.length < current.length || (name.length === current.length && name < current)) {
      representative.set(root, name);
    }
  });
  return rows.map((r, i) => ({
    ...r,
    groupId: `g${createHash('sha256').update(representative.get(find(i))!).digest('hex').slice(0, 12)}`,
  }));
}
