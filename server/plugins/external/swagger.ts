import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { globalPlugin } from '../global.js';
import { zodToOpenApi } from '../app/zod.js';

/** The OpenAPI document, generated from the routes' zod schemas; served at `/openapi.json`. */
export const swaggerPlugin = globalPlugin(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Search over Russian regional digital-transformation strategies',
        description:
          'Hybrid (keyword + vector) search and extractive question answering with citations. Errors are `{ error, message, field }`.',
        version: '0.1.0',
      },
      tags: [
        { name: 'search', description: 'Ranked passages, optionally grouped by region' },
        { name: 'ask', description: 'Extractive answers per region' },
        { name: 'passages', description: 'Passages in context and similar passages' },
        { name: 'regions', description: 'What the index holds' },
        { name: 'health', description: 'Service state' },
        { name: 'admin', description: 'Operations (token required)' },
      ],
    },
    transform: zodToOpenApi as never,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}, 'swagger');
