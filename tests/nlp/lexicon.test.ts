import { describe, expect, it } from 'vitest';
import { buildLexicon, parseLexicon, type Lexicon } from '../../indexer/nlp/lexicon.js';
import { testPassage } from '../fixtures/passage.js';

const GOVERNMENT = { sector: 'government', number: '4.5', title: 'Государственное управление', path: '4.5. Государственное управление' } as const;
const passage = (text: string, ordinal: number) => testPassage(text, ordinal, GOVERNMENT);

describe('lexicon', () => {
  const lexicon: Lexicon = buildLexicon([
    passage('Заявления принимаются через Единый портал государственных услуг (ЕПГУ).', 0),
    passage('Доля услуг, оказанных через ЕПГУ, растёт. Создан центр обработки данных.', 1),
  ]);

  it('holds corpus-defined and curated abbreviations and survives a JSON round trip', () => {
    expect(lexicon.abbreviations.find((a) => a.abbreviation === 'ЕПГУ')).toMatchObject({
      source: 'corpus',
      expansion: 'единый портал государственных услуг',
      occurrences: 2,
    });
    expect(parseLexicon(JSON.parse(JSON.stringify(lexicon)))).toEqual(lexicon);
    expect(() => parseLexicon({ version: 1, abbreviations: [{ abbreviation: '' }] })).toThrow(/abbreviation/);
  });
});
