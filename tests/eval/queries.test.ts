/**
 * The evaluation set itself: valid, large and varied enough, and every judgment rule finds text in its region of the
 * bundled corpus. Checked on fixed ~700-character windows of the raw texts so it does not depend on the indexer's
 * chunking (the evaluation runner re-checks the rules against the real passages with `findUnmatchedRules`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initMorphology, lemmatize, stem } from '../../indexer/nlp/morphology.js';
import { isStopword } from '../../indexer/nlp/stopwords.js';
import { SECTORS } from '../../indexer/types.js';
import { compileJudgment, compilePattern, isRelevant, loadEvalSet, normalizeForJudging } from './judge.js';
import { loadQueryFile } from './run.js';
import { EVAL_REGION_IDS, type EvalQuery } from './schema.js';

const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');
const WINDOW = 700;
const STEP = 550;

function corpusWindows(regionId: string): { regionId: string; text: string }[] {
  const text = normalizeForJudging(fs.readFileSync(path.join(CORPUS_DIR, `${regionId}.txt`), 'utf8'));
  const windows = [];
  for (let start = 0; start < text.length; start += STEP) windows.push({ regionId, text: text.slice(start, start + WINDOW) });
  return windows;
}

const set = loadEvalSet();
/** Held-out sets (never used for tuning) and development sets, held to the same judging rules. */
const OTHER_SET_FILES = ['heldout-probes.json', 'heldout-probes-2.json', 'heldout-probes-3.json', 'heldout-probes-4.json', 'dev-unanswerable.json'];
const allSets: { name: string; queries: readonly EvalQuery[] }[] = [
  { name: 'queries.json', queries: set.queries },
  ...OTHER_SET_FILES.map((file) => ({ name: file, queries: loadQueryFile(path.join(import.meta.dirname, file)).queries })),
];
const windows = EVAL_REGION_IDS.flatMap(corpusWindows);
const count = (kind: string): number => set.queries.filter((query) => query.kind === kind).length;

describe('evaluation set', () => {
  it('has at least 80 queries of every kind, with ≥ 25 paraphrases and ≥ 6 unanswerable ones', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(80);
    expect(count('paraphrase')).toBeGreaterThanOrEqual(25);
    expect(count('none')).toBeGreaterThanOrEqual(6);
    for (const kind of ['exact', 'abbreviation', 'region', 'topic']) expect(count(kind), kind).toBeGreaterThanOrEqual(8);
  });

  it('covers every sector, and every region among region-specific questions', () => {
    const sectors = new Set(set.queries.map((query) => query.sector));
    for (const sector of SECTORS) expect(sectors.has(sector), sector).toBe(true);
    const named = new Set(set.queries.map((query) => query.namedRegion));
    for (const region of EVAL_REGION_IDS) expect(named.has(region), region).toBe(true);
  });

  it('has region ids that are the bundled corpus files', () => {
    for (const region of EVAL_REGION_IDS) expect(fs.existsSync(path.join(CORPUS_DIR, `${region}.txt`)), region).toBe(true);
  });

  it('has query ids unique across the main and held-out sets', () => {
    const ids = allSets.flatMap((s) => s.queries.map((q) => q.id));
    expect(ids.length).toBe(new Set(ids).size);
  });
});

describe.each(allSets)('judgments of $name', ({ queries }) => {
  it('has judgment rules that each match text of their region', () => {
    const unmatched: string[] = [];
    for (const query of queries) {
      const judgment = compileJudgment(query);
      for (const rule of query.relevant) {
        const ofRegion = windows.filter((window) => window.regionId === rule.region);
        if (!ofRegion.some((window) => isRelevant(window, judgment))) unmatched.push(`${query.id} → ${rule.region}`);
      }
    }
    expect(unmatched).toEqual([]);
  });

  it('has no judged region outside "regions"', () => {
    for (const query of queries) {
      for (const rule of query.relevant) expect(query.regions, query.id).toContain(rule.region);
    }
  });

  it('has unanswerable queries whose key terms occur nowhere in the corpus', () => {
    const texts = EVAL_REGION_IDS.map((region) => normalizeForJudging(fs.readFileSync(path.join(CORPUS_DIR, `${region}.txt`), 'utf8')));
    for (const query of queries.filter((q) => q.kind === 'none')) {
      for (const pattern of query.absentPatterns ?? []) {
        const re = compilePattern(pattern);
        expect(texts.some((text) => re.test(text)), `${query.id}: /${pattern}/ occurs in the corpus`).toBe(false);
      }
    }
  });
});

// The first held-out probes were written as everyday wording without this rule (some share a word such as
// «интернет» with their passages); the main set and later held-out sets follow it.
describe.each(allSets.filter((s) => s.name !== 'heldout-probes.json'))('paraphrase queries of $name', ({ queries }) => {
  beforeAll(() => initMorphology());
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

  it('share no content lemma and no Snowball stem with the text they should find', () => {
    const overlaps: string[] = [];
    for (const query of queries.filter((q) => q.kind === 'paraphrase')) {
      const judgment = compileJudgment(query);
      const content = words(query.query).filter((word) => !isStopword(lemmatize(word)));
      const lemmas = new Set<string>();
      const stems = new Set<string>();
      for (const window of windows.filter((w) => isRelevant(w, judgment))) {
        for (const word of words(window.text)) {
          lemmas.add(lemmatize(word));
          stems.add(stem(word));
        }
      }
      const shared = content.filter((word) => lemmas.has(lemmatize(word)) || stems.has(stem(word)));
      if (shared.length) overlaps.push(`${query.id}: ${shared.join(', ')}`);
    }
    expect(overlaps).toEqual([]);
  });
});
