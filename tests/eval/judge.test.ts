import { describe, expect, it } from 'vitest';
import { compileJudgment, compilePattern, isRelevant, judgePassages, normalizeForJudging, relevantPassageIds } from './judge.js';
import type { EvalQuery } from './schema.js';

const query: EvalQuery = {
  id: 'test-doctor',
  query: 'запись к доктору',
  kind: 'paraphrase',
  regions: ['tver', 'tyumen'],
  relevant: [
    { region: 'tver', patterns: [String.raw`запис\w*\s+(на\s+)?при[её]м`] },
    { region: 'tyumen', patterns: ['телемедицин', String.raw`\bТКО\b`] },
  ],
};

describe('compilePattern', () => {
  it('makes \\w match Cyrillic letters', () => {
    expect(compilePattern(String.raw`запис\w*`).exec('записей')?.[0]).toBe('записей');
  });
  it('makes \\b a Unicode word boundary, so short abbreviations do not match inside words', () => {
    const tko = compilePattern(String.raw`\bТКО\b`);
    expect(tko.test('объектов ТКО в районе')).toBe(true);
    expect(tko.test('только')).toBe(false);
    expect(compilePattern(String.raw`\Bкон`).test('закон')).toBe(true);
  });
  it('is case-insensitive and folds ё to е on both sides', () => {
    expect(compilePattern('приём').test('ПРИЕМ')).toBe(true);
    expect(compilePattern('прием').test('приём')).toBe(false); // the text is folded by the judge, not by the RegExp
    expect(isRelevant({ regionId: 'tver', text: 'записи на приём' }, compileJudgment(query))).toBe(true);
  });
  it('leaves escaped backslashes alone', () => {
    expect(compilePattern(String.raw`a\\w`).test(String.raw`a\w`)).toBe(true);
  });
  it('names the pattern when it is invalid', () => {
    expect(() => compilePattern('(незакрыта')).toThrow(/\(незакрыта/);
  });
});

describe('normalizeForJudging', () => {
  it('folds line breaks and runs of spaces into one space', () => {
    expect(normalizeForJudging('записи\n на   приём')).toBe('записи на прием');
  });
});

describe('judgePassages', () => {
  const passages = [
    { id: 'a', regionId: 'tver', text: 'сервис записи на\nприем к врачу' },
    { id: 'b', regionId: 'tyumen', text: 'сервис записи на прием к врачу' }, // right text, region without that pattern
    { id: 'c', regionId: 'tyumen', text: 'Телемедицинские консультации' },
    { id: 'd', regionId: 'luhansk', text: 'телемедицина' }, // region not judged
    { id: 'e', regionId: 'tyumen', text: 'только вывоз' },
  ];
  it('marks a passage relevant only in a judged region and only by that region’s patterns', () => {
    expect(judgePassages(passages, query)).toEqual([true, false, true, false, false]);
  });
  it('accepts a compiled judgment and lists relevant ids', () => {
    expect([...relevantPassageIds(passages, compileJudgment(query))]).toEqual(['a', 'c']);
  });
  it('finds nothing for a query no region answers', () => {
    const none: EvalQuery = { id: 'none', query: 'космос', kind: 'none', regions: [], relevant: [] };
    expect(judgePassages(passages, none)).toEqual([false, false, false, false, false]);
  });
});
