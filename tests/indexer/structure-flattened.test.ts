import { describe, expect, it } from 'vitest';
import { structureFlattened } from '../../indexer/structure/structure-flattened.js';
import { detectTextForm } from '../../indexer/structure/text-form.js';
import type { StructuredDocument } from '../../indexer/structure/types.js';

/**
 * Structure detection in flattened text (the whole document on one line, punctuation and short words stripped,
 * numbers glued to the next word), as some regions publish their strategies.
 */

const outline = (doc: StructuredDocument) => doc.outline.map(({ number, title, level, sector }) => ({ number, title, level, sector }));
const sectionTexts = (doc: StructuredDocument) => doc.sections.map((s) => s.blocks.map((b) => (b.kind === 'flat' ? b.text : b.kind)).join(' | '));

describe('flattened-text structure', () => {
  it('is recognised by its line length', () => {
    const flat = `${'Раздел Основные положения Стратегия разработана '.repeat(40)}\n`;
    expect(detectTextForm(flat)).toBe('flattened');
    expect(detectTextForm('1. Основные положения\nСтратегия разработана.\n2. Карточка стратегии\n')).toBe('layout');
  });

  it('reads sections at «Раздел» (number from the glued digit) and subsections from the table of contents', () => {
    const toc =
      'Содержание 1Раздел Основные положения 3 11 Основания разработки 3 12 Перечень внедряемых отечественных технологий 4 ' +
      '2Раздел Карточка стратегии краткое содержание 5 4Раздел Проблемы вызовы цифровой трансформации 7 41 Образование наука 7 42 Здравоохранение 9';
    const body =
      ' 1Раздел Основные положения 11 Основания разработки Стратегия разработана соответствии указом Президента ' +
      '12 Перечень внедряемых отечественных технологий Региональные платформы отечественное программное обеспечение ' +
      '2Раздел Карточка стратегии краткое содержание Краткое описание стратегии региона ' +
      '4Раздел Проблемы вызовы цифровой трансформации 41 Образование наука Школы подключены сети интернет ' +
      '42 Здравоохранение Больницы используют медицинские информационные системы';
    const doc = structureFlattened([{ page: null, text: toc + body }]);
    expect(doc.textForm).toBe('flattened');
    // Titles get the template's wording back (stripped short words and punctuation restored); sector subsections
    // of «Проблемы и вызовы» carry their sector.
    expect(outline(doc)).toEqual([
      { number: '1', title: 'Основные положения', level: 1, sector: 'general' },
      { number: '1.1', title: 'Основания разработки', level: 2, sector: 'general' },
      { number: '1.2', title: 'Перечень внедряемых отечественных технологий', level: 2, sector: 'general' },
      { number: '2', title: 'Карточка стратегии (краткое содержание)', level: 1, sector: 'general' },
      { number: '4', title: 'Проблемы и вызовы цифровой трансформации', level: 1, sector: 'general' },
      { number: '4.1', title: 'Образование и наука', level: 2, sector: 'education' },
      { number: '4.2', title: 'Здравоохранение', level: 2, sector: 'health' },
    ]);
    // Each section holds the body text up to the next heading; the table of contents is not content.
    expect(sectionTexts(doc)).toEqual([
      '',
      'Стратегия разработана соответствии указом Президента',
      'Региональные платформы отечественное программное обеспечение',
      'Краткое описание стратегии региона',
      '',
      'Школы подключены сети интернет',
      'Больницы используют медицинские информационные системы',
    ]);
  });

  it('numbers a «Раздел» without a digit by its federal template title', () => {
    const text =
      'Стратегия цифровой трансформации области Раздел Основные положения Стратегия разработана указом ' +
      'Раздел Приоритеты цели задачи цифровой трансформации Достижение цифровой зрелости';
    const doc = structureFlattened([{ page: null, text }]);
    expect(outline(doc)).toEqual([
      { number: '1', title: 'Основные положения', level: 1, sector: 'general' },
      { number: '3', title: 'Приоритеты, цели и задачи цифровой трансформации', level: 1, sector: 'general' },
    ]);
    expect(sectionTexts(doc)).toEqual(['Стратегия разработана указом', 'Достижение цифровой зрелости']);
  });
});
