import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../indexer/corpus/read-corpus.js';
import {
  fitOfflineEmbedder,
  loadOfflineEmbedder,
  OFFLINE_EMBEDDER_ID,
  type OfflineConceptEmbedder,
} from '../../indexer/embed/offline/embedder.js';
import type { Passage, PassageForEmbedding } from '../../indexer/types.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(cosine(a, a));
const forEmbedding = (p: Passage): PassageForEmbedding => ({ text: p.text, sectionPath: p.section.path, sector: p.sector });

describe('offline concept embedder on the bundled corpus', () => {
  let passages: Passage[];
  let embedder: OfflineConceptEmbedder;
  const find = (pattern: RegExp) => {
    const found = passages.find((p) => pattern.test(p.text));
    if (!found) throw new Error(`no passage matches ${pattern}`);
    return found;
  };

  beforeAll(async () => {
    const corpus = await readCorpus('corpus');
    passages = corpus.documents.flatMap((d) => d.passages);
    embedder = await fitOfflineEmbedder(passages);
  });

  it('identifies itself as offline', () => {
    expect(embedder.id).toBe(OFFLINE_EMBEDDER_ID);
    expect(embedder.kind).toBe('offline');
    expect(embedder.dimension).toBe(1024);
    expect(embedder.description).toMatch(/no neural model/);
  });

  it('gives unit-length vectors of its dimension, for passages and queries (even with unknown words)', async () => {
    const vectors = await embedder.embedPassages(passages.slice(0, 20).map(forEmbedding));
    for (const vector of vectors) {
      expect(vector).toHaveLength(1024);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    for (const query of ['школы', 'абырвалг', '', '2024']) expect(norm(await embedder.embedQuery(query))).toBeCloseTo(1, 5);
  });

  it('is deterministic: a second fit gives identical vectors', async () => {
    const again = await fitOfflineEmbedder(passages);
    expect(again.fingerprint).toBe(embedder.fingerprint);
    const sample = passages.slice(0, 5).map(forEmbedding);
    expect(await again.embedPassages(sample)).toEqual(await embedder.embedPassages(sample));
    expect(await again.embedQuery('нехватка учителей')).toEqual(await embedder.embedQuery('нехватка учителей'));
  });

  it('restores from its JSON state with identical query vectors', async () => {
    const restored = await loadOfflineEmbedder(JSON.parse(JSON.stringify(embedder.toJSON())));
    expect(restored.fingerprint).toBe(embedder.fingerprint);
    for (const query of ['запись к доктору через интернет', 'ЕПГУ', 'как привлечь молодых программистов в регион']) {
      expect(await restored.embedQuery(query)).toEqual(await embedder.embedQuery(query));
    }
  });

  it('rejects a malformed state with a message naming the field', async () => {
    const broken = { ...embedder.toJSON(), dimension: 'wide' };
    await expect(loadOfflineEmbedder(broken)).rejects.toThrow(/dimension.*npm run index/);
  });

  it.each([
    // each query shares no content word with the passages it should prefer
    ['запись к доктору через интернет', /запис\p{L}*\s+(\p{L}+\s+){0,2}(к\s+врач|на\s+при[её]м)/iu, /пассажир|автобус/i],
    ['нехватка айтишников', /дефицит\p{L}*\s+(\S+\s+){0,3}(кадр|специалист)/iu, /водоснабжен|дорожн/i],
    ['лекарства без бумажного бланка', /электронн\p{L}*\s+рецепт/iu, /общественн\p{L}*\s+транспорт/iu],
  ])('a paraphrase "%s" is closer to the passages it means than to unrelated ones', async (query, relevant, unrelated) => {
    const meanSimilarity = async (pattern: RegExp) => {
      const matching = passages.filter((p) => pattern.test(p.text));
      expect(matching.length).toBeGreaterThan(0);
      const q = await embedder.embedQuery(query);
      const vectors = await embedder.embedPassages(matching.map(forEmbedding));
      return vectors.reduce((sum, v) => sum + cosine(q, v), 0) / vectors.length;
    };
    expect(await meanSimilarity(relevant)).toBeGreaterThan((await meanSimilarity(unrelated)) + 0.05);
  });

  it('lets passages inherit their section: a school question prefers education passages that never say "школа"', async () => {
    const meanSimilarity = async (selected: Passage[]) => {
      expect(selected.length).toBeGreaterThan(5);
      const q = await embedder.embedQuery('школы и учителя');
      const vectors = await embedder.embedPassages(selected.map(forEmbedding));
      return vectors.reduce((sum, v) => sum + cosine(q, v), 0) / vectors.length;
    };
    const education = passages.filter((p) => p.sector === 'education' && !/школ|учител|педагог/i.test(p.text));
    const transport = passages.filter((p) => p.sector === 'transport');
    expect(await meanSimilarity(education)).toBeGreaterThan(await meanSimilarity(transport));
  });

  it("reads a sentence on its own: a passage's features include what its section lends, a sentence's only its own", () => {
    // An education passage that never names its topic: the sector lends it the concept.
    const passage = passages.find((p) => p.sector === 'education' && !embedder.textFeatureSet(p.text).has('c:education'));
    if (!passage) throw new Error('no education passage without an education word');
    const own = embedder.textFeatureSet(passage.text);
    const lent = embedder.passageFeatureSet(forEmbedding(passage));
    for (const feature of own) expect(lent.has(feature)).toBe(true);
    expect(lent.has('c:education')).toBe(true);
    expect(embedder.textFeatureSet('Учителя получают интерактивные доски')).toContain('c:education');
  });

  it('expresses a word the corpus lacks through its thesaurus synonyms, marked as weak evidence', async () => {
    const [revision] = embedder.queryConcepts('ревизии');
    expect(revision).toMatchObject({ lemma: 'ревизия', known: false, weak: true });
    expect(revision!.features).toContain('w:проверка');
    const without = await fitOfflineEmbedder(passages, { thesaurus: 'off' });
    expect(without.queryConcepts('ревизии')[0]!.features).toEqual([]);
    // A word the corpus has keeps its own evidence, without synonyms.
    expect(embedder.queryConcepts('проверки')[0]).toMatchObject({ lemma: 'проверка', known: true, weak: false });
  });

  it('reads a compound abbreviation the corpus lacks as the two words it spells out', () => {
    expect(embedder.queryConcepts('хакеры атакуют госсистемы').map((u) => u.lemma)).toEqual(['хакер', 'атаковать', 'государственный', 'система']);
  });

  it('matches an abbreviation with the expansion the corpus defines', async () => {
    const q = await embedder.embedQuery('единая государственная информационная система социального обеспечения');
    const [withAbbreviation, other] = await embedder.embedPassages([
      forEmbedding(find(/ЕГИССО/)),
      forEmbedding(find(/общественн\p{L}*\s+транспорт/iu)),
    ]);
    expect(cosine(q, withAbbreviation!)).toBeGreaterThan(cosine(q, other!));
  });
});
