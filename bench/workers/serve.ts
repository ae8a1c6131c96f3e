import { parseArgs } from 'node:util';
import { loadIndex } from '../../indexer/index/load.js';
import { buildApp } from '../../server/app.js';

/**
 * The server app (`buildApp`, exactly as `server/cli.ts` builds it) over an index whose embedder needs a models
 * folder: `server/cli.ts` cannot be told where the models are yet. Benchmark use only.
 */

const { values } = parseArgs({
  options: {
    'index-dir': { type: 'string' },
    'models-dir': { type: 'string' },
    port: { type: 'string' },
    'rate-limit-max': { type: 'string' },
    'log-level': { type: 'string' },
  },
  strict: true,
});

const indexDir = values['index-dir'];
if (!indexDir || !values['models-dir'] || !values.port) {
  process.stderr.write('usage: serve.ts --index-dir <dir> --models-dir <dir> --port <n> [--rate-limit-max n] [--log-level l]\n');
  process.exit(2);
}
const index = await loadIndex(indexDir, { modelsDir: values['models-dir'] });
const app = await buildApp({
  index,
  config: {
    host: '127.0.0.1',
    port: Number(values.port),
    indexDir,
    ...(values['rate-limit-max'] ? { rateLimitMax: Number(values['rate-limit-max']) } : {}),
    logLevel: (values['log-level'] as 'warn' | undefined) ?? 'warn',
  },
});
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: Number(values.port) });
