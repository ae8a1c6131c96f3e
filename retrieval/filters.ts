import { SECTOR_LABELS, SECTORS, type Sector } from '../indexer/types.js';
import { RetrievalInputError } from './errors.js';
import type { RegionRef } from './region-names.js';
import type { SearchIndex } from './search-index.js';

/** Resolves region values (ids or Russian names) against the loaded index; an unknown one is a RetrievalInputError naming the field. */
export function resolveRegions(index: SearchIndex, values: readonly string[] | undefined, field: string): RegionRef[] | undefined {
  if (!values || values.length === 0) return undefined;
  const resolved = new Map<string, RegionRef>();
  for (const value of values) {
    const region = index.findRegion(value);
    if (!region) {
      const known = index.regions.map((r) => r.regionId).join(', ');
      throw new RetrievalInputError('unknown-region', field, `${field}: unknown region "${value.slice(0, 80)}". Use a region id (${known}) or its Russian name.`);
    }
    resolved.set(region.regionId, { regionId: region.regionId, region: region.region });
  }
  return [...resolved.values()];
}

export function resolveSectors(values: readonly string[] | undefined, field: string): Sector[] | undefined {
  if (!values || values.length === 0) return undefined;
  const resolved = new Set<Sector>();
  for (const value of values) {
    const v = value.toLowerCase();
    const sector = SECTORS.find((s) => s === v || SECTOR_LABELS[s].toLowerCase() === v);
    if (!sector) throw new RetrievalInputError('unknown-sector', field, `${field}: unknown sector "${value.slice(0, 80)}". Use one of: ${SECTORS.join(', ')}.`);
    resolved.add(sector);
  }
  return [...resolved];
}
