import type { IndicatorRow } from '../../indexer/indicators/types.js';
import type { Passage, Sector } from '../../indexer/types.js';
import { citationOf } from '../citation.js';
import { conceptModelCoverage } from '../concept-model-coverage.js';
import { resolveDocuments, resolveRegions, resolveSectors } from '../filters.js';
import { retrievalOptions, type RetrievalOptions, type RetrievalOverrides } from '../options.js';
import { translateQuestion } from '../cross-lingual.js';
import { keywordCoverage, matchedTermsIn, understandQuery, type QueryPlan } from '../query-understanding.js';
import type { RegionRef } from '../region-names.js';
import { retrieve } from '../retrieve.js';
import type { EmbedderSummary, SearchIndex, ServingIndex } from '../search-index.js';
import { termTokens, uniqueTerms, type TermToken } from '../text.js';

/**
 * The indicators operation behind `GET /api/indicators` and the targets table of `/api/ask`: indicator rows whose
 * name matches the query by words (the keyword leg's terms, abbreviations and same-root forms, idf-weighted), or
 * whose passage the hybrid search finds relevant (the semantic leg: "by meaning"), grouped across regions.
 */

export interface IndicatorsParams {
  q: string;
  regions?: string[];
  /** Document ids or file names: only rows of these documents. */
  documents?: string[];
  sectors?: string[];
  /** Only rows with a value for this year; their values are cut to it. */
  year?: number;
  /** Indicator groups returned (all matching rows of each). Default 10. */
  k?: number;
  /** Overrides of the retrieval defaults by name (options.ts; the `indicator*` settings rank rows). */
  retrieval?: RetrievalOverrides;
}

export interface IndicatorResult {
  id: string;
  region: string;
  regionId: string;
  sector: Sector;
  project: { number: string | null; name: string | null };
  responsible: string | null;
  name: string;
  unit: string | null;
  values: Array<{ year: number; value: number | null; raw: string }>;
  page: number | null;
  passageId: string | null;
  citation: string;
  groupId: string;
  /** Ranking score 0..1 (the group's best), comparable within one response. */
  score: number;
}

export interface IndicatorsResponse {
  query: string;
  tookMs: number;
  embedder: EmbedderSummary;
  indicators: IndicatorResult[];
  /** Regions in scope with no matching indicator. */
  missingRegions: RegionRef[];
}

/**
 * Words that frame a question about targets rather than name the indicator («какие целевые значения доли …»):
 * they would count every name short for lacking them.
 */
const TARGET_FRAMING_WORDS = [
  'показатель', 'показатели', 'показателя', 'показателей', 'целевой', 'целевые', 'целевых', 'целевое', 'значение', 'значения',
  'значений', 'ставят', 'ставит', 'установлены', 'установили', 'планируют', 'достичь', 'достигнуть', 'году', 'года', 'годам',
  'годы', 'год', 'какой', 'какие', 'какая', 'каких', 'регионы', 'регионов', 'регион', 'цель', 'цели', 'плановые', 'плановое',
];
let targetFraming: Set<string> | undefined;
function isTargetFraming(term: string): boolean {
  targetFraming ??= new Set(TARGET_FRAMING_WORDS.flatMap((w) => uniqueTerms(w)));
  return targetFraming.has(term);
}

export const DEFAULT_INDICATOR_GROUPS = 10;

/** Tokens of every indicator name (cached per loaded index: names never change). */
const nameTokenCache = new WeakMap<ServingIndex, TermToken[][]>();
function nameTokens(index: SearchIndex): TermToken[][] {
  let tokens = nameTokenCache.get(index.loaded);
  if (!tokens) nameTokenCache.set(index.loaded, (tokens = index.loaded.indicators.map((r) => termTokens(`${r.name} ${r.unit ?? ''}`))));
  return tokens;
}

