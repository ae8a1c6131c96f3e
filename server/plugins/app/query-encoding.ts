import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../../errors.js';
import { globalPlugin } from '../global.js';

/**
 * A query string that is not valid percent-encoded UTF-8 (`%E0%A4%A`, an encoded lone surrogate) would reach the
 * handlers as literal `%..` text and be searched for. Refuse it instead, naming the query string as the culprit.
 */
export const queryEncodingGuard = globalPlugin(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request) => {
    const at = request.url.indexOf('?');
    if (at < 0) return;
    try {
      decodeURIComponent(request.url.slice(at + 1).replace(/\+/g, ' '));
    } catch {
      throw new BadRequestError('query', 'query: the query string is not valid percent-encoded UTF-8; encode parameters with encodeURIComponent.');
    }
  });
}, 'query-encoding-guard');
