import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKeywordIndex } from '../../indexer/index/keyword.js';
import { KeywordImpacts } from '../../retrieval/keyword-impacts.js';
import { DEFAULT_RETRIEVAL } from '../../retrieval/options.js';
import { mayPair, phraseProximity as proximityWithin, proximityQuery, termSequence, type ProximityQuery } from '../../retrieval/phrase-proximity.js';
import type { QueryPlan } from '../../retrieval/query-understanding.js';
import { splitsAlike, termTokens, uniqueTerms, type TermToken } from '../../retrieval/text.js';
import { testPassage } from '../fixtures/passage.js';

const phraseProximity = (query: ProximityQuery, tokens: readonly TermToken[]) => proximityWithin(query, termSequence(tokens), DEFAULT_RETRIEVAL.proximityWindow);

/** The bundled corpus's paragraphs (passage-sized pieces of real text). */
const corpus = path.resolve(import.meta.dirname, '../../corpus');
const paragraphs = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(corpus, f), 'utf8').split(/\n\s*\n/))
  .filter((p) => p.trim().length > 40);

/** The part of a query plan proximity reads: one concept per word of the question, in order. */
function planOf(question: string): QueryPlan {
  const concepts = uniqueTerms(question).map((term) => ({ label: term, weight: 1, alternatives: [[term]] }));
  return { original: question, text: question, conceptText: question, modelText: question, regions: [], expansions: [], translations: [], concepts, keywordTerms: [], matchTerms: new Set() };
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

describe('mayPair (skipping passages that cannot hold a pair)', () => {
  const questions = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../eval/queries.json'), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query);

  it('never skips a passage whose proximity is above 0, over the bundled corpus and the main evaluation questions', () => {
    const tokenised = paragraphs.map((p) => {
      const tokens = termTokens(p);
      return { tokens, terms: new Set(tokens.flatMap((t) => t.terms)) };
    });
    let skipped = 0;
    let read = 0;
    for (const question of questions) {
      const query = proximityQuery(planOf(question));
      if (query.pairCount === 0) continue;
      for (const { tokens, terms } of tokenised) {
        if (mayPair(query, terms)) read += 1;
        else {
          skipped += 1;
          expect(phraseProximity(query, tokens), question).toBe(0);
        }
      }
    }
    // Most passages lack a pair's word (that is the point), and some hold one.
    expect(skipped).toBeGreaterThan(read);
    expect(read).toBeGreaterThan(0);
  });
});

describe('the keyword index answering for a passage\'s tokens (SearchIndex.termLookup)', () => {
  it('holds every token term of each bundled paragraph that splits alike, and most paragraphs do', () => {
    const impacts = new KeywordImpacts(buildKeywordIndex(paragraphs.map((text, i) => testPassage(text, i, { sector: 'general', title: '' }))), paragraphs.length);
    let alike = 0;
    paragraphs.forEach((text, label) => {
      if (!splitsAlike(text)) return;
      alike += 1;
      for (const token of termTokens(text)) for (const term of token.terms) expect(impacts.passageHas(label, term), `${label}: ${token.text}`).toBe(true);
    });
    expect(alike).toBeGreaterThan(paragraphs.length / 2);
  });

  it('leaves to the tokens the words lunr splits otherwise: glued words, inner punctuation, non-ASCII hyphens, digits in words', () => {
    for (const text of ['услуги ГосуслугиДом', 'проект ИТрешений', 'услуг,цифровых сервисов', 'ИТ\u2011специалисты', 'сети 5G', 'т.ч. школы']) {
      expect(splitsAlike(text), text).toBe(false);
    }
    for (const text of ['«Цифровая экономика» (ЕПГУ), 2024 год', 'ИТ-специалисты и Карачаево-Черкесская Республика.']) {
      expect(splitsAlike(text), text).toBe(true);
    }
  });
});
