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

/** Longest accepted query or question, in characters. */
export const MAX_QUERY_LENGTH = 1000;

/**
 * Text a user searches for or asks: trimmed, 1..MAX_QUERY_LENGTH characters, with at least one letter or digit
 * (punctuation alone matches nothing) and no control characters (NUL and friends are never meant).
 */
export function queryText(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : 'must be one text value') })
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_QUERY_LENGTH, `is too long: at most ${MAX_QUERY_LENGTH} characters`)
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, ' ')), 'must not contain control characters')
    .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain at least one letter or digit');
}

/**
 * An object of request parameters that refuses unknown ones: a misspelt filter (`regoin=tver`) silently ignored
 * would return unfiltered results that look filtered. The 400 names the unknown key and lists the accepted ones.
 */
export function strictParams<Shape extends z.ZodRawShape>(shape: Shape, notAnObject?: string) {
  const accepted = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `is not a known parameter; accepted: ${accepted}` : (notAnObject ?? 'must be an object'),
  });
}

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
  document: z.object({ id: z.string(), title: z.string(), period: z.string().optional() }),
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

export const appliedDocumentSchema = regionRefSchema.extend({
  documentId: z.string(),
  title: z.string(),
  period: z.string().optional(),
});
