import type { BuildMeasurement } from '../workers/build-index.js';
import type { BenchContext, IndexKind } from '../lib/context.js';

/**
 * Section `build`: the bundled corpus indexed with a cold embedding cache, then rebuilt unchanged with the cache
 * warm, for the offline embedder and for multilingual-e5-small (the production model, 4-bit, with the concept model beside it).
 * Each build runs in a fresh process.
 */

export interface BuildRows {
  cold: BuildMeasurement;
  warm: BuildMeasurement;
}

export interface BuildResults {
  offline: BuildRows;
  e5: BuildRows | { skipped: string };
}

export async function runBuildSection(ctx: BenchContext): Promise<BuildResults> {
  const offline = await coldAndWarm(ctx, 'offline');
  const skipped = ctx.e5Skipped;
  const e5 = skipped ? { skipped } : await coldAndWarm(ctx, 'e5');
  return { offline, e5 };
}

async function coldAndWarm(ctx: BenchContext, kind: IndexKind): Promise<BuildRows> {
  ctx.log(`build: ${kind}, cold cache`);
  const cold = await ctx.buildBundled(kind, `${kind}-index`, `${kind}-cache`);
  ctx.log(`  ${cold.build.passages} passages in ${(cold.build.wallMs / 1000).toFixed(1)} s (cpu ${(cold.build.cpuMs / 1000).toFixed(1)} s)`);
  ctx.log(`build: ${kind}, warm cache (unchanged corpus)`);
  const warm = await ctx.buildBundled(kind, `${kind}-index`, `${kind}-cache`);
  ctx.log(`  ${warm.build.reused} embeddings reused, ${(warm.build.wallMs / 1000).toFixed(1)} s`);
  ctx.remember(kind, warm);
  return { cold: cold.build, warm: warm.build };
}
