import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../server/helpers.js';
import { buildTestIndex, listen, type RunningApp, type TestIndex } from './helpers.js';

/**
 * Short load test for CI (the 30 s version is in `npm run bench`): 32 connections mixing search, ask and similar
 * against the real server on loopback, three runs back to back. Zero errors and non-2xx; p99 printed; heap after
 * a forced GC does not keep growing from run to run.
 */

const DURATION_S = 8;
const CONNECTIONS = 32;

let built: TestIndex;
let server: RunningApp;
let requests: autocannon.Request[] = [];

/** A real full GC without starting node with --expose-gc. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

beforeAll(async () => {
  built = await buildTestIndex('load');
  server = await listen(built.index, { indexDir: built.indexDir, rateLimitMax: 1_000_000_000, watchIndex: false });
  const search = (q: string, extra = '') => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  const seed = (await (await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('цифровая трансформация')}&k=30`)).json()) as SearchResponse;
  const similar = (i: number) => ({ method: 'GET', path: `/api/passages/${encodeURIComponent(seed.results[i]!.id)}/similar?k=5` });
  const ask = (question: string) => ({ method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  requests = [
    search('телемедицина'),
    search('цифровые компетенции учителей', '&mode=keyword'),
    ask('Как регионы развивают телемедицину?'),
    search('общественный транспорт', '&mode=semantic'),
    similar(0),
    search('госуслуги в электронном виде', '&groupBy=region'),
    ask('Какие меры по цифровизации школ?'),
    search('умный город в Тюменской области'),
    similar(7),
    search('ЦОД и облачные платформы', '&k=20'),
    ask('Что делают для беспилотного транспорта?'),
    similar(15),
  ];
});

afterAll(async () => {
  await server?.app.close();
  await built?.cleanup();
});

describe('load', () => {
  it(`serves ${CONNECTIONS} connections mixing search, ask and similar with no errors and stable memory`, async () => {
    // Warm lazy caches first so run 1 is comparable to the later ones.
    for (const r of requests) {
      const res = await fetch(server.baseUrl + r.path, { method: r.method, ...(r.headers ? { headers: r.headers } : {}), ...(r.body ? { body: String(r.body) } : {}) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const heaps: number[] = [];
    for (let run = 1; run <= 3; run++) {
      const result = await autocannon({ url: server.baseUrl, connections: CONNECTIONS, duration: DURATION_S, timeout: 30, requests });
      const heap = heapAfterGc();
      heaps.push(heap);
      console.log(
        `load run ${run}: ${result.requests.total} requests in ${DURATION_S} s (${result.requests.average.toFixed(0)}/s), ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
          `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}; heap after GC ${(heap / 2 ** 20).toFixed(1)} MB, ` +
          `rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
      );
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result['2xx']).toBeGreaterThan(CONNECTIONS);
    }
    // No growth from run to run beyond noise (generous: the heap holds caches that fill during run 1).
    expect(heaps[2]!).toBeLessThanOrEqual(heaps[0]! * 1.5 + 20 * 2 ** 20);
  });
});
