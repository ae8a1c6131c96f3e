import { describe, expect, it } from 'vitest';
import { evaluateSearch, findUnmatchedRules, formatTable, precisionCeiling, type SearchFn, type SearchHit } from './evaluate.js';
import type { EvalSet } from './schema.js';

const passages: SearchHit[] = [
  { id: 't1', regionId: 'tver', text: 'Охват телемедицинской сетью 100 медицинских организаций' },
  { id: 't2', regionId: 'tver', text: 'Развитие общественного транспорта' },
  { id: 'y1', regionId: 'tyumen', text: 'Телемедицинские консультации пациентов' },
  { id: 'y2', regionId: 'tyumen', text: 'ГИС ЖКХ' },
  { id: 'l1', regionId: 'luhansk', text: 'Легковое такси' },
];

const set: EvalSet = {
  version: 1,
  description: 'test',
  queries: [
    {
      id: 'telemed',
      query: 'телемедицина',
      kind: 'topic',
      regions: ['tver', 'tyumen'],
      relevant: [
        { region: 'tver', patterns: ['телемедицин'] },
        { region: 'tyumen', patterns: ['телемедицин'] },
      ],
    },
    { id: 'space', query: 'космос', kind: 'none', regions: [], relevant: [], absentPatterns: ['космос'] },
  ],
};

/** A tiny real search: passages containing the query's first 8 letters, then the rest; grouped by region. */
const prefixSearch: SearchFn = async (query, { k, groupBy }) => {
  const stem = query.toLowerCase().slice(0, 8);
  const hits = passages.filter((p) => p.text.toLowerCase().includes(stem));
  const ranked = [...hits, ...passages.filter((p) => !hits.includes(p))].slice(0, k);
  if (groupBy !== 'region') return { results: ranked };
  const regions = [...new Set(passages.map((p) => p.regionId))];
  return {
    groups: regions.map((regionId) => ({ regionId, results: hits.filter((p) => p.regionId === regionId) })),
    missingRegions: regions.filter((regionId) => !hits.some((p) => p.regionId === regionId)).map((regionId) => ({ regionId })),
  };
};

describe('evaluateSearch', () => {
  it('scores every query under every mode from the search function’s own answers', async () => {
    const report = await evaluateSearch(prefixSearch, set, passages, { modes: ['keyword', 'hybrid'] });
    expect(report.evaluations).toHaveLength(4);
    const telemed = report.evaluations.find((e) => e.mode === 'keyword' && e.query.id === 'telemed');
    expect(telemed?.totalRelevant).toBe(2);
    expect(telemed?.scores.precisionAt10).toBeCloseTo(0.2);
    expect(telemed?.scores.ndcgAt10).toBeCloseTo(1);
    expect(telemed?.scores.recallAt50).toBe(1);
    expect(telemed?.scores.regionCoverage).toBe(1);
    expect(telemed?.answeringReportedMissing).toBe(0);
    const space = report.evaluations.find((e) => e.mode === 'keyword' && e.query.id === 'space');
    expect(space?.scores.abstention).toBe(1);
    expect(space?.answeringReportedMissing).toBeNull();
    expect(space?.scores.precisionAt10).toBeNull();
    expect(report.byKind.get('hybrid')?.get('all')?.precisionAt10).toEqual({ mean: expect.closeTo(0.2), count: 1 });
    expect(report.bySector.get('keyword')?.has('(none)')).toBe(true);
  });

  it('formats a table with one row per mode and group, and a dash where a metric is undefined', async () => {
    const report = await evaluateSearch(prefixSearch, set, passages, { modes: ['keyword'] });
    const table = formatTable(report.byKind);
    expect(table).toMatch(/^mode\s+kind\s+n\s+P@10\s+nDCG@10\s+R@50\s+coverage\s+abstain/);
    expect(table).toMatch(/keyword\s+none\s+1\s+—\s+—\s+—\s+—\s+1\.000/);
    expect(table).toMatch(/keyword\s+topic\s+1\s+0\.200\s+1\.000\s+1\.000\s+1\.000\s+—/);
  });
});

describe('findUnmatchedRules', () => {
  it('reports rules that no passage of their region matches', () => {
    expect(findUnmatchedRules(set, passages)).toEqual([]);
    expect(findUnmatchedRules(set, passages.filter((p) => p.id !== 'y1'))).toEqual([
      'query "telemed": no tyumen passage matches /телемедицин/',
    ]);
  });
});

describe('precisionCeiling', () => {
  it('caps each query precision@10 averages at its relevant passages over 10, and skips the others', async () => {
    // telemed: 2 relevant passages → at best 0.2; the `none` query has no precision@10 and does not count.
    const report = await evaluateSearch(prefixSearch, set, passages, { modes: ['hybrid'] });
    expect(precisionCeiling(report)).toBeCloseTo(0.2);
    expect(precisionCeiling(report, 'hybrid', 2)).toBe(1);
    expect(precisionCeiling(report, 'keyword')).toBeNull();
    // A query with no relevant passage in the index has no precision@10 (scoreQuery), so it does not lower the cap.
    const unmatched = { ...set.queries[0]!, id: 'nothing', relevant: [{ region: 'tver' as const, patterns: ['дирижабл'] }] };
    const withUnmatched = await evaluateSearch(prefixSearch, { ...set, queries: [...set.queries, unmatched] }, passages, { modes: ['hybrid'] });
    expect(precisionCeiling(withUnmatched)).toBeCloseTo(0.2);
  });
});
