import type { EvalQuery } from '../../tests/eval/schema.js';

/**
 * Relevance of a passage to an evaluation query, following the semantics of `tests/eval/schema.ts`: a passage is
 * relevant when its region has a rule and its text matches one of the rule's patterns (flags `iu`; `\w \W \b \B`
 * made Unicode-aware; `ё`→`е` and whitespace runs → one space in text and pattern).
 * Stand-in until `tests/eval/judge.ts` lands; then `bench/` switches to it.
 */

const WORD = '\\p{L}\\p{N}_';
const BOUNDARY = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NON_BOUNDARY = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;

export function normaliseForJudging(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\s+/g, ' ');
}

/** Rewrites the ASCII-only escapes of a pattern into Unicode-aware ones (inside and outside character classes). */
export function compilePattern(pattern: string): RegExp {
  let out = '';
  let inClass = false;
  const source = normaliseForJudging(pattern);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      i++;
      if (next === 'w') out += inClass ? WORD : `[${WORD}]`;
      else if (next === 'W') out += inClass ? '\\P{L}' : `[^${WORD}]`;
      else if (next === 'b' && !inClass) out += BOUNDARY;
      else if (next === 'B' && !inClass) out += NON_BOUNDARY;
      else out += `\\${next}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, 'iu');
}

export interface JudgedPassage {
  regionId: string;
  text: string;
}

/** Compiles a query's rules once; the returned function says whether a passage is relevant. */
export function relevanceJudge(query: EvalQuery): (passage: JudgedPassage) => boolean {
  const rules = new Map(query.relevant.map((r) => [r.region as string, r.patterns.map(compilePattern)]));
  return (passage) => {
    const patterns = rules.get(passage.regionId);
    if (!patterns) return false;
    const text = normaliseForJudging(passage.text);
    return patterns.some((re) => re.test(text));
  };
}

/** Share of the first `k` results that are relevant (missing results count as not relevant). */
export function precisionAtK(relevant: readonly boolean[], k = 10): number {
  return relevant.slice(0, k).filter(Boolean).length / k;
}
