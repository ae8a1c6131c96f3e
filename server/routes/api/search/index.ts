import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { searchRouteSchema, toSearchParams } from '../../../schemas/search.js';
import { cachedResponse } from '../../../plugins/app/response-cache.js';
import { search } from '../../../../retrieval/methods/search.js';
import type { RetrievalOverrides } from '../../../../retrieval/options.js';

/** `GET /api/search` */
const searchRoutes: FastifyPluginAsyncZod<{ retrieval?: RetrievalOverrides }> = async (app, options) => {
  app.get('/', { schema: searchRouteSchema }, async (request, reply) => {
    const params = toSearchParams(request.query);
    // The request's own choices (fusion) over the server's configured settings.
    const input = { ...params, retrieval: { ...options.retrieval, ...params.retrieval } };
    return cachedResponse(app, reply, 'search', input, (index) => search(index, input));
  });
};

export default searchRoutes;
