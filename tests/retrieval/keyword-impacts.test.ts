import { describe, expect, it } from 'vitest';
import { buildKeywordIndex, keywordTerms } from '../../indexer/index/keyword.js';
import type { Sector } from '../../indexer/types.js';
import { KeywordImpacts, type GroupDepth, type ImpactQuery, type ScoredLabel } from '../../retrieval/keyword-impacts.js';
import { testPassage } from '../fixtures/passage.js';
import { seededRandom } from '../fixtures/seeded-random.js';

/**
 * Property test of the keyword leg's top-k pruning against an exhaustive scan: random corpora (real lunr indexes
 * with the product's pipeline) and random weighted queries, many depths, limits and filters. Seeded, so a failure
 * names a case that reproduces.
 */


const WORDS = [
  'школа', 'учитель', 'больница', 'врач', 'дорога', 'автобус', 'портал', 'услуга', 'данные', 'платформа', 'сеть',
  'связь', 'бюджет', 'проект', 'центр', 'система', 'цифровой', 'электронный', 'городской', 'сельский', 'телемедицина',
  'мониторинг', 'безопасность', 'кадры', 'обучение',
];
const REGIONS = ['a', 'b', 'c'];

interface Corpus {
  impacts: KeywordImpacts;
  size: number;
  regionOf: (label: number) => string;
}

function randomCorpus(next: () => number): Corpus {
  const size = 5 + Math.floor(next() * 60);
  // A skewed vocabulary: some words common, most rare, as in real text (long and short posting lists).
  const word = () => WORDS[Math.floor(WORDS.length * next() ** 2)]!;
  const regions: string[] = [];
  const passages = Array.from({ length: size }, (_, i) => {
    regions.push(REGIONS[Math.floor(next() * REGIONS.length)]!);
    const text = Array.from({ length: 1 + Math.floor(next() * 25) }, word).join(' ');
    const title = Array.from({ length: Math.floor(next() * 3) }, word).join(' ');
    return testPassage(text, i, { sector: 'general' as Sector, title });
  });
  return { impacts: new KeywordImpacts(buildKeywordIndex(passages), size), size, regionOf: (label) => regions[label]! };
}

function randomQuery(corpus: Corpus, next: () => number): ImpactQuery {
  const terms = Array.from({ length: 1 + Math.floor(next() * 5) }, () => ({
    term: keywordTerms(WORDS[Math.floor(next() * WORDS.length)]!)[0]!,
    // Boosts as query understanding gives them: 1 for typed words, less for expansions and same-root forms.
    boost: [1, 0.8, 0.6, 0.3, 0.25][Math.floor(next() * 5)]!,
  }));
  return corpus.impacts.prepare(terms);
}

/** Every passage scored, best first (ties: lower label), scores > 0 only: the ranking pruning must reproduce. */
function exhaustive(corpus: Corpus, query: ImpactQuery, accept?: (label: number) => boolean): ScoredLabel[] {
  const all: ScoredLabel[] = [];
  for (let label = 0; label < corpus.size; label++) {
    if (accept && !accept(label)) continue;
    const score = corpus.impacts.score(query, label);
    if (score > 0) all.push({ label, score });
  }
  return all.sort((a, b) => b.score - a.score || a.label - b.label);
}

/** The exhaustive ranking cut as a grouped caller reads it: the best `limit`, plus each group's best `depth`. */
function groupedCut(ranking: readonly ScoredLabel[], limit: number, groups: GroupDepth): ScoredLabel[] {
  const seen = new Map<string, number>();
  return ranking.filter((hit, rank) => {
    const group = groups.groupOf(hit.label);
    const inGroup = seen.get(group) ?? 0;
    seen.set(group, inGroup + 1);
    return rank < limit || inGroup < groups.depth;
  });
}

const CASES = 200;

