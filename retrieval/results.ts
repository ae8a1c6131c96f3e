import { SECTOR_LABELS, type Sector } from '../indexer/types.js';
import { citationOf } from './citation.js';
import { highlightRanges } from './highlight.js';
import type { SearchIndex } from './search-index.js';

/** The API shape of one passage in a ranked list. Text is exactly the corpus text; nothing is generated. */
export interface PassageResult {
  id: string;
  /** 0..1, comparable within one response. */
  score: number;
  region: string;
  regionId: string;
  /** The document; `period` tells a region's documents apart (a strategy and its revision). */
  document: { id: string; title: string; period?: string };
  section: { number: string; title: string; path: string };
  sector: Sector;
  sectorLabel: string;
  /** First page, null where the source has no pages. */
  page: number | null;
  pageEnd: number | null;
  kind: 'text' | 'table';
  text: string;
  /** `[start, end)` character ranges of `text` that matched the query. */
  highlights: [number, number][];
  citation: string;
  /** 0..1: how well the passage answers the query on its own (see retrieval options); drives `missingRegions`. */
  relevance: number;
  /** relevance ≥ the threshold. Low-confidence results are still listed in flat results but marked. */
  relevant: boolean;
}

export interface Scored {
  label: number;
  score: number;
  relevance?: number;
  relevant?: boolean;
}

function documentOf(index: SearchIndex, id: string, title: string): PassageResult['document'] {
  const period = index.findDocument(id)?.period;
  return { id, title, ...(period ? { period } : {}) };
}

export function toPassageResult(index: SearchIndex, scored: Scored, matchTerms: ReadonlySet<string>): PassageResult {
  const p = index.passages[scored.label]!;
  return {
    id: p.id,
    score: scored.score,
    region: p.region,
    regionId: p.regionId,
    document: documentOf(index, p.documentId, p.documentTitle),
    section: { ...p.section },
    sector: p.sector,
    sectorLabel: SECTOR_LABELS[p.sector],
    page: p.page,
    pageEnd: p.pageEnd,
    kind: p.kind,
    text: p.text,
    highlights: highlightRanges(p.text, index.tokensOf(scored.label), matchTerms),
    citation: citationOf(p, index.findDocument(p.documentId)?.period),
    relevance: Math.round((scored.relevance ?? scored.score) * 1000) / 1000,
    relevant: scored.relevant ?? true,
  };
}
