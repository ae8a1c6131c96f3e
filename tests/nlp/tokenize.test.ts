import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAbbreviationLike, tokenize, words } from '../../indexer/nlp/tokenize.js';

describe('tokenize', () => {
  it('keeps hyphenated words, numbers and short alphanumeric codes whole', () => {
    const tokens = tokenize('Подготовка ИТ-специалистов, сети 5G и 1С; 3.5 млн руб.');
    expect(tokens.map((t) => t.text)).toEqual(['Подготовка', 'ИТ-специалистов', 'сети', '5G', 'и', '1С', '3.5', 'млн', 'руб']);
    expect(tokens.find((t) => t.text === '3.5')?.kind).toBe('number');
  });

  it('splits words glued in the flattened texts and keeps offsets into the original text', () => {
    const text = '2Раздел «Карточка стратегии» ИТрешений ГосуслугиДом';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['2', 'Раздел', 'Карточка', 'стратегии', 'ИТ', 'решений', 'Госуслуги', 'Дом']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.find((t) => t.text === 'ИТ')?.kind).toBe('abbreviation');
  });

  it('keeps a camel-case brand that starts with a one-letter word whole', () => {
    expect(tokenize('жалобы во ВКонтакте').map((t) => t.text)).toEqual(['жалобы', 'во', 'ВКонтакте']);
  });

  it('normalises case and ё', () => {
    expect(words('Учёных ЕГИССО')).toEqual(['ученых', 'егиссо']);
    expect(isAbbreviationLike('ЕПГУ')).toBe(true);
    expect(isAbbreviationLike('Епгу')).toBe(false);
  });

  it('tokenizes a real flattened corpus text with every token inside the text', () => {
    const text = readFileSync('corpus/tver.txt', 'utf8').slice(0, 20_000);
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(1000);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    // "2Раздел"-style glue never survives as one token
    expect(tokens.some((t) => /^\d+\p{L}{3,}/u.test(t.text))).toBe(false);
  });
});
