import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../indexer/chunk/sentences.js';
import { passageId } from '../../indexer/chunk/passage-id.js';
import { assignPages, findPageMarkers } from '../../indexer/structure/page-numbers.js';
import { sectorFromText } from '../../indexer/structure/sectors.js';
import { structureDocument } from '../../indexer/structure/structure-document.js';
import { chunkDocument } from '../../indexer/chunk/chunk-document.js';

describe('page-number lines', () => {
  it('follows the chain of page numbers and ignores equal table values', () => {
    const lines = ['Текст первой страницы', '2', 'Текст второй', 'Показатель', '18', '3', '25', 'Текст', '3', '№ пп', 'Строка', '4', 'Конец'];
    const markers = findPageMarkers(lines);
    expect(markers).toEqual([
      { line: 1, page: 2 },
      { line: 8, page: 3 },
      { line: 11, page: 4 },
    ]);
    const pages = assignPages(lines, markers, { position: 'top' });
    expect(pages[0]).toBe(1);
    expect(pages[2]).toBe(2);
    expect(pages[12]).toBe(4);
    expect(assignPages(lines, markers, { position: 'bottom' })[2]).toBe(3);
  });
});

describe('sentences', () => {
  it('does not split at abbreviations, initials or list numbers', () => {
    expect(splitSentences('Указ от 7 мая 2018 г. № 204 утвержден. М.В. Дегтярёв подписал. 1. Первый пункт. Второй.')).toEqual([
      'Указ от 7 мая 2018 г. № 204 утвержден.',
      'М.В. Дегтярёв подписал.',
      '1. Первый пункт.',
      'Второй.',
    ]);
  });
});

describe('sectors from text', () => {
  it('reads announcements and dominant cues', () => {
    expect(sectorFromText('В рамках сферы здравоохранения - для автоматизированного сбора')).toBe('health');
    expect(sectorFromText('Школьники и учителя получают доступ к образовательному контенту, школы подключены')).toBe('education');
    expect(sectorFromText('Стратегия цифровой трансформации отраслей экономики, социальной сферы и государственного управления')).toBeNull();
  });
});

describe('passage ids', () => {
  it('depend on document, section and normalised text only', () => {
    const a = passageId('tver', '4.2', 'Текст  пассажа');
    expect(passageId('tver', '4.2', 'текст пассажа')).toBe(a);
    expect(passageId('tver', '4.3', 'Текст пассажа')).not.toBe(a);
    expect(passageId('tver', '4.2', 'Текст пассажа', 2)).not.toBe(a);
    expect(a).toMatch(/^tver-[0-9a-f]{16}$/);
  });
});

describe('chunking a layout text', () => {
  const document = { id: 'test', file: 'test.txt', regionId: 'test', region: 'Тестовая область', title: 'Стратегия' };
  const sentence = (i: number) => `Предложение номер ${i} рассказывает о цифровой трансформации региона и его планах.`;
  const text = [
    '1. Раздел «Основные положения»',
    '1.1. Основания разработки.',
    ...Array.from({ length: 12 }, (_, i) => sentence(i)),
    ' 2',
    ...Array.from({ length: 12 }, (_, i) => sentence(i + 12)),
    ' 3',
    ...Array.from({ length: 12 }, (_, i) => sentence(i + 24)),
    ' 4',
    '2. Раздел «Проекты развития отрасли»',
    '№ пп',
    'Наименование проекта',
    'Бенефициар',
    '1. Здравоохранение',
    '1',
    'Электронная медицинская карта',
    'Пациенты',
    '2',
    'Телемедицина',
    'Жители сел',
    ' 5',
    '№ пп',
    'Наименование проекта',
    'Бенефициар',
    '3',
    'Электронный рецепт',
    'Пациенты и врачи',
  ].join('\n');
  const structured = structureDocument([{ page: null, text }], 'layout');
  const passages = chunkDocument(document, structured);

  it('bounds prose passages, overlaps them slightly and keeps them in their section', () => {
    const prose = passages.filter((p) => p.section.number === '1.1');
    expect(prose.length).toBeGreaterThan(2);
    for (const p of prose) expect(p.text.length).toBeLessThanOrEqual(1100);
    const shared = prose.slice(1).filter((p, i) => prose[i]!.text.endsWith(p.text.slice(0, p.text.indexOf('. ') + 1)));
    expect(shared.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.text).not.toMatch(/Раздел/u);
  });

  it('groups table rows, strips the repeated header and assigns the group sector', () => {
    const table = passages.filter((p) => p.kind === 'table');
    expect(table.map((p) => p.section.path)).toEqual(['2. Проекты развития отрасли › Здравоохранение']);
    expect(table[0]!.text).toBe('1 Электронная медицинская карта Пациенты 2 Телемедицина Жители сел 3 Электронный рецепт Пациенты и врачи');
    expect(table[0]!.sector).toBe('health');
    expect([table[0]!.page, table[0]!.pageEnd]).toEqual([4, 5]);
  });
});
