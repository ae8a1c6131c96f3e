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

/**
 * Up to this many passages in scope are compared exactly instead of through hnswlib: with a narrow filter (one
 * region of many) the graph search visits most of the corpus to find enough passing nodes, while a direct scan of
 * the scope costs the scope's size, whatever the corpus.
 */
export const EXACT_SCAN_LIMIT = 4096;

/**
 * The `k` passages nearest to `vector`, best first, among labels passing `filter`. `scope`, when given, lists every
 * label that can pass (e.g. the filtered regions' passages).
 */
export function searchSemantic(
  index: SearchIndex,
  vector: Float32Array,
  k: number,
  filter?: (label: number) => boolean,
  scope?: readonly number[],
  space: VectorSpace = index.vectors,
): SemanticHit[] {
  const n = Math.min(k, index.size);
  if (n <= 0) return [];
  if (scope && scope.length <= EXACT_SCAN_LIMIT) {
    const hits: SemanticHit[] = [];
    for (const label of scope) if (!filter || filter(label)) hits.push({ label, similarity: space.cosine(vector, label) });
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, n);
  }
  const hnsw = space.hnsw;
  // hnswlib needs ef >= k to return k results; widen it for this call only when needed.
  const ef = hnsw.getEf();
  if (ef < n) hnsw.setEf(n);
  try {
    const { neighbors, distances } = filter ? hnsw.searchKnn(Array.from(vector), n, filter) : hnsw.searchKnn(Array.from(vector), n);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  } finally {
    if (ef < n) hnsw.setEf(ef);
  }
}
