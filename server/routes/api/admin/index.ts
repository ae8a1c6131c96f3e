import { timingSafeEqual } from 'node:crypto';
import { IndexLoadError } from '../../../../indexer/index/load.js';
import { HttpError } from '../../../errors.js';
import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { reloadRouteSchema } from '../../../schemas/admin.js';

/**
 * `POST /api/admin/reload`: loads the index directory again and swaps it in. Loading and preparing happen before
 * the swap, so requests in flight finish on the old index and a bad index never replaces a good one.
 */
const adminRoutes: FastifyPluginAsyncZod<{ adminToken?: string }> = async (app, options) => {
  app.post('/reload', { schema: reloadRouteSchema }, async (request) => {
    if (!options.adminToken) throw new HttpError(404, 'Admin endpoints are disabled: start the server with ADMIN_TOKEN set to enable them.');
    if (!tokenMatches(request.headers.authorization, options.adminToken)) {
      throw new HttpError(401, 'authorization: send "Authorization: Bearer <ADMIN_TOKEN>".', 'authorization');
    }
    try {
      const outcome = await app.indexHolder.reload(request.log, 'admin');
      if (!outcome.swapped) throw new Error('unreachable: an admin reload always loads');
      const { loaded, index } = outcome;
      return {
        reloaded: true as const,
        index: { dir: loaded.dir, builtAt: loaded.manifest.builtAt, passages: loaded.passages.length, documents: loaded.manifest.counts.documents },
        embedder: index.embedder,
      };
    } catch (err) {
      const current = app.indexHolder.current.loaded.manifest.builtAt;
      if (err instanceof IndexLoadError) throw new HttpError(409, `${err.message} Still serving the index built at ${current}.`);
      throw err;
    }
  });
};

function tokenMatches(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

export default adminRoutes;
