/**
 * Runs the evaluation set against any search function and scores it: our server's search methods, the peer library
 * in the benchmark, or a stub in tests. Knows nothing about how search works — only its response shape.
 */
import type { Passage } from '../../indexer/types.js';
import { compileJudgment, isRelevant, type JudgedPassage } from './judge.js';
import {
  aggregateBy,
  regionsReportedMissing,
  scoreQuery,
  type AggregateScores,
  type JudgedRegionGroup,
  type QueryScores,
  DEFAULT_COVERAGE_TOP_PER_REGION,
  DEFAULT_PRECISION_K,
  DEFAULT_RECALL_K,
  METRIC_NAMES,
} from './metrics.js';
import type { EvalQuery, EvalSet } from './schema.js';

export type SearchMode = 'keyword' | 'semantic' | 'hybrid';

/** A result as the search API returns it (extra fields are ignored). */
export interface SearchHit {
  id: string;
  regionId: string;
  text: string;
}

export interface SearchResponse {
  results?: readonly SearchHit[];
  groups?: readonly { regionId: string; results: readonly SearchHit[] }[];
  /** Region ids, or region objects carrying `regionId`, that have nothing relevant. */
  missingRegions?: readonly (string | { regionId: string })[];
}

export type SearchFn = (
  query: string,
  options: { mode: SearchMode; k: number; groupBy?: 'region' },
) => Promise<SearchResponse>;

export interface EvaluateOptions {
  modes?: readonly SearchMode[];
  /** Depth of the flat list requested (recall@50 needs ≥ 50). Default 50. */
  k?: number;
  /** Per-region depth of the grouped view request. Default 10. */
  groupedK?: number;
  /** Whether to also run the grouped view (region coverage, abstention). Default true. */
  grouped?: boolean;
  coverageTopPerRegion?: number;
}

export interface QueryEvaluation {
  query: EvalQuery;
  mode: SearchMode;
  totalRelevant: number;
  scores: QueryScores;
  /** Relevance of the first 10 hits, for inspection. */
  top10: boolean[];
  /** Share of the query's answering regions the grouped view reports missing (null without it, or for `none`). */
  answeringReportedMissing: number | null;
}

export interface EvaluationReport {
  evaluations: QueryEvaluation[];
  /** mode → query kind (and `all`) → aggregated metrics. */
  byKind: Map<SearchMode, Map<string, AggregateScores>>;
  /** mode → query language (`ru`, `en`, and `all`) → aggregated metrics. */
  byLang: Map<SearchMode, Map<string, AggregateScores>>;
  /** mode → sector (and `all`) → aggregated metrics. */
  bySector: Map<SearchMode, Map<string, AggregateScores>>;
}

const regionIdOf = (entry: string | { regionId: string }): string => (typeof entry === 'string' ? entry : entry.regionId);

/** Relevant passages of the corpus per query (recall denominators), computed once per evaluation set. */
export function countRelevant(set: EvalSet, passages: readonly (JudgedPassage & Pick<Passage, 'id'>)[]): Map<string, number> {
  return new Map(
    set.queries.map((query) => {
      const judgment = compileJudgment(query);
      return [query.id, passages.filter((passage) => isRelevant(passage, judgment)).length];
    }),
  );
}

/**
 * The best precision@10 any ranking could reach over the queries the report's precision@10 of `mode` averages: a
 * query with fewer than 10 relevant passages in the index caps its own (3 relevant → 0.3). Read from the report's
 * own relevant-passage counts; `null` when it averaged none.
 */
export function precisionCeiling(report: EvaluationReport, mode: SearchMode = 'hybrid', k: number = DEFAULT_PRECISION_K): number | null {
  const scored = report.evaluations.filter((e) => e.mode === mode && e.scores.precisionAt10 !== null);
  if (scored.length === 0) return null;
  return scored.reduce((sum, e) => sum + Math.min(k, e.totalRelevant) / k, 0) / scored.length;
}

/**
 * Judgment rules that match no passage of the index: a sign the judgments and the index disagree
 * (a pattern broken by chunking or text cleanup). Returns human-readable problems; empty when all is well.
 */
