import { describe, expect, it } from 'vitest';
import {
  abstention,
  aggregateBy,
  aggregateScores,
  dcgAtK,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  regionCoverage,
  regionsReportedMissing,
  scoreQuery,
} from './metrics.js';

const T = true;
const F = false;

describe('precisionAtK', () => {
  it('counts relevant hits among the first k over k', () => {
    expect(precisionAtK([T, F, T, F, F, F, F, F, F, T], 10)).toBeCloseTo(0.3);
    expect(precisionAtK([T, T, F], 2)).toBe(1);
  });
  it('ignores hits below rank k', () => {
    expect(precisionAtK([F, F, T, T], 2)).toBe(0);
  });
  it('does not reward a short list: missing ranks count as non-relevant', () => {
    expect(precisionAtK([T, T, T], 10)).toBeCloseTo(0.3);
    expect(precisionAtK([], 10)).toBe(0);
  });
  it('rejects k that is not a positive integer', () => {
    expect(() => precisionAtK([T], 0)).toThrow(RangeError);
    expect(() => precisionAtK([T], 2.5)).toThrow(/positive integer/);
  });
});

describe('dcgAtK / ndcgAtK (binary gains)', () => {
  it('discounts by log2(rank + 1)', () => {
    // ranks 1 and 3 relevant: 1/log2(2) + 1/log2(4) = 1 + 0.5
    expect(dcgAtK([T, F, T], 10)).toBeCloseTo(1.5);
  });
  it('is 1 for an ideal ranking', () => {
    expect(ndcgAtK([T, T, T, F, F], 3, 10)).toBeCloseTo(1);
  });
  it('uses min(k, corpus relevant) for the ideal ranking', () => {
    // 20 relevant in corpus, ideal = 10 ones; all 10 hits relevant → 1
    expect(ndcgAtK(Array.from({ length: 10 }, () => T), 20, 10)).toBeCloseTo(1);
    // 1 relevant in corpus found at rank 2: (1/log2(3)) / 1
    expect(ndcgAtK([F, T], 1, 10)).toBeCloseTo(1 / Math.log2(3));
  });
  it('penalises relevant passages the list missed', () => {
    // found 1 of 2 relevant passages, at rank 1: 1 / (1 + 1/log2(3))
    expect(ndcgAtK([T, F, F], 2, 10)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)));
  });
  it('only looks at the first k ranks', () => {
    expect(ndcgAtK([F, F, T], 1, 2)).toBe(0);
  });
  it('is undefined (null) when nothing in the corpus is relevant', () => {
    expect(ndcgAtK([F, F], 0, 10)).toBeNull();
  });
});

describe('recallAtK', () => {
  it('divides relevant hits in the first k by relevant passages in the corpus', () => {
    expect(recallAtK([T, F, T, F], 8, 50)).toBeCloseTo(0.25);
  });
  it('ignores hits below rank k', () => {
    expect(recallAtK([F, T, T], 2, 1)).toBe(0);
  });
  it('is null when nothing in the corpus is relevant', () => {
    expect(recallAtK([F], 0, 50)).toBeNull();
  });
  it('never exceeds 1 even if the caller undercounts the corpus', () => {
    expect(recallAtK([T, T, T], 2, 50)).toBe(1);
  });
});

describe('regionCoverage', () => {
  const groups = [
    { regionId: 'tver', relevance: [F, T] },
    { regionId: 'tyumen', relevance: [F, F, F, T] },
    { regionId: 'luhansk', relevance: [T] },
  ];
  it('counts expected regions with a relevant passage among the top results of their group', () => {
    // tver covered (rank 2), tyumen not (rank 4 > 3), khabarovsk has no group
    expect(regionCoverage(['tver', 'tyumen', 'khabarovsk'], groups, [], 3)).toBeCloseTo(1 / 3);
  });
  it('honours the per-region depth', () => {
    expect(regionCoverage(['tver', 'tyumen'], groups, [], 4)).toBe(1);
    expect(regionCoverage(['tver'], groups, [], 1)).toBe(0);
  });
  it('does not count a region the view reports as missing', () => {
    expect(regionCoverage(['luhansk'], groups, ['luhansk'])).toBe(0);
  });
  it('ignores regions that are not expected', () => {
    expect(regionCoverage(['luhansk'], groups)).toBe(1);
  });
  it('counts each expected region once', () => {
    expect(regionCoverage(['tver', 'tver', 'tyumen'], groups, [], 3)).toBeCloseTo(0.5);
  });
  it('is null when no region is expected', () => {
    expect(regionCoverage([], groups)).toBeNull();
  });
});

