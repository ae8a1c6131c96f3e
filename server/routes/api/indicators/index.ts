import { NotFoundError } from '../../../errors.js';
import { cachedResponse } from '../../../plugins/app/response-cache.js';
import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { indicatorRouteSchema, indicatorsRouteSchema } from '../../../schemas/indicators.js';
import { findIndicators, indicatorById } from '../../../../retrieval/methods/indicators.js';
import type { RetrievalOverrides } from '../../../../retrieval/options.js';

/** `GET /api/indicators` and `GET /api/indicators/:id`. */
const indicatorRoutes: FastifyPluginAsyncZod<{ retrieval?: RetrievalOverrides }> = async (app, options) => {
  app.get('/', { schema: indicatorsRouteSchema }, async (request, reply) => {
    const { q, region, document, sector, year, k } = request.query;
    const input = {
      q,
      k,
      ...(region ? { regions: region } : {}),
      ...(document ? { documents: document } : {}),
      ...(sector ? { sectors: sector } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(options.retrieval ? { retrieval: options.retrieval } : {}),
    };
    return cachedResponse(app, reply, 'indicators', input, (index) => findIndicators(index, input));
  });

  app.get('/:id', { schema: indicatorRouteSchema }, async (request) => {
    const indicator = indicatorById(app.indexHolder.current, request.params.id);
    if (!indicator) {
      throw new NotFoundError('id', `id: no indicator "${request.params.id.slice(0, 100)}" in the current index. Indicator ids come from GET /api/indicators.`);
    }
    return { indicator };
  });
};

export default indicatorRoutes;
