import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractAbbreviations, type AbbreviationPair } from '../../indexer/nlp/abbreviations.js';

describe('extractAbbreviations on the bundled corpus', () => {
  let pairs: AbbreviationPair[];
  const find = (abbreviation: string) => pairs.find((p) => p.abbreviation === abbreviation);

  beforeAll(() => {
    const texts = readdirSync('corpus')
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(`corpus/${f}`, 'utf8'));
    pairs = extractAbbreviations(texts);
  });

  it('finds abbreviations the texts define, in layout and flattened texts', () => {
    expect(find('ЕПГУ')).toMatchObject({ source: 'corpus', expansion: 'единый портал государственных услуг' });
    expect(find('ЕГИССО')?.expansion).toBe('единой государственной информационной системы социального обеспечения');
    expect(find('ЖКХ')?.expansion).toMatch(/^жилищно.коммунального хозяйства$/);
    expect(find('ФАП')?.expansion).toBe('фельдшерско-акушерский пункт');
    expect(find('ЕГИСЗ')?.source).toBe('corpus');
  });

  it('fills in common abbreviations the corpus uses without defining', () => {
    expect(find('ИИ')).toMatchObject({ source: 'curated', expansion: 'искусственный интеллект' });
    expect(find('ИИ')!.occurrences).toBeGreaterThan(0);
    expect(find('ЦОД')?.expansion).toBe('центр обработки данных');
  });

  it('works on a definition written with brackets and "далее"', () => {
    const [pair] = extractAbbreviations([
      'Услуги доступны на Едином портале государственных и муниципальных услуг (далее – ЕПГУ). Через ЕПГУ подано 100 заявлений.',
    ]).filter((p) => p.source === 'corpus');
    expect(pair).toMatchObject({ abbreviation: 'ЕПГУ', expansion: 'едином портале государственных и муниципальных услуг' });
  });

  it('is deterministic', () => {
    const again = extractAbbreviations(readdirSync('corpus').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`corpus/${f}`, 'utf8')));
    expect(again).toEqual(pairs);
  });
});
