import { loadIndex } from '../../indexer/index/load.js';
import { search } from '../../retrieval/methods/search.js';
import type { SearchMode } from '../../retrieval/options.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import type { BenchIndex } from './context.js';

/** The server's search engine, in this process: the same `SearchIndex` + `search` the HTTP routes call. */

export const MODES: readonly SearchMode[] = ['keyword', 'semantic', 'hybrid'];

export async function openEngine(index: Pick<BenchIndex, 'dir' | 'modelsDir'>): Promise<SearchIndex> {
  const loaded = await loadIndex(index.dir, index.modelsDir ? { modelsDir: index.modelsDir } : {});
  return new SearchIndex(loaded);
}

/** One search as `GET /api/search?q=&mode=&k=` would run it; returns the result labels' passages. */
export async function searchTop(engine: SearchIndex, q: string, mode: SearchMode, k = 10) {
  const response = await search(engine, { q, mode, k });
  return response.results;
}
