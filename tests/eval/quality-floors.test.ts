/**
 * Quality floors, for both embedders: real indexes of corpus/ (offline concept model; multilingual-e5-small with
 * the concept model beside it), the main evaluation set and every held-out set through the server's real search,
 * and `/api/ask` on the main set. Floors are the values measured (dated beside each embedder; README → Quality) minus ~0.03;
 * raise them when quality improves, never lower them to make a change pass without saying why.
 *
 * The main set holds 112 Russian and 19 English answerable questions (the offline model reads Russian only, so
 * its floors per kind include its zeros on English ones); `ru` is the Russian part alone.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../retrieval/search-index.js';
import { evaluateAsk, type AskScores } from './ask-eval.js';
import type { EvaluationReport } from './evaluate.js';
import { loadEvalSet } from './judge.js';
import { answerableCoverage, buildEvalIndex, DEV_SETS, evaluatePeer, evaluateServer, HELD_OUT_SETS, loadQueryFile, metric, scopedAbstention, type EvalEmbedder } from './run.js';

interface Floors {
  /** Hybrid precision@10 per query kind on the main set, plus `all`, `ru` and `en`. */
  precision: Record<string, number>;
  /** Region coverage of the grouped view, main set. */
  coverage: number;
  /** Regions in scope reported missing on `none` questions, main set. */
  abstention: number;
  /** The development set of tempting unanswerable questions (dev-unanswerable.json): regions reported missing. */
  dev: { abstention: number };
  /** Held-out sets: hybrid P@10, coverage, abstention. */
  heldOut: Record<(typeof HELD_OUT_SETS)[number], { precision: number; coverage: number; abstention: number }>;
  /** `/api/ask` on the main set. */
  ask: { foundRight: number; firstPointOnTopic: number; firstSentenceOnTopic: number };
}

const FLOORS: Record<EvalEmbedder, Floors> = {
  // Measured 2026-11-30 (relevance threshold 0.55): abbreviation 0.818, exact 0.889, paraphrase 0.395, region 0.820,
  // topic 0.450, all 0.629, ru 0.731, en 0.026; coverage 0.773; abstention 0.923; dev set abstention 0.828;
  // held-out 0.393/0.497/1.00, 0.638/0.674/0.867, 0.477/0.551/0.825; ask found right 0.752, first point on topic
  // 0.812 (2026-12-06: the first point comes from the region's best passage; 0.789 before), its sentence itself on
  // topic 0.751 (2026-12-07: a lead without the question's words is the sentence with most of its concepts; 0.684). Held-out 1 coverage floor lowered 0.50 → 0.47: the threshold 0.5 → 0.55 (options.ts) trades it for
  // abstention (0.90 → 1.00 there).
  offline: {
    precision: { abbreviation: 0.79, exact: 0.86, paraphrase: 0.36, region: 0.79, topic: 0.42, all: 0.6, ru: 0.7, en: 0 },
    coverage: 0.74,
    abstention: 0.89,
    dev: { abstention: 0.79 },
    heldOut: {
      'heldout-probes.json': { precision: 0.36, coverage: 0.47, abstention: 0.97 },
      'heldout-probes-2.json': { precision: 0.6, coverage: 0.64, abstention: 0.83 },
      'heldout-probes-3.json': { precision: 0.44, coverage: 0.52, abstention: 0.79 },
      // Written blind 2026-12-07 (long natural questions); first run: 0.476 / 0.444 / 0.833.
      'heldout-probes-4.json': { precision: 0.44, coverage: 0.41, abstention: 0.79 },
    },
    ask: { foundRight: 0.72, firstPointOnTopic: 0.78, firstSentenceOnTopic: 0.72 },
  },
  // Measured 2026-11-30 (English questions translated word by word, retrieval/cross-lingual.ts; relevance threshold
  // 0.55): abbreviation 0.806, exact 0.896, paraphrase 0.478, region 0.920, topic 0.603, all 0.703, ru 0.731, en
  // 0.537; coverage 0.844; abstention 0.923; dev set abstention 0.806; held-out 0.387/0.483/1.00, 0.657/0.680/0.867,
  // 0.637/0.701/0.625; ask found right 0.821, first point on topic 0.795 (2026-12-06, from the region's best passage;
  // 0.766 before), its sentence itself 0.737 (2026-12-07, as above; 0.696). Held-out 1 coverage floor lowered 0.49 →
  // 0.45 for the threshold, as above (abstention 0.90 → 1.00 there). 2026-12-07, English words and phrases also
  // translated into the domain lexicon's terms: paraphrase 0.486, region 0.925, topic 0.637, all 0.715, en 0.611;
  // coverage 0.865; held-out 3 0.633/0.706/0.625, held-out 4 0.535/0.594/0.567; ask found right 0.841, first point
  // 0.789, its sentence 0.731.
  e5: {
    precision: { abbreviation: 0.77, exact: 0.86, paraphrase: 0.44, region: 0.89, topic: 0.6, all: 0.68, ru: 0.7, en: 0.58 },
    coverage: 0.84,
    abstention: 0.89,
    dev: { abstention: 0.77 },
    heldOut: {
      'heldout-probes.json': { precision: 0.35, coverage: 0.45, abstention: 0.97 },
      'heldout-probes-2.json': { precision: 0.62, coverage: 0.65, abstention: 0.83 },
      'heldout-probes-3.json': { precision: 0.62, coverage: 0.69, abstention: 0.59 },
      // Written blind 2026-12-07 (long natural questions); first run: 0.541 / 0.594 / 0.533.
      'heldout-probes-4.json': { precision: 0.51, coverage: 0.56, abstention: 0.49 },
    },
    ask: { foundRight: 0.81, firstPointOnTopic: 0.76, firstSentenceOnTopic: 0.7 },
  },
};

