/**
 * Evaluation of `POST /api/ask` (the extractive answer, in-process): for every question of a set and every region
 * in its scope (the named region of a `region` question, else all),
 * - `found` is right when the answer says found for a region that addresses the topic (judgment `regions`) and
 *   not found for one that does not;
 * - the first point is on topic when the passage it was cut from is judged relevant (asked only where the region
 *   addresses the topic and the answer found something);
 * - its sentence is on topic when the point's own text matches the region's judgment patterns: what a user reads and
 *   copies, a stricter measure (patterns name a topic's words, so a sentence on topic in other words is missed).
 */
import { ask } from '../../retrieval/methods/ask.js';
import type { RetrievalOverrides } from '../../retrieval/options.js';
import type { SearchIndex } from '../../retrieval/search-index.js';
import { compileJudgment, isRelevant } from './judge.js';
import type { EvalSet } from './schema.js';

export interface AskScores {
  /** (question, region) pairs judged. */
  pairs: number;
  /** Share of pairs whose `found` is right. */
  foundRight: number;
  /** Regions that address the topic, answered found: share whose first point is on topic. */
  firstPointOnTopic: number | null;
  /** The same regions: share whose first point's own text is judged relevant. */
  firstSentenceOnTopic: number | null;
  /** Share of `found` right on `none` questions alone (every region must say nothing found). */
  unanswerableRight: number | null;
}

export async function evaluateAsk(index: SearchIndex, set: EvalSet, retrieval?: RetrievalOverrides): Promise<AskScores> {
  let pairs = 0;
  let right = 0;
  let answered = 0;
  let onTopic = 0;
  let sentenceOnTopic = 0;
  let nonePairs = 0;
  let noneRight = 0;
  for (const query of set.queries) {
    const judgment = compileJudgment(query);
    const response = await ask(index, { question: query.query, ...(query.namedRegion ? { regions: [query.namedRegion] } : {}), ...(retrieval ? { retrieval } : {}) });
    const addressed = new Set<string>(query.regions);
    for (const region of response.answer) {
      const expected = addressed.has(region.regionId);
      pairs += 1;
      if (region.found === expected) right += 1;
      if (query.kind === 'none') {
        nonePairs += 1;
        if (!region.found) noneRight += 1;
      }
      const first = region.points[0];
      if (expected && region.found && first) {
        answered += 1;
        const label = index.labelOf(first.passageId);
        if (label !== undefined && isRelevant(index.passages[label]!, judgment)) onTopic += 1;
        if (isRelevant({ regionId: region.regionId, text: first.text }, judgment)) sentenceOnTopic += 1;
      }
    }
  }
  return {
    pairs,
    foundRight: pairs ? right / pairs : 0,
    firstPointOnTopic: answered ? onTopic / answered : null,
    firstSentenceOnTopic: answered ? sentenceOnTopic / answered : null,
    unanswerableRight: nonePairs ? noneRight / nonePairs : null,
  };
}
