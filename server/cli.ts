import pino from 'pino';
import { isCompleteIndex } from '../indexer/index/atomic-dir.js';
import { IndexLoadError, loadIndex } from '../indexer/index/load.js';
import { buildApp } from './app.js';
import { CONFIG_HELP, ConfigError, loadConfig } from './config.js';
import { buildInChildProcess } from './first-build.js';
import { setHeapGrowingPercent } from './heap.js';

/**
 * `npm start`: serves the index in `indexDir`, building it from `corpusDir` first when there is none, then
 * listens on host:port. SIGTERM/SIGINT close the server gracefully: the listener closes at once, requests in flight
 * finish (up to shutdownTimeoutMs), then the process exits 0.
 */

async function main(): Promise<number> {
  let loaded;
  try {
    loaded = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { config, help } = loaded;
  if (help) {
    process.stdout.write(CONFIG_HELP);
    return 0;
  }
  const log = pino({ level: config.logLevel });
  setHeapGrowingPercent(config.heapGrowingPercent);

  if (!isCompleteIndex(config.indexDir)) {
    log.info({ corpusDir: config.corpusDir, indexDir: config.indexDir }, 'no index yet: building it from the corpus (once)');
    const outcome = await buildInChildProcess(
      { corpusDir: config.corpusDir, indexDir: config.indexDir, embedder: config.embedder, modelsDir: config.modelsDir },
      log,
    );
    if (outcome === 'stopped') {
      log.info('stopped during the first build');
      return 0;
    }
    if (outcome === 'partial') log.warn('index built; some documents could not be indexed (see the lines above)');
    else log.info('index built');
  }

  let index;
  try {
    index = await loadIndex(config.indexDir, { modelsDir: config.modelsDir });
  } catch (err) {
    if (err instanceof IndexLoadError) {
      log.fatal(err.message);
      return 1;
    }
    throw err;
  }
  log.info({ embedder: index.manifest.embedder.id, passages: index.passages.length, builtAt: index.manifest.builtAt }, 'index loaded');

  const app = await buildApp({ index, config });
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: no new connections; finishing in-flight requests');
    // A request that never ends must not keep the process alive forever.
    const deadline = setTimeout(() => {
      app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out: exiting with requests still open');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => {
        app.log.info('shut down cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ reason: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => close('SIGTERM'));
  process.on('SIGINT', () => close('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  return -1; // keep running
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`Server failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
