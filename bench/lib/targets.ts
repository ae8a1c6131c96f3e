import { QUERY_LANG_NAMES, QUERY_LANGS } from '../../tests/eval/schema.js';
import { MODES } from './engine.js';
import type { BenchResults, TargetCheck } from './results.js';

/** The targets of issues 5, 6, 10 and 12, checked against whatever sections ran (null = not measured in this run). */

export const TARGETS = {
  searchP95Ms: 50,
  offlineBuildS: 60,
  /** Issue 10: the bundled corpus indexed with multilingual-e5-small, cold embedding cache. */
  e5BuildS: 60,
  /** Issue 10: one query through multilingual-e5-small, as the server runs it (one ONNX Runtime thread). */
  queryEmbeddingP50Ms: 8,
  /** Issue 10: search p95 over HTTP with multilingual-e5-small, every mode, a question never seen before included. */
  e5HttpSearchP95Ms: 30,
  scaleLatencyRatio: 2,
  hybridOverPeer: 0.1,
  /** Issue 12: ours ÷ the peer's req/s over HTTP, same run, same queries and clients. */
  keywordThroughputOverPeer: 0.5,
  hybridThroughputOverPeer: 0.25,
  /** Issue 12: p99 of our searches at this many connections. */
  p99Connections: 32,
  p99Ms: 150,
  /** Issue 12: server RSS with the e5 index of the bundled corpus. */
  serverRssMiB: 700 * 1e6 / 2 ** 20,
} as const;

