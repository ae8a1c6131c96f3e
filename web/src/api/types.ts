/**
 * Shapes of the HTTP API (issue 3) as the UI reads them. Field names follow the server's contract;
 * `normalize*` functions accept the few variants the contract leaves open so the UI never crashes on them.
 */
import { SECTORS, type Sector } from '../../../indexer/types.js';

export type SearchMode = 'hybrid' | 'keyword' | 'semantic';
export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'keyword', 'semantic'];

/** A `[start, end)` character range inside a passage's `text`. */
export type Range = [number, number];

export interface SearchResult {
  id: string;
  score: number;
  region: string;
  regionId: string;
  document: { id: string; title: string; period?: string };
  section: { number: string; title: string; path: string };
  sector: Sector;
  page: number | null;
  pageEnd?: number | null;
  text: string;
  highlights: Range[];
  citation: string;
  /** `table` for rows of a flattened table (kept as lines). */
  kind: 'text' | 'table';
  /** false when the passage is below the server's relevance threshold. */
  relevant: boolean;
}

export interface RegionRef {
  region: string;
  regionId: string;
}

export interface RegionGroup extends RegionRef {
  /** false: nothing in this region reached the relevance threshold (it is also in `missingRegions`). */
  found: boolean;
  results: SearchResult[];
}

/** Which embedder answered the semantic leg; the server may send an object or just an id. */
export interface EmbedderInfo {
  id: string;
  kind: 'offline' | 'transformers' | 'none' | string;
  description: string;
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  embedder: EmbedderInfo | null;
  tookMs: number;
  appliedFilters: AppliedFilters;
  results: SearchResult[];
  groups: RegionGroup[] | null;
  missingRegions: RegionRef[];
}

/** Filters the server applied: the user's own plus regions it recognised in the query text. */
export interface AppliedFilters {
  regions: RegionRef[];
  sectors: Sector[];
  /** Regions detected in the query ("в Тверской области"); the user can switch detection off. */
  detectedRegions: (RegionRef & { matchedText: string })[];
  /** Abbreviations and terms the server expanded: ЦОД → центр обработки данных. */
  expansions: { from: string; to: string }[];
}

/** A problem the indexer found with a document but indexed it anyway (indexer/corpus/warnings.ts). */
export interface DocumentWarning {
  code: string;
  message: string;
  expected?: number;
  found?: number;
}

export interface RegionInfo extends RegionRef {
  documents: { id: string; title: string; period?: string; warnings: DocumentWarning[] }[];
  passages: number;
}

export interface RegionsResponse {
  regions: RegionInfo[];
  sectors: Sector[];
}

export interface AskPoint {
  text: string;
  passageId: string;
  citation: string;
}

export interface AskRegionAnswer extends RegionRef {
  found: boolean;
  points: AskPoint[];
}

export interface AskResponse {
  question: string;
  answer: AskRegionAnswer[];
  passages: SearchResult[];
  /** Generated summary (only when an LLM endpoint is configured on the server). */
  summary: { text: string; model: string } | null;
  detectedRegions: (RegionRef & { matchedText: string })[];
  embedder: EmbedderInfo | null;
  tookMs: number;
  /** For questions about targets: the server's indicator table, read by api/indicators.ts `normalizeAskTargets`. */
  targets: unknown;
}

export interface PassageContext {
  passage: SearchResult;
  before: SearchResult[];
  after: SearchResult[];
}

export interface SimilarResponse {
  passage: SearchResult | null;
  results: SearchResult[];
}

// ---------------------------------------------------------------------------------------------
// Normalisers: narrow `unknown` JSON into the shapes above.

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function pageOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function isSector(v: unknown): v is Sector {
  return typeof v === 'string' && (SECTORS as readonly string[]).includes(v);
}

function normalizeRanges(v: unknown, textLength: number): Range[] {
  const out: Range[] = [];
  for (const r of arr(v)) {
    let start: number | undefined;
    let end: number | undefined;
    if (Array.isArray(r)) [start, end] = [num(r[0], NaN), num(r[1], NaN)];
    else if (isObject(r)) [start, end] = [num(r.start, NaN), num(r.end, NaN)];
    if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end)) continue;
    const s = Math.max(0, Math.min(textLength, start));
    const e = Math.max(0, Math.min(textLength, end));
    if (e > s) out.push([s, e]);
  }
  return out;
}

export function normalizeResult(v: unknown): SearchResult {
  const o = isObject(v) ? v : {};
  const text = str(o.text);
  const doc = isObject(o.document) ? o.document : {};
  const section = isObject(o.section) ? o.section : {};
  return {
    id: str(o.id),
    score: num(o.score),
    region: str(o.region),
    regionId: str(o.regionId),
    document: { id: str(doc.id ?? o.documentId), title: str(doc.title ?? o.documentTitle), ...(typeof doc.period === 'string' ? { period: doc.period } : {}) },
    section: { number: str(section.number), title: str(section.title), path: str(section.path ?? section.title) },
    sector: isSector(o.sector) ? o.sector : 'general',
    page: pageOf(o.page),
    pageEnd: pageOf(o.pageEnd),
    text,
    highlights: normalizeRanges(o.highlights, text.length),
    citation: str(o.citation),
    kind: o.kind === 'table' ? 'table' : 'text',
    relevant: o.relevant !== false,
  };
}

