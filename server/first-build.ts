/**
 * The first `npm start` builds the index in a child process (the indexer CLI), so the serving process never holds
 * what a build holds. Measured on a fresh clone (2026-11-30, e5, bundled corpus, 2-core machine), the server's memory
 * once serving after its first start: built in the serving process, 595 MiB RSS (VmHWM 1,367 MiB), and 800 MiB once
 * that build used passage worker threads (memory their native allocations left behind); built in a child process,
 * 456 MiB (VmHWM 456 MiB). The child's memory goes back to the system when it exits.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import type { EmbedderPreference } from '../indexer/embed/select.js';
import { isCompleteIndex } from '../indexer/index/atomic-dir.js';
import { childProcessFlags, entryPointNextTo } from '../indexer/runtime/entry-points.js';

export interface FirstBuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: EmbedderPreference;
  modelsDir: string;
}

/** How the build ended: an index was written (some documents may have failed: `partial`), or the server was stopped. */
export type FirstBuildOutcome = 'built' | 'partial' | 'stopped';

/** Exit code of `indexer/cli.ts` when the index was written but some documents could not be read. */
const SOME_DOCUMENTS_FAILED = 1;
const NOTHING_TO_INDEX = 3;

/** The server's secrets, which the indexer never needs. */
const SECRET_VARIABLES = ['ADMIN_TOKEN', 'LLM_API_KEY'];

/**
 * Runs `npm run index` for the server's folders (the CLI also fetches the model when needed) and waits for it. Its
 * output lines go to the server's log. Rejects with the CLI's error when no index was written.
 */
export async function buildInChildProcess(options: FirstBuildOptions, log: Logger): Promise<FirstBuildOutcome> {
  const cli = entryPointNextTo(import.meta.url, '../indexer/cli');
  const args = [
    ...childProcessFlags(cli),
    cli.file,
    ...['--corpus', options.corpusDir, '--out', options.indexDir, '--embedder', options.embedder, '--models', options.modelsDir, '--quiet'],
  ];
  const env = { ...process.env };
  for (const name of SECRET_VARIABLES) delete env[name];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const errors: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.trim()) log.info({ indexer: line }, 'indexer');
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.trim()) return;
    // The CLI's stderr carries progress (…) and fetch lines, failed documents (✗), warnings (⚠) and its error.
    if (line.startsWith('Error:')) errors.push(line);
    const level = line.startsWith('Error:') ? 'error' : /^[✗⚠]/.test(line) ? 'warn' : 'info';
    log[level]({ indexer: line }, 'indexer');
  });
  // Stopping the server while it builds stops the build too (the index folder keeps its previous state).
  let stopped = false;
  const stop = (signal: NodeJS.Signals) => {
    stopped = true;
    child.kill(signal);
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  }).finally(() => process.off('SIGTERM', stop).off('SIGINT', stop));
  if (stopped) return 'stopped';
  // The server builds only when there is no index: a manifest now means one was written.
  const written = isCompleteIndex(options.indexDir);
  if (code === 0 && written) return 'built';
  if (code === SOME_DOCUMENTS_FAILED && written && errors.length === 0) return 'partial';
  const why = signal ? `the indexer was killed by ${signal}` : code === NOTHING_TO_INDEX ? 'nothing to index' : `the indexer exited with code ${code}`;
  throw new Error(`Building the index failed (${why}): ${errors.at(-1) ?? 'see the log lines above'}`);
}
