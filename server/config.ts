import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * Server configuration, from environment variables and CLI flags (flags win). Every option has a documented
 * default so `npm start` works with no configuration at all.
 */

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const serverConfigSchema = z.object({
  /** Interface to listen on. Default `127.0.0.1` (loopback only; set `0.0.0.0` to expose). Env `HOST`. */
  host: z.string().min(1).default('127.0.0.1'),
  /** Port; `0` picks a free one. Default `3000`. Env `PORT`. */
  port: port.default(3000),
  /** Index directory written by `npm run index`. Default `data/index`. Env `INDEX_DIR`. */
  indexDir: z.string().min(1).default('data/index'),
  /** Corpus used when the index has to be built first. Default `corpus`. Env `CORPUS_DIR`. */
  corpusDir: z.string().min(1).default('corpus'),
  /** Static web UI folders served at `/`. Default `web/dist` and `web/public`. */
  webDirs: z.array(z.string()).default(['web/dist', 'web/public']),
  /** Requests per client per `rateLimitWindowMs`. Default 300. Env `RATE_LIMIT_MAX`. */
  rateLimitMax: positiveInt.default(300),
  /** Rate-limit window in milliseconds. Default 60 000. Env `RATE_LIMIT_WINDOW_MS`. */
  rateLimitWindowMs: positiveInt.default(60_000),
  /** Largest accepted request body in bytes. Default 65 536. Env `BODY_LIMIT`. */
  bodyLimit: positiveInt.default(65_536),
  /** Per-request timeout in milliseconds (slow clients are cut off). Default 30 000. Env `REQUEST_TIMEOUT_MS`. */
  requestTimeoutMs: positiveInt.default(30_000),
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
  rateLimitMax: 'RATE_LIMIT_MAX',
  rateLimitWindowMs: 'RATE_LIMIT_WINDOW_MS',
  bodyLimit: 'BODY_LIMIT',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
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
  'rate-limit-max': { type: 'string' },
  'rate-limit-window-ms': { type: 'string' },
  'body-limit': { type: 'string' },
  'request-timeout-ms': { type: 'string' },
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
  --rate-limit-max <n>       requests per client per window (default 300, env RATE_LIMIT_MAX)
  --rate-limit-window-ms <n> rate-limit window (default 60000, env RATE_LIMIT_WINDOW_MS)
  --body-limit <bytes>       largest request body (default 65536, env BODY_LIMIT)
  --request-timeout-ms <n>   request timeout (default 30000, env REQUEST_TIMEOUT_MS)
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
  return { config: { ...config, indexDir: path.resolve(config.indexDir), corpusDir: path.resolve(config.corpusDir) }, help: flags.help === true };
}
