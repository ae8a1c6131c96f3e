import { QUERY_LANG_NAMES, QUERY_LANGS } from '../../tests/eval/schema.js';
import type { ScaleResults } from '../sections/scale.js';
import { MODES } from './engine.js';
import type { BenchResults, SectionOutcome } from './results.js';
import type { LatencySummary } from './stats.js';
import { TARGETS } from './targets.js';

/** Renders `bench/RESULTS.md` from the results object (the JSON is the source of truth; this is its reading copy). */

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const lat = (l: LatencySummary) => `${l.p50} / ${l.p95}`;
const passMark = (pass: boolean | null) => (pass === null ? 'not measured' : pass ? '**pass**' : '**FAIL**');

function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function failed(outcome: SectionOutcome<unknown> | undefined): string | undefined {
  if (!outcome) return '_Not run in this run (see `--only`)._';
  if (!outcome.ok) return `_Section failed: ${outcome.error}_`;
  return undefined;
}

/**
 * What the measured latency growth says about the scale target (p50 and p95 at the largest size ≤ 2× the smallest),
 * read from the ratios themselves: which modes and percentiles miss it, and whether CPU time per query grew as much
 * (the work grew) or not (the process waited: other load on the machine). Undefined when the largest size is under
 * 100 documents (the target's size).
 */