describe('regionsReportedMissing', () => {
  it('is the share of answering regions the grouped view reports missing, each region once', () => {
    expect(regionsReportedMissing(['tver', 'tyumen', 'tver', 'luhansk'], ['tyumen', 'khabarovsk'])).toBeCloseTo(1 / 3);
    expect(regionsReportedMissing(['tver'], [])).toBe(0);
    expect(regionsReportedMissing(['tver'], ['tver'])).toBe(1);
  });
  it('is undefined when no region answers', () => {
    expect(regionsReportedMissing([], ['tver'])).toBeNull();
  });
});

describe('abstention', () => {
  it('is the share of regions the grouped view marks as missing', () => {
    expect(abstention(['a', 'b', 'c', 'd'], ['a', 'c', 'x'])).toBeCloseTo(0.5);
    expect(abstention(['a', 'b'], ['a', 'b'])).toBe(1);
  });
  it('needs regions', () => {
    expect(() => abstention([], [])).toThrow(RangeError);
  });
});

describe('scoreQuery', () => {
  const base = { allRegions: ['tver', 'tyumen'], expectedRegions: ['tver'], expectsNothing: false };
  it('scores a normal query on the flat list and the grouped view', () => {
    const scores = scoreQuery({
      ...base,
      relevance: [T, F, F, F, F, F, F, F, F, F, T],
      totalRelevant: 4,
      groups: [{ regionId: 'tver', relevance: [T] }],
      missingRegions: ['tyumen'],
    });
    expect(scores.precisionAt10).toBeCloseTo(0.1);
    expect(scores.recallAt50).toBeCloseTo(0.5);
    expect(scores.ndcgAt10).toBeCloseTo(1 / (1 + 1 / Math.log2(3) + 0.5 + 1 / Math.log2(5)));
    expect(scores.regionCoverage).toBe(1);
    expect(scores.abstention).toBeNull();
  });
  it('leaves coverage undefined when the grouped view was not run', () => {
    expect(scoreQuery({ ...base, relevance: [T], totalRelevant: 1 }).regionCoverage).toBeNull();
  });
  it('scores a query nobody answers only by abstention', () => {
    const scores = scoreQuery({
      ...base,
      expectedRegions: [],
      expectsNothing: true,
      relevance: [F, F],
      totalRelevant: 0,
      groups: [{ regionId: 'tver', relevance: [F] }],
      missingRegions: ['tyumen'],
    });
    expect(scores).toEqual({ precisionAt10: null, ndcgAt10: null, recallAt50: null, regionCoverage: null, abstention: 0.5 });
  });
});

describe('aggregation', () => {
  const none = { precisionAt10: null, ndcgAt10: null, recallAt50: null, regionCoverage: null, abstention: 1 };
  const a = { precisionAt10: 0.5, ndcgAt10: 0.6, recallAt50: 0.2, regionCoverage: 1, abstention: null };
  const b = { precisionAt10: 0.1, ndcgAt10: 0.2, recallAt50: 0.4, regionCoverage: 0.5, abstention: null };
  it('averages each metric over the queries where it is defined', () => {
    const result = aggregateScores([a, b, none]);
    expect(result.precisionAt10).toEqual({ mean: expect.closeTo(0.3), count: 2 });
    expect(result.abstention).toEqual({ mean: 1, count: 1 });
  });
  it('reports null means for metrics no query defines', () => {
    expect(aggregateScores([none]).precisionAt10).toEqual({ mean: null, count: 0 });
  });
  it('groups by a key and adds "all"', () => {
    const items = [
      { kind: 'exact', scores: a },
      { kind: 'exact', scores: b },
      { kind: 'none', scores: none },
    ];
    const result = aggregateBy(items, (item) => item.kind, (item) => item.scores);
    expect([...result.keys()]).toEqual(['exact', 'none', 'all']);
    expect(result.get('exact')?.ndcgAt10.mean).toBeCloseTo(0.4);
    expect(result.get('all')?.precisionAt10.count).toBe(2);
    expect(result.get('all')?.abstention.count).toBe(1);
  });
});
