import { beforeAll, describe, expect, it } from 'vitest';
import { initMorphology, isMorphologyReady, lemmaAlternatives, lemmatize, partOfSpeech, stem } from '../../indexer/nlp/morphology.js';

describe('morphology', () => {
  beforeAll(async () => {
    await initMorphology();
  });

  it('loads the OpenCorpora dictionaries once', async () => {
    await initMorphology();
    expect(isMorphologyReady()).toBe(true);
  });

  it('returns dictionary lemmas for word forms of the corpus', () => {
    expect(lemmatize('учителей')).toBe('учитель');
    expect(lemmatize('поликлиники')).toBe('поликлиника');
    expect(lemmatize('здравоохранения')).toBe('здравоохранение');
    expect(lemmatize('Учёных')).toBe('ученый');
    expect(lemmatize('широкополосного')).toBe('широкополосный');
  });

  it('keeps known prefixes and hyphenated compounds', () => {
    expect(lemmatize('телемедицины')).toBe('телемедицина');
    expect(lemmatize('ИТ-специалистов')).toBe('ит-специалист');
    expect(lemmatize('контакт-центра')).toBe('контакт-центр');
    expect(lemmatize('детей-сирот')).toBe('ребенок-сирота');
  });

  it('keeps abbreviations whole and falls back to the Snowball stem for unknown words', () => {
    expect(lemmatize('ЕПГУ')).toBe('епгу');
    expect(lemmatize('ЕПГУРПГУ')).toBe('епгурпгу');
    expect(lemmatize('епгу')).toBe('епгу');
    expect(lemmatize('кибербезопасности')).toBe(stem('кибербезопасности'));
  });

  it('lists every dictionary lemma of an ambiguous word, the chosen one first', () => {
    expect(lemmaAlternatives('парках')).toEqual([lemmatize('парках'), ...lemmaAlternatives('парках').slice(1)]);
    expect(lemmaAlternatives('парках')).toEqual(expect.arrayContaining(['парк', 'парка']));
    expect(lemmaAlternatives('ЕПГУ')).toEqual(['епгу']);
  });

  it('reports parts of speech', () => {
    expect(partOfSpeech('развивать')).toBe('INFN');
    expect(partOfSpeech('школы')).toBe('NOUN');
  });
});
