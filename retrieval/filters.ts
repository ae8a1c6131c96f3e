import { SECTOR_LABELS, SECTORS, type Sector } from '../indexer/types.js';
import { findSubject } from '../indexer/regions/region-matcher.js';
import { RetrievalInputError } from './errors.js';
import type { RegionRef } from './region-names.js';
import type { SearchIndex } from './search-index.js';

/** A document a filter names, as reported back in `appliedFilters.documents`. */
export interface DocumentRef extends RegionRef {
  documentId: string;
  title: string;
  period?: string;
}

/** Resolves region values (ids or Russian names) against the loaded index; an unknown one is a RetrievalInputError naming the field. */
export function resolveRegions(index: SearchIndex, values: readonly string[] | undefined, field: string): RegionRef[] | undefined {
  if (!values || values.length === 0) return undefined;
  const resolved = new Map<string, RegionRef>();
  for (const value of values) {
    const region = index.findRegion(value);
    if (!region) {
      const known = index.regions.map((r) => r.regionId).join(', ');
      // A real region the corpus has no document of deserves a different answer than a typo.
      const subject = findSubject(value);
      throw new RetrievalInputError(
        'unknown-region',
        field,
        subject
          ? `${field}: ${subject.name} (${subject.id}) has no documents in this index; indexed regions: ${known}. Add its strategy to corpus/ and run npm run index.`
          : `${field}: unknown region "${value.slice(0, 80)}". Use a region id (${known}) or its Russian name in any case.`,
      );
    }
    resolved.set(region.regionId, { regionId: region.regionId, region: region.region });
  }
  return [...resolved.values()];
}

/** Resolves document values (ids or file names) against the loaded index; an unknown one is a RetrievalInputError naming the field. */
export function resolveDocuments(index: SearchIndex, values: readonly string[] | undefined, field: string): DocumentRef[] | undefined {
  if (!values || values.length === 0) return undefined;
  const resolved = new Map<string, DocumentRef>();
  for (const value of values) {
    const doc = index.findDocument(value);
    if (!doc) {
      const known = index.regions.flatMap((r) => r.documents.map((d) => d.id)).join(', ');
      throw new RetrievalInputError('unknown-document', field, `${field}: unknown document "${value.slice(0, 80)}". Use a document id (${known}) or its file name.`);
    }
    resolved.set(doc.id, { documentId: doc.id, title: doc.title, regionId: doc.regionId, region: doc.region, ...(doc.period ? { period: doc.period } : {}) });
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
