import type { BenchIndex } from './context.js';
import { freePort, startServer, type RunningServer } from './processes.js';

/**
 * The real server on loopback for HTTP measurements, with rate limiting raised out of the way (the limiter is
 * per client IP and every benchmark client is 127.0.0.1) and logging at `warn` (per-request logs would measure
 * pino, not search).
 *
 * The offline index is served by `server/cli.ts` itself. An index built with a transformers model needs the
 * models folder at load time and `server/cli.ts` has no option for it yet (requested in /tmp/team/server-needs.md),
 * so that one is served by `bench/workers/serve.ts`: the same `buildApp`, with `loadIndex(dir, { modelsDir })`.
 */

export const UNLIMITED_RATE = 1_000_000_000;

export async function startBenchServer(index: BenchIndex): Promise<RunningServer> {
  const port = await freePort();
  const common = ['--port', String(port), '--rate-limit-max', String(UNLIMITED_RATE), '--log-level', 'warn'];
  if (!index.modelsDir) {
    return startServer(['server/cli.ts', '--index-dir', index.dir, ...common], port);
  }
  return startServer(['bench/workers/serve.ts', '--index-dir', index.dir, '--models-dir', index.modelsDir, ...common], port);
}
