/**
 * Relevance judge: decides, from a query's judgment in `queries.json`, which passages are relevant.
 *
 * Independent of chunking and of the search implementation: a passage is relevant when its `regionId` has a rule in
 * `query.relevant` and its text matches any of that rule's patterns. Patterns are JavaScript regular expressions,
 * compiled case-insensitive and Unicode-aware; before matching, text and pattern fold `ё` to `е` and whitespace runs
 * to one space (the layout texts break lines anywhere, the flattened ones do not).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Passage } from '../../indexer/types.js';
import { evalSetSchema, type EvalQuery, type EvalSet } from './schema.js';

/** What the judge needs of a passage (a search hit or an entry of `passages.json`). */
export type JudgedPassage = Pick<Passage, 'regionId' | 'text'>;

export const DEFAULT_EVAL_SET_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries.json');

const WORD = '[\\p{L}\\p{N}_]';
const NON_WORD = '[^\\p{L}\\p{N}_]';
// JavaScript's \w and \b are ASCII-only even with the `u` flag; Russian patterns need letter classes.
const UNICODE_ESCAPES: Record<string, string> = {
  '\\w': WORD,
  '\\W': NON_WORD,
  '\\b': `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`,
  '\\B': `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
};

/** Folds the differences the judgments should not see: `ё`/`е` and line breaks or repeated spaces. */
export function normalizeForJudging(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\s+/g, ' ');
}

/**
 * Compiles one judgment pattern. `\w \W \b \B` become Unicode-aware (escaped backslashes `\\w` are left alone);
 * the flags are `iu`.
 * @throws Error naming the pattern when it is not a valid regular expression.
 */
export function compilePattern(pattern: string): RegExp {
  const source = normalizeForJudging(pattern).replace(/\\\\|\\[wWbB]/g, (escape) => UNICODE_ESCAPES[escape] ?? escape);
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(`Invalid judgment pattern /${pattern}/: ${(error as Error).message}. Fix it in tests/eval/queries.json.`, {
      cause: error,
    });
  }
}

/** A query's judgment with its patterns compiled once. */
export interface CompiledJudgment {
  query: EvalQuery;
  /** regionId → compiled patterns of that region's rule. */
  rules: Map<string, RegExp[]>;
}

export function compileJudgment(query: EvalQuery): CompiledJudgment {
  return { query, rules: new Map(query.relevant.map((rule) => [rule.region, rule.patterns.map(compilePattern)])) };
}

/** Is this passage relevant to the judged query? */
export function isRelevant(passage: JudgedPassage, judgment: CompiledJudgment): boolean {
  const patterns = judgment.rules.get(passage.regionId);
  if (!patterns) return false;
  const text = normalizeForJudging(passage.text);
  return patterns.some((pattern) => pattern.test(text));
}

/** Relevance of each passage, in order (e.g. of a ranked result list). */
export function judgePassages(passages: readonly JudgedPassage[], query: EvalQuery | CompiledJudgment): boolean[] {
  const judgment = 'rules' in query ? query : compileJudgment(query);
  return passages.map((passage) => isRelevant(passage, judgment));
}

/** Ids of every relevant passage of the corpus (the denominator of recall). */
export function relevantPassageIds(
  passages: readonly (JudgedPassage & Pick<Passage, 'id'>)[],
  query: EvalQuery | CompiledJudgment,
): Set<string> {
  const judgment = 'rules' in query ? query : compileJudgment(query);
  return new Set(passages.filter((passage) => isRelevant(passage, judgment)).map((passage) => passage.id));
}

/** Reads and validates the evaluation set. */
export function loadEvalSet(file: string = DEFAULT_EVAL_SET_PATH): EvalSet {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the evaluation set ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = evalSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid evaluation set ${file}:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}
