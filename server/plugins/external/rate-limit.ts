import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { globalPlugin } from '../global.js';

/** Per-client request budget (by IP). Over budget: 429 with a message saying when to retry. */
export const rateLimitPlugin = globalPlugin(async (app: FastifyInstance, options: { max: number; timeWindowMs: number }) => {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: options.timeWindowMs,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Rate limit of ${context.max} requests per ${context.after} reached; retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
}, 'rate-limit');
