import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { searchRouteSchema } from '../../../schemas/search.js';
import { search } from '../../../search/methods/search.js';

/** `GET /api/search` */
const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: searchRouteSchema }, async (request) => {
    const q = request.query;
    return search(app.indexHolder.current, {
      q: q.q,
      k: q.k,
      mode: q.mode,
      regions: q.region,
      sectors: q.sector,
      groupBy: q.groupBy,
      detectRegions: q.detectRegions,
      ...(q.fusion ? { retrieval: { fusion: q.fusion } } : {}),
    });
  });
};

export default searchRoutes;
