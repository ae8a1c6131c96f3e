import { cp, mkdtemp, realpath, rm, symlink, rename } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../server/helpers.js';
import { buildTestIndex, listen, rawGet, rawRequest, type RawResponse, type RunningApp, type TestIndex } from './helpers.js';

/**
 * Every error, wherever it is raised (router, Node's HTTP parser, static files, plugins, timeouts), answers with
 * our `{ error, message, field }` body and our security headers.
 */

let built: TestIndex;
let work: string;
const started: RunningApp[] = [];

beforeAll(async () => {
  built = await buildTestIndex('error-bodies');
  work = await mkdtemp(path.join(tmpdir(), 'error-bodies-'));
});

afterAll(async () => {
  for (const s of started) await s.app.close();
  await built?.cleanup();
  await rm(work, { recursive: true, force: true });
});

async function start(config: Parameters<typeof listen>[1]): Promise<RunningApp> {
  const running = await listen(built.index, { indexDir: built.indexDir, watchIndex: false, ...config });
  started.push(running);
  return running;
}

function headerOf(res: RawResponse, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'im').exec(res.head)?.[1]?.trim();
}

/** Our shape and headers; `error` is the status text, never fastify's bare "Error". */
function expectOurs(res: RawResponse, status: number, error: string, field?: string): { message: string } {
  expect(res.status, res.head + res.body).toBe(status);
  expect(headerOf(res, 'content-type')).toMatch(/^application\/json/);
  expect(headerOf(res, 'x-content-type-options')).toBe('nosniff');
  expect(headerOf(res, 'x-frame-options')).toBe('DENY');
  expect(headerOf(res, 'content-security-policy')).toMatch(/frame-ancestors 'none'/);
  const body = JSON.parse(res.body) as { error: string; message: string; field?: string; code?: string; statusCode?: number };
  expect(Object.keys(body).sort()).toEqual(field ? ['error', 'field', 'message'] : ['error', 'message']);
  expect(body.error).toBe(error);
  expect(body.message.length).toBeGreaterThan(10);
  if (field) expect(body.field).toBe(field);
  return body;
}

describe('error bodies and headers', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await start({ adminToken: ADMIN_TOKEN });
  });

  it('malformed percent-encoding in a path: 400 naming the path', async () => {
    for (const p of ['/api/passages/%E0%A4%A', '/api/passages/%ZZ', '/%C0%AF']) {
      expectOurs(await rawGet(server.port, p), 400, 'Bad Request', 'path');
    }
  });

  it('a 10,000-character passage id: 400 naming id', async () => {
    const res = await rawGet(server.port, `/api/passages/${'a'.repeat(10_000)}`);
    expect(expectOurs(res, 400, 'Bad Request', 'id').message).toMatch(/^id: /);
    const similar = await rawGet(server.port, `/api/passages/${'b'.repeat(10_000)}/similar`);
    expectOurs(similar, 400, 'Bad Request', 'id');
  });

  it('a wrong method on a route: 405 with Allow naming the method to use', async () => {
    const ask = await rawGet(server.port, '/api/ask');
    expect(expectOurs(ask, 405, 'Method Not Allowed', 'method').message).toMatch(/^method: GET is not allowed on \/api\/ask; use POST\./);
    expect(headerOf(ask, 'allow')).toBe('POST');
    const search = await rawRequest(server.port, 'DELETE /api/search?q=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(expectOurs(search, 405, 'Method Not Allowed', 'method').message).toMatch(/use GET\./);
    expect(headerOf(search, 'allow')).toBe('GET, HEAD');
    // A route with a parameter, and one that is POST only.
    const similar = await rawRequest(server.port, 'POST /api/passages/abc/similar HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    expect(headerOf(similar, 'allow')).toBe('GET, HEAD');
    expect(headerOf(await rawGet(server.port, '/api/admin/reload'), 'allow')).toBe('POST');
    // A path no route has stays a 404, whatever the method.
    expectOurs(await rawRequest(server.port, 'POST /api/nothing HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'), 404, 'Not Found');
    expectOurs(await rawGet(server.port, '/api/nothing'), 404, 'Not Found');
  });

  it('headers too large: 431', async () => {
    const res = await rawRequest(server.port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expectOurs(res, 431, 'Request Header Fields Too Large', 'query');
  });

  it('a range past the end of a static file: 416', async () => {
    const res = await rawRequest(server.port, `GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=99999999-\r\nConnection: close\r\n\r\n`);
    expectOurs(res, 416, 'Range Not Satisfiable');
  });

  it('a refused index on reload: 409', async () => {
    // A server of its own whose index link this test can point at a broken build.
    const link = path.join(work, 'index');
    await symlink(await realpath(built.indexDir), link);
    const own = await start({ indexDir: link, adminToken: ADMIN_TOKEN });
    const broken = path.join(work, 'broken');
    await cp(await realpath(built.indexDir), broken, { recursive: true });
    await rm(path.join(broken, 'keyword.json'));
    await symlink(broken, `${link}.new`);
    await rename(`${link}.new`, link);
    const res = await rawRequest(
      own.port,
      `POST /api/admin/reload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    );
    expect(expectOurs(res, 409, 'Conflict').message).toMatch(/keyword\.json is missing/);
  });
});

describe('429', () => {
  it('names the configured window, not the time left', async () => {
    const { port } = await start({ rateLimitMax: 1, rateLimitWindowMs: 90_000 });
    expect((await rawGet(port, '/api/regions')).status).toBe(200);
    const res = await rawGet(port, '/api/regions');
    expect(expectOurs(res, 429, 'Too Many Requests').message).toMatch(/^Rate limit of 1 requests per 90 seconds reached; retry in \d+ s\.$/);
    expect(Number(headerOf(res, 'retry-after'))).toBeGreaterThan(0);
  });
});

describe('a request body that stalls', () => {
  it('gets 408 with our body once requestTimeoutMs has passed, not a silent close', async () => {
    const { port } = await start({ requestTimeoutMs: 1000, headersTimeoutMs: 1000 });
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('connect', () =>
        socket.write(`POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question":`),
      );
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    });
    const split = response.indexOf('\r\n\r\n');
    const res = { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0), head: response.slice(0, split), body: response.slice(split + 4) };
    expect(expectOurs(res, 408, 'Request Timeout').message).toMatch(/too long/);
  });
});
