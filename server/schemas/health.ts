import { z } from 'zod';
import { documentWarningSchema } from '../../indexer/index/schemas.js';
import { embedderSchema } from './common.js';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  embedder: embedderSchema.extend({ dimension: z.number().int(), reason: z.string() }),
  index: z.object({
    builtAt: z.string(),
    buildMs: z.number(),
    formatVersion: z.number().int(),
    documents: z.number().int(),
    passages: z.number().int(),
    regions: z.number().int(),
    failures: z.array(z.object({ file: z.string(), reason: z.string() })),
    /** Every document warning of the index, with the document it concerns. */
    warnings: z.array(documentWarningSchema.extend({ documentId: z.string(), file: z.string() })),
  }),
  uptimeSeconds: z.number(),
});

export const healthRouteSchema = {
  summary: 'Liveness and index facts: embedder, passage count, build time',
  tags: ['health'],
  response: { 200: healthResponseSchema },
};
