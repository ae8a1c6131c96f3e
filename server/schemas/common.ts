import { z } from 'zod';
import { SECTORS } from '../../indexer/types.js';

/** Shapes shared by several resources. Request schemas validate; response schemas document (OpenAPI). */

/** A list parameter: repeated (`region=a&region=b`) or comma-separated (`region=a,b`). */
export const listParam = (what: string) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean),
    z.array(z.string().max(200, `each ${what} must be at most 200 characters`)).max(100, `at most 100 ${what} values`).optional(),
  );

export const booleanParam = (defaultValue: boolean) =>
  z.stringbool({ error: 'must be true or false' }).default(defaultValue);

export const embedderSchema = z
  .object({
    id: z.string().meta({ example: 'offline-concept@1' }),
    kind: z.enum(['offline', 'transformers']),
    description: z.string(),
  })
  .meta({ description: 'The embedder that produced the vectors behind this answer.' });

export const regionRefSchema = z.object({ regionId: z.string(), region: z.string() });

export const passageResultSchema = z.object({
  id: z.string(),
  score: z.number().min(0).max(1).meta({ description: 'Ranking score, 0..1, comparable within one response.' }),
  region: z.string().meta({ example: 'Тверская область' }),
  regionId: z.string().meta({ example: 'tver' }),
  document: z.object({ id: z.string(), title: z.string() }),
  section: z.object({ number: z.string(), title: z.string(), path: z.string() }),
  sector: z.enum(SECTORS),
  sectorLabel: z.string(),
  page: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  kind: z.enum(['text', 'table']),
  text: z.string().meta({ description: 'Exactly the corpus text.' }),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).meta({ description: '[start, end) ranges of text that matched the query.' }),
  citation: z.string().meta({ example: '«Стратегия … Тверской области», Тверская область, раздел 4.2. Здравоохранение, с. 14' }),
  relevance: z.number().min(0).max(1),
  relevant: z.boolean(),
});

export const appliedRegionSchema = regionRefSchema.extend({
  source: z.enum(['parameter', 'query']),
  matchedText: z.string().optional(),
  removeWith: z.object({ detectRegions: z.literal(false) }).optional().meta({
    description: 'Repeat the request with these parameters to drop a region recognised in the query.',
  }),
});

export const errorSchema = z.object({
  error: z.string().meta({ example: 'Bad Request' }),
  message: z.string(),
  field: z.string().optional().meta({ description: 'The request field at fault.' }),
});
