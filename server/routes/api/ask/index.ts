import type { FastifyPluginAsyncZod } from '../../../plugins/app/route-types.js';
import { summarise } from '../../../llm/summary.js';
import { cachedResponse } from '../../../plugins/app/response-cache.js';
import { askRouteSchema } from '../../../schemas/ask.js';
import { ask } from '../../../../retrieval/methods/ask.js';
import type { RetrievalOverrides } from '../../../../retrieval/options.js';

/** `POST /api/ask` — extractive answer; plus a generated summary only when an LLM endpoint is configured. */
const askRoutes: FastifyPluginAsyncZod<{ llm?: { url: string; model: string; apiKey?: string }; retrieval?: RetrievalOverrides }> = async (app, options) => {
  app.post('/', { schema: askRouteSchema }, async (request, reply) => {
    const body = request.body;
    const input = {
      question: body.question,
      regions: body.regions,
      documents: body.documents,
      sectors: body.sectors,
      perRegion: body.perRegion,
      detectRegions: body.detectRegions,
      ...(options.retrieval ? { retrieval: options.retrieval } : {}),
    };
    // The extractive answer is cached; a summary is generated per request.
    const response = await cachedResponse(app, reply, 'ask', input, (index) => ask(index, input));
    if (body.summary && options.llm) {
      const summary = await summarise(options.llm, response, request.log);
      if (summary) return { ...response, summary };
    }
    return response;
  });
};

export default askRoutes;
