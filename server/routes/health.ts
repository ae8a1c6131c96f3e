import type { FastifyPluginAsyncZod } from '../plugins/app/route-types.js';
import { healthRouteSchema } from '../schemas/health.js';

/** `GET /health`: liveness plus the facts an operator checks first (embedder, passage count, index build). */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: healthRouteSchema, config: { rateLimit: false } }, async () => {
    const holder = app.indexHolder;
    const { manifest } = holder.current.loaded;
    return {
      status: 'ok' as const,
      embedder: { ...holder.current.embedder, dimension: manifest.embedder.dimension, reason: manifest.embedder.reason },
      index: {
        builtAt: manifest.builtAt,
        buildMs: manifest.buildMs,
        formatVersion: manifest.formatVersion,
        documents: manifest.counts.documents,
        passages: manifest.counts.passages,
        regions: manifest.counts.regions,
        failures: manifest.failures,
        warnings: manifest.documents.flatMap((d) => d.warnings.map((w) => ({ documentId: d.id, file: d.file, ...w }))),
      },
      uptimeSeconds: Math.round((Date.now() - holder.startedAt) / 1000),
    };
  });
};

export default healthRoutes;
