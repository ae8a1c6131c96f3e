import { realpath } from 'node:fs/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { IndexLoadError, loadIndex, type LoadedIndex } from '../../../indexer/index/load.js';
import { SearchIndex, type SearchIndexOptions } from '../../../retrieval/search-index.js';
import { globalPlugin } from '../global.js';

/**
 * Holds the index the server answers from. Handlers read `app.indexHolder.current` once per request and keep that
 * object, so a swap (hot reload) never changes the index under a request in flight: the old index stays alive
 * until its last request finishes, then the garbage collector frees it.
 */

export interface IndexSource {
  /** The index location (`data/index`, a link to the current build). */
  indexDir: string;
  /** transformers.js models folder, for indexes built with a downloaded model. */
  modelsDir: string;
}

export type ReloadOutcome =
  | { swapped: true; loaded: LoadedIndex; index: SearchIndex }
  /** The index location still points at the build being served (`onlyIfChanged`). */
  | { swapped: false; dir: string };

export class IndexHolder {
  private index: SearchIndex;
  private reloading: Promise<ReloadOutcome> | undefined;
  readonly startedAt = Date.now();

  constructor(
    loaded: LoadedIndex,
    readonly source: IndexSource,
    /** Where background failures (the cache fill after a swap) are reported. */
    private readonly log?: FastifyBaseLogger,
    /** For every SearchIndex this holder makes (the first and each reloaded one). */
    private readonly searchOptions: SearchIndexOptions = {},
  ) {
    this.index = prepared(loaded, log, searchOptions);
  }

  get current(): SearchIndex {
    return this.index;
  }

  /** Prepares the new index completely before switching, so a failure leaves the old one serving. */
  swap(loaded: LoadedIndex): SearchIndex {
    const next = prepared(loaded, this.log, this.searchOptions);
    this.index = next;
    return next;
  }

  /**
   * Loads the index at `source.indexDir` (verifying checksums, format version and embedder) and swaps it in.
   * One reload at a time: a caller arriving during a reload waits for it and then reloads again, so it always
   * sees what the location held when it asked. Throws IndexLoadError (old index still serving) on a bad index.
   */
  async reload(log: FastifyBaseLogger, trigger: 'watch' | 'admin', options: { onlyIfChanged?: boolean } = {}): Promise<ReloadOutcome> {
    while (this.reloading) await this.reloading.catch(() => undefined);
    const attempt = this.load(log, trigger, options.onlyIfChanged ?? false);
    this.reloading = attempt;
    try {
      return await attempt;
    } finally {
      this.reloading = undefined;
    }
  }

  private async load(log: FastifyBaseLogger, trigger: 'watch' | 'admin', onlyIfChanged: boolean): Promise<ReloadOutcome> {
    const serving = this.index.loaded;
    if (onlyIfChanged) {
      const target = await realpath(this.source.indexDir).catch(() => undefined);
      if (target === serving.dir) return { swapped: false, dir: serving.dir };
    }
    try {
      const loaded = await loadIndex(this.source.indexDir, { modelsDir: this.source.modelsDir });
      const index = this.swap(loaded);
      log.info(
        { trigger, dir: loaded.dir, builtAt: loaded.manifest.builtAt, passages: loaded.passages.length, embedder: loaded.manifest.embedder.id, previousDir: serving.dir },
        'index reloaded: new requests use the new index, requests in flight finish on the old one',
      );
      return { swapped: true, loaded, index };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const action = reason.includes('npm run index') ? '' : ' Rebuild it with: npm run index (the server picks up the new build).';
      log.error(
        { trigger, indexDir: this.source.indexDir, reason, servingDir: serving.dir, servingBuiltAt: serving.manifest.builtAt },
        `index refused: ${reason}${action} Still serving the index built at ${serving.manifest.builtAt}.`,
      );
      // Anything a broken index raises (also a truncated hnsw file, an unreadable folder) is a refused index.
      throw new IndexLoadError(`${reason}${action}`);
    }
  }
}

function prepared(loaded: LoadedIndex, log: FastifyBaseLogger | undefined, options: SearchIndexOptions): SearchIndex {
  // A new index starts with empty query caches: plans and vectors belong to the index they were computed on.
  const index = new SearchIndex(loaded, options);
  const dir = loaded.dir; // not `loaded` in the closure below: that would keep the lunr index alive
  // Fill the vector cache in the background; requests meanwhile read the vectors they need on demand. loadIndex
  // has verified every vector, so this should not fail; if it does, it is logged: background work must never
  // become an unhandled rejection that takes the process down.
  index.warmUp().catch((err: unknown) => {
    log?.error({ dir, reason: err instanceof Error ? err.message : String(err) }, 'index cache fill failed; vectors are read on demand');
  });
  return index;
}

declare module 'fastify' {
  interface FastifyInstance {
    indexHolder: IndexHolder;
  }
}

export const indexHolderPlugin = globalPlugin(async (app: FastifyInstance, options: { holder: IndexHolder }) => {
  app.decorate('indexHolder', options.holder);
}, 'index-holder');
