/**
 * Experiment: does a second process use the second core? Serves one index with 1 and with 2 cluster workers
 * (`bench/cluster/primary.mjs`, compiled server from `npm run build`) and drives each with the bench's closed-loop
 * load (16 connections, keyword and hybrid search over the evaluation queries). Prints req/s, p50, p99, errors, RSS.
 * `node --import tsx bench/cluster/compare.ts --index-dir <dir> [--seconds 15] [--connections 16] [--workers 1,2]`
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runLoad } from '../lib/load.js';
import { loadEvalSet } from '../../tests/eval/judge.js';

const { values } = parseArgs({ options: { 'index-dir': { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, workers: { type: 'string' } }, strict: true });
const indexDir = values['index-dir'];
if (!indexDir) throw new Error('--index-dir is required');
const seconds = Number(values.seconds ?? 15);
const connections = Number(values.connections ?? 16);
const queries = loadEvalSet().queries.map((q) => q.query);

function rssOfTree(rootPid: number): number {
  // The primary and its workers: children listed in /proc/<pid>/task/<pid>/children.
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      /* gone */
    }
  }
  return pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}

async function serve(workers: number, port: number): Promise<{ stop: () => Promise<void>; pid: number }> {
  const child = spawn(process.execPath, ['bench/cluster/primary.mjs', String(workers), '--', '--index-dir', indexDir!, '--port', String(port), '--watch-index', 'false', '--rate-limit-max', '100000000', '--log-level', 'warn'], { stdio: 'inherit' });
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every worker ready: each answers /health once it listens; give the slower one a moment by asking a few times.
  for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/health`);
  const exited = new Promise((r) => child.once('exit', r));
  return { pid: child.pid!, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

const rows: string[] = ['| workers | mode | req/s | p50 ms | p99 ms | errors | RSS MiB (all processes) |', '|---|---|---|---|---|---|---|'];
for (const workers of (values.workers ?? '1,2').split(',').map(Number)) {
  const port = 3990 + workers;
  const server = await serve(workers, port);
  for (const mode of ['keyword', 'hybrid']) {
    let i = 0;
    const next = () => ({ method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(queries[i++ % queries.length]!)}&mode=${mode}&k=10` });
    await runLoad({ url: `http://127.0.0.1:${port}`, connections, durationS: 3, next }); // warm-up
    const r = await runLoad({ url: `http://127.0.0.1:${port}`, connections, durationS: seconds, next });
    rows.push(`| ${workers} | ${mode} | ${r.requestsPerSecond} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.non2xx} | ${Math.round(rssOfTree(server.pid) / 1048576)} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  await server.stop();
}
process.stdout.write(`${rows.join('\n')}\n`);
