import { createHash } from 'node:crypto';
import { SAME_INDICATOR_DICE, nameStems, normaliseName, stemDice } from './names.js';
import type { IndicatorRow } from './types.js';

/**
 * Ties rows that name the same indicator (federal template indicators recur in every region with small wording
 * differences). Complete-link: a row joins the most similar group only when its stem Dice with every member is at
 * least {@link SAME_INDICATOR_DICE}, so «Доля массовых … услуг» and «Доля обращений за получением массовых … услуг»
 * do not chain into one group through names between them. The group id is derived from the group's shortest
 * normalised name, so it stays while that name stays.
 */
export function groupIndicators(rows: IndicatorRow[]): IndicatorRow[] {
  const stems = rows.map((r) => nameStems(r.name));
  const groups: number[][] = [];
  const groupOf = new Array<number>(rows.length);
  rows.forEach((_, i) => {
    let best = -1;
    let bestScore = 0;
    groups.forEach((members, g) => {
      let worst = 1;
      for (const m of members) {
        worst = Math.min(worst, stemDice(stems[i]!, stems[m]!));
        if (worst < SAME_INDICATOR_DICE) return;
      }
      if (worst > bestScore) {
        best = g;
        bestScore = worst;
      }
    });
    if (best < 0) {
      best = groups.length;
      groups.push([]);
    }
    groups[best]!.push(i);
    groupOf[i] = best;
  });
  const ids = groups.map((members) => {
    const names = members.map((m) => normaliseName(rows[m]!.name)).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    return `g${createHash('sha256').update(names[0]!).digest('hex').slice(0, 12)}`;
  });
  return rows.map((r, i) => ({ ...r, groupId: ids[groupOf[i]!]! }));
}
