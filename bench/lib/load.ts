import autocannon from 'autocannon';
import { round, summarize, type LatencySummary } from './stats.js';

/**
 * A closed-loop load run with autocannon: `connections` clients each send the next request as soon as the previous
 * answer arrives, for `durationS` seconds. Requests come from `next()`, so one run can mix endpoints and queries.
 * Latencies are collected per response (autocannon's own histogram has no p95).
 */

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadRunResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  /** Connection errors (including timeouts), timeouts, and answers other than 2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export async function runLoad(options: {
  url: string;
  connections: number;
  durationS: number;
  next: () => LoadRequest;
  title?: string;
  /** Also receives every response time (ms), for percentiles pooled over several runs. */
  collect?: number[];
}): Promise<LoadRunResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    timeout: 30,
    ...(options.title ? { title: options.title } : {}),
    requests: [
      {
        setupRequest: (request) => {
          const next = options.next();
          const headers: Record<string, string> = next.body !== undefined ? { 'content-type': 'application/json' } : {};
          return { ...request, method: next.method, path: next.path, body: next.body ?? '', headers };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  if (options.collect) for (const ms of latencies) options.collect.push(ms);
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(count);
  return {
    connections: options.connections,
    durationS: round(result.duration),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / result.duration, 1),
    latency: summarize(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
