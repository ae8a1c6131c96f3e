import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { searchRouteSchema, toSearchParams } from '../../../schemas/search.js';
import { search } from '../../../../retrieval/methods/search.js';

/** `GET /api/search` */
const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: searchRouteSchema }, async (request) => {
    return search(app.indexHolder.current, toSearchParams(request.query));
  });
};

export default searchRoutes;