export function checkTargets(results: BenchResults['results']): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const latency = results.latency?.ok ? results.latency.data : undefined;
  for (const kind of ['offline', 'e5'] as const) {
    const l = latency?.[kind];
    if (!l || 'skipped' in l) continue;
    for (const path of ['inProcess', 'http'] as const) {
      const worst = Math.max(...MODES.map((m) => l[path][m].p95));
      checks.push({
        target: `search p95 ≤ ${TARGETS.searchP95Ms} ms warm, every mode (${kind === 'offline' ? 'offline index' : 'multilingual-e5-small index'}, ${path === 'http' ? 'HTTP' : 'in-process'})`,
        measured: MODES.map((m) => `${m} ${l[path][m].p95} ms`).join(', ') + (path === 'inProcess' ? ` (CPU p95: ${MODES.map((m) => `${l.inProcessCpu[m].p95} ms`).join(' / ')})` : ''),
        pass: worst <= TARGETS.searchP95Ms,
      });
    }
  }
  const build = results.build?.ok ? results.build.data : undefined;
  if (build) {
    checks.push({
      target: `bundled corpus build ≤ ${TARGETS.offlineBuildS} s, offline embedder (cold cache)`,
      measured: `${(build.offline.cold.wallMs / 1000).toFixed(1)} s wall (${(build.offline.cold.cpuMs / 1000).toFixed(1)} s CPU)`,
      pass: build.offline.cold.wallMs <= TARGETS.offlineBuildS * 1000,
    });
    if (!('skipped' in build.e5)) {
      const cold = build.e5.cold;
      checks.push({
        target: `bundled corpus build ≤ ${TARGETS.e5BuildS} s, multilingual-e5-small (cold cache)`,
        measured: `${(cold.wallMs / 1000).toFixed(1)} s wall (${(cold.cpuMs / 1000).toFixed(1)} s CPU)`,
        pass: cold.wallMs <= TARGETS.e5BuildS * 1000,
      });
    }
  }
  const e5Latency = latency?.e5;
  if (e5Latency && !('skipped' in e5Latency)) {
    const embedding = e5Latency.queryEmbedding;
    checks.push({
      target: `query embedding p50 ≤ ${TARGETS.queryEmbeddingP50Ms} ms, multilingual-e5-small (in-process, one ONNX Runtime thread)`,
      measured: `p50 ${embedding.p50} ms, p95 ${embedding.p95} ms over ${embedding.n} queries`,
      pass: embedding.p50 <= TARGETS.queryEmbeddingP50Ms,
    });
    // Results written before 2026-12-07 have no never-seen measurement: no check then.
    const fresh = e5Latency.httpNeverSeen;
    if (fresh) {
      const worst = Math.max(...MODES.map((m) => e5Latency.http[m].p95), ...QUERY_LANGS.flatMap((lang) => MODES.map((m) => fresh[lang][m].p95)));
      checks.push({
        target: `search p95 over HTTP ≤ ${TARGETS.e5HttpSearchP95Ms} ms every mode, multilingual-e5-small: warm, and for a question never seen before (every cache off; Russian and English)`,
        measured:
          `warm ${MODES.map((m) => `${m} ${e5Latency.http[m].p95} ms`).join(', ')}; never seen: ` +
          QUERY_LANGS.map((lang) => `${QUERY_LANG_NAMES[lang]} ${MODES.map((m) => `${m} ${fresh[lang][m].p95} ms`).join(', ')}`).join('; '),
        pass: worst <= TARGETS.e5HttpSearchP95Ms,
      });
    }
  }
  const scale = results.scale?.ok ? results.scale.data : undefined;
  if (scale) {
    const g = scale.growth;
    const worst = Math.max(...MODES.flatMap((m) => [g.latencyP50[m], g.latencyP95[m]]));
    checks.push({
      target: `query latency at ${g.to} documents ≤ ${TARGETS.scaleLatencyRatio}× that at ${g.from} (p50 and p95, every mode)`,
      measured: `wall: ${MODES.map((m) => `${m} p50 ×${g.latencyP50[m]}, p95 ×${g.latencyP95[m]}`).join('; ')} (CPU: ${MODES.map((m) => `${m} p50 ×${g.cpuP50[m]}, p95 ×${g.cpuP95[m]}`).join('; ')})`,
      pass: g.to >= 100 ? worst <= TARGETS.scaleLatencyRatio : null,
    });
  }
  const load = results.load?.ok ? results.load.data : undefined;
  if (load) {
    checks.push({
      target: 'load test (32 connections, search/ask/similar): zero errors',
      measured: `${load.totalErrors} errors in ${load.runs.reduce((s, r) => s + r.requests, 0)} requests; p99 ${load.runs.map((r) => r.latency.p99).join(' / ')} ms`,
      pass: load.totalErrors === 0,
    });
    checks.push({
      target: 'load test: memory stable across three runs (RSS after run 3 ≤ 1.10 × after run 1)',
      measured: `RSS after runs ${load.runs.map((r) => r.rssAfterMiB).join(' / ')} MiB (${(load.memoryGrowth * 100).toFixed(1)} %)`,
      pass: load.memoryStable,
    });
  }
  const peer = results.peer?.ok ? results.peer.data : undefined;
  if (peer) {
    const diff = peer.ours.hybrid.precisionAt10 - peer.minisearch.precisionAt10;
    checks.push({
      target: `hybrid precision@10 ≥ peer + ${TARGETS.hybridOverPeer} (issue 5 quality target; judged by tests/eval/judge.ts)`,
      measured: `${peer.ours.hybrid.precisionAt10} vs MiniSearch ${peer.minisearch.precisionAt10} (${diff >= 0 ? '+' : ''}${diff.toFixed(3)})`,
      pass: diff >= TARGETS.hybridOverPeer - 1e-9,
    });
  }
  const tp = results.throughput?.ok ? results.throughput.data : undefined;
  if (tp) {
    const e5 = tp.note === undefined;
    const withE5 = e5 ? 'e5 index' : 'offline index: the e5 model is missing';
    for (const [mode, target] of [['keyword', TARGETS.keywordThroughputOverPeer], ['hybrid', TARGETS.hybridThroughputOverPeer]] as const) {
      const worst = Math.min(...tp.ratios.map((r) => r[mode]));
      checks.push({
        target: `${mode} throughput ≥ ${target} × the peer's req/s over HTTP (${withE5}; median of per-round ratios)`,
        measured: tp.ratios.map((r) => `×${r[mode]} at ${r.connections} connections`).join(', ') +
          ` as shipped (response cache on, the rotation repeats); every cache off, every query ranked afresh: ${tp.ratios.map((r) => `×${mode === 'keyword' ? r.keywordUncached : r.hybridUncached}`).join(', ')}`,
        pass: e5 || mode === 'keyword' ? worst >= target : null,
      });
    }
    const errors = tp.rows.reduce((s, row) => s + row.errors, 0);
    checks.push({ target: 'throughput: zero errors (ours and the peer)', measured: `${errors} errors / non-2xx`, pass: errors === 0 });
    // Judged on the server as shipped; the caches-off rows are reported beside it.
    const at = tp.rows.filter((row) => row.connections === TARGETS.p99Connections && (row.contender === 'ours-keyword' || row.contender === 'ours-hybrid'));
    const off = tp.rows.filter((row) => row.connections === TARGETS.p99Connections && row.contender.endsWith('-uncached'));
    checks.push({
      target: `p99 of our searches at ${TARGETS.p99Connections} connections ≤ ${TARGETS.p99Ms} ms (server as shipped)`,
      measured: at.map((row) => `${row.contender} ${row.latency.p99} ms`).join(', ') + `; caches off: ${off.map((row) => `${row.contender} ${row.latency.p99} ms`).join(', ')}`,
      pass: at.length > 0 ? at.every((row) => row.latency.p99 <= TARGETS.p99Ms) : null,
    });
    checks.push({
      target: `server RSS ≤ ${Math.round(TARGETS.serverRssMiB)} MiB (700 MB) with e5, bundled corpus`,
      measured: `peak ${tp.memory.ours.peakRssMiB} MiB (VmHWM), ${tp.memory.ours.sampledPeakRssMiB} MiB sampled under load (${withE5})`,
      pass: e5 ? tp.memory.ours.peakRssMiB <= TARGETS.serverRssMiB : null,
    });
  }
  return checks;
}
