import { beforeAll, describe, expect, it } from 'vitest';
import { splitCompound } from '../../indexer/nlp/compounds.js';
import { initMorphology } from '../../indexer/nlp/morphology.js';

describe('compound abbreviations', () => {
  beforeAll(() => initMorphology());
  const corpusHas = (words: string[]) => (lemma: string) => words.includes(lemma);

  it('reads a clipped head and a noun the vocabulary has as two words, in any case form', () => {
    expect(splitCompound('госсистемы', corpusHas(['система']))).toEqual(['государственный', 'система']);
    expect(splitCompound('Медпунктах', corpusHas(['пункт']))).toEqual(['медицинский', 'пункт']);
    expect(splitCompound('соцзащиты', corpusHas(['защита']))).toEqual(['социальный', 'защита']);
  });

  it('leaves words alone when the rest is not an accepted word or too short', () => {
    expect(splitCompound('госсистемы', corpusHas([]))).toBeNull();
    expect(splitCompound('госы', () => true)).toBeNull();
    expect(splitCompound('школа', () => true)).toBeNull();
  });
});
