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
      // context.after is the time left, not the window: name the configured window.
      message: `Rate limit of ${context.max} requests per ${describeWindow(options.timeWindowMs)} reached; retry in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
}, 'rate-limit');

function describeWindow(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms % 60_000 === 0) return plural(ms / 60_000, 'minute');
  if (ms % 1000 === 0) return plural(ms / 1000, 'second');
  return `${ms} ms`;
}
