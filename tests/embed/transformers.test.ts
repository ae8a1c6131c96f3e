import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransformersEmbedder,
  isModelAvailable,
  missingModelFiles,
  SERVING_ONNX_THREADS,
  type TransformersEmbedder,
} from '../../indexer/embed/transformers.js';

// A 2-layer BERT with random weights (hidden size 32): exercises the code path, its vectors mean nothing.
const MODELS_DIR = 'tests/fixtures/models';
const MODEL_ID = 'tiny-random-bert-ru';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
const maxDifference = (a: Float32Array, b: Float32Array) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('transformers.js embedder with the tiny fixture model', () => {
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    // In this thread, so that batches of 3 are what the batching test compares (passage-pool.test.ts covers workers).
    embedder = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR, batchSize: 3, usePrefixes: true, passageWorkers: 0 });
  });
  afterAll(async () => {
    await embedder.dispose();
  });

  it('knows whether a model is present locally', () => {
    expect(isModelAvailable(MODELS_DIR, MODEL_ID)).toBe(true);
    expect(isModelAvailable(MODELS_DIR, 'Xenova/multilingual-e5-small')).toBe(false);
    expect(missingModelFiles('models-nowhere', 'Xenova/multilingual-e5-small')).toHaveLength(4);
  });

  it('loads from the local folder with downloads disabled and reports its identity', () => {
    expect(embedder.kind).toBe('transformers');
    expect(embedder.dimension).toBe(32);
    expect(embedder.id).toBe('transformers:tiny-random-bert-ru@q8');
  });

  it('gives unit-length vectors; batching gives the same vectors as one by one', async () => {
    const passages = [
      'Здравоохранение: внедрение телемедицинских технологий в районах края',
      'ЕПГУ',
      'Обеспечение образовательных организаций широкополосным доступом к сети Интернет',
      'школы',
      'Развитие городской среды и цифровизация ЖКХ',
    ].map((text) => ({ text, sectionPath: '4.2. Здравоохранение', sector: 'health' as const }));
    const batched = await embedder.embedPassages(passages);
    expect(batched).toHaveLength(5);
    for (const [i, passage] of passages.entries()) {
      const [single] = await embedder.embedPassages([passage]);
      expect(norm(batched[i]!)).toBeCloseTo(1, 4);
      expect(maxDifference(batched[i]!, single!)).toBeLessThan(1e-3);
    }
  });

  it('applies the e5 prefixes to what the model sees', async () => {
    expect(embedder.queryText('школы')).toBe('query: школы');
    expect(embedder.passageText({ text: 'школы', sectionPath: 'x', sector: 'general' })).toBe('passage: школы');
    const asQuery = await embedder.embedQuery('школы');
    const [asPassage] = await embedder.embedPassages([{ text: 'школы', sectionPath: 'x', sector: 'general' }]);
    const [prefixedQuery, prefixedPassage, bare] = await embedder.embedTexts(['query: школы', 'passage: школы', 'школы']);
    expect(maxDifference(asQuery, prefixedQuery!)).toBeLessThan(1e-3);
    expect(maxDifference(asPassage!, prefixedPassage!)).toBeLessThan(1e-3);
    expect(maxDifference(asQuery, bare!)).toBeGreaterThan(1e-3);
  });

  it('embeds queries identically with the serving thread count (one ONNX Runtime thread)', async () => {
    const serving = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR, usePrefixes: true, threads: SERVING_ONNX_THREADS });
    expect(serving.id).toBe(embedder.id);
    for (const query of ['школы', 'телемедицина в районах края', 'ЕПГУ']) {
      expect(Array.from(await serving.embedQuery(query))).toEqual(Array.from(await embedder.embedQuery(query)));
    }
    await serving.dispose();
  });

  it('can prepend the section title to passages', async () => {
    const titled = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR, includeSectionTitle: true, usePrefixes: true });
    expect(titled.id).toBe('transformers:tiny-random-bert-ru@q8+title');
    expect(titled.passageText({ text: 'Текст.', sectionPath: '4. Проблемы › 4.2. Здравоохранение', sector: 'health' })).toBe(
      'passage: 4.2. Здравоохранение. Текст.',
    );
    await titled.dispose();
  });

  it('turns prefixes on by default only for e5 models', async () => {
    const plain = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: MODELS_DIR });
    expect(plain.queryText('школы')).toBe('школы');
    await plain.dispose();
  });

  it('fails with a clear message when the model is missing and downloads are not allowed', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'models-'));
    await expect(createTransformersEmbedder({ modelsDir: empty })).rejects.toThrow(/Xenova\/multilingual-e5-small.*models\/README\.md/s);
    rmSync(empty, { recursive: true, force: true });
  });

  it('loads the fp32 model when asked for dtype fp32', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'models-'));
    cpSync(path.join(MODELS_DIR, MODEL_ID), path.join(dir, MODEL_ID), { recursive: true });
    const fp32 = await createTransformersEmbedder({ modelId: MODEL_ID, modelsDir: dir, dtype: 'fp32' });
    expect(fp32.id).toBe('transformers:tiny-random-bert-ru@fp32');
    expect(fp32.dimension).toBe(32);
    await fp32.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
});
