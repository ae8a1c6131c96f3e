import type { ChildProcess } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { buildApp } from '../../server/app.js';
import type { ServerConfigInput } from '../../server/config.js';

/**
 * Test bench for the server: a real index built (offline embedder) from the bundled corpus plus one extra test
 * document (a sixth region, «Псковская область», with words no other region uses), served by the real app on a
 * random loopback port.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export const EXTRA_DOCUMENT = {
  file: 'pskov.txt',
  region: 'Псковская область',
  region_en: 'Pskov Oblast',
  title: 'Стратегия в области цифровой трансформации отраслей экономики, социальной сферы и государственного управления Псковской области',
  period: '2022-2024',
  text_form: 'layout',
} as const;

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  app: FastifyInstance;
  /** The loaded index, to start more apps on it (e.g. with other configuration). */
  index: LoadedIndex;
  baseUrl: string;
  workDir: string;
  indexDir: string;
  close(): Promise<void>;
}

/** Copies the bundled corpus and the extra document into `dir/corpus`. */
export async function prepareCorpus(dir: string): Promise<string> {
  const corpusDir = path.join(dir, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  await cp(path.join(FIXTURES, EXTRA_DOCUMENT.file), path.join(corpusDir, EXTRA_DOCUMENT.file));
  const manifest = JSON.parse(await readFile(path.join(corpusDir, 'manifest.json'), 'utf8')) as { documents: unknown[] };
  manifest.documents.push(EXTRA_DOCUMENT);
  await writeFile(path.join(corpusDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return corpusDir;
}

export async function startTestServer(): Promise<TestServer> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'server-test-'));
  const corpusDir = await prepareCorpus(workDir);
  const indexDir = path.join(workDir, 'index');
  await buildIndex({ corpusDir, outDir: indexDir, cacheDir: path.join(workDir, 'cache'), embedder: 'offline' });
  const index = await loadIndex(indexDir);
  const app = await buildApp({
    index,
    config: {
      indexDir,
      adminToken: ADMIN_TOKEN,
      rateLimitMax: 100_000,
      logLevel: 'silent',
      webDirs: [path.join(ROOT, 'web/dist'), path.join(ROOT, 'web/public')],
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return {
    app,
    index,
    baseUrl: `http://127.0.0.1:${address.port}`,
    workDir,
    indexDir,
    close: async () => {
      await app.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Starts another app on an already loaded index with extra configuration; returns its base URL. */
export async function startAppOn(index: LoadedIndex, config: ServerConfigInput): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp({ index, config: { rateLimitMax: 100_000, logLevel: 'silent', webDirs: [], ...config } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

/**
 * Builds and loads a production-model (multilingual-e5-small, `models/`) index of a few short strategies given as
 * texts by file name, in `dir` (corpus/, index/, cache/).
 */
export async function buildModelIndexOf(dir: string, documents: Record<string, string>, vocabulary?: { minCount: number }): Promise<LoadedIndex> {
  const corpus = path.join(dir, 'corpus');
  await mkdir(corpus);
  for (const [file, text] of Object.entries(documents)) await writeFile(path.join(corpus, file), text);
  const outDir = path.join(dir, 'index');
  const modelsDir = path.join(ROOT, 'models');
  await buildIndex({ corpusDir: corpus, outDir, cacheDir: path.join(dir, 'cache'), embedder: 'transformers', modelsDir, ...(vocabulary ? { vocabulary } : {}) });
  return loadIndex(outDir, { modelsDir });
}

/** The tiny random-weight BERT in tests/fixtures/models that stands in for e5 where a test needs a transformers.js index. */
export const TINY_MODEL = { modelsDir: 'tests/fixtures/models', modelId: 'tiny-random-bert-ru' } as const;

/**
 * Builds and loads an index of the bundled Tyumen strategy alone in `dir` (corpus/, index/, cache/), with the tiny
 * transformers.js model: the code paths of a neural index, in seconds.
 */
export async function buildTinyModelIndex(dir: string): Promise<{ indexDir: string; loaded: LoadedIndex }> {
  const corpus = path.join(dir, 'corpus');
  await mkdir(corpus);
  await copyFile(path.join(ROOT, 'corpus/tyumen.txt'), path.join(corpus, 'tyumen.txt'));
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'corpus/manifest.json'), 'utf8')) as { documents: Array<{ file: string }> };
  await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({ documents: manifest.documents.filter((d) => d.file === 'tyumen.txt') }));
  const indexDir = path.join(dir, 'index');
  await buildIndex({ corpusDir: corpus, outDir: indexDir, cacheDir: path.join(dir, 'cache'), embedder: 'transformers', ...TINY_MODEL });
  return { indexDir, loaded: await loadIndex(indexDir, { modelsDir: TINY_MODEL.modelsDir }) };
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function getJson<T = unknown>(baseUrl: string, pathAndQuery: string): Promise<JsonResponse<T>> {
  const res = await fetch(baseUrl + pathAndQuery);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export async function postJson<T = unknown>(baseUrl: string, pathName: string, body: unknown, rawBody?: string): Promise<JsonResponse<T>> {
  const res = await fetch(baseUrl + pathName, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: rawBody ?? JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export function q(params: Record<string, string | number | boolean | string[]>): string {
  const usp = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => usp.append(key, v));
    else usp.set(key, String(value));
  }
  return usp.toString();
}

export type { AskResponse } from '../../retrieval/methods/ask.js';
export type { SearchResponse } from '../../retrieval/methods/search.js';
export type { SimilarResponse } from '../../retrieval/methods/similar.js';
export type { PassageResult } from '../../retrieval/results.js';
export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
}

/**
 * Waits until a server started as a child process logs the address it listens on; rejects with what it printed when
 * it exits first. `output()` is everything it printed so far, stdout and stderr.
 */
export function listeningAddress(child: ChildProcess & { stdout: Readable; stderr: Readable }): Promise<{ url: string; output: () => string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1]!, output: () => output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
}
