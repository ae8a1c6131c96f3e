/**
 * Experiment only (bench/cluster/compare.ts): runs `dist/server/cli.js` in N cluster workers sharing one listening
 * socket (node:cluster hands connections to workers round-robin). Rate limits are per worker here, so the
 * comparison lifts them. `node bench/cluster/primary.mjs <workers> -- <server flags>`.
 */
import cluster from 'node:cluster';
import process from 'node:process';

const workers = Number(process.argv[2] ?? 2);
const args = process.argv.slice(process.argv.indexOf('--') + 1);
cluster.setupPrimary({ exec: 'dist/server/cli.js', args });
for (let i = 0; i < workers; i++) cluster.fork();
process.on('SIGTERM', () => {
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
});
cluster.on('exit', () => {
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
});