function scaleLatencyNote(g: ScaleResults['growth']): string | undefined {
  if (g.to < 100) return undefined;
  const target = TARGETS.scaleLatencyRatio;
  const ratios = MODES.flatMap((mo) => [
    { mode: mo, percentile: 'p50', wall: g.latencyP50[mo], cpu: g.cpuP50[mo] },
    { mode: mo, percentile: 'p95', wall: g.latencyP95[mo], cpu: g.cpuP95[mo] },
  ]);
  const over = ratios.filter((x) => x.wall > target);
  if (over.length === 0) {
    const worst = ratios.reduce((a, b) => (b.wall > a.wall ? b : a));
    return `Latency target (${g.to} documents ≤ ${target}× ${g.from}): met in every mode; the largest growth is ${worst.mode} ${worst.percentile} ×${worst.wall} wall (×${worst.cpu} CPU).`;
  }
  const listed = over.map((x) => `${x.mode} ${x.percentile} ×${x.wall} wall (×${x.cpu} CPU)`).join(', ');
  const cause = over.every((x) => x.cpu <= target)
    ? 'CPU time per query stayed within the target, so the excess is most likely time the process waited rather than work it did (other load during one of the runs; load average in the table at the top): rerun on a quiet machine before reading it as a regression.'
    : 'CPU time per query grew past the target too, so the work per query grows with the corpus: profile the slowest queries at the largest size.';
  return `**Latency target (${g.to} documents ≤ ${target}× ${g.from}) missed:** ${listed}. ${cause}`;
}

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push('# Benchmark results');
  out.push('');
  out.push(`Produced by \`${r.command}\` (bench/run.ts) — ${r.quick ? '**quick run (shortened phases)**' : 'full run'}, ${r.totalSeconds.toFixed(0)} s in all.`);
  out.push('');
  out.push(table(['', ''], [
    ['Date', `${r.startedAt} → ${r.finishedAt}`],
    ['Commit', r.gitCommit ?? 'unknown'],
    ['CPU', `${m.cpuModel}, ${m.cores} cores`],
    ['RAM', `${m.ramGiB} GiB`],
    ['Node', m.node],
    ['OS', m.platform],
    ['Load average (1 min) at start / end', `${m.loadAvgStart} / ${m.loadAvgEnd ?? '?'}`],
    ['Evaluation queries', String(r.evalQueries)],
  ]));
  out.push('');
  if (m.loadAvgStart > m.cores) {
    out.push(`> **Caveat:** other work was running on the machine (load average ${m.loadAvgStart} at the start on ${m.cores} cores). Wall`);
    out.push('> times include waiting for the CPU; CPU times (given where measured) are the steadier number.');
    out.push('');
  }

  out.push('## Targets');
  out.push('');
  out.push(table(['Target', 'Measured', 'Result'], r.targets.map((t) => [t.target, t.measured, passMark(t.pass)])));
  out.push('');

  // Build
  out.push('## 1. Index build (bundled corpus)');
  out.push('');
  const build = r.results.build;
  const buildNote = failed(build);
  if (buildNote) out.push(buildNote);
  else if (build?.ok) {
    const rows: (string | number)[][] = [];
    const add = (label: string, b: typeof build.data.offline.cold) =>
      rows.push([label, b.passages, b.embedded, s(b.wallMs), s(b.cpuMs), s(b.readMs), s(b.prepareMs), s(b.embedMs), s(b.writeMs), b.passagesPerSecond ?? '— (all cached)', `${b.maxRssMiB} MiB`, mib(b.indexBytes)]);
    add('offline, cold cache', build.data.offline.cold);
    add('offline, warm cache (unchanged corpus)', build.data.offline.warm);
    if ('skipped' in build.data.e5) rows.push(['multilingual-e5-small', build.data.e5.skipped, '', '', '', '', '', '', '', '', '', '']);
    else {
      add('multilingual-e5-small, cold cache', build.data.e5.cold);
      add('multilingual-e5-small, warm cache', build.data.e5.warm);
    }
    out.push(table(['Embedder / cache', 'Passages', 'Embedded', 'Wall', 'CPU', 'Read+chunk', 'Prepare¹', 'Embed', 'Write²', 'Passages/s (embed)', 'Peak RSS', 'Index size'], rows));
    out.push('');
    out.push('¹ Lexicon + fitting the offline embedder, or loading the ONNX model. ² Keyword index, HNSW graph, files, atomic swap.');
    out.push('Each build runs in a fresh process (`bench/workers/build-index.ts`); the warm build reuses the cold build\'s embedding cache.');
  }
  out.push('');

  // Latency
  out.push('## 2. Query latency (warm, one query at a time)');
  out.push('');
  const latency = r.results.latency;
  const latencyNote = failed(latency);
  if (latencyNote) out.push(latencyNote);
  else if (latency?.ok) {
    const rows: (string | number)[][] = [];
    for (const [kind, label] of [['offline', 'offline'], ['e5', 'multilingual-e5-small']] as const) {
      const l = latency.data[kind];
      if (!l) continue;
      if ('skipped' in l) {
        rows.push([label, l.skipped, '', '', '']);
        continue;
      }
      for (const mode of MODES) rows.push([label, mode, lat(l.inProcess[mode]), lat(l.inProcessCpu[mode]), lat(l.http[mode]), mode === 'keyword' ? '—' : lat(l.queryEmbedding)]);
      rows.push([label, 'ask (POST /api/ask)', '—', '—', lat(l.httpOther.ask), lat(l.queryEmbedding)]);
      rows.push([label, 'similar (GET …/similar)', '—', '—', lat(l.httpOther.similar), '—']);
    }
    out.push(table(['Index', 'Mode', 'In-process wall p50 / p95 ms', 'In-process CPU p50 / p95 ms', 'HTTP wall p50 / p95 ms', 'of which query embedding p50 / p95 ms'], rows));
    out.push('');
    const freshRows: (string | number)[][] = [];
    for (const [kind, label] of [['offline', 'offline'], ['e5', 'multilingual-e5-small']] as const) {
      const l = latency.data[kind];
      const fresh = l && !('skipped' in l) ? l.httpNeverSeen : undefined;
      if (fresh) for (const lang of QUERY_LANGS) freshRows.push([label, QUERY_LANG_NAMES[lang], ...MODES.map((mo) => lat(fresh[lang][mo]))]);
    }
    if (freshRows.length > 0) {
      out.push('A question never seen before (a server with every cache off: each request analyses and embeds its question; with e5, an English one is also translated):');
      out.push('');
      out.push(table(['Index', 'Questions', ...MODES.map((mo) => `HTTP ${mo} p50 / p95 ms`)], freshRows));
      out.push('');
    }
    const any = latency.data.offline && !('skipped' in latency.data.offline) ? latency.data.offline : undefined;
    if (any) {
      out.push(`${any.queries} evaluation queries × ${any.repetitions.inProcess} repetitions in-process (the server's \`search()\` on a \`SearchIndex\`), × ${any.repetitions.http} over HTTP`);
      out.push('(one keep-alive client, `GET /api/search?q=&mode=&k=10`), after one warm-up pass; modes interleaved per query so outside load hits all modes alike. CPU = the benchmark process’s user + system time during the call. Ask: every evaluation question once; similar: 100 passages spread over the corpus.');
      out.push('Semantic mode also runs the keyword query (it decides relevance in every mode), so it costs keyword + embedding + HNSW.');
      out.push(`HTTP servers: the compiled server as \`npm start\` runs it, e.g. \`${any.server}\` (the e5 index adds \`--models-dir\`).`);
    }
  }
  out.push('');

  // Peer
  out.push('## 3. Against a peer: MiniSearch with Russian stemming');
  out.push('');
  const peer = r.results.peer;
  const peerNote = failed(peer);
  if (peerNote) out.push(peerNote);
  else if (peer?.ok) {
    const p = peer.data;
    out.push(`Peer: ${p.peer}. Same ${p.passages} passages (the offline index), same ${p.judgedQueries} judged queries (kind \`none\` excluded), both in this process. Judge: ${p.judge}.`);
    out.push('');
    const kinds = [...new Set([...Object.keys(p.minisearch.byKind), ...MODES.flatMap((mo) => Object.keys(p.ours[mo].byKind))])];
    const row = (label: string, q: typeof p.minisearch) => [label, q.precisionAt10.toFixed(3), ...kinds.map((k) => (q.byKind[k as keyof typeof q.byKind] ?? NaN).toFixed(3)), lat(q.latency), lat(q.cpu)];
    out.push(table(['Engine', 'P@10', ...kinds.map((k) => `P@10 ${k}`), 'Wall p50 / p95 ms', 'CPU p50 / p95 ms'], [...MODES.map((mo) => row(`ours, ${mo}`, p.ours[mo])), row('MiniSearch', p.minisearch)]));
    out.push('');
    out.push(table(['Ours ÷ MiniSearch', 'P@10 ratio (higher = ours better)', 'Latency p50 ratio', 'Latency p95 ratio (lower = ours faster)'], MODES.map((mo) => [mo, p.ratios[mo].precisionAt10, p.ratios[mo].latencyP50, p.ratios[mo].latencyP95])));
    out.push('');
    out.push(`MiniSearch index build over the same passages: ${p.peerIndexMs} ms. Our latency includes query understanding (region detection, abbreviations), highlights and citations; MiniSearch returns ids only.`);
  }
  out.push('');

  // Throughput
  out.push('## 4. Throughput over HTTP against a peer (issue 12)');
  out.push('');
  const tp = r.results.throughput;
  const tpNote = failed(tp);
  if (tpNote) out.push(tpNote);
  else if (tp?.ok) {
    const t = tp.data;
    if (t.note) out.push(`_${t.note}._`, '');
    const label = {
      'ours-keyword': 'ours, keyword',
      'ours-hybrid': 'ours, hybrid',
      'ours-keyword-uncached': 'ours, keyword, caches off',
      'ours-hybrid-uncached': 'ours, hybrid, caches off',
      peer: 'peer (MiniSearch)',
    } as const;
    out.push(table(['Connections', 'Server', 'req/s (median of rounds)', 'req/s per round', 'p50 ms', 'p99 ms', 'max ms', 'Errors / non-2xx'],
      t.rows.map((row) => [row.connections, label[row.contender], row.requestsPerSecond, row.runs.map((x) => x.requestsPerSecond).join(' / '), row.latency.p50, row.latency.p99, row.latency.max, row.errors])));
    out.push('');
    out.push(table(['Connections', 'keyword ÷ peer (per round)', 'hybrid ÷ peer (per round)', 'keyword, caches off ÷ peer', 'hybrid, caches off ÷ peer'],
      t.ratios.map((x) => [
        x.connections,
        `**×${x.keyword}** (${x.keywordPerRound.join(' / ')})`,
        `**×${x.hybrid}** (${x.hybridPerRound.join(' / ')})`,
        `×${x.keywordUncached} (${x.keywordUncachedPerRound.join(' / ')})`,
        `×${x.hybridUncached} (${x.hybridUncachedPerRound.join(' / ')})`,
      ])));
    out.push('');
    const mem = (m: typeof t.memory.ours) => `${m.rssAfterWarmUpMiB} MiB after warm-up, ${m.rssAfterMiB} MiB after the phases, sampled peak ${m.sampledPeakRssMiB} MiB, VmHWM ${m.peakRssMiB} MiB`;
    out.push(`Ours (index embedder \`${t.embedderId}\`): \`${t.ours}\`; with every cache off: \`${t.oursUncached}\` (the rotation repeats its queries, which the server as shipped answers from its response cache after the warm-up, \`X-Cache: hit\`; this one ranks, embeds and analyses every query afresh, as a stream of queries never seen before would cost). Peer: \`${t.peer}\`. ${t.queries} evaluation queries in a fixed cycle, \`k=10\`, closed-loop autocannon clients in the benchmark process (client and servers share the machine's cores); ${t.rounds} round(s) of ${t.phaseSeconds} s phases per server and connection count, interleaved, each round in a rotated order; warm-up: every query once per server (${(t.warmUpMs / 1000).toFixed(1)} s). Ratios are taken within a round, so load from outside the run cancels out of them.`);
    out.push('');
    out.push(`Memory (${t.memory.source}): ours ${mem(t.memory.ours)}; peer ${mem(t.memory.peer)}.`);
  }
  out.push('');

  // Load
  out.push('## 5. Load test (issue 6): 32 connections, search + ask + similar');
  out.push('');
  const load = r.results.load;
  const loadNote = failed(load);
  if (loadNote) out.push(loadNote);
  else if (load?.ok) {
    const l = load.data;
    out.push(table(['Run', 'Duration', 'Requests', 'Requests/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'Errors', 'Timeouts', 'Non-2xx', 'RSS after run', 'Sampled peak RSS'],
      l.runs.map((run, i) => [i + 1, `${run.durationS} s`, run.requests, run.requestsPerSecond, run.latency.p50, run.latency.p95, run.latency.p99, run.latency.max, run.errors, run.timeouts, run.non2xx, `${run.rssAfterMiB} MiB`, `${run.sampledPeakRssMiB} MiB`])));
    out.push('');
    out.push(`Mix: ${l.mix}. One server process for all three runs (\`${l.server}\`); warm-up: one sequential pass over a full rotation of the mix (${(l.warmUpMs / 1000).toFixed(1)} s); RSS after warm-up, before run 1: ${l.rssBeforeMiB} MiB, peak (VmHWM) ${l.peakRssMiB} MiB.`);
    out.push(`Memory growth run 1 → run 3: ${(l.memoryGrowth * 100).toFixed(1)} % (${l.memoryStable ? 'stable' : 'GROWING'}). Errors in all runs: ${l.totalErrors}. Result: ${l.pass ? '**pass**' : '**FAIL**'}.`);
  }
  out.push('');

  // Scale
  out.push('## 6. Scale: synthetic corpus of up to 100 regional documents');
  out.push('');
  const scale = r.results.scale;
  const scaleNote = failed(scale);
  if (scaleNote) out.push(scaleNote);
  else if (scale?.ok) {
    const sc = scale.data;
    out.push(table(['Documents', 'Text', 'Passages', 'Build wall', 'Build CPU', 'Build peak RSS', 'Index on disk', 'Loaded index RSS', ...MODES.map((mo) => `${mo} wall p50 / p95 ms`)],
      sc.points.map((p) => [p.documents, mib(p.corpusBytes), p.build.passages, s(p.build.wallMs), s(p.build.cpuMs), `${p.build.maxRssMiB} MiB`, mib(p.build.indexBytes), `${p.query.rssAfterLoadMiB} MiB`, ...MODES.map((mo) => lat(p.query.latency[mo]))])));
    out.push('');
    out.push(table(['Documents', ...MODES.map((mo) => `${mo} CPU p50 / p95 ms`)], sc.points.map((p) => [p.documents, ...MODES.map((mo) => lat(p.query.cpu[mo]))])));
    out.push('');
    const g = sc.growth;
    out.push(`Growth ${g.from} → ${g.to} documents: passages ×${g.passages}, build wall ×${g.buildWall}, build CPU ×${g.buildCpu}, index size ×${g.indexBytes}, build memory ×${g.buildMemory}, loaded-index memory ×${g.loadedMemory};`);
    out.push(`query latency (wall) ${MODES.map((mo) => `${mo} p50 ×${g.latencyP50[mo]} / p95 ×${g.latencyP95[mo]}`).join(', ')};`);
    out.push(`query CPU ${MODES.map((mo) => `${mo} p50 ×${g.cpuP50[mo]} / p95 ×${g.cpuP95[mo]}`).join(', ')}.`);
    out.push('');
    const note = scaleLatencyNote(g);
    if (note) {
      out.push(note);
      out.push('');
    }
    out.push('Corpus: documents 1–5 are the bundled ones; each further document copies bundled document (i mod 5) with the region name replaced throughout (`bench/lib/synthetic-corpus.ts`), so texts are near-duplicates and posting lists grow linearly — a worst case for keyword search. Each size is built (offline embedder, cold cache) and queried (evaluation queries, warm, in-process) in fresh processes.');
  }
  out.push('');
  out.push('## How to reproduce');
  out.push('');
  out.push('```');
  out.push('npm run bench                      # full run, writes bench/RESULTS.md and bench/results.json');
  out.push('npm run bench -- --quick           # short phases (CI-like); results go to a temp folder unless --out is given');
  out.push('npm run bench -- --only latency,peer');
  out.push('npm run bench -- --only throughput  # ours vs the peer over HTTP (≈ 3 min; builds the e5 index from data/cache)');
  out.push('```');
  out.push('');
  return out.join('\n');
}
