import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreEmbedder, selectEmbedder } from '../../indexer/embed/select.js';
import type { Passage } from '../../indexer/types.js';
import { testPassage } from '../fixtures/passage.js';

const passage = (text: string, ordinal: number, sector: Passage['sector'], title: string) => testPassage(text, ordinal, { sector, title });

const passages = [
  passage('Внедрение телемедицинских консультаций в районных больницах', 0, 'health', 'Здравоохранение'),
  passage('Обеспечение школ высокоскоростным доступом к сети Интернет', 1, 'education', 'Образование и наука'),
  passage('Оплата проезда в общественном транспорте банковской картой', 2, 'transport', 'Транспорт и логистика'),
];

describe('selectEmbedder / restoreEmbedder', () => {
  // A models folder laid out like production, holding the tiny fixture model under the id we ask for.
  let modelsDir: string;
  beforeAll(() => {
    modelsDir = mkdtempSync(path.join(tmpdir(), 'models-'));
    cpSync('tests/fixtures/models/tiny-random-bert-ru', path.join(modelsDir, 'test', 'tiny-bert'), { recursive: true });
  });
  afterAll(() => rmSync(modelsDir, { recursive: true, force: true }));

  it('auto: falls back to the offline embedder when the production model is absent, and says why', async () => {
    const selected = await selectEmbedder({ embedder: 'auto', modelsDir: path.join(modelsDir, 'none') }, passages);
    expect(selected.embedder.kind).toBe('offline');
    expect(selected.reason).toMatch(/not found in .*offline/);
    const restored = await restoreEmbedder(
      { id: selected.embedder.id, kind: 'offline' },
      JSON.parse(JSON.stringify(selected.state)),
    );
    expect(await restored.embedQuery('врачи')).toEqual(await selected.embedder.embedQuery('врачи'));
  });

  it('auto: picks the transformers model when its files are present', async () => {
    const selected = await selectEmbedder({ embedder: 'auto', modelsDir, modelId: 'test/tiny-bert' }, passages);
    expect(selected.embedder.kind).toBe('transformers');
    expect(selected.embedder.id).toBe('transformers:test/tiny-bert@q8');
    expect(selected.modelId).toBe('test/tiny-bert');
    expect(selected.reason).toMatch(/found in/);
    const restored = await restoreEmbedder(
      { id: selected.embedder.id, kind: 'transformers', modelId: 'test/tiny-bert' },
      selected.state,
      { modelsDir },
    );
    expect(await restored.embedQuery('школы')).toEqual(await selected.embedder.embedQuery('школы'));
  });

  it('offline on request even when a model is present', async () => {
    const selected = await selectEmbedder({ embedder: 'offline', modelsDir, modelId: 'test/tiny-bert' }, passages);
    expect(selected.embedder.kind).toBe('offline');
    expect(selected.reason).toBe('requested --embedder offline');
  });

  it('transformers on request without the model is an error that says what to do', async () => {
    await expect(selectEmbedder({ embedder: 'transformers', modelsDir: path.join(modelsDir, 'none') }, passages)).rejects.toThrow(
      /models\/README\.md.*--embedder offline/s,
    );
  });

  it('refuses a corrupt embedder state with a clear message', async () => {
    await expect(restoreEmbedder({ id: 'offline-concept@1', kind: 'offline' }, { format: 'nope' })).rejects.toThrow(/embedder\.json/);
    await expect(restoreEmbedder({ id: 'transformers:x@q8', kind: 'transformers' }, null)).rejects.toThrow(/embedder\.json/);
  });
});
