/**
 * English questions over Russian strategies: the real multilingual-e5-small translates the question's words into the
 * corpus's words (retrieval/cross-lingual.ts), through a real index of a small corpus built with it, and a real
 * server reports the translations.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectLexiconTerms, collectVocabulary, vocabularyFileSchema } from '../../indexer/index/vocabulary.js';
import { CorpusWords, distinctWords, firstWords, foreignRuns, isCrossLingual, splitRun, translateQuestion } from '../../retrieval/cross-lingual.js';
import { search } from '../../retrieval/methods/search.js';
import { DEFAULT_RETRIEVAL } from '../../retrieval/options.js';
import { SearchIndex } from '../../retrieval/search-index.js';
import { buildModelIndexOf, getJson, startAppOn } from '../server/helpers.js';

/** Two short strategies: telemedicine and teachers in Tver, roads and waste in Tyumen. */
const DOCUMENTS: Record<string, string> = {
  'tver.txt': `Стратегия цифровой трансформации Тверской области

1. Здравоохранение
Телемедицинские консультации проводятся для жителей отдалённых сёл: врач консультирует пациента дистанционно.
Число телемедицинских консультаций вырастет вдвое, каждая больница подключена к защищённой сети.
Каждый пациент видит свою электронную медицинскую карту в личном кабинете.

2. Образование
Учителя проходят переподготовку по цифровым компетенциям, школы получают интерактивное оборудование.
Для учителей создана платформа методической поддержки, в школах работает электронный дневник.
`,
  'tyumen.txt': `Стратегия цифровой трансформации Тюменской области

1. Транспорт
Ремонт дорог планируется по данным датчиков, состояние дорог отображается на карте.
Интеллектуальная транспортная система управляет светофорами и снижает заторы на дорогах.
Общественный транспорт оснащается навигацией, остановки показывают время прибытия автобусов.

2. Городская среда
Вывоз отходов контролируется по датчикам наполнения контейнеров, маршруты мусоровозов строятся автоматически.
`,
};

