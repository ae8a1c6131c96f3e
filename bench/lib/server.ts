import { execFileSync } from 'node:child_process';
import type { BenchIndex } from './context.js';
import { REPO_ROOT } from './paths.js';
import { freePort, startServer, type RunningServer } from './processes.js';

/**
 * The real server on loopback for HTTP measurements, as `npm start` runs it: compiled JavaScript
 * (`node dist/server/cli.js`, rebuilt once per benchmark run from the current sources), with rate limiting raised
 * out of the way (the limiter is per client IP and every benchmark client is 127.0.0.1), logging at `warn`
 * (per-request logs would measure pino, not search) and no index watcher (nothing republishes during a run).
 */

export const UNLIMITED_RATE = 1_000_000_000;
/** Flags that turn every cache of our server off: each request is a question never seen before. */
export const CACHES_OFF = ['--response-cache-entries', '0', '--query-cache-entries', '0'] as const;
const SERVER_ENTRY = 'dist/server/cli.js';

let distBuilt = false;

/** Compiles the server to dist/ (esbuild, under a second) once per run, so the bench never serves stale code. */
function ensureDist(): void {
  if (distBuilt) return;
  execFileSync(process.execPath, ['scripts/build-dist.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  distBuilt = true;
}

export async function startBenchServer(index: BenchIndex, extraArgs: readonly string[] = []): Promise<RunningServer> {
  ensureDist();
  const port = await freePort();
  const args = [
    SERVER_ENTRY,
    '--index-dir', index.dir,
    ...(index.modelsDir ? ['--models-dir', index.modelsDir] : []),
    '--port', String(port),
    '--rate-limit-max', String(UNLIMITED_RATE),
    '--log-level', 'warn',
    '--watch-index', 'false',
    ...extraArgs,
  ];
  return startServer(args, port, {}, { typescript: false });
}
