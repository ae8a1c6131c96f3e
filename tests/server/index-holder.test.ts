import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../indexer/index/build.js';
import { loadIndex, type LoadedIndex } from '../../indexer/index/load.js';
import { IndexHolder } from '../../server/plugins/app/index-holder.js';
import { dropVectorLabel } from '../fixtures/damaged-vectors.js';

/** Background work after a swap (the vector cache fill) can fail without taking the process down. */

let work: string;
let loaded: LoadedIndex;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'index-holder-'));
  const corpus = path.join(work, 'corpus');
  await cp(path.resolve(import.meta.dirname, '../../corpus/luhansk.txt'), path.join(corpus, 'luhansk.txt'), { recursive: true });
  await buildIndex({ corpusDir: corpus, outDir: path.join(work, 'index'), cacheDir: path.join(work, 'cache'), embedder: 'offline' });
  loaded = await loadIndex(path.join(work, 'index'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function captureLog(): { log: FastifyBaseLogger; errors: { obj: unknown; msg: string }[] } {
  const errors: { obj: unknown; msg: string }[] = [];
  const noop = () => undefined;
  const log = { error: (obj: unknown, msg: string) => errors.push({ obj, msg }), warn: noop, info: noop, debug: noop, trace: noop, fatal: noop, child: () => log } as unknown as FastifyBaseLogger;
  return { log, errors };
}

describe('IndexHolder', () => {
  it('logs a failing cache fill instead of leaving an unhandled rejection', async () => {
    // Vectors that lost a label, slipped past verification (built here by hand, as loadIndex would refuse them).
    const damagedDir = path.join(work, 'damaged');
    await cp(loaded.dir, damagedDir, { recursive: true });
    await dropVectorLabel(damagedDir, loaded.passages.length - 1);
    const vectors = new hnswlib.HierarchicalNSW('cosine', loaded.manifest.embedder.dimension);
    await vectors.readIndex(path.join(damagedDir, 'vectors.hnsw'));

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { log, errors } = captureLog();
      const holder = new IndexHolder(loaded, { indexDir: path.join(work, 'index'), modelsDir: 'models' }, log);
      holder.swap({ ...loaded, vectors });
      while (errors.length === 0) await new Promise((r) => setTimeout(r, 10));
      expect(errors[0]!.msg).toMatch(/cache fill failed/);
      expect(JSON.stringify(errors[0]!.obj)).toMatch(/Label not found/);
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
