import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../server/helpers.js';
import { buildTestIndex, listen, LogCapture, rawGet, type RunningApp, type TestIndex } from './helpers.js';

/** Rate limiting, security headers, timeouts against slow clients, and logs without personal data. */

let built: TestIndex;
const started: RunningApp[] = [];

async function start(...args: Parameters<typeof listen> extends [unknown, ...infer Rest] ? Rest : never): Promise<RunningApp> {
  const running = await listen(built.index, ...args);
  started.push(running);
  return running;
}

beforeAll(async () => {
  built = await buildTestIndex('limits');
});

afterAll(async () => {
  for (const s of started) await s.app.close();
  await built?.cleanup();
});

const search = (base: string, q: string, init?: RequestInit) => fetch(`${base}/api/search?q=${encodeURIComponent(q)}&k=3`, init);

describe('rate limiting', () => {
  it('answers 429 with a message and Retry-After once a client exceeds its budget', async () => {
    const { baseUrl } = await start({ indexDir: built.indexDir, rateLimitMax: 3, rateLimitWindowMs: 60_000, watchIndex: false });
    for (let i = 0; i < 3; i++) expect((await search(baseUrl, 'школы')).status).toBe(200);
    const limited = await search(baseUrl, 'школы');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { error: string; message: string };
    expect(body.error).toBe('Too Many Requests');
    expect(body.message).toMatch(/Rate limit of 3 requests per 1 minute reached; retry in \d+ s/);
    // POST counts against the same budget; /health stays reachable for probes.
    const ask = await fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"школы"}' });
    expect(ask.status).toBe(429);
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });

  it('counts per client: behind a trusted proxy each forwarded client has its own budget', async () => {
    const { baseUrl } = await start({ indexDir: built.indexDir, rateLimitMax: 2, trustProxy: true, watchIndex: false });
    const as = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    expect((await search(baseUrl, 'школы', as('203.0.113.1'))).status).toBe(200);
    expect((await search(baseUrl, 'школы', as('203.0.113.1'))).status).toBe(200);
    expect((await search(baseUrl, 'школы', as('203.0.113.1'))).status).toBe(429);
    expect((await search(baseUrl, 'школы', as('203.0.113.2'))).status).toBe(200);
  });
});

describe('security headers', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await start({ indexDir: built.indexDir, watchIndex: false });
  });

  it.each(['/', '/app.js', '/api/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D1%8B', '/api/nothing', '/health'])('%s carries CSP, nosniff, frame and referrer policies', async (p) => {
    const res = await fetch(server.baseUrl + p);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    await res.arrayBuffer();
  });

  it('serves a page the CSP allows: no inline scripts, styles or handlers, nothing from other origins', async () => {
    const html = await (await fetch(server.baseUrl + '/')).text();
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(script[1]).toMatch(/\bsrc=/);
      expect(script[2]!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
  });
});

describe('timeouts against slow clients', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await start({ indexDir: built.indexDir, headersTimeoutMs: 1000, requestTimeoutMs: 2000, watchIndex: false });
  });

  /** Sends `first`, then one `drip` every 200 ms (at most `max` times); resolves when the server hangs up. */
  function slowClient(first: string, drip: string, max: number): Promise<{ sent: number; response: string }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1');
      let sent = 0;
      let response = '';
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(first);
        timer = setInterval(() => {
          if (sent >= max || socket.destroyed) return clearInterval(timer);
          socket.write(drip);
          sent++;
        }, 200);
      });
      socket.on('data', (c: Buffer) => (response += c.toString()));
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ sent, response });
      });
      socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    });
  }

  it('cuts off a client that sends its headers a line at a time (slow loris) with 408', async () => {
    const { sent, response } = await slowClient(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'X-Slow: still-here\r\n', 50);
    expect(sent).toBeLessThan(50); // hung up long before the client was done
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(response).toContain('took too long');
  });

  it('cuts off a client that trickles its request body', async () => {
    const body = JSON.stringify({ question: 'школы' }).padEnd(200, ' ');
    const { sent, response } = await slowClient(
      `POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      ' ',
      50,
    );
    expect(sent).toBeLessThan(50);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps serving normal clients meanwhile', async () => {
    expect((await rawGet(server.port, '/health')).status).toBe(200);
  });
});

describe('logs', () => {
  it('are structured JSON and hold no query text, question, client address, user agent or token', async () => {
    const logs = new LogCapture();
    const { baseUrl } = await start({ indexDir: built.indexDir, adminToken: ADMIN_TOKEN, rateLimitMax: 6, watchIndex: false }, logs);
    const secretQuery = 'секретныйзапрос телемедицина Иванова';
    const secretQuestion = 'Конфиденциальный вопрос Петрова про школы';
    const agent = 'AgentMarker/9.9 (personal)';
    const headers = { 'user-agent': agent, 'x-forwarded-for': '198.51.100.77', cookie: 'session=cookie-marker' };

    expect((await search(baseUrl, secretQuery, { headers })).status).toBe(200);
    const ask = await fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ question: secretQuestion }) });
    expect(ask.status).toBe(200);
    // Failures log too: a 400 that echoes the field, a 401 with a wrong token, a 404, a 429.
    expect((await search(baseUrl, `${secretQuery} ${'x'.repeat(1000)}`, { headers })).status).toBe(400);
    expect((await fetch(`${baseUrl}/api/admin/reload`, { method: 'POST', headers: { authorization: 'Bearer wrong-token-marker-000000' } })).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/nothing?q=${encodeURIComponent(secretQuery)}`, { headers })).status).toBe(404);
    expect((await search(baseUrl, secretQuery, { headers })).status).toBe(200);
    expect((await search(baseUrl, secretQuery, { headers })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 50)); // let pino flush the last line

    const text = logs.text;
    const lines = logs.parsed(); // every line is JSON
    const requestLines = lines.filter((l) => 'reqId' in l);
    expect(requestLines.length).toBeGreaterThanOrEqual(14); // incoming + completed per request
    expect(requestLines.some((l) => (l.req as { path?: string } | undefined)?.path === '/api/search')).toBe(true);
    expect(requestLines.some((l) => (l.res as { statusCode?: number } | undefined)?.statusCode === 429)).toBe(true);

    for (const secret of [secretQuery, encodeURIComponent(secretQuery), 'секретныйзапрос', secretQuestion, 'Петрова', agent, '198.51.100.77', 'cookie-marker', 'wrong-token-marker', ADMIN_TOKEN]) {
      expect(text).not.toContain(secret);
    }
    for (const line of requestLines) {
      expect(JSON.stringify(line)).not.toContain('127.0.0.1');
      expect(line).not.toHaveProperty('req.remoteAddress');
      expect(line).not.toHaveProperty('req.headers');
      expect(JSON.stringify(line)).not.toContain('?');
    }
  });
});
