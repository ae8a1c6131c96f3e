import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex, listen, rawGet, rawRequest, type RunningApp, type TestIndex } from './helpers.js';
import { ADMIN_TOKEN, type SearchResponse } from '../server/helpers.js';

/**
 * Every endpoint against hostile and sloppy input: each case gets a 4xx with a message (naming the field where
 * there is one), never a 500, a stack trace, or the content of a file outside the web root.
 */

let built: TestIndex;
let server: RunningApp;
let passageId: string;

beforeAll(async () => {
  built = await buildTestIndex('validation');
  server = await listen(built.index, { indexDir: built.indexDir, adminToken: ADMIN_TOKEN, bodyLimit: 16 * 1024, watchIndex: false });
  const found = (await (await fetch(`${server.baseUrl}/api/search?q=${encodeURIComponent('здравоохранение')}&k=1`)).json()) as SearchResponse;
  passageId = found.results[0]!.id;
});

afterAll(async () => {
  await server?.app.close();
  await built?.cleanup();
});

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** Path and query as sent on the wire (not normalised). `{id}` is replaced by a real passage id. */
  path: string;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  status: number | number[];
  field?: string;
}

const enc = encodeURIComponent;
const longCyrillic = 'цифровизация '.repeat(400); // 5 200 characters, ~60 kB encoded
const json = 'application/json';

