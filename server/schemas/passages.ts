import { z } from 'zod';
import { booleanParam, embedderSchema, errorSchema, passageResultSchema, strictParams } from './common.js';

export const passageParamsSchema = z.object({
  id: z.string().min(1, 'must not be empty').max(200, 'is too long').meta({ description: 'Passage id from a search result.' }),
});

export const passageQuerySchema = strictParams({
  context: z.coerce.number({ error: 'must be a whole number' }).int().min(0, 'must be at least 0').max(10, 'must be at most 10').default(2)
    .meta({ description: 'Neighbouring passages to include on each side.' }),
});

export const similarQuerySchema = strictParams({
  k: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(5),
  otherRegions: booleanParam(true).meta({ description: 'Only passages from other regions than the given one.' }),
});

export const passageResponseSchema = z.object({
  passage: passageResultSchema,
  context: z.object({ previous: z.array(passageResultSchema), next: z.array(passageResultSchema) }),
});

export const similarResponseSchema = z.object({
  passage: passageResultSchema,
  embedder: embedderSchema,
  otherRegions: z.boolean(),
  results: z.array(passageResultSchema),
});

export const passageRouteSchema = {
  summary: 'One passage with its neighbours as context',
  tags: ['passages'],
  params: passageParamsSchema,
  querystring: passageQuerySchema,
  response: { 200: passageResponseSchema, 404: errorSchema },
};

export const similarRouteSchema = {
  summary: 'Passages similar to a passage (by default from other regions)',
  tags: ['passages'],
  params: passageParamsSchema,
  querystring: similarQuerySchema,
  response: { 200: similarResponseSchema, 404: errorSchema },
};
