import { z } from 'zod';
import { SECTORS } from '../../indexer/types.js';
import { embedderSchema, errorSchema, listParam, queryText, regionRefSchema, strictParams } from './common.js';

/** Most indicator groups per request. */
export const MAX_INDICATOR_GROUPS = 50;
/** Years a strategy's table can plausibly hold; outside them the filter is a typo. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const indicatorsQuerySchema = strictParams({
  q: queryText('the indicator to look for').meta({ description: 'What the indicator measures, in any words.', example: 'доля массовых социально значимых услуг в электронном виде' }),
  region: listParam('region').meta({ description: 'Region ids or names in any case, repeated or comma-separated.' }),
  document: listParam('document').meta({ description: 'Document ids or file names, repeated or comma-separated: rows of these documents only.' }),
  sector: listParam('sector').meta({ description: `Sectors: ${SECTORS.join(', ')}; repeated or comma-separated.` }),
  year: z.coerce
    .number({ error: 'must be a year such as 2024' })
    .int('must be a whole year')
    .min(MIN_YEAR, `must be at least ${MIN_YEAR}`)
    .max(MAX_YEAR, `must be at most ${MAX_YEAR}`)
    .optional()
    .meta({ description: 'Only indicators with a value for this year (and only that value).' }),
  k: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_INDICATOR_GROUPS, `must be at most ${MAX_INDICATOR_GROUPS}`)
    .default(10)
    .meta({ description: 'Indicator groups (the same indicator across regions) to return; all their matching rows come back.' }),
}).meta({ description: 'Unknown parameters are refused (400).' });

export type IndicatorsQuery = z.output<typeof indicatorsQuerySchema>;

export const indicatorResultSchema = z.object({
  id: z.string(),
  region: z.string(),
  regionId: z.string(),
  sector: z.enum(SECTORS),
  project: z.object({ number: z.string().nullable(), name: z.string().nullable() }),
  responsible: z.string().nullable(),
  name: z.string().meta({ description: 'Indicator name as printed in the source table.' }),
  unit: z.string().nullable().meta({ description: 'Unit as printed; null where the cell is empty (mostly %).' }),
  values: z.array(z.object({ year: z.number().int(), value: z.number().nullable(), raw: z.string() })),
  page: z.number().int().nullable(),
  passageId: z.string().nullable().meta({ description: 'Passage holding the row: GET /api/passages/:id shows it in context.' }),
  citation: z.string(),
  groupId: z.string().meta({ description: 'Same value for the same indicator in other regions.' }),
  score: z.number().min(0).max(1),
});

export const indicatorsResponseSchema = z.object({
  query: z.string(),
  tookMs: z.number(),
  embedder: embedderSchema,
  indicators: z.array(indicatorResultSchema),
  missingRegions: z.array(regionRefSchema),
});

export const indicatorParamsSchema = z.object({
  id: z.string().min(1, 'must not be empty').max(200, 'is too long').meta({ description: 'Indicator id from /api/indicators.' }),
});

export const indicatorsRouteSchema = {
  summary: 'Indicators and targets matching a query, the same indicator tied across regions',
  tags: ['indicators'],
  querystring: indicatorsQuerySchema,
  response: { 200: indicatorsResponseSchema, 400: errorSchema },
};

export const indicatorRouteSchema = {
  summary: 'One indicator row',
  tags: ['indicators'],
  params: indicatorParamsSchema,
  querystring: strictParams({}),
  response: { 200: z.object({ indicator: indicatorResultSchema }), 404: errorSchema },
};