const cases: Case[] = [
  // GET /api/search
  { name: 'search: q missing', path: '/api/search', status: 400, field: 'q' },
  { name: 'search: q empty', path: '/api/search?q=', status: 400, field: 'q' },
  { name: 'search: q only spaces', path: '/api/search?q=%20%20%20', status: 400, field: 'q' },
  { name: 'search: q over 1000 characters', path: `/api/search?q=${'a'.repeat(1001)}`, status: 400, field: 'q' },
  { name: 'search: q 5 000 Cyrillic characters', path: `/api/search?q=${enc(longCyrillic.slice(0, 5000))}`, status: 400, field: 'q' },
  { name: 'search: q twice', path: '/api/search?q=a&q=b', status: 400, field: 'q' },
  { name: 'search: k=0', path: '/api/search?q=школы&k=0'.replace('школы', enc('школы')), status: 400, field: 'k' },
  { name: 'search: k=10000', path: `/api/search?q=${enc('школы')}&k=10000`, status: 400, field: 'k' },
  { name: 'search: k not a number', path: `/api/search?q=${enc('школы')}&k=ten`, status: 400, field: 'k' },
  { name: 'search: k fractional', path: `/api/search?q=${enc('школы')}&k=1.5`, status: 400, field: 'k' },
  { name: 'search: k negative', path: `/api/search?q=${enc('школы')}&k=-3`, status: 400, field: 'k' },
  { name: 'search: k empty', path: `/api/search?q=${enc('школы')}&k=`, status: 400, field: 'k' },
  { name: 'search: k huge exponent', path: `/api/search?q=${enc('школы')}&k=1e309`, status: 400, field: 'k' },
  { name: 'search: unknown mode', path: `/api/search?q=${enc('школы')}&mode=fuzzy`, status: 400, field: 'mode' },
  { name: 'search: unknown region', path: `/api/search?q=${enc('школы')}&region=atlantis`, status: 400, field: 'region' },
  { name: 'search: unknown sector', path: `/api/search?q=${enc('школы')}&sector=space`, status: 400, field: 'sector' },
  { name: 'search: too many regions', path: `/api/search?q=${enc('школы')}&region=${Array(101).fill('tver').join(',')}`, status: 400, field: 'region' },
  { name: 'search: oversized region value', path: `/api/search?q=${enc('школы')}&region=${'x'.repeat(300)}`, status: 400, field: 'region' },
  { name: 'search: unknown groupBy', path: `/api/search?q=${enc('школы')}&groupBy=document`, status: 400, field: 'groupBy' },
  { name: 'search: detectRegions not boolean', path: `/api/search?q=${enc('школы')}&detectRegions=maybe`, status: 400, field: 'detectRegions' },
  { name: 'search: unknown fusion', path: `/api/search?q=${enc('школы')}&fusion=magic`, status: 400, field: 'fusion' },
  { name: 'search: misspelt parameter', path: `/api/search?q=${enc('школы')}&regoin=tver`, status: 400, field: 'regoin' },
  { name: 'search: bracket parameter', path: `/api/search?q[$gt]=1`, status: 400 },
  { name: 'search: __proto__ parameter', path: `/api/search?q=${enc('школы')}&__proto__=x`, status: 400, field: '__proto__' },
  { name: 'search: broken percent-encoding', path: '/api/search?q=%E0%A4%A', status: 400 },
  { name: 'search: lone surrogate', path: '/api/search?q=%ED%A0%80', status: 400 },
  { name: 'search: q is a NUL byte', path: '/api/search?q=%00', status: 400, field: 'q' },
  { name: 'search: URL larger than the header limit', path: `/api/search?q=${'a'.repeat(70_000)}`, status: 431 },
  { name: 'search: POST instead of GET', method: 'POST', path: '/api/search', body: '{}', contentType: json, status: 405, field: 'method' },

  // POST /api/ask
  { name: 'ask: empty object', method: 'POST', path: '/api/ask', body: '{}', contentType: json, status: 400, field: 'question' },
  { name: 'ask: empty question', method: 'POST', path: '/api/ask', body: '{"question":""}', contentType: json, status: 400, field: 'question' },
  { name: 'ask: question over 1000 characters', method: 'POST', path: '/api/ask', body: JSON.stringify({ question: 'я'.repeat(1001) }), contentType: json, status: 400, field: 'question' },
  { name: 'ask: question is a number', method: 'POST', path: '/api/ask', body: '{"question":42}', contentType: json, status: 400, field: 'question' },
  { name: 'ask: question is an array', method: 'POST', path: '/api/ask', body: '{"question":["a"]}', contentType: json, status: 400, field: 'question' },
  { name: 'ask: body is an array', method: 'POST', path: '/api/ask', body: '[]', contentType: json, status: 400, field: 'body' },
  { name: 'ask: body is a string', method: 'POST', path: '/api/ask', body: '"школы"', contentType: json, status: 400, field: 'body' },
  { name: 'ask: body is null', method: 'POST', path: '/api/ask', body: 'null', contentType: json, status: 400, field: 'body' },
  { name: 'ask: malformed JSON', method: 'POST', path: '/api/ask', body: '{"question": "школы"', contentType: json, status: 400, field: 'body' },
  { name: 'ask: empty body', method: 'POST', path: '/api/ask', body: '', contentType: json, status: 400, field: 'body' },
  { name: 'ask: deeply nested JSON', method: 'POST', path: '/api/ask', body: '['.repeat(5000) + ']'.repeat(5000), contentType: json, status: 400 },
  { name: 'ask: __proto__ in body', method: 'POST', path: '/api/ask', body: '{"question":"школы","__proto__":{"admin":true}}', contentType: json, status: 400, field: 'body' },
  { name: 'ask: perRegion 0', method: 'POST', path: '/api/ask', body: '{"question":"школы","perRegion":0}', contentType: json, status: 400, field: 'perRegion' },
  { name: 'ask: perRegion 11', method: 'POST', path: '/api/ask', body: '{"question":"школы","perRegion":11}', contentType: json, status: 400, field: 'perRegion' },
  { name: 'ask: perRegion as text', method: 'POST', path: '/api/ask', body: '{"question":"школы","perRegion":"3"}', contentType: json, status: 400, field: 'perRegion' },
  { name: 'ask: regions not an array', method: 'POST', path: '/api/ask', body: '{"question":"школы","regions":"tver"}', contentType: json, status: 400, field: 'regions' },
  { name: 'ask: unknown region', method: 'POST', path: '/api/ask', body: '{"question":"школы","regions":["atlantis"]}', contentType: json, status: 400, field: 'regions' },
  { name: 'ask: unknown sector', method: 'POST', path: '/api/ask', body: '{"question":"школы","sectors":["space"]}', contentType: json, status: 400, field: 'sectors' },
  { name: 'ask: summary not boolean', method: 'POST', path: '/api/ask', body: '{"question":"школы","summary":"yes"}', contentType: json, status: 400, field: 'summary' },
  { name: 'ask: unknown field', method: 'POST', path: '/api/ask', body: '{"question":"школы","regoins":["tver"]}', contentType: json, status: 400, field: 'regoins' },
  { name: 'ask: oversized body', method: 'POST', path: '/api/ask', body: JSON.stringify({ question: 'школы', pad: 'x'.repeat(20_000) }), contentType: json, status: 413, field: 'body' },
  { name: 'ask: text/plain', method: 'POST', path: '/api/ask', body: 'школы', contentType: 'text/plain', status: 415, field: 'body' },
  { name: 'ask: form-encoded', method: 'POST', path: '/api/ask', body: 'question=school', contentType: 'application/x-www-form-urlencoded', status: 415, field: 'body' },
  { name: 'ask: multipart', method: 'POST', path: '/api/ask', body: '--x\r\n\r\nschool\r\n--x--', contentType: 'multipart/form-data; boundary=x', status: 415, field: 'body' },
  { name: 'ask: body without content type', method: 'POST', path: '/api/ask', body: '{"question":"школы"}', status: 415, field: 'body' },
  { name: 'ask: JSON in UTF-16', method: 'POST', path: '/api/ask', body: Buffer.from('{"question":"школы"}', 'utf16le'), contentType: 'application/json; charset=utf-16', status: [400, 415] },
  { name: 'ask: GET instead of POST', path: '/api/ask?question=x', status: 405, field: 'method' },

  // GET /api/passages/:id and /similar
  { name: 'passage: unknown id', path: '/api/passages/no-such-passage', status: 404, field: 'id' },
  { name: 'passage: id over the length limit', path: `/api/passages/${'a'.repeat(250)}`, status: 400, field: 'id' },
  { name: 'passage: NUL id', path: '/api/passages/%00', status: 404 },
  { name: 'passage: traversal id', path: '/api/passages/..%2f..%2fpackage.json', status: 404 },
  { name: 'passage: empty id', path: '/api/passages/', status: 404 },
  { name: 'passage: context -1', path: '/api/passages/{id}?context=-1', status: 400, field: 'context' },
  { name: 'passage: context 11', path: '/api/passages/{id}?context=11', status: 400, field: 'context' },
  { name: 'passage: context not a number', path: '/api/passages/{id}?context=all', status: 400, field: 'context' },
  { name: 'passage: unknown parameter', path: '/api/passages/{id}?contxt=2', status: 400, field: 'contxt' },
  { name: 'similar: unknown id', path: '/api/passages/no-such-passage/similar', status: 404, field: 'id' },
  { name: 'similar: k=0', path: '/api/passages/{id}/similar?k=0', status: 400, field: 'k' },
  { name: 'similar: k=51', path: '/api/passages/{id}/similar?k=51', status: 400, field: 'k' },
  { name: 'similar: k not a number', path: '/api/passages/{id}/similar?k=many', status: 400, field: 'k' },
  { name: 'similar: otherRegions not boolean', path: '/api/passages/{id}/similar?otherRegions=perhaps', status: 400, field: 'otherRegions' },
  { name: 'similar: unknown parameter', path: '/api/passages/{id}/similar?region=tver', status: 400, field: 'region' },

  // Admin
  { name: 'reload: no token', method: 'POST', path: '/api/admin/reload', status: 401, field: 'authorization' },
  { name: 'reload: wrong token', method: 'POST', path: '/api/admin/reload', headers: { authorization: 'Bearer wrong-token-wrong-token-0' }, status: 401, field: 'authorization' },
  { name: 'reload: oversized token', method: 'POST', path: '/api/admin/reload', headers: { authorization: `Bearer ${'t'.repeat(10_000)}` }, status: 401, field: 'authorization' },
  { name: 'reload: not Bearer', method: 'POST', path: '/api/admin/reload', headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` }, status: 401 },
  { name: 'reload: malformed JSON body', method: 'POST', path: '/api/admin/reload', body: '{', contentType: json, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, status: 400, field: 'body' },
  { name: 'reload: GET', path: '/api/admin/reload', status: 405, field: 'method' },

  // Unknown routes, and methods a route does not answer (405, the Allow header: error-bodies.test.ts)
  { name: 'unknown API route', path: '/api/nothing-here', status: 404 },
  { name: 'DELETE on search', method: 'DELETE', path: `/api/search?q=${enc('школы')}`, status: 405, field: 'method' },
  { name: 'PUT on ask', method: 'PUT', path: '/api/ask', body: '{}', contentType: json, status: 405, field: 'method' },

  // Static files: traversal, encodings, NUL, dotfiles
  { name: 'static: /../package.json', path: '/../package.json', status: [400, 403, 404] },
  { name: 'static: /../../etc/passwd', path: '/../../../../etc/passwd', status: [400, 403, 404] },
  { name: 'static: %2e%2e to /etc/passwd', path: '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', status: [400, 403, 404] },
  { name: 'static: ..%2fpackage.json', path: '/..%2fpackage.json', status: [400, 403, 404] },
  { name: 'static: ..%2f..%2fpackage.json', path: '/..%2f..%2fpackage.json', status: [400, 403, 404] },
  { name: 'static: %2e%2e%2f double', path: '/%2e%2e%2f%2e%2e%2fpackage.json', status: [400, 403, 404] },
  { name: 'static: double-encoded', path: '/%252e%252e/%252e%252e/package.json', status: [400, 403, 404] },
  { name: 'static: backslashes', path: '/..%5c..%5cpackage.json', status: [400, 403, 404] },
  { name: 'static: encoded NUL', path: '/index.html%00.json', status: [400, 403, 404] },
  { name: 'static: bare NUL', path: '/%00', status: [400, 403, 404] },
  { name: 'static: overlong UTF-8 dot', path: '/%c0%ae%c0%ae/package.json', status: [400, 403, 404] },
  { name: 'static: absolute path', path: '//etc/passwd', status: [400, 403, 404] },
  { name: 'static: dotfile', path: '/.git/config', status: [400, 403, 404] },
  { name: 'static: traversal through assets', path: '/assets/../../package.json', status: [400, 403, 404] },
  { name: 'static: broken percent-encoding', path: '/%E0%A4%A', status: [400, 403, 404] },
];

/** Markers of file content that must never be served (package.json, /etc/passwd, .git/config, source files). */
const LEAKS = ['"regstrat-search"', 'root:x:0:0', '[core]', 'devDependencies', 'import {'];
/** Markers of a stack trace or internal paths. */
const INTERNALS = [/\n\s+at /, /node_modules/, /\/work\//, /\.ts:\d+/, /Error: .*\n/];

describe('input validation: every endpoint answers bad input with a 4xx and a message', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const method = c.method ?? 'GET';
    const rawPath = c.path.replace('{id}', enc(passageId));
    const port = server.port;
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: 'close', ...(c.headers ?? {}) };
    if (c.contentType) headers['Content-Type'] = c.contentType;
    const body = c.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body, 'utf8');
    if (c.body !== undefined) headers['Content-Length'] = String(body.length);
    else if (method === 'POST' || method === 'PUT') headers['Content-Length'] = '0';
    const head = `${method} ${rawPath} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
    const res = await rawRequest(port, Buffer.concat([Buffer.from(head, 'latin1'), body]));

    const allowed = Array.isArray(c.status) ? c.status : [c.status];
    expect(allowed, `status ${res.status}, body ${res.body.slice(0, 300)}`).toContain(res.status);
    for (const leak of LEAKS) expect(res.body).not.toContain(leak);
    for (const pattern of INTERNALS) expect(res.body).not.toMatch(pattern);
    expect(res.head.toLowerCase()).not.toContain('x-powered-by');

    const parsed = JSON.parse(res.body) as { error: string; message: string; field?: string };
    expect(parsed.message.length).toBeGreaterThan(5);
    expect(typeof parsed.error).toBe('string');
    if (c.field) {
      expect(parsed.field).toBe(c.field);
      expect(parsed.message).toContain(c.field);
    }
  });

  it('still answers good requests after all of that', async () => {
    const ok = await fetch(`${server.baseUrl}/api/search?q=${enc('школы')}`);
    expect(ok.status).toBe(200);
    const ask = await fetch(`${server.baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ question: 'Как развивают телемедицину?' }) });
    expect(ask.status).toBe(200);
    const page = await rawGet(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<!doctype html');
  });

  it('rejects malformed HTTP itself with a 400 and a message', async () => {
    const res = await rawRequest(server.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { message: string }).message).toContain('not valid HTTP');
  });

  it('rejects oversized headers with a 431 and a message', async () => {
    const res = await rawRequest(server.port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(70_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect((JSON.parse(res.body) as { message: string }).message).toMatch(/too large/);
  });
});
