import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full GC kept before it collects again, in percent.
 * V8's own policy (0 here) scales the step with how fast it collects: on a fast machine serving 32 connections it let
 * the e5 server's heap swell to 757 MiB RSS (VmHWM) before a full GC, while the live set stays near 400 MiB. Measured
 * (2026-12-06, 2-core AMD EPYC, e5 index, 32 clients of hybrid/keyword searches; 60 s with the caches, 40 s without):
 * V8's policy VmHWM 761 / 695 MiB at 227k / 8.5k requests; **20 → 459 / 469 MiB at 224k / 7.5k requests**; 50 → 492 /
 * 498 MiB; `--optimize-for-size` 405 MiB but 20 % fewer requests; a hard `--max-old-space-size` caps memory too but
 * turns a larger corpus into an out-of-memory crash. The heap still grows as far as the live set needs.
 */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Applies the growing step to this process's V8 heap (0 leaves V8's own policy); the server's CLI calls it at start,
 * so it holds for `npm start`, not for an app embedded elsewhere (`buildApp`) nor for the first build's child
 * process. A `--heap-growing-percent` given to node itself wins.
 */
export function setHeapGrowingPercent(percent: number, execArgv: readonly string[] = process.execArgv): void {
  if (percent > 0 && !execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
