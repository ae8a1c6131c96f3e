/**
 * The comparison table of the «Показатели» view as data: rows = indicator groups (the same indicator across
 * regions), columns = regions × years. Copy formats and the DOM table are both built from it.
 */
import type { IndicatorRow } from '../api/types.js';

export interface ComparisonCell {
  raw: string;
  row: IndicatorRow;
}

export interface ComparisonGroup {
  groupId: string;
  /** The group's title (see `betterTitle`). */
  name: string;
  unit: string | null;
  /** regionId → the group's rows in that region (a region may repeat an indicator for several projects). */
  byRegion: Map<string, IndicatorRow[]>;
}

export interface Comparison {
  groups: ComparisonGroup[];
  /** Regions with at least one row, in the order the rows came (the server sorts them by name). */
  regions: Array<{ regionId: string; region: string }>;
  years: number[];
}

export function buildComparison(rows: readonly IndicatorRow[]): Comparison {
  const groups = new Map<string, ComparisonGroup>();
  const regions = new Map<string, string>();
  const years = new Set<number>();
  for (const row of rows) {
    let group = groups.get(row.groupId);
    if (!group) groups.set(row.groupId, (group = { groupId: row.groupId, name: row.name, unit: row.unit, byRegion: new Map() }));
    if (betterTitle(row.name, group.name)) group.name = row.name;
    group.unit ??= row.unit;
    const inRegion = group.byRegion.get(row.regionId) ?? [];
    inRegion.push(row);
    group.byRegion.set(row.regionId, inRegion);
    regions.set(row.regionId, row.region);
    for (const v of row.values) years.add(v.year);
  }
  const regionList = [...regions].map(([regionId, region]) => ({ regionId, region })).sort((a, b) => a.region.localeCompare(b.region, 'ru'));
  return { groups: [...groups.values()], regions: regionList, years: [...years].sort((a, b) => a - b) };
}

/**
 * The group's title: the shortest name printed with punctuation (a layout text's wording), else the shortest —
 * the flattened texts' names lack commas and short words and read worse.
 */
function betterTitle(candidate: string, current: string): boolean {
  const punctuated = (s: string) => /[,()«»]/u.test(s);
  if (punctuated(candidate) !== punctuated(current)) return punctuated(candidate);
  return candidate.length < current.length;
}

/** The value of a group in a region for a year: its first row's (the best-matching project's). */
export function cellOf(group: ComparisonGroup, regionId: string, year: number): ComparisonCell | null {
  for (const row of group.byRegion.get(regionId) ?? []) {
    const value = row.values.find((v) => v.year === year);
    if (value) return { raw: value.raw, row };
  }
  return null;
}
