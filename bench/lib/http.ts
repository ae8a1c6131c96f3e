/** Sequential HTTP requests for latency (one client, keep-alive): what one user waiting for each answer sees. */

export function searchUrl(base: string, q: string, mode: string, k = 10): string {
  return `${base}/api/search?${new URLSearchParams({ q, mode, k: String(k) }).toString()}`;
}

/** Fetches `url` and returns its wall time in ms; throws on a non-2xx answer (the benchmark must see real results). */
export async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${url.slice(0, 200)} answered ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return ms;
}

/** POSTs `body` as JSON and returns the wall time in ms; throws on a non-2xx answer. */
export async function timedPost(url: string, body: unknown): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return ms;
}

/**
 * Sends each request once, one at a time: a fresh server fills its lazy caches (token offsets for highlights, idf,
 * lemmas) on first sight of a query or passage, and a load run should measure the steady state, not that.
 */
export async function warmUp(base: string, requests: readonly { method: 'GET' | 'POST'; path: string; body?: string }[]): Promise<number> {
  const started = performance.now();
  for (const r of requests) {
    if (r.method === 'GET') await timedGet(`${base}${r.path}`);
    else await timedPost(`${base}${r.path}`, JSON.parse(r.body ?? '{}'));
  }
  return Math.round(performance.now() - started);
}