export function findUnmatchedRules(set: EvalSet, passages: readonly JudgedPassage[]): string[] {
  const problems: string[] = [];
  for (const query of set.queries) {
    const judgment = compileJudgment(query);
    for (const rule of query.relevant) {
      const regionPassages = passages.filter((passage) => passage.regionId === rule.region);
      if (!regionPassages.some((passage) => isRelevant(passage, judgment))) {
        problems.push(`query "${query.id}": no ${rule.region} passage matches ${rule.patterns.map((p) => `/${p}/`).join(' or ')}`);
      }
    }
  }
  return problems;
}

export async function evaluateSearch(
  search: SearchFn,
  set: EvalSet,
  passages: readonly (JudgedPassage & Pick<Passage, 'id'>)[],
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const modes = options.modes ?? (['keyword', 'semantic', 'hybrid'] as const);
  const k = options.k ?? DEFAULT_RECALL_K;
  const groupedK = options.groupedK ?? 10;
  const grouped = options.grouped ?? true;
  const allRegions = [...new Set(passages.map((passage) => passage.regionId))];
  const totals = countRelevant(set, passages);
  const evaluations: QueryEvaluation[] = [];

  for (const mode of modes) {
    for (const query of set.queries) {
      const judgment = compileJudgment(query);
      const judge = (hits: readonly SearchHit[]): boolean[] => hits.map((hit) => isRelevant(hit, judgment));
      const flat = await search(query.query, { mode, k });
      const relevance = judge(flat.results ?? []);
      let groups: JudgedRegionGroup[] | undefined;
      let missingRegions: string[] | undefined;
      if (grouped) {
        const view = await search(query.query, { mode, k: groupedK, groupBy: 'region' });
        groups = (view.groups ?? []).map((group) => ({ regionId: group.regionId, relevance: judge(group.results) }));
        missingRegions = (view.missingRegions ?? []).map(regionIdOf);
      }
      const totalRelevant = totals.get(query.id) ?? 0;
      evaluations.push({
        query,
        mode,
        totalRelevant,
        top10: relevance.slice(0, 10),
        answeringReportedMissing: missingRegions ? regionsReportedMissing(query.regions, missingRegions) : null,
        scores: scoreQuery({
          relevance,
          totalRelevant,
          expectedRegions: query.regions,
          groups,
          missingRegions,
          allRegions,
          expectsNothing: query.kind === 'none',
          coverageTopPerRegion: options.coverageTopPerRegion ?? DEFAULT_COVERAGE_TOP_PER_REGION,
        }),
      });
    }
  }

  const byKind = new Map<SearchMode, Map<string, AggregateScores>>();
  const bySector = new Map<SearchMode, Map<string, AggregateScores>>();
  const byLang = new Map<SearchMode, Map<string, AggregateScores>>();
  for (const mode of modes) {
    const ofMode = evaluations.filter((evaluation) => evaluation.mode === mode);
    byKind.set(mode, aggregateBy(ofMode, (e) => e.query.kind, (e) => e.scores));
    bySector.set(mode, aggregateBy(ofMode, (e) => e.query.sector ?? '(none)', (e) => e.scores));
    byLang.set(mode, aggregateBy(ofMode, (e) => e.query.lang ?? 'ru', (e) => e.scores));
  }
  return { evaluations, byKind, bySector, byLang };
}

const METRIC_LABELS: Record<(typeof METRIC_NAMES)[number], string> = {
  precisionAt10: 'P@10',
  ndcgAt10: 'nDCG@10',
  recallAt50: 'R@50',
  regionCoverage: 'coverage',
  abstention: 'abstain',
};

/** Plain-text table: one row per mode × group, one column per metric (`—` where undefined). */
export function formatTable(table: Map<SearchMode, Map<string, AggregateScores>>, groupLabel = 'kind'): string {
  const header = ['mode', groupLabel, 'n', ...METRIC_NAMES.map((metric) => METRIC_LABELS[metric])];
  const rows: string[][] = [];
  for (const [mode, groups] of table) {
    for (const [group, scores] of groups) {
      const n = Math.max(...METRIC_NAMES.map((metric) => scores[metric].count));
      rows.push([mode, group, String(n), ...METRIC_NAMES.map((metric) => scores[metric].mean?.toFixed(3) ?? '—')]);
    }
  }
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