/** The offline concept model's features of every indicator name (synonyms, domain concepts), per loaded index. */
const nameFeatureCache = new WeakMap<ServingIndex, Array<ReadonlySet<string>>>();
function nameFeatures(index: SearchIndex): Array<ReadonlySet<string>> | undefined {
  const embedder = index.conceptEmbedder;
  if (!embedder) return undefined;
  let features = nameFeatureCache.get(index.loaded);
  if (!features) {
    // The name alone: the section title would give every row of a sector the same concepts.
    features = index.loaded.indicators.map((r) => embedder.passageFeatureSet({ text: r.name, sectionPath: '', sector: 'general' }));
    nameFeatureCache.set(index.loaded, features);
  }
  return features;
}

/** The query without years («к 2024 году» picks a column, it is not a word of the name) and framing words. */
async function indicatorPlan(index: SearchIndex, q: string, options: RetrievalOptions): Promise<QueryPlan> {
  const text = q.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/gu, ' ');
  const question = /[\p{L}]/u.test(text) ? text : q;
  const translations = await translateQuestion(index, question, options);
  const plan = understandQuery(index, question, { detectRegions: false, ...(translations ? { translations } : {}) }, options);
  const content = plan.concepts.filter((c) => !c.alternatives.every((alt) => alt.every(isTargetFraming)));
  return { ...plan, concepts: content.length > 0 ? content : plan.concepts };
}

/** Share of the question's words that open the name, in order (its first words, then the next …). */
function leadingMatch(plan: QueryPlan, nameTerms: readonly TermToken[]): number {
  if (plan.concepts.length === 0) return 0;
  let n = 0;
  while (n < plan.concepts.length && n < nameTerms.length) {
    const terms = nameTerms[n]!.terms;
    if (!plan.concepts[n]!.alternatives.some((alt) => alt.some((t) => terms.includes(t)))) break;
    n++;
  }
  return n / plan.concepts.length;
}

export async function findIndicators(index: SearchIndex, params: IndicatorsParams): Promise<IndicatorsResponse> {
  const started = performance.now();
  const regions = resolveRegions(index, params.regions, 'region');
  const sectors = resolveSectors(params.sectors, 'sector');
  const regionIds = regions ? new Set(regions.map((r) => r.regionId)) : undefined;
  const sectorSet = sectors ? new Set(sectors) : undefined;
  const rows = index.loaded.indicators;
  // Rows match by their name's words; the passage's hybrid score (meaning and context) decides ties.
  const options = retrievalOptions(params.retrieval, { mode: 'hybrid' });
  const plan = await indicatorPlan(index, params.q, options);

  const depth = { pool: options.indicatorPool, perRegionPool: options.indicatorRegionPool };
  const documents = resolveDocuments(index, params.documents, 'document');
  const documentIds = documents ? new Set(documents.map((d) => d.documentId)) : undefined;
  const { candidates, concepts } = await retrieve(index, plan, { regionIds, documentIds, sectors: sectorSet }, options, depth);
  const byPassage = new Map(candidates.map((c) => [index.passages[c.label]!.id, c]));

  const tokens = nameTokens(index);
  // By meaning: the question's concepts (synonyms and domain concepts of the offline model: «доктор» ~ «врач»)
  // found in a name count like its words.
  const features = concepts ? nameFeatures(index) : undefined;
  const scored: Array<{ row: IndicatorRow; score: number }> = [];
  rows.forEach((row, i) => {
    if (regionIds && !regionIds.has(row.regionId)) return;
    if (documentIds && !documentIds.has(row.documentId)) return;
    if (sectorSet && !sectorSet.has(row.sector)) return;
    if (params.year !== undefined && !row.values.some((v) => v.year === params.year)) return;
    const byWords = keywordCoverage(plan, matchedTermsIn(plan, tokens[i]!), options);
    const coverage = concepts && features ? Math.max(byWords, conceptModelCoverage(concepts, features[i]!)) : byWords;
    const passage = row.passageId ? byPassage.get(row.passageId) : undefined;
    const passageRelevant = passage?.relevant ?? false;
    // Below the name threshold, a name matches only when its passage is relevant to the question as a whole.
    if (coverage < options.indicatorMinNameCoverage && !(passageRelevant && coverage >= options.indicatorMinNameCoverageWithPassage)) return;
    const nameTerms = tokens[i]!.filter((t) => t.terms.length > 0);
    const nameShare = nameTerms.length === 0 ? 0 : nameTerms.filter((t) => t.terms.some((term) => plan.matchTerms.has(term))).length / nameTerms.length;
    const lead = leadingMatch(plan, nameTerms);
    // Share of the question in the name, then share of the name the question covers (the name that says just what
    // was asked before a longer one), then a name that starts the way the question does («доля массовых …»).
    const score = options.indicatorNameWeight * coverage + options.indicatorNameShareWeight * nameShare + options.indicatorLeadWeight * lead + options.indicatorPassageWeight * (passage?.score ?? 0);
    scored.push({ row, score });
  });

  // Rank groups by their best row; every matching row of a chosen group is returned, so regions sit side by side.
  const groupScore = new Map<string, number>();
  for (const s of scored) groupScore.set(s.row.groupId, Math.max(groupScore.get(s.row.groupId) ?? 0, s.score));
  const chosen = [...groupScore].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, params.k ?? DEFAULT_INDICATOR_GROUPS);
  const rank = new Map(chosen.map(([g], i) => [g, i]));
  const picked = scored
    .filter((s) => rank.has(s.row.groupId))
    .sort((a, b) => rank.get(a.row.groupId)! - rank.get(b.row.groupId)! || a.row.region.localeCompare(b.row.region, 'ru') || b.score - a.score);

  const indicators = picked.map(({ row }) => toIndicatorResult(index, row, params.year, groupScore.get(row.groupId)!));
  const found = new Set(indicators.map((r) => r.regionId));
  // A document filter alone scopes the answer to its documents' regions.
  const scope = regions ?? (documents ? [...new Map(documents.map((d) => [d.regionId, { regionId: d.regionId, region: d.region }])).values()] : index.regions.map((r) => ({ regionId: r.regionId, region: r.region })));
  return {
    query: params.q,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    embedder: index.embedder,
    indicators,
    missingRegions: scope.filter((r) => !found.has(r.regionId)),
  };
}

