import { DEFAULT_RETRIEVAL, type RetrievalOptions } from '../options.js';
import { toPassageResult, type PassageResult } from '../results.js';
import type { EmbedderSummary, SearchIndex } from '../search-index.js';
import { searchSemantic } from './search-semantic.js';

/**
 * Passages nearest to a given passage in the vector space ("what do other regions say on the same point"),
 * optionally from other regions only. Scores are cosine similarities clamped to 0..1.
 */

export interface SimilarResponse {
  passage: PassageResult;
  embedder: EmbedderSummary;
  otherRegions: boolean;
  results: PassageResult[];
}

export function similarPassages(index: SearchIndex, label: number, k: number, otherRegions: boolean, options: RetrievalOptions = DEFAULT_RETRIEVAL): SimilarResponse {
  const source = index.passages[label]!;
  const accept = (other: number) =>
    other !== label && (!otherRegions || index.passages[other]!.regionId !== source.regionId) && index.passages[other]!.text !== source.text;
  const hits = searchSemantic(index, index.vectorOf(label), k, { filter: accept, options });
  const noHighlights = new Set<string>();
  return {
    passage: toPassageResult(index, { label, score: 1 }, noHighlights),
    embedder: index.embedder,
    otherRegions,
    results: hits.map((h) =>
      toPassageResult(index, { label: h.label, score: Math.round(Math.max(0, h.similarity) * 10_000) / 10_000, relevance: Math.max(0, h.similarity) }, noHighlights),
    ),
  };
}
