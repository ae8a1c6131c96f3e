/**
 * Retrieval metrics over judged result lists. Pure functions: they see relevance flags and counts, never a search
 * implementation, so keyword, semantic, hybrid and the peer library are scored the same way.
 *
 * Conventions (binary gains throughout):
 * - precision@k = relevant hits among the first k / k. A list shorter than k is not rewarded for being short.
 * - nDCG@k = DCG@k / ideal DCG@k, DCG = Σ rel_i / log2(i + 1) for ranks i = 1..k; the ideal ranking puts
 *   min(k, relevant passages in the corpus) relevant passages first.
 * - recall@k = relevant hits among the first k / relevant passages in the corpus (per the judgment patterns).
 * - region coverage = share of the query's `regions` whose group in the grouped-by-region view has a relevant passage
 *   among its first `topPerRegion` results (a region reported as missing, or absent, is not covered).
 * Queries without relevant passages (`none`) have no precision/nDCG/recall; they are scored by `abstention`.
 */

export const DEFAULT_PRECISION_K = 10;
export const DEFAULT_NDCG_K = 10;
export const DEFAULT_RECALL_K = 50;
/** How deep into a region's group the coverage metric looks (a user reads the first few passages per region). */
export const DEFAULT_COVERAGE_TOP_PER_REGION = 3;

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

/** Relevant hits among the first `k` / `k`. */
export function precisionAtK(relevance: readonly boolean[], k: number = DEFAULT_PRECISION_K): number {
  assertK(k);
  return relevance.slice(0, k).filter(Boolean).length / k;
}

/** Discounted cumulative gain with binary gains over the first `k` ranks. */
export function dcgAtK(relevance: readonly boolean[], k: number): number {
  assertK(k);
  return relevance.slice(0, k).reduce((sum, relevant, index) => sum + (relevant ? 1 / Math.log2(index + 2) : 0), 0);
}

/**
 * nDCG@k with binary gains. `totalRelevant` is the number of relevant passages in the whole corpus (not just those
 * retrieved), so missing relevant passages lowers the score.
 * @returns a value in [0, 1], or `null` when the corpus has no relevant passage (undefined for `none` queries).
 */
export function ndcgAtK(relevance: readonly boolean[], totalRelevant: number, k: number = DEFAULT_NDCG_K): number | null {
  assertK(k);
  if (totalRelevant <= 0) return null;
  const ideal = dcgAtK(Array.from({ length: Math.min(k, totalRelevant) }, () => true), k);
  return dcgAtK(relevance, k) / ideal;
}

/**
 * Relevant hits among the first `k` / relevant passages in the corpus.
 * @returns a value in [0, 1], or `null` when the corpus has no relevant passage.
 */
export function recallAtK(relevance: readonly boolean[], totalRelevant: number, k: number = DEFAULT_RECALL_K): number | null {
  assertK(k);
  if (totalRelevant <= 0) return null;
  return Math.min(1, relevance.slice(0, k).filter(Boolean).length / totalRelevant);
}

/** One region's group of the grouped view, already judged. */
export interface JudgedRegionGroup {
  regionId: string;
  /** Relevance of the group's results, in rank order. */
  relevance: readonly boolean[];
}

/**
 * Share of `expectedRegions` that the grouped view covers with a relevant passage in the region's first
 * `topPerRegion` results. Regions listed in `missingRegions` count as not covered even if a group exists.
 * @returns a value in [0, 1], or `null` when no region is expected (`none` queries).
 */
export function regionCoverage(
  expectedRegions: readonly string[],
  groups: readonly JudgedRegionGroup[],
  missingRegions: readonly string[] = [],
  topPerRegion: number = DEFAULT_COVERAGE_TOP_PER_REGION,
): number | null {
  assertK(topPerRegion);
  const expected = [...new Set(expectedRegions)];
  if (expected.length === 0) return null;
  const missing = new Set(missingRegions);
  const covered = expected.filter((regionId) => {
    if (missing.has(regionId)) return false;
    const group = groups.find((candidate) => candidate.regionId === regionId);
    return group !== undefined && group.relevance.slice(0, topPerRegion).some(Boolean);
  });
  return covered.length / expected.length;
}

