import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { readCorpus } from '../../indexer/corpus/read-corpus.js';
import { groupIndicators } from '../../indexer/indicators/group.js';
import { nameSimilarity } from '../../indexer/indicators/names.js';
import { parseValue } from '../../indexer/indicators/cells.js';
import type { IndicatorRow } from '../../indexer/indicators/types.js';

/** The hand-read fixture (`tests/eval/indicators-fixture.json`, see its .md). */
const fixtureRowSchema = z.object({
  region: z.string().min(1),
  sector: z.string(),
  project: z.string().optional(),
  projectNumber: z.union([z.string(), z.number()]).optional(),
  name: z.string().min(1),
  unit: z.string().optional(),
  values: z.array(z.object({ year: z.number().int(), raw: z.string() })),
  page: z.number().int().optional(),
  evidence: z.string().optional(),
});
export const indicatorsFixtureSchema = z.object({ version: z.number(), rows: z.array(fixtureRowSchema) });
export type FixtureRow = z.infer<typeof fixtureRowSchema>;

/** Below this name similarity an extracted row is not the fixture's row (see `nameSimilarity`). */
const MIN_NAME_SIMILARITY = 0.6;
/** A project name reads the same at this similarity (informational: the flattened texts cut project cells). */
const SAME_PROJECT = 0.8;
/** Project names break ties between repeats of one indicator in one document (different projects). */
const PROJECT_WEIGHT = 0.1;

export interface IndicatorEvaluation {
  fixtureRows: number;
  extractedRows: number;
  matchedRows: number;
  /**
   * Values counted. The fixture is a sample of the rows (231 of about 380), so precision is measured on the
   * extracted rows it judges (those matched to a fixture row); the others are counted in `unjudgedRows`.
   */
  extractedValues: number;
  judgedValues: number;
  unjudgedRows: number;
  fixtureValues: number;
  correctValues: number;
  precision: number;
  recall: number;
  /** Matched rows whose unit agrees (both empty, or the same letters) and whose project name reads the same. */
  unitsAgreeing: number;
  projectsAgreeing: number;
  /** Matched rows where both sides give a page, and how many agree (pages are informational, not scored). */
  pagesCompared: number;
  pagesAgreeing: number;
  perRegion: Record<string, { precision: number; recall: number; extracted: number; expected: number }>;
  /** Fixture rows no extracted row matched, and extracted rows matching nothing: what to look at first. */
  missed: FixtureRow[];
  unmatched: IndicatorRow[];
  wrongValues: Array<{ fixture: FixtureRow; extracted: IndicatorRow }>;
}

/** Same number: values compare as numbers («100» = «100,0»), raw text where one does not parse. */
function sameValue(a: string, b: string): boolean {
  const x = parseValue(a);
  const y = parseValue(b);
  return x !== null && y !== null ? x === y : a.trim() === b.trim();
}

/**
 * Precision and recall of values: a value is right when its row matches a fixture row (same region, names alike,
 * one extracted row per fixture row, best pairs first) and the year and value agree.
 */
export function evaluateIndicators(fixture: readonly FixtureRow[], extracted: readonly IndicatorRow[]): IndicatorEvaluation {
  const pairs: Array<{ f: number; e: number; score: number }> = [];
  fixture.forEach((fr, f) => {
    extracted.forEach((er, e) => {
      if (er.regionId !== fr.region) return;
      const score = nameSimilarity(fr.name, er.name);
      if (score < MIN_NAME_SIMILARITY) return;
      const project = fr.project && er.project.name ? nameSimilarity(fr.project, er.project.name) : 0;
      pairs.push({ f, e, score: score + PROJECT_WEIGHT * project });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.f - b.f || a.e - b.e);
  const fixtureTaken = new Map<number, number>();
  const extractedTaken = new Set<number>();
  for (const p of pairs) {
    if (fixtureTaken.has(p.f) || extractedTaken.has(p.e)) continue;
    fixtureTaken.set(p.f, p.e);
    extractedTaken.add(p.e);
  }

  const regions = new Set([...fixture.map((r) => r.region), ...extracted.map((r) => r.regionId)]);
  const per = new Map([...regions].map((r) => [r, { correct: 0, extracted: 0, expected: 0 }]));
  let correct = 0;
  let pagesCompared = 0;
  let unitsAgreeing = 0;
  let projectsAgreeing = 0;
  let pagesAgreeing = 0;
  const wrongValues: IndicatorEvaluation['wrongValues'] = [];
  fixture.forEach((fr, f) => {
    per.get(fr.region)!.expected += fr.values.length;
    const e = fixtureTaken.get(f);
    if (e === undefined) return;
    const er = extracted[e]!;
    const unitKey = (u: string | null | undefined) => (u ?? '').toLowerCase().replace(/[^\p{L}]/gu, '');
    if (unitKey(fr.unit) === unitKey(er.unit)) unitsAgreeing++;
    if (fr.project && er.project.name && nameSimilarity(fr.project, er.project.name) >= SAME_PROJECT) projectsAgreeing++;
    if (fr.page !== undefined && er.page !== null) {
      pagesCompared++;
      if (fr.page === er.page) pagesAgreeing++;
    }
    let ok = 0;
    for (const v of fr.values) {
      const got = er.values.find((x) => x.year === v.year);
      if (got && sameValue(got.raw, v.raw)) ok++;
    }
    if (ok < Math.max(fr.values.length, er.values.length)) wrongValues.push({ fixture: fr, extracted: er });
    correct += ok;
    per.get(fr.region)!.correct += ok;
  });
  let judgedValues = 0;
  extracted.forEach((er, e) => {
    if (!extractedTaken.has(e)) return;
    per.get(er.regionId)!.extracted += er.values.length;
    judgedValues += er.values.length;
  });

  const extractedValues = extracted.reduce((n, r) => n + r.values.length, 0);
  const fixtureValues = fixture.reduce((n, r) => n + r.values.length, 0);
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    fixtureRows: fixture.length,
    extractedRows: extracted.length,
    matchedRows: fixtureTaken.size,
    extractedValues,
    judgedValues,
    unjudgedRows: extracted.length - extractedTaken.size,
    fixtureValues,
    correctValues: correct,
    precision: ratio(correct, judgedValues),
    pagesCompared,
    pagesAgreeing,
    unitsAgreeing,
    projectsAgreeing,
    recall: ratio(correct, fixtureValues),
    perRegion: Object.fromEntries(
      [...per].map(([region, c]) => [
        region,
        { precision: ratio(c.correct, c.extracted), recall: ratio(c.correct, c.expected), extracted: c.extracted, expected: c.expected },
      ]),
    ),
    missed: fixture.filter((_, f) => !fixtureTaken.has(f)),
    unmatched: extracted.filter((_, e) => !extractedTaken.has(e)),
    wrongValues,
  };
}

export async function loadIndicatorsFixture(file = 'tests/eval/indicators-fixture.json'): Promise<FixtureRow[]> {
  return indicatorsFixtureSchema.parse(JSON.parse(await readFile(file, 'utf8'))).rows;
}

/** Runs the extractor on a corpus folder exactly as the indexer does (without embedding anything). */
export async function extractCorpusIndicators(corpusDir = 'corpus'): Promise<IndicatorRow[]> {
  const corpus = await readCorpus(corpusDir);
  return groupIndicators(corpus.documents.flatMap((d) => d.indicators));
}