function normalizeRegionRef(v: unknown): RegionRef {
  if (typeof v === 'string') return { region: v, regionId: v };
  const o = isObject(v) ? v : {};
  const regionId = str(o.regionId ?? o.id);
  return { region: str(o.region ?? o.name, regionId), regionId };
}

export function normalizeEmbedder(v: unknown): EmbedderInfo | null {
  if (typeof v === 'string') {
    return { id: v, kind: v.startsWith('offline') ? 'offline' : 'transformers', description: '' };
  }
  if (!isObject(v)) return null;
  return { id: str(v.id), kind: str(v.kind), description: str(v.description) };
}

function refsFrom(v: unknown): RegionRef[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(normalizeRegionRef);
}

/** Regions the server took from the query text (`source: 'query'`), as opposed to the `region` parameter. */
function detectedRegions(v: unknown): (RegionRef & { matchedText: string })[] {
  return arr(v)
    .filter((r) => isObject(r) && r.source === 'query')
    .map((r) => ({ ...normalizeRegionRef(r), matchedText: str(isObject(r) ? r.matchedText : '') }));
}

function normalizeAppliedFilters(v: unknown): AppliedFilters {
  const o = isObject(v) ? v : {};
  const sectors = arr(o.sectors)
    .map((s) => (isObject(s) ? s.sector : s))
    .filter(isSector);
  return {
    regions: refsFrom(o.regions),
    sectors,
    detectedRegions: detectedRegions(o.regions),
    expansions: arr(o.expansions)
      .filter(isObject)
      .map((e) => ({ from: str(e.from), to: str(e.to) }))
      .filter((e) => e.from && e.to),
  };
}

export function normalizeSearch(v: unknown): SearchResponse {
  const o = isObject(v) ? v : {};
  const groups = Array.isArray(o.groups)
    ? o.groups.map((g): RegionGroup => {
        const go = isObject(g) ? g : {};
        const results = arr(go.results).map(normalizeResult);
        return { ...normalizeRegionRef(go), found: go.found === undefined ? results.length > 0 : go.found === true, results };
      })
    : null;
  const mode = str(o.mode);
  return {
    query: str(o.query),
    mode: (SEARCH_MODES as readonly string[]).includes(mode) ? (mode as SearchMode) : 'hybrid',
    embedder: normalizeEmbedder(o.embedder),
    tookMs: num(o.tookMs),
    appliedFilters: normalizeAppliedFilters(o.appliedFilters),
    results: arr(o.results).map(normalizeResult),
    groups,
    missingRegions: arr(o.missingRegions).map(normalizeRegionRef),
  };
}

function normalizeWarning(v: unknown): DocumentWarning {
  const o = isObject(v) ? v : {};
  return {
    code: str(o.code),
    message: str(o.message),
    ...(typeof o.expected === 'number' ? { expected: o.expected } : {}),
    ...(typeof o.found === 'number' ? { found: o.found } : {}),
  };
}

export function normalizeRegions(v: unknown): RegionsResponse {
  const o = isObject(v) ? v : {};
  const regions = arr(o.regions).map((r): RegionInfo => {
    const ro = isObject(r) ? r : {};
    return {
      ...normalizeRegionRef(ro),
      documents: arr(ro.documents).map((d) => {
        const dobj = isObject(d) ? d : {};
        return { id: str(dobj.id), title: str(dobj.title), ...(typeof dobj.period === 'string' ? { period: dobj.period } : {}), warnings: arr(dobj.warnings).map(normalizeWarning) };
      }),
      passages: num(ro.passages ?? ro.passageCount),
    };
  });
  const sectorIds = arr(o.sectors).map((s) => (isObject(s) ? s.sector : s)).filter(isSector);
  return { regions, sectors: sectorIds.length > 0 ? sectorIds : [...SECTORS] };
}

export function normalizeAsk(v: unknown): AskResponse {
  const o = isObject(v) ? v : {};
  return {
    question: str(o.question),
    answer: arr(o.answer).map((a): AskRegionAnswer => {
      const ao = isObject(a) ? a : {};
      const points = arr(ao.points).map((p): AskPoint => {
        const po = isObject(p) ? p : {};
        return { text: str(po.text), passageId: str(po.passageId), citation: str(po.citation) };
      });
      return { ...normalizeRegionRef(ao), found: ao.found === undefined ? points.length > 0 : ao.found === true, points };
    }),
    passages: arr(o.passages).map(normalizeResult),
    summary: isObject(o.summary) && str(o.summary.text) ? { text: str(o.summary.text), model: str(o.summary.model) } : null,
    detectedRegions: detectedRegions(isObject(o.appliedFilters) ? o.appliedFilters.regions : undefined),
    embedder: normalizeEmbedder(o.embedder),
    tookMs: num(o.tookMs),
    targets: o.indicators ?? null,
  };
}

export function normalizePassageContext(v: unknown): PassageContext {
  const o = isObject(v) ? v : {};
  const ctx = isObject(o.context) ? o.context : {};
  const passage = normalizeResult(o.passage);
  const notSelf = (p: SearchResult): boolean => p.id !== passage.id;
  return {
    passage,
    before: arr(ctx.previous).map(normalizeResult).filter(notSelf),
    after: arr(ctx.next).map(normalizeResult).filter(notSelf),
  };
}

export function normalizeSimilar(v: unknown): SimilarResponse {
  const o = isObject(v) ? v : {};
  return {
    passage: isObject(o.passage) ? normalizeResult(o.passage) : null,
    results: arr(o.results).map(normalizeResult),
  };
}
