/**
 * Shapes of the HTTP API as the UI reads them: inferred from the server's own zod schemas (server/schemas/), never
 * copied, so a change of the contract is a type error here. Type-only imports: nothing of the server or of zod
 * reaches the browser bundle.
 */
import type { z } from 'zod';
import type { askResponseSchema } from '../../../server/schemas/ask.js';
import type { appliedRegionSchema, embedderSchema, passageResultSchema, regionRefSchema } from '../../../server/schemas/common.js';
import type { indicatorResultSchema, indicatorsResponseSchema } from '../../../server/schemas/indicators.js';
import type { passageResponseSchema, similarResponseSchema } from '../../../server/schemas/passages.js';
import type { regionsResponseSchema } from '../../../server/schemas/regions.js';
import type { searchResponseSchema } from '../../../server/schemas/search.js';

export type SearchResponse = z.output<typeof searchResponseSchema>;
export type SearchResult = z.output<typeof passageResultSchema>;
export type SearchMode = SearchResponse['mode'];
export type EmbedderInfo = z.output<typeof embedderSchema>;
export type RegionRef = z.output<typeof regionRefSchema>;
/** A region filter the server applied: sent as a parameter, or recognised in the query text. */
export type AppliedRegion = z.output<typeof appliedRegionSchema>;
/** A `[start, end)` character range inside a passage's `text`. */
export type Range = SearchResult['highlights'][number];
export type RegionGroup = NonNullable<SearchResponse['groups']>[number];

export type RegionsResponse = z.output<typeof regionsResponseSchema>;
export type RegionInfo = RegionsResponse['regions'][number];

export type AskResponse = z.output<typeof askResponseSchema>;
export type AskRegionAnswer = AskResponse['answer'][number];
/** The indicator table of an answer to a question about targets. */
export type AskTargets = NonNullable<AskResponse['indicators']>;

export type PassageContext = z.output<typeof passageResponseSchema>;
export type SimilarResponse = z.output<typeof similarResponseSchema>;

export type IndicatorRow = z.output<typeof indicatorResultSchema>;
export type IndicatorsResponse = z.output<typeof indicatorsResponseSchema>;

/** The modes in the order the UI offers them (the type checks each is one the API accepts, and that none is left out). */
export const SEARCH_MODES = ['hybrid', 'keyword', 'semantic'] as const satisfies readonly SearchMode[];
const everyModeOffered: Exclude<SearchMode, (typeof SEARCH_MODES)[number]> extends never ? true : never = true;
void everyModeOffered;

/** Regions the server recognised in the query text (as opposed to the `region` parameter). */
export function detectedRegions(regions: readonly AppliedRegion[]): AppliedRegion[] {
  return regions.filter((r) => r.source === 'query');
}
