import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BenchContext } from './lib/context.js';
import { loadEvalSet } from '../tests/eval/judge.js';
import { loadAverage, machineInfo } from './lib/machine.js';
import { BENCH_DIR, REPO_ROOT } from './lib/paths.js';
import { renderReport } from './lib/report.js';
import { SECTION_NAMES, type BenchResults, type SectionName, type SectionOutcome } from './lib/results.js';
import { checkTargets } from './lib/targets.js';
import { runBuildSection } from './sections/build.js';
import { runLatencySection } from './sections/latency.js';
import { runLoadTestSection } from './sections/load-test.js';
import { runPeerSection } from './sections/peer.js';
import { runScaleSection } from './sections/scale.js';
import { runThroughputSection } from './sections/throughput.js';

/**
 * `npm run bench`: index build, query latency, peer comparison, throughput, load test and scale, measured in one
 * run on this machine; writes RESULTS.md (for people) and results.json (for tools).
 *
 * Exit codes: 0 all selected sections ran (targets are reported, not enforced, unless --strict); 1 a section failed
 * to run, or the load test had errors, or (--strict) a target was missed; 2 bad usage.
 */

const USAGE = `Usage: npm run bench -- [options]
  --quick             short phases for CI-like use: 5 s load runs, 1 repetition, scale at 5 and 10 documents
  --only <sections>   comma-separated subset of: ${SECTION_NAMES.join(', ')}   [default: all]
  --out <dir>         where RESULTS.md and results.json go
                      [default: bench/ for a full run; <tmp>/regstrat-bench-last/ for --quick or --only]
  --strict            exit 1 when a target is missed
  --keep-tmp          keep the scratch folder (indexes, synthetic corpora) and print its path
  --render <file>     measure nothing: re-render RESULTS.md (and the target checks) from an existing results.json
  --help`;

const flagsSchema = z.object({
  quick: z.boolean().default(false),
  only: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return [...SECTION_NAMES];
      const names = v.split(',').map((x) => x.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(SECTION_NAMES as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) {
        ctx.addIssue({ code: 'custom', message: `--only: unknown section(s) ${unknown.join(', ') || '(none given)'}; choose from ${SECTION_NAMES.join(', ')}` });
        return z.NEVER;
      }
      return SECTION_NAMES.filter((n) => names.includes(n));
    }),
  out: z.string().min(1).optional(),
  strict: z.boolean().default(false),
  'keep-tmp': z.boolean().default(false),
  render: z.string().min(1).optional(),
  help: z.boolean().default(false),
});

function parseFlags(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      'keep-tmp': { type: 'boolean' },
      render: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return flagsSchema.parse(values);
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim().length > 0;
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof z.ZodError ? err.issues.map((i) => i.message).join('; ') : (err as Error).message;
    process.stderr.write(`${message}\n\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.render) return rerender(flags.render);
  const partial = flags.quick || flags.only.length < SECTION_NAMES.length;
  const outDir = path.resolve(flags.out ?? (partial ? path.join(os.tmpdir(), 'regstrat-bench-last') : BENCH_DIR));

  const startedAt = new Date();
  const machine = machineInfo();
  const queries = loadEvalSet().queries;
  const tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'regstrat-bench-'));
  const ctx = new BenchContext(tmpRoot, flags.quick, log);
  log(`sections: ${flags.only.join(', ')}${flags.quick ? ' (quick)' : ''}; scratch ${tmpRoot}; load average ${machine.loadAvgStart}`);

  const results: BenchResults['results'] = {};
  const run = async <T>(name: SectionName, fn: () => Promise<T>): Promise<SectionOutcome<T> | undefined> => {
    if (!flags.only.includes(name)) return undefined;
    const t0 = performance.now();
    try {
      const data = await fn();
      return { ok: true, seconds: Math.round((performance.now() - t0) / 100) / 10, data };
    } catch (err) {
      log(`section ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, seconds: Math.round((performance.now() - t0) / 100) / 10, error: err instanceof Error ? err.message : String(err) };
    }
  };
  try {
    // Order: builds first (they make the indexes), the heavy load phases last but one, scale last (own indexes).
    results.build = await run('build', () => runBuildSection(ctx));
    results.latency = await run('latency', () => runLatencySection(ctx, queries));
    results.peer = await run('peer', () => runPeerSection(ctx, queries));
    results.throughput = await run('throughput', () => runThroughputSection(ctx, queries));
    results.load = await run('load', () => runLoadTestSection(ctx, queries));
    results.scale = await run('scale', () => runScaleSection(ctx, queries));
  } finally {
    if (flags['keep-tmp']) log(`scratch folder kept: ${tmpRoot}`);
    else await rm(tmpRoot, { recursive: true, force: true });
  }
  for (const key of Object.keys(results) as SectionName[]) if (results[key] === undefined) delete results[key];

  const finishedAt = new Date();
  machine.loadAvgEnd = loadAverage();
  const report: BenchResults = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    totalSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick: flags.quick,
    sections: flags.only,
    machine,
    gitCommit: gitCommit(),
    evalQueries: queries.length,
    results,
    targets: checkTargets(results),
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(outDir, 'RESULTS.md'), renderReport(report));
  log(`wrote ${path.join(outDir, 'RESULTS.md')} and results.json (${report.totalSeconds} s)`);
  for (const t of report.targets) log(`${t.pass === null ? '  ?  ' : t.pass ? ' pass' : ' FAIL'}  ${t.target}: ${t.measured}`);

  const sectionFailed = Object.values(results).some((o) => o && !o.ok);
  const loadErrors = results.load?.ok ? results.load.data.totalErrors > 0 : false;
  const targetMissed = report.targets.some((t) => t.pass === false);
  return sectionFailed || loadErrors || (flags.strict && targetMissed) ? 1 : 0;
}

/** Rewrites RESULTS.md beside `file` from its JSON (after a change of the report layout or of the target checks). */
async function rerender(file: string): Promise<number> {
  const report = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  if (report.version !== 1 || !report.results) {
    process.stderr.write(`${file} is not a results.json written by bench/run.ts\n`);
    return 2;
  }
  report.targets = checkTargets(report.results);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(path.dirname(file), 'RESULTS.md'), renderReport(report));
  log(`re-rendered ${path.join(path.dirname(file), 'RESULTS.md')} from ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
