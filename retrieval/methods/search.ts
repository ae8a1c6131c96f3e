import { SECTOR_LABELS, type Sector } from '../../indexer/types.js';
import { resolveDocuments, resolveRegions, resolveSectors, type DocumentRef } from '../filters.js';
import { translateQuestion } from '../cross-lingual.js';
import { understandQuery, type QueryExpansion } from '../query-understanding.js';
import type { RegionMention, RegionRef } from '../region-names.js';
import { toPassageResult, type PassageResult } from '../results.js';
import { retrievalOptions, type RetrievalOverrides, type SearchMode } from '../options.js';
import { retrieve } from '../retrieve.js';
import type { EmbedderSummary, SearchIndex } from '../search-index.js';
import { groupByRegion } from './group-by-region.js';

/** The search operation behind `GET /api/search` and `npm run search`. */

export interface SearchParams {
  q: string;
  /** Results (per region when grouped). Default 10. */
  k?: number;
  mode?: SearchMode;
  /** Region ids or names. */
  regions?: string[];
  /** Document ids or file names: one edition of a region's strategy, or several documents searched together. */
  documents?: string[];
  sectors?: string[];
  groupBy?: 'region';
  /** Turn region names in the query into a filter. Default true. */
  detectRegions?: boolean;
  /** Overrides of the retrieval defaults by name (options.ts): the server's config, evaluation. */
  retrieval?: RetrievalOverrides;
}

export interface AppliedRegionFilter extends RegionRef {
  /** `parameter`: sent by the client; `query`: recognised in the query text. */
  source: 'parameter' | 'query';
  /** The words of the query that named the region (source `query`). */
  matchedText?: string;
  /** How to drop a recognised region: repeat the request with these query parameters. */
  removeWith?: { detectRegions: false };
}

export interface AppliedFilters {
  regions: AppliedRegionFilter[];
  /** Documents the search was limited to (`document` parameter); empty = every document. */
  documents: DocumentRef[];
  sectors: { sector: Sector; label: string }[];
  /** The text retrieval actually used (region names removed). */
  queryText: string;
  /** Abbreviations matched with their expansions (both directions). */
  expansions: QueryExpansion[];
  /** A question in another language: each of its words and the corpus words it was searched as. */
  translations: QueryExpansion[];
  detectRegions: boolean;
}

export interface RegionGroupResult extends RegionRef {
  found: boolean;
  results: PassageResult[];
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  embedder: EmbedderSummary;
  tookMs: number;
  appliedFilters: AppliedFilters;
  results: PassageResult[];
  groups?: RegionGroupResult[];
  missingRegions?: RegionRef[];
}

export async function search(index: SearchIndex, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  const k = params.k ?? 10;
  const options = retrievalOptions(params.retrieval, params.mode ? { mode: params.mode } : undefined);
  const mode = options.mode;
  const explicitRegions = resolveRegions(index, params.regions, 'region');
  const sectors = resolveSectors(params.sectors, 'sector');
  // An explicit region filter wins; recognising regions in the text as well would fight it.
  const detectRegions = params.detectRegions !== false && !explicitRegions;
  const translations = await translateQuestion(index, params.q, options);
  const plan = understandQuery(index, params.q, { detectRegions, ...(translations ? { translations } : {}) }, options);

  const regionFilters = appliedRegionFilters(explicitRegions, plan.regions);
  const documents = resolveDocuments(index, params.documents, 'document');
  const regionIds = regionScope(regionFilters, documents);
  const documentIds = documents ? new Set(documents.map((d) => d.documentId)) : undefined;
  const sectorSet = sectors ? new Set(sectors) : undefined;

  const grouped = params.groupBy === 'region';
  const depth = {
    pool: Math.max(options.pool, options.poolPerResult * k),
    perRegionPool: grouped ? Math.max(options.regionPool, options.regionPoolPerResult * k) : 0,
  };
  const { candidates } = await retrieve(index, plan, { regionIds, documentIds, sectors: sectorSet }, options, depth);

  const results = candidates.slice(0, k).map((c) => toPassageResult(index, c, plan.matchTerms));
  const response: SearchResponse = {
    query: params.q,
    mode,
    embedder: index.embedder,
    tookMs: 0,
    appliedFilters: {
      regions: regionFilters,
      documents: documents ?? [],
      sectors: (sectors ?? []).map((s) => ({ sector: s, label: SECTOR_LABELS[s] })),
      queryText: plan.text,
      expansions: plan.expansions,
      translations: plan.translations,
      detectRegions,
    },
    results,
  };
  if (grouped) {
    const { groups, missingRegions } = groupByRegion(index, candidates, regionIds, k);
    response.groups = groups.map((g) => ({
      regionId: g.regionId,
      region: g.region,
      found: g.found,
      results: g.candidates.map((c) => toPassageResult(index, c, plan.matchTerms)),
    }));
    response.missingRegions = missingRegions;
  }
  response.tookMs = Math.round((performance.now() - started) * 10) / 10;
  return response;
}

/**
 * The regions a search covers: those filtered for, else the regions of the documents filtered for (so grouping
 * lists only them), else all (undefined).
 */
export function regionScope(regions: readonly RegionRef[], documents: readonly DocumentRef[] | undefined): Set<string> | undefined {
  if (regions.length > 0) return new Set(regions.map((r) => r.regionId));
  return documents ? new Set(documents.map((d) => d.regionId)) : undefined;
}

/** The region filters a request applies: the regions it sent, else those its query names (each once, droppable). */
export function appliedRegionFilters(sent: readonly RegionRef[] | undefined, named: readonly RegionMention[]): AppliedRegionFilter[] {
  if (sent) return sent.map((r) => ({ ...r, source: 'parameter' }));
  return uniqueBy(named, (m) => m.regionId).map((m) => ({
    regionId: m.regionId,
    region: m.region,
    source: 'query',
    matchedText: m.matchedText,
    removeWith: { detectRegions: false },
  }));
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
