import { z } from 'zod';
import { SECTORS } from '../../indexer/types.js';
import { documentWarningSchema } from '../../indexer/index/schemas.js';
import { embedderSchema } from './common.js';

const sectorCounts = z.record(z.enum(SECTORS), z.number().int());

export const regionsResponseSchema = z.object({
  regions: z.array(
    z.object({
      regionId: z.string(),
      region: z.string(),
      passages: z.number().int(),
      sectors: sectorCounts,
      documents: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          period: z.string().optional(),
          pageCount: z.number().int().nullable(),
          passages: z.number().int(),
          sections: z.number().int(),
          /** Problems that did not stop indexing: region inferred, outline poorer than the contents, … */
          warnings: z.array(documentWarningSchema),
        }),
      ),
    }),
  ),
  sectors: z.array(z.object({ sector: z.enum(SECTORS), label: z.string(), passages: z.number().int() })),
  embedder: embedderSchema,
});

export const regionsRouteSchema = {
  summary: 'Regions, their documents, sectors and passage counts',
  tags: ['regions'],
  response: { 200: regionsResponseSchema },
};
