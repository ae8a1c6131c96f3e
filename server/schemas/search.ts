import { z } from 'zod';
import { SECTORS } from '../../indexer/types.js';
import type { SearchParams } from '../../retrieval/methods/search.js';
import { FUSION_METHODS, SEARCH_MODES } from '../../retrieval/options.js';
import { appliedDocumentSchema, appliedRegionSchema, booleanParam, embedderSchema, errorSchema, listParam, MAX_QUERY_LENGTH, passageResultSchema, queryText, regionRefSchema, strictParams } from './common.js';

export { MAX_QUERY_LENGTH };
/** Most results per request (per region when grouped). */
export const MAX_K = 100;

export const searchQuerySchema = strictParams({
  q: queryText('the text to search for').meta({ description: 'Search text. Region names in it become a region filter (see detectRegions).', example: 'телемедицина в Тверской области' }),
  k: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_K, `must be at most ${MAX_K}`)
    .default(10)
    .meta({ description: 'Number of results (per region with groupBy=region).' }),
  mode: z.enum(SEARCH_MODES, { error: `must be one of ${SEARCH_MODES.join(', ')}` }).default('hybrid'),
  region: listParam('region').meta({ description: 'Region ids or names in any case («tver», «Тверской области», «ЛНР»), repeated or comma-separated.' }),
  document: listParam('document').meta({ description: 'Document ids or file names (GET /api/regions lists them), repeated or comma-separated: one edition of a region\'s strategy, or several searched together.' }),
  sector: listParam('sector').meta({ description: `Sectors: ${SECTORS.join(', ')}; repeated or comma-separated.` }),
  groupBy: z.enum(['region'], { error: 'must be "region"' }).optional(),
  detectRegions: booleanParam(true).meta({ description: 'Recognise region names in q as a filter. Send false to drop that filter.' }),
  fusion: z.enum(FUSION_METHODS, { error: `must be one of ${FUSION_METHODS.join(', ')}` }).optional().meta({ description: 'Hybrid fusion method (default convex).' }),
}).meta({ description: 'Unknown parameters are refused (400), so a misspelt filter never passes silently.' });

export type SearchQuery = z.output<typeof searchQuerySchema>;

/** Validated search parameters (HTTP query or CLI flags) as the search engine takes them. */
export function toSearchParams(query: SearchQuery): SearchParams {
  return {
    q: query.q,
    k: query.k,
    mode: query.mode,
    regions: query.region,
    documents: query.document,
    sectors: query.sector,
    groupBy: query.groupBy,
    detectRegions: query.detectRegions,
    ...(query.fusion ? { retrieval: { fusion: query.fusion } } : {}),
  };
}

export const searchResponseSchema = z.object({
  query: z.string(),
  mode: z.enum(SEARCH_MODES),
  embedder: embedderSchema,
  tookMs: z.number(),
  appliedFilters: z.object({
    regions: z.array(appliedRegionSchema),
    documents: z.array(appliedDocumentSchema),
    sectors: z.array(z.object({ sector: z.enum(SECTORS), label: z.string() })),
    queryText: z.string(),
    expansions: z.array(z.object({ from: z.string(), to: z.string() })),
    /** A question in another language: each of its words (or phrases of two or three words) and the corpus words it was searched as. */
    translations: z.array(z.object({ from: z.string(), to: z.string() })),
    detectRegions: z.boolean(),
  }),
  results: z.array(passageResultSchema),
  groups: z.array(regionRefSchema.extend({ found: z.boolean(), results: z.array(passageResultSchema) })).optional(),
  missingRegions: z.array(regionRefSchema).optional(),
});

export const searchRouteSchema = {
  summary: 'Search passages (hybrid, keyword or semantic), optionally grouped by region',
  tags: ['search'],
  querystring: searchQuerySchema,
  response: { 200: searchResponseSchema, 400: errorSchema },
};
