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
import { childProcessFlags, entryPointNextTo } from '../indexer/runtime/entry-points.js';

export interface FirstBuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: EmbedderPreference;
  modelsDir: string;
}

/** Exit codes of `indexer/cli.ts`. */
const EXIT = { ok: 0, someDocumentsFailed: 1, nothingToIndex: 3 } as const;

/**
 * Runs `npm run index` for the server's folders and waits for it. Its output lines go to the server's log. Resolves
 * when an index was written (also when some documents failed: the CLI names them), rejects with the CLI's last
 * error line otherwise.
 */
export async function buildInChildProcess(options: FirstBuildOptions, log: Logger): Promise<void> {
  const cli = entryPointNextTo(import.meta.url, '../indexer/cli');
  const args = [
    ...childProcessFlags(cli),
    cli.file,
    '--corpus', options.corpusDir,
    '--out', options.indexDir,
    '--embedder', options.embedder,
    '--models', options.modelsDir,
    '--quiet',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let lastError = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.trim()) log.info({ indexer: line }, 'indexer');
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.trim()) return;
    lastError = line;
    log.warn({ indexer: line }, 'indexer');
  });
  // Stopping the server while it builds stops the build too (the index folder keeps its previous state).
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.once('SIGTERM', stop).once('SIGINT', stop);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => process.off('SIGTERM', stop).off('SIGINT', stop));
  if (code === EXIT.ok) return;
  if (code === null) throw new Error('Building the index was stopped.');
  if (code === EXIT.someDocumentsFailed && !lastError.startsWith('Error:')) return;
  const why = code === EXIT.nothingToIndex ? 'nothing to index' : `the indexer exited with code ${code}`;
  throw new Error(`Building the index failed (${why}): ${lastError || 'no message'}`);
}
