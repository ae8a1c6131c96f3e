import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { INDEX_FILES, passagesFileSchema } from '../../indexer/index/schemas.js';
import { buildPeerIndex } from '../lib/peer-minisearch.js';

/**
 * The peer for the throughput section: MiniSearch (`lib/peer-minisearch.ts`, Russian stemming) over the passages of
 * an index folder, behind a minimal `node:http` server — what a plain engine serves with nothing in between.
 *
 *   GET /health                 → 200
 *   GET /search?q=<text>&k=<n>  → 200 {"results":[{id, regionId, documentId, section, text, score}]}
 *
 * The answer carries each hit's passage text and metadata, as ours does (without highlights or citations).
 * Input: one JSON argument {"indexDir": "...", "port": n}. Benchmark use only.
 */

const inputSchema = z.object({ indexDir: z.string().min(1), port: z.number().int().min(1).max(65_535) });
const querySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(1000, 'q is longer than 1000 characters'),
  k: z.coerce.number().int().min(1).max(100).default(10),
});

const input = inputSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const indexDir = path.resolve(input.indexDir);
const passages = passagesFileSchema.parse(JSON.parse(await readFile(path.join(indexDir, INDEX_FILES.passages), 'utf8')));
const peer = buildPeerIndex(passages);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://peer');
  if (req.method !== 'GET') return send(res, 405, { error: 'only GET' });
  if (url.pathname === '/health') return send(res, 200, { status: 'ok', passages: passages.length });
  if (url.pathname !== '/search') return send(res, 404, { error: `no route ${url.pathname}` });
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return send(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const { q, k } = parsed.data;
  const results = peer.searchScored(q, k).map(({ label, score }) => {
    const p = passages[label]!;
    return { id: p.id, regionId: p.regionId, documentId: p.documentId, section: p.section.path, text: p.text, score };
  });
  send(res, 200, { results });
});

process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
server.listen(input.port, '127.0.0.1');
