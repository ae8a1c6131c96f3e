import type { RegionRef } from '../region-names.js';
import type { Candidate } from '../retrieve.js';
import type { SearchIndex } from '../search-index.js';

/**
 * Groups ranked candidates by region, one group for every region in scope (in the index's region order), each
 * with its best `perRegion` relevant passages. A region whose best passage does not reach the relevance
 * threshold is "missing": the answer for it is "nothing found", not its least bad passage. A question no region
 * answers therefore lists every region as missing.
 */

export interface CandidateGroup extends RegionRef {
  found: boolean;
  candidates: Candidate[];
}

export function groupByRegion(
  index: SearchIndex,
  candidates: readonly Candidate[],
  scope: ReadonlySet<string> | undefined,
  perRegion: number,
): { groups: CandidateGroup[]; missingRegions: RegionRef[] } {
  const groups = index.regions
    .filter((r) => !scope || scope.has(r.regionId))
    .map((r): CandidateGroup => ({ regionId: r.regionId, region: r.region, found: false, candidates: [] }));
  const byId = new Map(groups.map((g) => [g.regionId, g]));
  for (const c of candidates) {
    if (!c.relevant) continue;
    const group = byId.get(index.passages[c.label]!.regionId);
    if (group && group.candidates.length < perRegion) group.candidates.push(c);
  }
  for (const g of groups) g.found = g.candidates.length > 0;
  return {
    groups,
    missingRegions: groups.filter((g) => !g.found).map(({ regionId, region }) => ({ regionId, region })),
  };
}
