import { z } from 'zod';
import { appliedDocumentSchema, appliedRegionSchema, embedderSchema, errorSchema, passageResultSchema, queryText, regionRefSchema, strictParams } from './common.js';
import { indicatorResultSchema } from './indicators.js';

export const askBodySchema = strictParams(
  {
    question: queryText('the question to answer').meta({ example: 'Как регионы развивают телемедицину?' }),
    regions: z.array(z.string().max(200), { error: 'must be an array of region ids or names' }).max(100).optional(),
    documents: z.array(z.string().max(200), { error: 'must be an array of document ids' }).max(100).optional(),
    sectors: z.array(z.string().max(200), { error: 'must be an array of sectors' }).max(20).optional(),
    perRegion: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').default(3),
    detectRegions: z.boolean({ error: 'must be true or false' }).default(true),
    summary: z.boolean({ error: 'must be true or false' }).default(false).meta({
      description: 'Also generate a summary with the configured LLM endpoint (ignored when none is configured).',
    }),
  },
  'must be a JSON object like {"question": "..."}',
);

export const askResponseSchema = z.object({
  question: z.string(),
  embedder: embedderSchema,
  appliedFilters: z.object({
    regions: z.array(appliedRegionSchema),
    documents: z.array(appliedDocumentSchema),
    queryText: z.string(),
    /** A question in another language: each of its words (or phrases of two or three words) and the corpus words it was answered as. */
    translations: z.array(z.object({ from: z.string(), to: z.string() })),
  }),
  answer: z.array(
    regionRefSchema.extend({
      found: z.boolean(),
      points: z.array(
        z.object({
          text: z.string().meta({ description: 'An exact slice of the passage text.' }),
          passageId: z.string(),
          citation: z.string(),
          range: z.tuple([z.number().int(), z.number().int()]),
          score: z.number(),
        }),
      ),
    }),
  ),
  passages: z.array(passageResultSchema),
  indicators: z
    .object({
      indicators: z.array(indicatorResultSchema),
      years: z.array(z.number().int()),
      year: z.number().int().nullable(),
      missingRegions: z.array(regionRefSchema),
      markdown: z.string(),
    })
    .optional()
    .meta({ description: 'For questions about targets or values: the matching indicator rows as a table, each row cited.' }),
  summary: z
    .object({ text: z.string(), model: z.string(), passageIds: z.array(z.string()) })
    .optional()
    .meta({ description: 'Generated summary citing only returned passages; present only when an LLM endpoint is configured.' }),
  tookMs: z.number(),
});

export const askRouteSchema = {
  summary: 'Extractive answer per region, every point cited',
  tags: ['ask'],
  body: askBodySchema,
  response: { 200: askResponseSchema, 400: errorSchema },
};
