import { describe, expect, it } from 'vitest';
import { fuseScores, type FusionInput, type FusionOptions } from '../../retrieval/methods/search-hybrid.js';

const convex = (alpha: number, adaptiveAlpha = false): FusionOptions => ({ fusion: 'convex', alpha, rrfK: 60, adaptiveAlpha });
const rrf = (rrfK: number): FusionOptions => ({ fusion: 'rrf', alpha: 0.5, rrfK, adaptiveAlpha: false });

/** Three passages: A best by keywords only, B by meaning only, C middling in both. */
const pool: FusionInput[] = [
  { label: 0, bm25: 8, similarity: 0.5, keywordCoverage: 1 },
  { label: 1, bm25: 0, similarity: 0.9, keywordCoverage: 0 },
  { label: 2, bm25: 4, similarity: 0.7, keywordCoverage: 0.5 },
];

describe('fusion of the keyword and semantic legs', () => {
  it('convex: alpha · bm25/max + (1 − alpha) · minmax(cosine)', () => {
    const [a, b, c] = fuseScores(pool, convex(0.5));
    expect(a).toBeCloseTo(0.5 * 1 + 0.5 * 0, 12);
    expect(b).toBeCloseTo(0.5 * 0 + 0.5 * 1, 12);
    expect(c).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.5, 12);
    // alpha = 1 is the keyword leg alone, alpha = 0 the semantic leg alone.
    expect(fuseScores(pool, convex(1))).toEqual([1, 0, 0.5]);
    const semantic = fuseScores(pool, convex(0));
    expect(semantic[0]).toBe(0);
    expect(semantic[1]).toBe(1);
    expect(semantic[2]).toBeCloseTo(0.5, 12);
  });

  it('adaptive alpha scales the keyword weight by the best keyword coverage in the pool', () => {
    // Best coverage 1: alpha applies in full.
    expect(fuseScores(pool, convex(0.5, true))).toEqual(fuseScores(pool, convex(0.5)));
    // A paraphrase (no passage covers more than a fifth of the question): the semantic leg decides.
    const paraphrase = pool.map((c) => ({ ...c, keywordCoverage: Math.min(0.2, c.keywordCoverage ?? 0) }));
    const scores = fuseScores(paraphrase, convex(0.5, true));
    const alpha = 0.5 * 0.2;
    expect(scores[0]).toBeCloseTo(alpha * 1, 12);
    expect(scores[1]).toBeCloseTo(1 - alpha, 12);
    expect(scores[1]!).toBeGreaterThan(scores[0]!);
  });

  it('rrf: Σ 1/(k + rank) over the legs, 1 for a passage first in both, nothing from a leg that missed it', () => {
    const scores = fuseScores(pool, rrf(60));
    const best = 2 / 61;
    // A: keyword rank 1, semantic rank 3. B: semantic rank 1, no keyword match. C: rank 2 in both.
    expect(scores[0]).toBeCloseTo((1 / 61 + 1 / 63) / best, 12);
    expect(scores[1]).toBeCloseTo(1 / 61 / best, 12);
    expect(scores[2]).toBeCloseTo((1 / 62 + 1 / 62) / best, 12);
    expect(fuseScores([{ label: 5, bm25: 3, similarity: 0.8 }], rrf(60))).toEqual([1]);
  });

  it('keeps every score in 0..1 and handles empty and flat pools', () => {
    expect(fuseScores([], convex(0.5))).toEqual([]);
    // Every cosine equal: the semantic leg cannot tell them apart and gives each its full share.
    const flat = fuseScores([{ label: 0, bm25: 0, similarity: 0.3 }, { label: 1, bm25: 0, similarity: 0.3 }], convex(0.5));
    expect(flat).toEqual([0.5, 0.5]);
    for (const options of [convex(0.3), convex(0.7, true), rrf(10), rrf(60)]) {
      for (const s of fuseScores(pool, options)) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
});