/** One row by id, or undefined. */
export function indicatorById(index: SearchIndex, id: string): IndicatorResult | undefined {
  const row = index.loaded.indicators.find((r) => r.id === id);
  return row ? toIndicatorResult(index, row, undefined, 1) : undefined;
}

export function toIndicatorResult(index: SearchIndex, row: IndicatorRow, year: number | undefined, score: number): IndicatorResult {
  return {
    id: row.id,
    region: row.region,
    regionId: row.regionId,
    sector: row.sector,
    project: row.project,
    responsible: row.responsible,
    name: row.name,
    unit: row.unit,
    values: row.values.filter((v) => year === undefined || v.year === year).map((v) => ({ year: v.year, value: v.value, raw: v.raw })),
    page: row.page,
    passageId: row.passageId,
    citation: indicatorCitation(index, row),
    groupId: row.groupId,
    score: Math.round(Math.min(1, score) * 1000) / 1000,
  };
}

/** The citation of the row's table: document, region, section, and the row's own page. */
function indicatorCitation(index: SearchIndex, row: IndicatorRow): string {
  const label = row.passageId ? index.labelOf(row.passageId) : undefined;
  const holder = label !== undefined ? index.passages[label] : undefined;
  const parts = row.sectionPath.split(' › ');
  const last = parts[parts.length - 1] ?? '';
  const numbered = /^(\d+(?:\.\d+)*)\.\s+(.*)$/u.exec(last);
  const base: Passage = holder ?? {
    id: '',
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    regionId: row.regionId,
    region: row.region,
    section: { number: numbered?.[1] ?? '', title: numbered?.[2] ?? last, path: row.sectionPath },
    sector: row.sector,
    page: null,
    pageEnd: null,
    kind: 'table',
    text: row.name,
    ordinal: 0,
  };
  return citationOf({ ...base, page: row.page, pageEnd: row.page }, index.findDocument(row.documentId)?.period);
}
