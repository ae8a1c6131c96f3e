import { NotFoundError } from '../../../errors.js';
import { cachedResponse } from '../../../plugins/app/response-cache.js';
import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { passageRouteSchema, similarRouteSchema } from '../../../schemas/passages.js';
import { toPassageResult } from '../../../../retrieval/results.js';
import { similarPassages } from '../../../../retrieval/methods/similar.js';
import { retrievalOptions, type RetrievalOverrides } from '../../../../retrieval/options.js';
import type { SearchIndex } from '../../../../retrieval/search-index.js';

function labelOrNotFound(index: SearchIndex, id: string): number {
  const label = index.labelOf(id);
  if (label === undefined) {
    throw new NotFoundError('id', `id: no passage "${id.slice(0, 100)}" in the current index. Passage ids come from search results; they change when the text changes.`);
  }
  return label;
}

/** `GET /api/passages/:id` (with neighbours) and `GET /api/passages/:id/similar`. */
const passageRoutes: FastifyPluginAsyncZod<{ retrieval?: RetrievalOverrides }> = async (app, options) => {
  const none = new Set<string>();
  const retrieval = retrievalOptions(options.retrieval);

  app.get('/:id', { schema: passageRouteSchema }, async (request) => {
    const index = app.indexHolder.current;
    const label = labelOrNotFound(index, request.params.id);
    const { previous, next } = index.neighbours(label, request.query.context, request.query.context);
    const shape = (l: number) => toPassageResult(index, { label: l, score: 1 }, none);
    return { passage: shape(label), context: { previous: previous.map(shape), next: next.map(shape) } };
  });

  app.get('/:id/similar', { schema: similarRouteSchema }, async (request, reply) => {
    const { k, otherRegions } = request.query;
    return cachedResponse(app, reply, 'similar', { id: request.params.id, k, otherRegions }, async (index) =>
      similarPassages(index, labelOrNotFound(index, request.params.id), k, otherRegions, retrieval),
    );
  });
};

export default passageRoutes;
