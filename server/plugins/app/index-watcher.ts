import { watch, type FSWatcher } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { globalPlugin } from '../global.js';

/**
 * Hot reload without a manual call: `npm run index` publishes a build by renaming a fresh link over `data/index`
 * (see indexer/index/atomic-dir.ts). The link's parent folder is watched for that rename; after a quiet period
 * (builds write several entries in a row) the server reloads if the link now points at another build. A refused
 * index is logged by the holder and the old one keeps serving.
 */
export const indexWatcherPlugin = globalPlugin(async (app: FastifyInstance, options: { debounceMs: number }) => {
  const { indexDir } = app.indexHolder.source;
  const served = app.indexHolder.current.loaded.dir;
  // Only watch the location the served index came from: an app given an index from elsewhere (tests, tools)
  // must not switch to whatever happens to be at the default location.
  if ((await realpath(indexDir).catch(() => undefined)) !== served) {
    app.log.info({ indexDir, served }, 'index watch off: the served index was not loaded from indexDir');
    return;
  }

  const parent = path.dirname(indexDir);
  const name = path.basename(indexDir);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  let closed = false;

  const reloadSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (closed) return;
      app.indexHolder.reload(app.log, 'watch', { onlyIfChanged: true }).catch(() => undefined); // logged by the holder
    }, options.debounceMs);
  };

  try {
    watcher = watch(parent, { persistent: false }, (_event, filename) => {
      // Some platforms omit the name; then any change in the folder is a reason to look.
      if (!filename || filename.toString() === name) reloadSoon();
    });
  } catch (err) {
    app.log.warn({ parent, reason: (err as Error).message }, 'cannot watch the index folder: reload with POST /api/admin/reload instead');
    return;
  }
  watcher.on('error', (err) => app.log.warn({ parent, reason: err.message }, 'index watch stopped: reload with POST /api/admin/reload instead'));
  app.log.info({ indexDir }, 'watching the index: a new build from npm run index is served automatically');

  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(timer);
    watcher.close();
  });
}, 'index-watcher');