describe('cross-lingual questions, without the model', () => {
  it('treats a question as foreign when it is mostly Latin letters', () => {
    expect(isCrossLingual('telemedicine in rural areas')).toBe(true);
    expect(isCrossLingual('телемедицина в сёлах')).toBe(false);
    expect(isCrossLingual('ИТ-специалисты for IT')).toBe(false);
  });

  it('translates content words only, each once', () => {
    expect(distinctWords(foreignRuns('How do the regions train teachers and Teachers of IT?'))).toEqual(['train', 'teachers', 'IT']);
    expect(distinctWords(foreignRuns('телемедицина'))).toEqual([]);
  });

  it('finds the closest corpus words above the threshold, closest first, at most the limit', () => {
    const unit = (x: number, y: number) => Float32Array.from([x, y].map((v) => v / Math.hypot(x, y)));
    const words = new CorpusWords(['дорога', 'школа', 'врач'], Float32Array.from([...unit(1, 0), ...unit(0, 1), ...unit(1, 1)]), 2);
    expect(words.nearest(unit(1, 0.1), 5, 0.5).map((w) => w.word)).toEqual(['дорога', 'врач']);
    expect(words.nearest(unit(1, 0.1), 1, 0.5).map((w) => w.word)).toEqual(['дорога']);
    expect(words.nearest(unit(-1, -1), 5, 0.5)).toEqual([]);
  });

  it('scores every row exactly, however many rows there are and whichever is asked first', () => {
    // 9 single words (two blocks of four and one more) and 2 phrases, in 3 dimensions.
    const rows = Array.from({ length: 11 }, (_, i) => [Math.cos(i), Math.sin(i), 0.5 * ((i % 3) - 1)]);
    const unitRows = rows.map((r) => r.map((v) => v / Math.hypot(...r)));
    const names = [...Array.from({ length: 9 }, (_, i) => `слово${i}`), 'фраза один', 'фраза два'];
    const words = new CorpusWords(names, Float32Array.from(unitRows.flat()), 3, 7);
    const query = Float32Array.from([0.6, 0.8, 0]);
    const cosine = (i: number) => Math.round(unitRows[i]!.reduce((sum, v, k) => sum + Math.fround(v) * query[k]!, 0) * 1000) / 1000;
    // The closer phrase; on a tie, the first in alphabetical order.
    const closerPhrase = cosine(9) > cosine(10) ? 'фраза один' : 'фраза два';
    expect(words.nearestPhrase(query, -1)).toEqual({ word: closerPhrase, similarity: Math.max(cosine(9), cosine(10)) });
    const all = words.nearest(query, 20, -1);
    expect(all.map((w) => w.word).sort()).toEqual(names.slice(0, 9).sort());
    for (const w of all) expect(w.similarity).toBe(cosine(names.indexOf(w.word)));
    expect(words.closestWordSimilarity(query)).toBe(Math.max(...names.slice(0, 9).map((_, i) => cosine(i))));
  });

  it('cuts the question into runs of content words at punctuation, function words and region names; a hyphen joins', () => {
    expect(foreignRuns('long-term care for the elderly, public transport')).toEqual([['long', 'term', 'care'], ['elderly'], ['public', 'transport']]);
    expect(foreignRuns('transport of the public | IT staff')).toEqual([['transport'], ['public'], ['IT', 'staff']]);
    expect(distinctWords(foreignRuns('public health and public transport'))).toEqual(['public', 'health', 'transport']);
    // Only the first distinct words are translated (a repeat is free): the cost of a long question stays bounded.
    expect(firstWords([['public', 'health'], ['public', 'transport', 'fares']], 3)).toEqual([['public', 'health'], ['public', 'transport']]);
    expect(firstWords([['a', 'b'], ['c']], 2)).toEqual([['a', 'b']]);
  });

  it('splits a run into the words and phrases that explain it best, phrases credited with the margin', () => {
    const phrase = (start: number, n: number, similarity: number) => ({ start, n, to: { word: `p${start}${n}`, similarity } });
    // "public transport": 0.936 + 0.963 alone against 2 × (0.917 + 0.05) as a phrase.
    expect(splitRun([0.936, 0.963], [phrase(0, 2, 0.917)], 0.05)).toEqual([phrase(0, 2, 0.917)]);
    expect(splitRun([0.936, 0.963], [phrase(0, 2, 0.917)], 0)).toEqual([0, 1]);
    // "data protection hackers": a phrase of all three loses to "data protection" + "hackers".
    const dataProtection = phrase(0, 2, 0.933);
    expect(splitRun([0.9, 0.91, 0.952], [phrase(0, 3, 0.9), dataProtection], 0.05)).toEqual([dataProtection, 2]);
    // A tie keeps the words.
    expect(splitRun([0.9, 0.9], [phrase(0, 2, 0.85)], 0.05)).toEqual([0, 1]);
  });

  it('matches single-word lexicon terms at their own threshold, and lexicon phrases only as phrases', () => {
    const unit = (x: number, y: number) => Float32Array.from([x, y].map((v) => v / Math.hypot(x, y)));
    // Rows 0–1 are corpus words, rows 2–3 lexicon terms (dictionary forms and a phrase).
    const words = new CorpusWords(['дорог', 'школы', 'хакер', 'общественный транспорт'], Float32Array.from([...unit(1, 0), ...unit(0, 1), ...unit(1, 1), ...unit(1, 0.1)]), 2, 2);
    // «хакер» is 0.77 close: in at a lexicon threshold of 0.7, out at 0.9; the phrase never comes as a single word.
    expect(words.nearest(unit(1, 0.1), 5, 0.5, 0.9).map((w) => w.word)).toEqual(['дорог']);
    expect(words.nearest(unit(1, 0.1), 5, 0.5, 0.7).map((w) => w.word)).toEqual(['дорог', 'хакер']);
    expect(words.nearestPhrase(unit(1, 0.1), 0.9)?.word).toBe('общественный транспорт');
    expect(words.nearestPhrase(unit(0, 1), 0.9)).toBeUndefined();
    // Two spellings of one word family count once, the closer one.
    const family = new CorpusWords(['хакеров', 'школы', 'хакер'], Float32Array.from([...unit(1, 0.1), ...unit(0, 1), ...unit(1, 0)]), 2, 2);
    expect(family.nearest(unit(1, 0), 2, 0.5).map((w) => w.word)).toEqual(['хакер']);
  });

  it('embeds only lexicon terms whose every word the corpus uses, never a corpus word twice', () => {
    const passages = [{ text: 'Общественный транспорт и хакеры. Дороги.' }];
    const concepts = [{ id: 'r-test', terms: ['общественный транспорт', 'хакер', 'пассажирский транспорт', 'дороги', 'GPS'] }];
    expect(collectLexiconTerms(passages, ['дороги'], concepts)).toEqual(['общественный транспорт', 'хакер']);
    // «СВО» shares its stem with «своих»: an acronym must be written as one.
    const acronym = [{ id: 'r-test', terms: ['участник СВО', 'участник'] }];
    expect(collectLexiconTerms([{ text: 'Участник проекта и своих программ.' }], [], acronym)).toEqual(['участник']);
    expect(collectLexiconTerms([{ text: 'Каждый участник СВО.' }], [], acronym)).toEqual(['участник', 'участник СВО']);
  });

  it('reads where the lexicon terms start in a vocabulary file, and refuses a position past its words', () => {
    const vectors = Buffer.alloc(2 * 2 * 4).toString('base64');
    expect(vocabularyFileSchema.parse({ dimension: 2, words: ['дороги', 'хакер'], vectors }).lexiconFrom).toBe(2);
    expect(vocabularyFileSchema.parse({ dimension: 2, words: ['дороги', 'хакер'], vectors, lexiconFrom: 1 }).lexiconFrom).toBe(1);
    for (const lexiconFrom of [3, -1, 1.5, '1']) expect(vocabularyFileSchema.safeParse({ dimension: 2, words: ['дороги', 'хакер'], vectors, lexiconFrom }).success).toBe(false);
  });

  it('collects one spelling per word family, and refuses a vocabulary file whose vectors do not fit its words', () => {
    const words = collectVocabulary([{ text: 'Дороги, дорог и дороги; школы, школы, школ. Врач.' }], { minCount: 2 });
    expect(words).toEqual(['дороги', 'школы']);
    const bad = { dimension: 4, words: ['дороги'], vectors: Buffer.alloc(12).toString('base64') };
    expect(vocabularyFileSchema.safeParse(bad).success).toBe(false);
  });
});

