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
