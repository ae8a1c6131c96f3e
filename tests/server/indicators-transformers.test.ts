import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorsResponse } from '../../retrieval/methods/indicators.js';
import { buildTinyModelIndex, getJson, startAppOn, TINY_MODEL } from './helpers.js';

/**
 * The indicators work with whichever embedder built the index: here a transformers.js model (a tiny random-weight
 * BERT from tests/fixtures/models standing in for e5), on one document.
 */
let dir: string;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'indicators-transformers-'));
  const { indexDir, loaded } = await buildTinyModelIndex(dir);
  ({ app, baseUrl: base } = await startAppOn(loaded, { indexDir, modelsDir: TINY_MODEL.modelsDir }));
}, 300_000);

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/indicators on an index built with a transformers.js model', () => {
  it('finds the rows and names the embedder that answered', async () => {
    const { status, body } = await getJson<IndicatorsResponse>(base, `/api/indicators?q=${encodeURIComponent('доля записей на прием к врачу')}&k=1`);
    expect(status).toBe(200);
    expect(body.embedder.kind).toBe('transformers');
    expect(body.indicators[0]).toMatchObject({ regionId: 'tyumen', values: [{ raw: '48' }, { raw: '56' }, { raw: '63' }] });
  });
});
