/**
 * The text multilingual-e5-small embeds for a question holding an abbreviation: the abbreviation spelled out after
 * it (QueryPlan.modelText), so the model's own similarity finds passages that spell the thing out, through a real
 * index of a small corpus built with the real model.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { search } from '../../retrieval/methods/search.js';
import { DEFAULT_RETRIEVAL } from '../../retrieval/options.js';
import { understandQuery } from '../../retrieval/query-understanding.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { buildModelIndexOf } from '../server/helpers.js';

/** The abbreviation is defined once; the other transport passage spells the thing out without it. */
const DOCUMENTS: Record<string, string> = {
  'tyumen.txt': `Стратегия цифровой трансформации Тюменской области

1. Транспорт
В агломерации будут внедрены интеллектуальные транспортные системы (ИТС).

2. Дороги
Светофоры переключаются по данным датчиков транспортного потока, заторы на перекрёстках сокращаются.

3. Образование
Школы получают интерактивное оборудование, учителя проходят переподготовку по цифровым компетенциям.
`,
  'tver.txt': `Стратегия цифровой трансформации Тверской области

1. Здравоохранение
Телемедицинские консультации проводятся для жителей отдалённых сёл, больницы подключены к защищённой сети.

2. Социальная сфера
Меры социальной поддержки назначаются проактивно, без заявления гражданина.
`,
};

describe('the text the neural model embeds for a question', () => {
  let dir: string;
  let index: SearchIndex;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'regstrat-model-text-'));
    index = new SearchIndex(await buildModelIndexOf(dir, DOCUMENTS));
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('spells out an abbreviation after it, and leaves a question without one as it is', () => {
    const plan = understandQuery(index, 'ИТС', {}, DEFAULT_RETRIEVAL);
    expect(plan.text).toBe('ИТС');
    expect(plan.modelText).toMatch(/^ИТС \(интеллектуальн[а-я]* транспортн[а-я]* систем[а-я]*\)$/u);
    expect(understandQuery(index, 'телемедицинские консультации', {}, DEFAULT_RETRIEVAL).modelText).toBe('телемедицинские консультации');
  });

  it('is what the semantic leg embeds', async () => {
    const plan = understandQuery(index, 'ИТС', {}, DEFAULT_RETRIEVAL);
    const embedded = vi.spyOn(index, 'queryVector');
    try {
      await search(index, { q: 'ИТС', mode: 'semantic', k: 3 });
      expect(embedded).toHaveBeenCalledWith(plan.modelText);
      expect(embedded).not.toHaveBeenCalledWith('ИТС');
    } finally {
      embedded.mockRestore();
    }
  });

  it('moves the question, in the model, toward the passage that spells the abbreviation out more than toward unrelated ones', async () => {
    const plan = understandQuery(index, 'ИТС', {}, DEFAULT_RETRIEVAL);
    const label = (start: string) => index.passages.findIndex((p) => p.text.startsWith(start));
    const passages = { roads: label('Светофоры'), schools: label('Школы'), health: label('Телемедицинские'), social: label('Меры социальной') };
    expect(Object.values(passages).every((l) => l >= 0)).toBe(true);
    const gain = async (l: number) => index.cosine(await index.queryVector(plan.modelText), l) - index.cosine(await index.queryVector(plan.text), l);
    const gains = { roads: await gain(passages.roads), schools: await gain(passages.schools), health: await gain(passages.health), social: await gain(passages.social) };
    expect(gains.roads).toBeGreaterThan(Math.max(gains.schools, gains.health, gains.social));
  });
});
