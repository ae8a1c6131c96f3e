import type { LoadRequest } from './load.js';

/**
 * Deterministic request streams for load runs: every call returns the next request of a fixed rotation, so two
 * runs send the same mix in the same order.
 */

const SEARCH_MODES = ['hybrid', 'keyword', 'semantic'] as const;

/** Searches over the evaluation queries, cycling the modes (query i gets mode i mod 3, then shifts). */
export function searchMix(queries: readonly string[]): () => LoadRequest {
  let i = 0;
  return () => {
    const q = queries[i % queries.length]!;
    const mode = SEARCH_MODES[(i + Math.floor(i / queries.length)) % SEARCH_MODES.length]!;
    i++;
    return { method: 'GET', path: `/api/search?${new URLSearchParams({ q, mode, k: '10' }).toString()}` };
  };
}

/** The issue-6 mix: 3 searches, 1 ask, 1 similar in every 5 requests. */
export function searchAskSimilarMix(queries: readonly string[], passageIds: readonly string[]): () => LoadRequest {
  const search = searchMix(queries);
  let i = 0;
  let asked = 0;
  let similar = 0;
  return () => {
    const slot = i++ % 5;
    if (slot < 3) return search();
    if (slot === 3) {
      const question = queries[asked++ % queries.length]!;
      return { method: 'POST', path: '/api/ask', body: JSON.stringify({ question }) };
    }
    const id = passageIds[similar++ % passageIds.length]!;
    return { method: 'GET', path: `/api/passages/${encodeURIComponent(id)}/similar?k=5&otherRegions=true` };
  };
}

/** Every `step`-th passage id: a spread over all documents without randomness. */
export function samplePassageIds(ids: readonly string[], count: number): string[] {
  const step = Math.max(1, Math.floor(ids.length / count));
  const out: string[] = [];
  for (let i = 0; i < ids.length && out.length < count; i += step) out.push(ids[i]!);
  return out;
}

/** Every distinct request of a rotation, once: `count` calls of `next` (a full cycle of the mix). */
export function oneCycle(next: () => LoadRequest, count: number): LoadRequest[] {
  return Array.from({ length: count }, () => next());
}
