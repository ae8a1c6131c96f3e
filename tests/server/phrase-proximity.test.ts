import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRIEVAL } from '../../retrieval/options.js';
import { phraseProximity as proximityWithin, proximityQuery, type ProximityQuery } from '../../retrieval/phrase-proximity.js';
import type { QueryPlan } from '../../retrieval/query-understanding.js';
import { termTokens, uniqueTerms, type TermToken } from '../../retrieval/text.js';

const phraseProximity = (query: ProximityQuery, tokens: readonly TermToken[]) => proximityWithin(query, tokens, DEFAULT_RETRIEVAL.proximityWindow);

/** The part of a query plan proximity reads: one concept per word of the question, in order. */
function planOf(question: string): QueryPlan {
  const concepts = uniqueTerms(question).map((term) => ({ label: term, weight: 1, alternatives: [[term]] }));
  return { original: question, text: question, regions: [], expansions: [], concepts, keywordTerms: [], matchTerms: new Set() };
}

describe('phrase proximity', () => {
  const query = proximityQuery(planOf('защита персональных данных'));

  it('pairs the neighbouring topic words of the question, leaving framing words out', () => {
    expect(query.pairCount).toBe(2);
    expect(proximityQuery(planOf('как регионы развивают телемедицину')).pairCount).toBe(0);
  });

  it('is 1 when every pair stands together (any word form, either order), lower when words are scattered', () => {
    expect(phraseProximity(query, termTokens('Обеспечение защиты персональных данных граждан'))).toBe(1);
    expect(phraseProximity(query, termTokens('персональные данные требуют защиты'))).toBe(1);
    const scattered = termTokens('Меры социальной защиты населения. Создан банк данных о льготниках, персональный учёт ведётся отдельно');
    expect(phraseProximity(query, scattered)).toBeLessThan(1);
    expect(phraseProximity(query, termTokens('Развитие общественного транспорта'))).toBe(0);
  });
});
