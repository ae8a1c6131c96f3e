import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_HELP, ConfigError, loadConfig } from '../../server/config.js';
import { HEAP_GROWING_PERCENT } from '../../server/heap.js';

/** The server's options come from one table: flags, environment, defaults and --help must agree with it. */
describe('server config', () => {
  it('takes defaults with nothing set, environment variables next, flags over both', () => {
    expect(loadConfig([], {}).config).toMatchObject({ host: '127.0.0.1', port: 3000, watchIndex: true, retrieval: {}, indexDir: path.resolve('data/index') });
    const fromEnv = loadConfig([], { PORT: '8080', WATCH_INDEX: 'false', RATE_LIMIT_MAX: '7', ADMIN_TOKEN: 'x'.repeat(16) }).config;
    expect(fromEnv).toMatchObject({ port: 8080, watchIndex: false, rateLimitMax: 7, adminToken: 'x'.repeat(16) });
    const both = loadConfig(['--port', '9090', '--watch-index', 'true'], { PORT: '8080', WATCH_INDEX: 'false' }).config;
    expect(both).toMatchObject({ port: 9090, watchIndex: true });
  });

  it('reads retrieval settings by name as JSON from the flag or RETRIEVAL, refusing unknown names', () => {
    expect(loadConfig(['--retrieval', '{"alpha":0.4,"mode":"keyword"}'], {}).config.retrieval).toEqual({ alpha: 0.4, mode: 'keyword' });
    expect(loadConfig([], { RETRIEVAL: '{"semanticZ":[2,5]}' }).config.retrieval).toEqual({ semanticZ: [2, 5] });
    expect(() => loadConfig(['--retrieval', '{"alpah":0.4}'], {})).toThrow(/--retrieval: .*alpah/);
    expect(() => loadConfig([], { RETRIEVAL: 'alpha=0.4' })).toThrow(/RETRIEVAL: must be a JSON object/);
    expect(() => loadConfig(['--retrieval', '{"alpha":2}'], {})).toThrow(/--retrieval/);
  });

  it('names the flag or the environment variable a bad value came from', () => {
    expect(() => loadConfig(['--port', 'x'], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--port', 'x'], {})).toThrow(/--port: /);
    expect(() => loadConfig([], { PORT: 'x' })).toThrow(/PORT: /);
    expect(() => loadConfig([], { ADMIN_TOKEN: 'short' })).toThrow(/adminToken \(ADMIN_TOKEN\): must be at least 16 characters/);
    expect(() => loadConfig(['--colour', 'red'], {})).toThrow(/colour/);
    // Secrets are environment-only: no flag exists for them.
    expect(() => loadConfig(['--admin-token', 'x'.repeat(16)], {})).toThrow(/admin-token/);
  });

  it('bounds how far the heap grows between full GCs by default, from the flag or HEAP_GROWING_PERCENT, 0 for V8\'s own policy', () => {
    expect(loadConfig([], {}).config.heapGrowingPercent).toBe(HEAP_GROWING_PERCENT);
    expect(loadConfig(['--heap-growing-percent', '0'], {}).config.heapGrowingPercent).toBe(0);
    expect(loadConfig([], { HEAP_GROWING_PERCENT: '50' }).config.heapGrowingPercent).toBe(50);
    expect(() => loadConfig(['--heap-growing-percent=-5'], {})).toThrow(/--heap-growing-percent/);
    expect(() => loadConfig([], { HEAP_GROWING_PERCENT: 'lots' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('lists every flag in --help with its default and environment variable', () => {
    expect(loadConfig(['--help'], {}).help).toBe(true);
    for (const line of ['--port <port>', 'default 3000, env PORT', '--watch-index <bool>', '--retrieval <json>', 'env RETRIEVAL', 'env ADMIN_TOKEN', 'env LLM_API_KEY']) {
      expect(CONFIG_HELP).toContain(line);
    }
    expect(CONFIG_HELP).not.toContain('--admin-token');
    expect(CONFIG_HELP).not.toContain('--web-dirs');
  });
});
