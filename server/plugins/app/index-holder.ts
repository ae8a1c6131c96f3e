import type { FastifyInstance } from 'fastify';
import type { LoadedIndex } from '../../../indexer/index/load.js';
import { SearchIndex } from '../../search/search-index.js';
import { globalPlugin } from '../global.js';

/**
 * Holds the index the server answers from. Handlers read `app.indexHolder.current` once per request, so a swap
 * (hot reload) never changes the index under a request in flight.
 */
export class IndexHolder {
  private index: SearchIndex;
  readonly startedAt = Date.now();

  constructor(loaded: LoadedIndex) {
    this.index = prepared(loaded);
  }

  get current(): SearchIndex {
    return this.index;
  }

  /** Prepares the new index completely before switching, so a failure leaves the old one serving. */
  swap(loaded: LoadedIndex): SearchIndex {
    const next = prepared(loaded);
    this.index = next;
    return next;
  }
}

function prepared(loaded: LoadedIndex): SearchIndex {
  const index = new SearchIndex(loaded);
  // Fill the vector cache in the background; requests meanwhile read the vectors they need on demand.
  void index.warmUp();
  return index;
}

declare module 'fastify' {
  interface FastifyInstance {
    indexHolder: IndexHolder;
  }
}

export const indexHolderPlugin = globalPlugin(async (app: FastifyInstance, options: { index: LoadedIndex }) => {
  app.decorate('indexHolder', new IndexHolder(options.index));
}, 'index-holder');
