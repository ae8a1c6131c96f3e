import type { RetrievalOptions } from '../options.js';
import type { SearchIndex, VectorSpace } from '../search-index.js';

/**
 * The vector leg: the query embedded by the index's own embedder, nearest passages from hnswlib (cosine on unit
 * vectors). Filters (region, sector) go into hnswlib's filter callback, so k filtered results come back even when
 * the filter is narrow.
 */

export interface SemanticHit {
  label: number;
  /** Cosine similarity to the query, -1..1. */
  similarity: number;
}

/** The query's vector from the index's embedder (cached per query text, see `SearchIndex.queryVector`). */
export async function embedQuery(index: SearchIndex, text: string): Promise<Float32Array> {
  return index.queryVector(text);
}

/** Where to look and how widely (`hnswEf`, `exactScanLimit`: options.ts). */
export interface SemanticSearchOptions {
  /** Only labels passing it. */
  filter?: ((label: number) => boolean) | undefined;
  /** Every label that can pass (e.g. the filtered regions' passages), when known. */
  scope?: readonly number[] | undefined;
  /** Which passage vectors. Default the index's own. */
  space?: VectorSpace;
  options: Pick<RetrievalOptions, 'hnswEf' | 'exactScanLimit'>;
}

/**
 * The `k` passages nearest to `vector`, best first, among labels passing `filter`. Up to `exactScanLimit` passages
 * in `scope` are compared exactly instead of through hnswlib: with a narrow filter (one region of many) the graph
 * search visits most of the corpus to find enough passing nodes, while a direct scan costs the scope's size.
 */
export function searchSemantic(index: SearchIndex, vector: Float32Array, k: number, search: SemanticSearchOptions): SemanticHit[] {
  const { filter, scope, space = index.vectors, options } = search;
  const n = Math.min(k, index.size);
  if (n <= 0) return [];
  if (scope && scope.length <= options.exactScanLimit) {
    const hits: SemanticHit[] = [];
    for (const label of scope) if (!filter || filter(label)) hits.push({ label, similarity: space.cosine(vector, label) });
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, n);
  }
  const hnsw = space.hnsw;
  // hnswlib needs ef >= k to return k results; more than the index holds buys nothing.
  hnsw.setEf(Math.max(n, Math.min(index.size, options.hnswEf)));
  const { neighbors, distances } = filter ? hnsw.searchKnn(Array.from(vector), n, filter) : hnsw.searchKnn(Array.from(vector), n);
  return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
}