const KINDS = ['abbreviation', 'exact', 'paraphrase', 'region', 'topic', 'all'] as const;

describe.each(['offline', 'e5'] as const)('retrieval quality floors (%s)', (embedder) => {
  const floors = FLOORS[embedder];
  const set = loadEvalSet();
  let index: SearchIndex;
  let workDir: string;
  let report: EvaluationReport;

  beforeAll(async () => {
    // An e5 build embeds 803 passages once (then data/cache serves them): minutes on 2 cores.
    ({ index, workDir } = await buildEvalIndex(undefined, embedder));
    expect(index.embedder.kind).toBe(embedder === 'e5' ? 'transformers' : 'offline');
    report = await evaluateServer(index, set, ['keyword', 'hybrid']);
  }, 900_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('precision@10 per kind and language ≥ floor', () => {
    const hybrid = report.byKind.get('hybrid');
    for (const kind of KINDS) expect(metric(hybrid, kind, 'precisionAt10'), kind).toBeGreaterThanOrEqual(floors.precision[kind]!);
    for (const lang of ['ru', 'en']) expect(metric(report.byLang.get('hybrid'), lang, 'precisionAt10'), lang).toBeGreaterThanOrEqual(floors.precision[lang]!);
  });

  it('hybrid is at least as precise as keyword-only on every kind, and better on paraphrases', () => {
    const hybrid = report.byKind.get('hybrid');
    const keyword = report.byKind.get('keyword');
    for (const kind of KINDS) {
      expect(metric(hybrid, kind, 'precisionAt10'), kind).toBeGreaterThanOrEqual(metric(keyword, kind, 'precisionAt10')!);
    }
    expect(metric(hybrid, 'paraphrase', 'precisionAt10')).toBeGreaterThan(metric(keyword, 'paraphrase', 'precisionAt10')! + 0.2);
  });

  it('beats the peer (MiniSearch at its best for Russian): +0.10 overall and on paraphrases, never below it', async () => {
    const peer = await evaluatePeer(index, set);
    const hybrid = report.byKind.get('hybrid');
    for (const kind of KINDS) {
      const peerPrecision = metric(peer, kind, 'precisionAt10')!;
      expect(metric(hybrid, kind, 'precisionAt10'), kind).toBeGreaterThanOrEqual(peerPrecision + (kind === 'all' || kind === 'paraphrase' ? 0.1 : 0));
    }
  });

  it('the grouped view covers the regions that address the topic; questions no region answers report them missing', async () => {
    expect(answerableCoverage(report, 'hybrid')).toBeGreaterThanOrEqual(floors.coverage);
    expect(await scopedAbstention(index, set, 'hybrid')).toBeGreaterThanOrEqual(floors.abstention);
  });

  it('reports the regions missing for tempting questions no region answers (development set)', async () => {
    const dev = loadQueryFile(path.join(import.meta.dirname, DEV_SETS[0]));
    expect(await scopedAbstention(index, dev, 'hybrid')).toBeGreaterThanOrEqual(floors.dev.abstention);
  });

  it.each(HELD_OUT_SETS)('held-out set %s stays above its floors', async (file) => {
    const heldOut = loadQueryFile(path.join(import.meta.dirname, file));
    const r = await evaluateServer(index, heldOut, ['hybrid']);
    const floor = floors.heldOut[file];
    expect(metric(r.byKind.get('hybrid'), 'all', 'precisionAt10')).toBeGreaterThanOrEqual(floor.precision);
    expect(answerableCoverage(r, 'hybrid')).toBeGreaterThanOrEqual(floor.coverage);
    expect(await scopedAbstention(index, heldOut, 'hybrid')).toBeGreaterThanOrEqual(floor.abstention);
  });

  it('/api/ask says found for the regions that address the question and starts with a point on topic', async () => {
    const scores: AskScores = await evaluateAsk(index, set);
    expect(scores.foundRight).toBeGreaterThanOrEqual(floors.ask.foundRight);
    expect(scores.firstPointOnTopic).toBeGreaterThanOrEqual(floors.ask.firstPointOnTopic);
    expect(scores.firstSentenceOnTopic).toBeGreaterThanOrEqual(floors.ask.firstSentenceOnTopic);
    expect(scores.unanswerableRight).toBeGreaterThanOrEqual(floors.abstention);
  });
});