describe('cross-lingual questions with multilingual-e5-small', () => {
  let dir: string;
  let index: SearchIndex;
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'regstrat-cross-lingual-'));
    // Every word of so small a corpus is embedded (the default keeps words seen at least 3 times).
    const loaded = await buildModelIndexOf(dir, DOCUMENTS, { minCount: 1 });
    expect(loaded.vocabulary?.words).toContain('учителей');
    index = new SearchIndex(loaded);
    ({ app, baseUrl } = await startAppOn(loaded, {}));
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('translates English words into the corpus words that mean the same', async () => {
    const translations = await translateQuestion(index, 'consultations for teachers', DEFAULT_RETRIEVAL);
    const to = Object.fromEntries((translations ?? []).map((t) => [t.word, t.to.map((w) => w.word)]));
    expect(to['consultations']?.[0]).toMatch(/^консультаци/);
    expect(to['teachers']?.[0]).toMatch(/^учител/);
    const telemedicine = await translateQuestion(index, 'telemedicine', DEFAULT_RETRIEVAL);
    expect(telemedicine?.[0]?.to[0]?.word).toMatch(/^телемедицин/);
    const capped = await translateQuestion(index, 'teachers, roads, telemedicine, waste, schools', { ...DEFAULT_RETRIEVAL, translationMaxWords: 2 });
    expect(capped?.map((t) => t.word)).toEqual(['teachers', 'roads']);
    expect(await translateQuestion(index, 'телемедицинские консультации', DEFAULT_RETRIEVAL)).toBeUndefined();
  });

  it('translates words that name a lexicon phrase together, into the phrase in dictionary form', async () => {
    const translations = await translateQuestion(index, 'electronic medical records and public transport', DEFAULT_RETRIEVAL);
    const to = Object.fromEntries((translations ?? []).map((t) => [t.word, t.to.map((w) => w.word)]));
    expect(to['electronic medical records']).toEqual(['электронная медицинская карта']);
    expect(to['public transport']).toEqual(['общественный транспорт']);
    expect(to['medical']).toBeUndefined();
    // Across a function word no phrase forms: "transport of the public" is two words.
    const apart = await translateQuestion(index, 'transport of the public', DEFAULT_RETRIEVAL);
    expect(apart?.map((t) => t.word)).toEqual(['transport', 'public']);
    const records = await search(index, { q: 'electronic medical records', k: 3 });
    expect(records.results[0]?.text).toMatch(/электронную медицинскую карту/);
  });

  it('finds the Russian passage an English question asks about, in the region it names', async () => {
    const teachers = await search(index, { q: 'retraining of teachers', k: 3 });
    expect(teachers.results[0]?.text).toMatch(/Учителя проходят переподготовку|Для учителей/);
    const roads = await search(index, { q: 'road repair in Tyumen region', k: 3 });
    expect(roads.appliedFilters.regions.map((r) => r.regionId)).toEqual(['tyumen']);
    expect(roads.results[0]?.text).toMatch(/Ремонт дорог/);
  });

  it('reports every region missing for an English question the corpus cannot answer', async () => {
    const answer = await search(index, { q: 'nuclear submarines', groupBy: 'region', k: 3 });
    expect(answer.missingRegions?.map((r) => r.regionId).sort()).toEqual(['tver', 'tyumen']);
  });

  it('reports the translations and highlights the Russian words over HTTP', async () => {
    const res = await getJson<{ appliedFilters: { translations: { from: string; to: string }[] }; results: { text: string; highlights: unknown[] }[] }>(
      baseUrl,
      '/api/search?q=telemedicine%20consultations&k=3',
    );
    expect(res.status).toBe(200);
    expect(res.body.appliedFilters.translations.find((t) => t.from.startsWith('telemedicine'))?.to).toMatch(/телемедицинск/);
    expect(res.body.results[0]?.text).toMatch(/Телемедицинские консультации/);
    expect(res.body.results[0]?.highlights.length).toBeGreaterThan(0);
  });
});
