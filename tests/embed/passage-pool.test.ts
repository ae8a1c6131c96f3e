import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PassageWorkerPool } from '../../indexer/embed/passage-pool.js';
import { createTransformersEmbedder, type TransformersEmbedder } from '../../indexer/embed/transformers.js';

// The tiny fixture BERT (random weights): the worker threads run the same ONNX file as the calling thread.
const MODELS_DIR = 'tests/fixtures/models';
const MODEL_ID = 'tiny-random-bert-ru';

const PASSAGES = [
  'Здравоохранение: внедрение телемедицинских технологий в районах края',
  'ЕПГУ',
  'Обеспечение образовательных организаций широкополосным доступом к сети Интернет, включая сельские школы и фельдшерско-акушерские пункты',
  'школы',
  'Развитие городской среды и цифровизация ЖКХ',
  'Доля массовых социально значимых услуг, доступных в электронном виде, достигнет 95 % к 2030 году',
  'МФЦ',
].map((text) => ({ text, sectionPath: '4.2. Здравоохранение', sector: 'health' as const }));

const maxDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('passage workers', () => {
  let inThread: TransformersEmbedder;

  beforeAll(async () => {
    inThread = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR, passageWorkers: 0 });
  });
  afterAll(async () => {
    await inThread.dispose();
  });

  it('embed passages on worker threads, in input order, with the vectors the calling thread gives', async () => {
    const pooled = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR, passageWorkers: 2 });
    const expected = await inThread.embedPassages(PASSAGES);
    const vectors = await pooled.embedPassages(PASSAGES);
    expect(vectors).toHaveLength(PASSAGES.length);
    vectors.forEach((vector, i) => expect(maxDifference(vector, expected[i]!)).toBeLessThan(1e-3));
    // Reversed input gives the same vector per passage: nothing is matched up by position in a batch.
    const reversed = await pooled.embedPassages([...PASSAGES].reverse());
    reversed.forEach((vector, i) => expect(maxDifference(vector, expected[PASSAGES.length - 1 - i]!)).toBeLessThan(1e-3));
    await pooled.dispose();
  });

  it('fall back to the calling thread, saying why on stderr, when they cannot load the model', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'models-'));
    cpSync(path.join(MODELS_DIR, MODEL_ID), path.join(dir, MODEL_ID), { recursive: true });
    const embedder = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: dir, passageWorkers: 2 });
    // The calling thread has its model; the workers, started on first use, find none.
    rmSync(path.join(dir, MODEL_ID, 'onnx'), { recursive: true, force: true });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const vectors = await embedder.embedPassages(PASSAGES.slice(0, 3));
      const expected = await inThread.embedPassages(PASSAGES.slice(0, 3));
      vectors.forEach((vector, i) => expect(maxDifference(vector, expected[i]!)).toBeLessThan(1e-3));
      expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toMatch(/passage workers could not start .*embedding passages in this thread/);
    } finally {
      stderr.mockRestore();
      await embedder.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reject every job with the reason when a worker fails, and after close', async () => {
    const pool = new PassageWorkerPool({ modelsDir: path.resolve('models-nowhere'), modelId: MODEL_ID, dtype: 'q8', padId: 0 }, 2);
    await expect(pool.run([[101, 102]])).rejects.toThrow(/passage-embedding worker (failed|stopped)/);
    await expect(pool.ready).rejects.toThrow(/passage-embedding worker/);
    await expect(pool.run([[101, 102]])).rejects.toThrow(/passage-embedding worker/);
    await pool.close();

    const working = new PassageWorkerPool({ modelsDir: path.resolve(MODELS_DIR), modelId: MODEL_ID, dtype: 'q8', padId: 0 }, 1);
    await working.ready;
    expect(await working.run([[101, 7, 102]])).toHaveLength(1);
    // A job the model refuses (a token id past the vocabulary) fails alone; the worker goes on with the next one.
    await expect(working.run([[101, 10_000_000, 102]])).rejects.toThrow(/Embedding passages failed in a worker/);
    expect(await working.run([[101, 8, 102]])).toHaveLength(1);
    await working.close();
    await expect(working.run([[101, 102]])).rejects.toThrow(/closed/);
  });

  it('do not keep a process alive once idle: a script that never disposes its embedder exits', () => {
    const script = [
      "import { createTransformersEmbedder } from './indexer/embed/transformers.ts';",
      `const e = await createTransformersEmbedder({ modelId: '${MODEL_ID}', modelsDir: '${MODELS_DIR}', passageWorkers: 2 });`,
      "const vectors = await e.embedPassages([{ text: 'школы', sectionPath: '', sector: 'general' }, { text: 'МФЦ', sectionPath: '', sector: 'general' }]);",
      "console.log('embedded', vectors.length);",
    ].join('\n');
    // A generous bound only so that a regression fails instead of hanging the suite; a pass takes a few seconds.
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout).toContain('embedded 2');
    expect(run.status).toBe(0);
  });
});
