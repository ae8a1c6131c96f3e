/**
 * Contents laid out as a table, headings the contents do not list, and outlines poorer than the contents promise:
 * structure detection on page texts as pdf-parse returns them, and the warning readCorpus turns a shortfall into.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../indexer/corpus/read-corpus.js';
import { chunkDocument } from '../../indexer/chunk/chunk-document.js';
import { structureLayout } from '../../indexer/structure/structure-layout.js';
import { findLayoutToc, parseTocTableLine } from '../../indexer/structure/toc.js';
import type { PageText } from '../../indexer/types.js';

const BODY = {
  '1': 'Стратегия определяет цели и задачи цифровой трансформации области на три года вперед.',
  '1.1': 'Основаниями разработки являются указы Президента Российской Федерации о национальных целях.',
  '2': 'В медицинских организациях внедрена единая медицинская информационная система для пациентов.',
  '2.1': 'Врачи областной больницы проводят дистанционные консультации для жителей отдаленных поселений.',
  '3': 'Автобусы общественного транспорта оснащены навигацией и системой безналичной оплаты проезда.',
};

/** pdf-parse's rendering of a Word contents table: all cells of all rows on one line, joined by tabs. */
const TAB_JOINED_CONTENTS = ['1', 'Общие положения', '2', '1.1', 'Основания разработки', '2', '2', 'Здравоохранение', '3', '2.1', 'Телемедицина', '3', '3', 'Транспорт', '4'].join('\t');

function pages(contents: string[], body: string[][]): PageText[] {
  return [{ page: 1, text: ['Стратегия цифровой трансформации', 'Содержание', ...contents].join('\n') }, ...body.map((lines, i) => ({ page: i + 2, text: lines.join('\n') }))];
}

const FULL_BODY = [
  ['1. Общие положения', BODY['1'], '1.1. Основания разработки', BODY['1.1']],
  ['2. Здравоохранение', BODY['2'], '2.1. Телемедицина', BODY['2.1']],
  ['3. Транспорт', BODY['3']],
];

describe('contents laid out as a table', () => {
  it('reads a whole contents table joined by tabs on one line into entries with pages', () => {
    expect(parseTocTableLine(TAB_JOINED_CONTENTS)).toEqual([
      { number: '1', title: 'Общие положения', page: 2 },
      { number: '1.1', title: 'Основания разработки', page: 2 },
      { number: '2', title: 'Здравоохранение', page: 3 },
      { number: '2.1', title: 'Телемедицина', page: 3 },
      { number: '3', title: 'Транспорт', page: 4 },
    ]);
    expect(parseTocTableLine('1.1\tОснования разработки\t2')).toEqual([{ number: '1.1', title: 'Основания разработки', page: 2 }]);
    expect(parseTocTableLine('no tabs here')).toBeNull();
  });

  it('reads column-aligned rows whose page follows the title after one space, keeping «Приложение 1» whole', () => {
    const toc = findLayoutToc(['Содержание', '1 Общие положения 2', '1.1 Основания разработки 2', '2 Здравоохранение 3', 'Приложение 1', '1. Общие положения'])!;
    expect(toc.entries).toEqual([
      { number: '1', title: 'Общие положения', page: 2 },
      { number: '1.1', title: 'Основания разработки', page: 2 },
      { number: '2', title: 'Здравоохранение', page: 3 },
      { number: '', title: 'Приложение 1', page: null },
    ]);
    expect(toc.end).toBe(5);
  });

  it('finds every section and subsection of a document whose contents are one tab-joined line', () => {
    const structured = structureLayout(pages([TAB_JOINED_CONTENTS], FULL_BODY));
    expect(structured.outline.map((s) => `${s.number}|${s.title}|${s.page}`)).toEqual([
      '1|Общие положения|2',
      '1.1|Основания разработки|2',
      '2|Здравоохранение|3',
      '2.1|Телемедицина|3',
      '3|Транспорт|4',
    ]);
    expect(structured.contents).toEqual({ expected: 5, found: 5, missing: [] });
    const passages = chunkDocument({ id: 'x', file: 'x.pdf', regionId: 'x', region: 'X', title: 'X' }, structured);
    expect(passages.map((p) => `${p.section.number}|${p.page}|${p.text}`)).toEqual(
      (['1', '1.1', '2', '2.1', '3'] as const).map((n, i) => `${n}|${[2, 2, 3, 3, 4][i]}|${BODY[n]}`),
    );
  });
});

describe('headings the contents do not list, and contents the text does not match', () => {
  it('takes a numbered heading the contents skip («2.2» between listed 2.1 and 2.3), not a numbered paragraph', () => {
    const contents = ['1\tОбщие положения\t2', '2\tЗдравоохранение\t2', '2.1\tТелемедицина\t2', '2.3\tЛекарственное обеспечение\t2'];
    const body = [
      [
        '1. Общие положения',
        BODY['1'],
        '1.2. Обеспечить подключение всех школ к сети до конца года, а также провести обучение педагогов.',
        '2. Здравоохранение',
        BODY['2'],
        '2.1. Телемедицина',
        BODY['2.1'],
        '2.2. Электронная медицинская карта',
        'Жители видят свои медицинские документы в личном кабинете на портале.',
        '2.3. Лекарственное обеспечение',
        'Рецепты выписываются в электронном виде.',
      ],
    ];
    const structured = structureLayout(pages(contents, body));
    expect(structured.outline.map((s) => s.number)).toEqual(['1', '2', '2.1', '2.2', '2.3']);
    expect(structured.outline[3]!.title).toBe('Электронная медицинская карта');
  });

  it('recovers a listed heading printed without its number, and reports the one that is not in the text at all', () => {
    const structured = structureLayout(
      pages([TAB_JOINED_CONTENTS], [
        ['1. Общие положения', BODY['1'], '1.1. Основания разработки', BODY['1.1']],
        ['ЗДРАВООХРАНЕНИЕ', BODY['2'], BODY['2.1']],
        ['3. Транспорт', BODY['3']],
      ]),
    );
    expect(structured.outline.map((s) => `${s.number}|${s.title}|${s.page}`)).toEqual([
      '1|Общие положения|2',
      '1.1|Основания разработки|2',
      '2|Здравоохранение|3',
      '3|Транспорт|4',
    ]);
    expect(structured.contents).toEqual({ expected: 5, found: 4, missing: ['2.1'] });
  });

  it('warns per document with sections expected and found, and still indexes it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'contents-warning-'));
    try {
      const lines = [
        'Стратегия в области цифровой трансформации Псковской области',
        'Содержание',
        '1. Общие положения ........ 2',
        '2. Здравоохранение ........ 3',
        '2.1. Телемедицина ........ 3',
        '3. Транспорт ........ 4',
        '1. Общие положения',
        BODY['1'],
        BODY['1.1'],
        '2. Здравоохранение',
        BODY['2'],
        BODY['2.1'],
        '3. Транспорт',
        BODY['3'],
      ];
      await writeFile(path.join(dir, 'pskov.txt'), lines.join('\n'));
      const { documents, failures } = await readCorpus(dir);
      expect(failures).toEqual([]);
      const warning = documents[0]!.warnings.find((w) => w.code === 'outline-incomplete');
      expect(warning).toMatchObject({ expected: 4, found: 3 });
      expect(warning!.message).toMatch(/contents list 4 numbered sections but 3 were found in the text \(missing: 2\.1\)/);
      expect(documents[0]!.passages.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
