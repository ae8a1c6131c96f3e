/** Percentiles and summaries of latency samples (milliseconds). Nearest-rank percentiles: no interpolation. */

export interface LatencySummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array (`p` in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Two decimals are plenty for milliseconds and ratios. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** `a / b`, rounded; NaN-safe for the report. */
export function ratio(a: number, b: number): number {
  return b === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? Number.NaN : round(a / b);
}

/** Wall time of an async call, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Wall and CPU samples of repeated calls, per variant. */
export interface TimedSamples {
  wall: number[];
  /** CPU time of this process during the call (user + system, all threads): barely affected by other processes. */
  cpu: number[];
}

/**
 * Times `run(variant, item)` for every item and variant, `repetitions` times, interleaving the variants per item so
 * that a burst of outside load hits every variant alike (blocks of one variant after another would not compare).
 */
export async function timeInterleaved<V extends string, I>(
  variants: readonly V[],
  items: readonly I[],
  repetitions: number,
  run: (variant: V, item: I) => Promise<unknown>,
): Promise<Record<V, TimedSamples>> {
  const samples = Object.fromEntries(variants.map((v) => [v, { wall: [], cpu: [] }])) as unknown as Record<V, TimedSamples>;
  for (let r = 0; r < repetitions; r++) {
    for (const item of items) {
      for (const variant of variants) {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await run(variant, item);
        const wall = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        samples[variant].wall.push(wall);
        samples[variant].cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  return samples;
}