describe('keyword impacts: top-k pruning against an exhaustive scan', () => {
  it('returns exactly the exhaustive top k (same passages, order and scores) when the heads cover every posting', () => {
    const next = seededRandom(13);
    for (let c = 0; c < CASES; c++) {
      const corpus = randomCorpus(next);
      const query = randomQuery(corpus, next);
      const limit = 1 + Math.floor(next() * 12);
      const filtered = next() < 0.4;
      const accept = filtered ? (label: number) => corpus.regionOf(label) !== 'a' : undefined;
      const expected = exhaustive(corpus, query, accept).slice(0, limit);
      // Depth = corpus size: every posting list is read whole, so every passage with a query term is a candidate.
      expect(corpus.impacts.search(query, corpus.size, accept, undefined, limit), `case ${c}`).toEqual(expected);
    }
  });

  it('gives a cut-off walk the same top k with pruning as without it (pruning never drops or reorders a hit)', () => {
    const next = seededRandom(7);
    for (let c = 0; c < CASES; c++) {
      const corpus = randomCorpus(next);
      const query = randomQuery(corpus, next);
      const depth = 1 + Math.floor(next() * 8);
      const limit = 1 + Math.floor(next() * 10);
      const unpruned = corpus.impacts.search(query, depth);
      const pruned = corpus.impacts.search(query, depth, undefined, undefined, limit);
      expect(pruned, `case ${c}`).toEqual(unpruned.slice(0, limit));
      // Every score is the passage's exact score, whatever the walk knew of it.
      for (const hit of unpruned) expect(hit.score).toBe(corpus.impacts.score(query, hit.label));
    }
  });

  it('with grouping, returns the exhaustive best k plus every group\'s best when the heads cover every posting', () => {
    const next = seededRandom(31);
    for (let c = 0; c < CASES; c++) {
      const corpus = randomCorpus(next);
      const query = randomQuery(corpus, next);
      const limit = 1 + Math.floor(next() * 6);
      const groups: GroupDepth = { groupOf: corpus.regionOf, depth: 1 + Math.floor(next() * 3), groups: REGIONS.length };
      const expected = groupedCut(exhaustive(corpus, query), limit, groups);
      expect(corpus.impacts.search(query, corpus.size, undefined, groups, limit), `case ${c}`).toEqual(expected);
    }
  });

  it('scores as lunr does: its own query of the same weighted terms ranks the same passages with the same scores', () => {
    const next = seededRandom(5);
    for (let c = 0; c < 50; c++) {
      const size = 5 + Math.floor(next() * 40);
      const word = () => WORDS[Math.floor(WORDS.length * next() ** 2)]!;
      const passages = Array.from({ length: size }, (_, i) => testPassage(Array.from({ length: 1 + Math.floor(next() * 20) }, word).join(' '), i, { sector: 'general', title: word() }));
      const index = buildKeywordIndex(passages);
      const impacts = new KeywordImpacts(index, size);
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => keywordTerms(word())[0]!))].map((term) => ({ term, boost: 1 }));
      const query = impacts.prepare(terms);
      const ours = impacts.search(query, size);
      const lunrs = index.query((q) => {
        for (const t of terms) q.term(t.term, { boost: t.boost, usePipeline: false });
      });
      expect(ours.map((h) => h.label), `case ${c}`).toEqual(expect.arrayContaining(lunrs.map((r) => Number(r.ref))));
      expect(ours).toHaveLength(lunrs.length);
      for (const r of lunrs) expect(ours.find((h) => h.label === Number(r.ref))!.score).toBeCloseTo(r.score, 6);
    }
  });
});

describe('keyword impacts: which terms a passage holds', () => {
  it('answers passageHas from the index for text and section terms, false for absent terms and unknown labels', () => {
    const passages = [
      testPassage('Телемедицинские консультации для сельских жителей', 0, { sector: 'health' as Sector, title: 'Здравоохранение' }),
      testPassage('Автобусы на городских маршрутах', 1, { sector: 'transport' as Sector, title: 'Транспорт' }),
    ];
    const impacts = new KeywordImpacts(buildKeywordIndex(passages), passages.length);
    const [telemed] = keywordTerms('телемедицинские');
    const [bus] = keywordTerms('автобусы');
    const [health] = keywordTerms('здравоохранение');
    expect(impacts.passageHas(0, telemed!)).toBe(true);
    expect(impacts.passageHas(0, health!)).toBe(true); // from the section path
    expect(impacts.passageHas(0, bus!)).toBe(false);
    expect(impacts.passageHas(1, bus!)).toBe(true);
    expect(impacts.passageHas(0, 'космос')).toBe(false);
    expect(impacts.passageHas(5, telemed!)).toBe(false);
    expect(impacts.passageHas(-1, telemed!)).toBe(false);
  });

  it('holds every term of every passage of a random corpus, as a scan of its text finds them', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const size = 3 + Math.floor(next() * 20);
      const texts = Array.from({ length: size }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' '));
      const impacts = new KeywordImpacts(buildKeywordIndex(texts.map((text, i) => testPassage(text, i, { sector: 'general' as Sector, title: '' }))), size);
      texts.forEach((text, label) => {
        const own = new Set(keywordTerms(text));
        for (const word of WORDS) {
          const [term] = keywordTerms(word);
          expect(impacts.passageHas(label, term!), `${label} ${word}`).toBe(own.has(term!));
        }
      });
    }
  });
});
