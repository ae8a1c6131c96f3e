import type { FastifyInstance, FastifyReply } from 'fastify';
import { LruCache } from '../../../retrieval/lru-cache.js';
import type { SearchIndex } from '../../../retrieval/search-index.js';
import { globalPlugin } from '../global.js';

/**
 * Whole responses of the ranking endpoints (search, ask, indicators, similar), by operation and validated input,
 * for the index being served. What the UI asks again (its unfiltered map by region on every filter change, a
 * search revisited with Back) and what many users ask alike is ranked once. Identical requests arriving together
 * share one computation. A new index (hot reload) starts with an empty cache: responses belong to the index they
 * were ranked on.
 *
 * `X-Cache: hit | miss` says which it was; `tookMs` is always this request's own time.
 */

/**
 * Responses kept (`--response-cache-entries`, `RESPONSE_CACHE_ENTRIES`). A response holds ≈ 4–10 KB of heap of its
 * own (passage texts are the index's strings, not copies; 16–23 KB as JSON): measured with a full GC around 144
 * held responses of each kind (search, search grouped by region, ask), e5 index of the bundled corpus, 2026-11-30.
 * 256 entries stay under ≈ 3 MB.
 */
export const RESPONSE_CACHE_ENTRIES = 256;

export class ResponseCache {
  private cache: LruCache<string, Promise<unknown>> | undefined;
  private index: SearchIndex | undefined;

  /** @param entries Most responses kept; 0 turns the cache off. */
  constructor(readonly entries: number) {
    if (!Number.isInteger(entries) || entries < 0) throw new RangeError(`response cache entries must be a whole number ≥ 0, got ${entries}`);
  }

  /**
   * The response of `operation` for `input` on `index`: from the cache when present, else computed by `compute`
   * and kept. A failed computation (bad input, an index error) is not kept.
   */
  async through<T>(index: SearchIndex, operation: string, input: unknown, compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    if (this.entries === 0) return { value: await compute(), hit: false };
    if (this.index !== index || !this.cache) {
      this.index = index;
      this.cache = new LruCache(this.entries);
    }
    const cache = this.cache;
    const key = `${operation}\u0000${JSON.stringify(input)}`;
    const known = cache.get(key) as Promise<T> | undefined;
    if (known) return { value: await known, hit: true };
    const pending = compute();
    cache.set(key, pending);
    try {
      return { value: await pending, hit: false };
    } catch (err) {
      if (cache.get(key) === pending) cache.delete(key);
      throw err;
    }
  }
}

/**
 * Answers a ranking request through the app's response cache: sets `X-Cache` and, for responses that report it,
 * `tookMs` as this request's time (a hit takes far less than the ranking it reuses).
 */
export async function cachedResponse<T extends object>(
  app: FastifyInstance,
  reply: FastifyReply,
  operation: string,
  input: unknown,
  compute: (index: SearchIndex) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const index = app.indexHolder.current;
  const { value, hit } = await app.responseCache.through(index, operation, input, () => compute(index));
  void reply.header('x-cache', hit ? 'hit' : 'miss');
  if (!hit || !('tookMs' in value)) return value;
  return { ...value, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseCache;
  }
}

export const responseCachePlugin = globalPlugin(async (app: FastifyInstance, options: { entries: number }) => {
  app.decorate('responseCache', new ResponseCache(options.entries));
}, 'response-cache');
