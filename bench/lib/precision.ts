/**
 * Share of the first `k` results that are relevant (missing results count as not relevant): precision@k as
 * `npm run eval` defines it. Kept here until `tests/eval/metrics.ts` lands; then bench/ uses that.
 */
export function precisionAtK(relevant: readonly boolean[], k = 10): number {
  return relevant.slice(0, k).filter(Boolean).length / k;
}
