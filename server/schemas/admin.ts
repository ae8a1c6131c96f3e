import { z } from 'zod';
import { embedderSchema, errorSchema } from './common.js';

export const reloadResponseSchema = z.object({
  reloaded: z.literal(true),
  index: z.object({ dir: z.string(), builtAt: z.string(), passages: z.number().int(), documents: z.number().int() }),
  embedder: embedderSchema,
});

export const reloadRouteSchema = {
  summary: 'Switch to the index currently in the index directory (after `npm run index`), without dropping requests',
  description: 'Needs `Authorization: Bearer <ADMIN_TOKEN>`. A missing, corrupt or incompatible index is refused (409) and the current one keeps serving.',
  tags: ['admin'],
  response: { 200: reloadResponseSchema, 401: errorSchema, 404: errorSchema, 409: errorSchema },
};