/**
 * Share of `expectedRegions` that the grouped view reports missing: the regions a query's coverage loses to the
 * found/missing decision rather than to the ranking inside a region's group.
 * @returns a value in [0, 1], or `null` when no region is expected (`none` queries).
 */
export function regionsReportedMissing(expectedRegions: readonly string[], missingRegions: readonly string[]): number | null {
  const expected = [...new Set(expectedRegions)];
  if (expected.length === 0) return null;
  const missing = new Set(missingRegions);
  return expected.filter((regionId) => missing.has(regionId)).length / expected.length;
}

/**
 * For queries no region answers: the share of the corpus's regions the grouped view marks as missing
 * (1 = the system said "nothing found" everywhere, 0 = it confidently returned something for every region).
 */
export function abstention(allRegions: readonly string[], missingRegions: readonly string[]): number {
  const regions = [...new Set(allRegions)];
  if (regions.length === 0) throw new RangeError('abstention needs at least one region');
  const missing = new Set(missingRegions);
  return regions.filter((regionId) => missing.has(regionId)).length / regions.length;
}

/** Scores of one query under one mode. `null` = not defined for this query. */
export interface QueryScores {
  precisionAt10: number | null;
  ndcgAt10: number | null;
  recallAt50: number | null;
  regionCoverage: number | null;
  /** Only for `none` queries. */
  abstention: number | null;
}

export type MetricName = keyof QueryScores;
export const METRIC_NAMES: readonly MetricName[] = ['precisionAt10', 'ndcgAt10', 'recallAt50', 'regionCoverage', 'abstention'];

/** Everything needed to score one query, already judged. */
export interface JudgedQueryRun {
  /** Relevance of the flat ranked list (at least 50 long for a meaningful recall@50). */
  relevance: readonly boolean[];
  /** Relevant passages in the corpus. */
  totalRelevant: number;
  /** Regions that address the topic (`query.regions`). */
  expectedRegions: readonly string[];
  /** Grouped view (omit when the mode was not run grouped). */
  groups?: readonly JudgedRegionGroup[];
  missingRegions?: readonly string[];
  /** Every region of the corpus (for abstention on `none` queries). */
  allRegions: readonly string[];
  /** Whether the query is one no region answers. */
  expectsNothing: boolean;
  coverageTopPerRegion?: number;
}

export function scoreQuery(run: JudgedQueryRun): QueryScores {
  if (run.expectsNothing) {
    return {
      precisionAt10: null,
      ndcgAt10: null,
      recallAt50: null,
      regionCoverage: null,
      abstention: run.groups ? abstention(run.allRegions, run.missingRegions ?? []) : null,
    };
  }
  return {
    precisionAt10: run.totalRelevant > 0 ? precisionAtK(run.relevance, 10) : null,
    ndcgAt10: ndcgAtK(run.relevance, run.totalRelevant, 10),
    recallAt50: recallAtK(run.relevance, run.totalRelevant, 50),
    regionCoverage: run.groups
      ? regionCoverage(run.expectedRegions, run.groups, run.missingRegions ?? [], run.coverageTopPerRegion)
      : null,
    abstention: null,
  };
}

/** Mean of each metric over the queries where it is defined, with how many queries it averaged. */
export type AggregateScores = Record<MetricName, { mean: number | null; count: number }>;

export function aggregateScores(scores: readonly QueryScores[]): AggregateScores {
  const result = {} as AggregateScores;
  for (const metric of METRIC_NAMES) {
    const values = scores.map((score) => score[metric]).filter((value): value is number => value !== null);
    result[metric] = {
      mean: values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null,
      count: values.length,
    };
  }
  return result;
}

/** Aggregates per group key (e.g. query kind or sector) plus `all`. */
export function aggregateBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  scoresOf: (item: T) => QueryScores,
): Map<string, AggregateScores> {
  const groups = new Map<string, QueryScores[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), scoresOf(item)]);
  }
  const result = new Map<string, AggregateScores>([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => [key, aggregateScores(list)]));
  result.set('all', aggregateScores(items.map(scoresOf)));
  return result;
}
