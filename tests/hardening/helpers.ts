import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildIndex, type BuildResult } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { buildApp } from '../../server/app.js';
import type { ServerConfigInput } from '../../server/config.js';
import { ROOT } from '../server/helpers.js';

/**
 * Shared bench for the hardening tests: one real index per test file (offline embedder, bundled corpus), built
 * with an embedding cache shared by all hardening files so rebuilds only re-embed what changed.
 */

export { ROOT };
export const CORPUS_DIR = path.join(ROOT, 'corpus');
export const SHARED_CACHE_DIR = path.join(tmpdir(), 'regstrat-hardening-embedding-cache');

export interface TestIndex {
  workDir: string;
  /** The index location (a link to the current build), as `npm run index --out` writes it. */
  indexDir: string;
  index: LoadedIndex;
  cleanup(): Promise<void>;
}

export async function buildTestIndex(prefix: string): Promise<TestIndex> {
  const workDir = await mkdtemp(path.join(tmpdir(), `hardening-${prefix}-`));
  const indexDir = path.join(workDir, 'index');
  await rebuild(indexDir);
  return { workDir, indexDir, index: await loadIndex(indexDir), cleanup: () => rm(workDir, { recursive: true, force: true }) };
}

/** Builds the bundled corpus into `indexDir` again (a new build folder, link swapped atomically). */
export function rebuild(indexDir: string): Promise<BuildResult> {
  return buildIndex({ corpusDir: CORPUS_DIR, outDir: indexDir, cacheDir: SHARED_CACHE_DIR, embedder: 'offline' });
}

/** Log lines of an app, captured from its pino stream (the real serializers, not a mock). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  private waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.lines.push(line);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      this.waiters = this.waiters.filter((w) => (w.match(parsed) ? (w.resolve(parsed), false) : true));
    }
    callback();
  }

  get text(): string {
    return this.lines.join('\n');
  }

  parsed(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** Resolves with the first line (already logged or future) that matches. */
  waitFor(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    const seen = this.parsed().find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

export interface RunningApp {
  app: FastifyInstance;
  baseUrl: string;
  port: number;
}

/** The real app on a random loopback port. Rate limit lifted unless the test sets one; logs silent unless captured. */
export async function listen(index: LoadedIndex, config: ServerConfigInput, logs?: LogCapture): Promise<RunningApp> {
  const app = await buildApp({
    index,
    config: { rateLimitMax: 1_000_000, logLevel: logs ? 'info' : 'silent', webDirs: [path.join(ROOT, 'web/dist'), path.join(ROOT, 'web/public')], ...config },
    ...(logs ? { logStream: logs } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, port: address.port };
}

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends bytes exactly as given (fetch would normalise `/../` and encodings away) and reads until the server
 * closes or the response is complete.
 */
export function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split >= 0 ? text.slice(0, split) : text;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split >= 0 ? text.slice(split + 4) : '' });
      socket.destroy();
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text.slice(0, split))?.[1];
      if (split >= 0 && length !== undefined && Buffer.byteLength(text.slice(split + 4)) >= Number(length)) finish();
    });
    socket.on('end', finish);
    socket.on('error', reject);
    socket.write(request);
  });
}

/** A GET request line with the path sent verbatim. */
export function rawGet(port: number, rawPath: string): Promise<RawResponse> {
  return rawRequest(port, `GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
}
