import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { LoadedIndex } from '../indexer/index/load.js';
import { parseConfig, type ServerConfig, type ServerConfigInput } from './config.js';
import { errorHandler } from './plugins/app/error-handler.js';
import { indexHolderPlugin } from './plugins/app/index-holder.js';
import { zodValidation } from './plugins/app/zod.js';
import { helmetPlugin } from './plugins/external/helmet.js';
import { rateLimitPlugin } from './plugins/external/rate-limit.js';
import { staticPlugin } from './plugins/external/static.js';
import { swaggerPlugin } from './plugins/external/swagger.js';
import { swaggerUiPlugin } from './plugins/external/swagger-ui.js';
import adminRoutes from './routes/api/admin/index.js';
import askRoutes from './routes/api/ask/index.js';
import passageRoutes from './routes/api/passages/index.js';
import regionRoutes from './routes/api/regions/index.js';
import searchRoutes from './routes/api/search/index.js';
import healthRoutes from './routes/health.js';

export interface BuildAppOptions {
  /** The loaded index to serve. */
  index: LoadedIndex;
  /** Server configuration (validated here; defaults fill the rest). */
  config?: ServerConfigInput | ServerConfig;
  /** fastify logger option. Default: pino at `config.logLevel`, without request bodies or query strings. */
  logger?: FastifyServerOptions['logger'];
}

/** Builds the fastify app without listening (tests and `server/cli.ts` call `listen`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = parseConfig((options.config ?? {}) as ServerConfigInput);
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Queries are what users typed: keep them out of the logs (no personal data); log the path only.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      },
    },
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Long queries must reach validation (and get a 400 naming `q`) instead of Node's bare 431: 5 000 Cyrillic
    // characters are 30 kB once percent-encoded.
    http: { maxHeaderSize: 64 * 1024 },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  // The API speaks JSON only: other bodies get 415 instead of being parsed as text.
  app.removeContentTypeParser('text/plain');

  // Infrastructure first: validation, errors, the index; then third-party plugins; then routes.
  await app.register(zodValidation);
  await app.register(errorHandler);
  await app.register(indexHolderPlugin, { index: options.index });
  await app.register(helmetPlugin);
  await app.register(rateLimitPlugin, { max: config.rateLimitMax, timeWindowMs: config.rateLimitWindowMs });
  await app.register(swaggerPlugin);
  await app.register(swaggerUiPlugin);

  await app.register(healthRoutes);
  await app.register(searchRoutes, { prefix: '/api/search' });
  const llm = config.llmUrl && config.llmModel ? { url: config.llmUrl, model: config.llmModel, ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}) } : undefined;
  await app.register(askRoutes, { prefix: '/api/ask', ...(llm ? { llm } : {}) });
  await app.register(passageRoutes, { prefix: '/api/passages' });
  await app.register(regionRoutes, { prefix: '/api/regions' });
  await app.register(adminRoutes, { prefix: '/api/admin', indexDir: config.indexDir, ...(config.adminToken ? { adminToken: config.adminToken } : {}) });
  await app.register(staticPlugin, { roots: config.webDirs });

  await app.ready();
  return app;
}
