import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { LoadedIndex } from '../indexer/index/load.js';
import { parseConfig, type ServerConfig, type ServerConfigInput } from './config.js';
import { loggerOptions } from './logging.js';
import { clientErrorHandler } from './plugins/app/client-errors.js';
import { errorBody, errorHandler } from './plugins/app/error-handler.js';
import { gracefulClosePlugin } from './plugins/app/graceful-close.js';
import { IndexHolder, indexHolderPlugin } from './plugins/app/index-holder.js';
import { indexWatcherPlugin } from './plugins/app/index-watcher.js';
import { queryEncodingGuard } from './plugins/app/query-encoding.js';
import { RAW_ERROR_HEADERS } from './plugins/app/raw-headers.js';
import { responseCachePlugin } from './plugins/app/response-cache.js';
import { zodValidation } from './plugins/app/zod.js';
import { helmetPlugin } from './plugins/external/helmet.js';
import { rateLimitPlugin } from './plugins/external/rate-limit.js';
import { staticPlugin } from './plugins/external/static.js';
import { swaggerPlugin } from './plugins/external/swagger.js';
import { swaggerUiPlugin } from './plugins/external/swagger-ui.js';
import adminRoutes from './routes/api/admin/index.js';
import askRoutes from './routes/api/ask/index.js';
import indicatorRoutes from './routes/api/indicators/index.js';
import passageRoutes from './routes/api/passages/index.js';
import regionRoutes from './routes/api/regions/index.js';
import searchRoutes from './routes/api/search/index.js';
import healthRoutes from './routes/health.js';

export interface BuildAppOptions {
  /** The loaded index to serve. */
  index: LoadedIndex;
  /** Server configuration (validated here; defaults fill the rest). */
  config?: ServerConfigInput | ServerConfig;
  /** fastify logger option. Default: pino at `config.logLevel`, without personal data (see server/logging.ts). */
  logger?: FastifyServerOptions['logger'];
  /** Where the default logger writes (default stdout); tests capture the log lines with it. */
  logStream?: DestinationStream;
}

/** Builds the fastify app without listening (tests and `server/cli.ts` call `listen`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = parseConfig((options.config ?? {}) as ServerConfigInput);
  const headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config, options.logStream),
    bodyLimit: config.bodyLimit,
    // Whole request (headers + body) must arrive within requestTimeout, else 408 (client-errors.ts). The idle
    // timeout of a socket is longer by two timeout checks, so a stalled body meets the 408 first instead of a
    // silent close.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 2 * connectionsCheckingInterval,
    // Long queries must reach validation (and get a 400 naming `q`) instead of a bare 431: 5 000 Cyrillic
    // characters are 30 kB once percent-encoded. Beyond maxHeaderBytes the client error handler answers 431.
    http: {
      maxHeaderSize: config.maxHeaderBytes,
      // A slow-loris client trickling header lines is cut off after headersTimeout. Node checks the timeouts on
      // an interval whose 30 s default would let slow clients overstay by that much.
      headersTimeout,
      connectionsCheckingInterval,
    },
    clientErrorHandler,
    trustProxy: config.trustProxy,
    // Graceful shutdown: requests already received on open connections are answered (with Connection: close)
    // rather than refused with 503; new connections are refused because the listener is closed first.
    return503OnClosing: false,
    // Idle keep-alive connections are closed by graceful-close.ts, which first answers requests already sent on
    // them; fastify's own 'idle' mode would reset those.
    forceCloseConnections: false,
    // Path parameters are bounded by maxHeaderBytes, not here: an overlong passage id must reach validation and
    // get a 400 naming `id`, not fall through to the static files.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: config.maxHeaderBytes },
    // A path the router cannot percent-decode gets our error body and headers, not fastify's default.
    frameworkErrors: (err, _request, reply) => {
      const message = err.code === 'FST_ERR_BAD_URL'
        ? 'The URL path is not valid percent-encoded UTF-8; encode path segments with encodeURIComponent.'
        : 'The request could not be routed.';
      void (reply as FastifyReply).headers(RAW_ERROR_HEADERS).code(400).send(errorBody(400, message, 'path'));
    },
  });

  // The API speaks JSON only: other bodies get 415 instead of being parsed as text.
  app.removeContentTypeParser('text/plain');

  // Infrastructure first: validation, errors, the index; then third-party plugins; then routes.
  await app.register(zodValidation);
  await app.register(errorHandler);
  await app.register(gracefulClosePlugin);
  await app.register(queryEncodingGuard);
  // The holder is made here so no plugin options keep the loaded index (its lunr part is garbage once the
  // SearchIndex exists; see SearchIndex.loaded).
  const holder = new IndexHolder(options.index, { indexDir: config.indexDir, modelsDir: config.modelsDir }, app.log, { queryCacheEntries: config.queryCacheEntries });
  await app.register(indexHolderPlugin, { holder });
  await app.register(responseCachePlugin, { entries: config.responseCacheEntries });
  if (config.watchIndex) await app.register(indexWatcherPlugin, { debounceMs: config.watchDebounceMs });
  await app.register(helmetPlugin);
  await app.register(rateLimitPlugin, { max: config.rateLimitMax, timeWindowMs: config.rateLimitWindowMs });
  await app.register(swaggerPlugin);
  await app.register(swaggerUiPlugin);

  await app.register(healthRoutes);
  // Retrieval settings by name (retrieval/options.ts) from the config, for every operation that ranks.
  const { retrieval } = config;
  await app.register(searchRoutes, { prefix: '/api/search', retrieval });
  const llm = config.llmUrl && config.llmModel ? { url: config.llmUrl, model: config.llmModel, ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}) } : undefined;
  await app.register(askRoutes, { prefix: '/api/ask', retrieval, ...(llm ? { llm } : {}) });
  await app.register(passageRoutes, { prefix: '/api/passages', retrieval });
  await app.register(indicatorRoutes, { prefix: '/api/indicators', retrieval });
  await app.register(regionRoutes, { prefix: '/api/regions' });
  await app.register(adminRoutes, { prefix: '/api/admin', ...(config.adminToken ? { adminToken: config.adminToken } : {}) });
  await app.register(staticPlugin, { roots: config.webDirs });

  await app.ready();
  return app;
}
