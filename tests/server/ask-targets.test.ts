import { describe, expect, it } from 'vitest';
import { isTargetsQuestion, questionYear } from '../../retrieval/methods/ask-targets.js';

describe('questions about targets', () => {
  it.each([
    'Какие целевые значения доли электронных медкарт ставят регионы?',
    'Какой показатель по телемедицине у Тверской области?',
    'доля массовых социально значимых услуг в электронном виде к 2024 году',
    'Сколько автобусов с безналичной оплатой будет к 2023 году?',
    'Значения показателей по цифровой образовательной среде',
    'What targets did the regions set for telemedicine?',
    'share of public services available online by 2030',
  ])('«%s» asks for targets', (q) => {
    expect(isTargetsQuestion(q)).toBe(true);
  });

  it.each([
    'Как регионы развивают телемедицину?',
    'Что делается для цифровизации общественного транспорта?',
    'Какие сервисы планируются в школах в 2024 году?',
    'Which services are planned for schools in 2024?',
  ])(
    '«%s» does not',
    (q) => {
      expect(isTargetsQuestion(q)).toBe(false);
    },
  );

  it('reads the year a question asks about', () => {
    expect(questionYear('доля … к 2024 году')).toBe(2024);
    expect(questionYear('на 2023 год')).toBe(2023);
    expect(questionYear('share of online services by 2030')).toBe(2030);
    expect(questionYear('Какие целевые значения ставят регионы?')).toBeUndefined();
  });
});
