import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../indexer/chunk/chunk-document.js';
import { readCorpus } from '../../indexer/corpus/read-corpus.js';
import { extractDocumentIndicators } from '../../indexer/indicators/extract.js';
import { flatPages } from '../../indexer/indicators/flat-pages.js';
import { flattenedIndicators } from '../../indexer/indicators/flattened.js';
import { groupIndicators } from '../../indexer/indicators/group.js';
import { layoutRowIndicators, resplitRows } from '../../indexer/indicators/layout.js';
import { indicatorsFileSchema } from '../../indexer/indicators/types.js';
import { structureDocument } from '../../indexer/structure/structure-document.js';
import type { TableRow } from '../../indexer/structure/types.js';
import type { CorpusDocument } from '../../indexer/types.js';

const YEARS = [2022, 2023, 2024];
const row = (...cells: Array<string | [string, number]>): TableRow => ({
  lines: cells.map((c) => (typeof c === 'string' ? { text: c, page: 10 } : { text: c[0], page: c[1] })),
});
const values = (d: { values: Array<{ year: number; raw: string; value: number | null }> }) => d.values.map((v) => `${v.year}:${v.raw}`).join(' ');

describe('layout rows (one cell line per line)', () => {
  it('reads project, body, indicators, unit and one value per year', () => {
    const [a, b] = layoutRowIndicators(
      row('3', 'Цифровой помощник', 'учителя (рекомендовано', 'ФОИВ)', 'Департамент', 'образования и науки', 'Тюменской области',
        'Доля заданий в электронной форме для учащихся,', 'проверяемых автоматически', '18', '25', '32',
        'Число показателей, мониторируемых с помощью', 'аналитических систем', 'ед.', '50', '70', '90,5'),
      YEARS,
    );
    expect(a).toMatchObject({
      project: { number: '3', name: 'Цифровой помощник учителя' },
      responsible: 'Департамент образования и науки Тюменской области',
      name: 'Доля заданий в электронной форме для учащихся, проверяемых автоматически',
      unit: null,
    });
    expect(values(a!)).toBe('2022:18 2023:25 2024:32');
    expect(b).toMatchObject({ name: 'Число показателей, мониторируемых с помощью аналитических систем', unit: 'ед.' });
    expect(b!.values[2]).toEqual({ year: 2024, raw: '90,5', value: 90.5 });
  });

  it('gives the cells a page break cut back to the project, the body and the name, in that order', () => {
    // tyumen p. 91–92: every cut cell continues after the values, column by column.
    const [a, b] = layoutRowIndicators(
      row('2', ['Платформа «Решаем', 91], ['Департамент', 91], ['Доля населенных пунктов, проводящих рейтинговое', 91],
        ['100', 91], ['100', 91], ['100', 91], ['вместе» (рекомендовано', 92], ['ФОИВ)', 92], ['жилищно-', 92],
        ['коммунального', 92], ['хозяйства Тюменской', 92], ['области', 92],
        ['голосование по отбору проектов благоустройства, в онлайн', 92], ['формате', 92],
        ['Доля жителей городов в возрасте старше 14 лет', 92], ['18', 92], ['25', 92], ['32', 92]),
      YEARS,
    );
    expect(a!.project.name).toBe('Платформа «Решаем вместе»');
    expect(a!.responsible).toBe('Департамент жилищно-коммунального хозяйства Тюменской области');
    expect(a!.name).toBe('Доля населенных пунктов, проводящих рейтинговое голосование по отбору проектов благоустройства, в онлайн формате');
    expect(a!.page).toBe(91);
    expect(b!.name).toBe('Доля жителей городов в возрасте старше 14 лет');
  });

  it('joins the rest of a name printed after values set at the middle of a tall cell', () => {
    const [a, b] = layoutRowIndicators(
      row('7.', 'Система единых', 'регистров', 'Министерство', 'здравоохранения', 'Доля медицинских организаций', 'государственной и',
        '100', '100', '100', ['Хабаровского края', 11], ['муниципальной систем', 11], ['ЕГИСЗ', 11], ['Доля аптечных организаций', 11], ['50', 11], ['100', 11], ['100', 11]),
      YEARS,
    );
    expect(a!.responsible).toBe('Министерство здравоохранения Хабаровского края');
    expect(a!.name).toBe('Доля медицинских организаций государственной и муниципальной систем ЕГИСЗ');
    expect(b!.name).toBe('Доля аптечных организаций');
  });

  it('leaves out an indicator whose value run does not give one value per year', () => {
    const out = layoutRowIndicators(
      row('1', 'СЗН 2.0', 'Департамент', 'Тюменской области', 'Доля услуг в электронном виде', '60', '100',
        'Доля мер с назначением за 5 дней', '25', '95', '100'),
      YEARS,
    );
    expect(out.map((d) => d.name)).toEqual(['Доля мер с назначением за 5 дней']);
  });

  it('drops a page number left among the values (one value too many, equal to its page)', () => {
    const [a] = layoutRowIndicators(
      row('2.', ['Платформа', 100], ['Министерство', 100], ['Хабаровского края', 100], ['Доля жителей городов', 100], ['18', 100], ['25', 100], ['32', 100], ['100', 100]),
      YEARS,
    );
    expect(values(a!)).toBe('2022:18 2023:25 2024:32');
    // Four values on another page are four values: the row is left out.
    expect(layoutRowIndicators(row('2.', 'Платформа', 'Министерство', 'Хабаровского края', 'Доля жителей', '0', '0', '0', '100'), YEARS)).toEqual([]);
  });

  it('does not take a value «2» after «0», «0» for the next row number', () => {
    const rows = resplitRows(
      [
        row('1', 'Зеленый коридор', 'Министерство транспорта', 'Луганской Народной Республики', 'Сокращение времени ожидания', '0', '0'),
        row('2', 'Увеличение средней скорости', '0', '0', '2', '2', 'Перевод услуг в электронный вид', 'Министерство цифрового развития',
          'Луганской Народной Республики', 'Доля массовых услуг', '0', '40', '80'),
      ],
      YEARS,
    );
    expect(rows).toHaveLength(2);
    const all = rows.flatMap((r) => layoutRowIndicators(r, YEARS));
    expect(all.map((d) => [d.name, values(d)])).toEqual([
      ['Сокращение времени ожидания', '2022:0 2023:0 2024:2'],
      ['Увеличение средней скорости', '2022:0 2023:0 2024:2'],
      ['Доля массовых услуг', '2022:0 2023:40 2024:80'],
    ]);
    expect(all[2]!.project).toEqual({ number: '2', name: 'Перевод услуг в электронный вид' });
  });
});

describe('flattened text (one line, no punctuation, short words dropped)', () => {
  const options = { years: YEARS, regionStems: ['Карач', 'Черке', 'Респу'] };

  it('reads rows and drops a page number interleaved after the values', () => {
    const text =
      'показателя Значения показателя годам 2022 2023 2024 Развитие «Озера данных» Управление Карачаево Перевод цифровой формат информационного ' +
      '10 20 40 92 регионального уровня рамках РСЧС рекомендовано ФОИ Черкесской Республики взаимодействия органов повседневного управления ' +
      'Цифровизация финансовой помощи рекомендовано ФОИ Управление Карачаево Черкесской Республики Доля государственных услуг оказанных электронном виде 30 60 90';
    const out = flattenedIndicators(text, options);
    expect(out.map((d) => [d.name, values(d)])).toEqual([
      ['Перевод цифровой формат информационного взаимодействия органов повседневного управления', '2022:10 2023:20 2024:40'],
      ['Доля государственных услуг оказанных электронном виде', '2022:30 2023:60 2024:90'],
    ]);
    expect(out[1]).toMatchObject({ project: { name: 'Цифровизация финансовой помощи' }, responsible: 'Управление Карачаево Черкесской Республики' });
  });

  it('keeps numbers inside names, reads units, and leaves out a row missing a value', () => {
    const text =
      'Платформа обратной связи Министерство цифрового развития Карачаево Черкесской Республики Доля жителей городов возрасте старше 14 лет ' +
      'зарегистрированных ресурсах 18 25 32 Доля заданий электронной форме 15 30 индивидуальных траекторий ' +
      'Число граждан воспользовавшихся сервисами тысчел 12051 16902 32115';
    const out = flattenedIndicators(text, options);
    expect(out.map((d) => d.name)).toEqual([
      'Доля жителей городов возрасте старше 14 лет зарегистрированных ресурсах',
      'Число граждан воспользовавшихся сервисами',
    ]);
    expect(out[1]).toMatchObject({ unit: 'тысчел', values: [{ raw: '12051', value: 12051 }, {}, {}] });
  });

  it('gives a number that opens the next name («95 сведений …») to that name', () => {
    const text =
      'Соцказначейство Министерство социальной защиты Карачаево Черкесской Республики Доля заявлений через портал 35 100 100 ' +
      '95 мер поддержки назначаются срок превышающий рабочих дней 95 95 95 сведений получаются электронного взаимодействия 50 95 95';
    const out = flattenedIndicators(text, options);
    // «95 мер …» printed only two values (its «95 95» is followed by the next name's «95»): left out.
    expect(out.map((d) => [d.name, values(d)])).toEqual([
      ['Доля заявлений через портал', '2022:35 2023:100 2024:100'],
      ['95 сведений получаются электронного взаимодействия', '2022:50 2023:95 2024:95'],
    ]);
  });

  it('takes a two-digit row number before the next project as a number, not a value', () => {
    const text =
      'Проект один Министерство Карачаево Черкесской Республики Доля первая 50 75 100 11 Проект второй Министерство Карачаево Черкесской Республики Доля вторая 18 25 32';
    const out = flattenedIndicators(text, options);
    expect(out.map((d) => [d.project.number, d.project.name, values(d)])).toEqual([
      [null, 'Проект один', '2022:50 2023:75 2024:100'],
      ['11', 'Проект второй', '2022:18 2023:25 2024:32'],
    ]);
  });
});

describe('pages of a flattened text', () => {
  it('follows the printed page numbers from the section heading, never taking a value for one', () => {
    const raw =
      'проекта 107 Раздел Показатели развития отрасли пп Наименование Значения показателя годам 2022 2023 2024 Доля первая 70 80 90 ' +
      '108 пп Наименование проекта Доля вторая 50 109 100 Доля третья 18 25 32 109 учителя Доля четвертая 10 20 30';
    const pages = flatPages(raw, /Значения показателя годам/u, 3)!;
    const at = (words: string) => pages.pageAt(pages.text.indexOf(words));
    expect(at('Доля первая')).toBe(107);
    expect(at('Доля вторая')).toBe(108);
    // «50 109 100»: 109 inside a value run is a value, not the next page.
    expect(at('Доля третья')).toBe(108);
    // «18 25 32 109 учителя»: after a complete run, a page break in the middle of a cell.
    expect(at('Доля четвертая')).toBe(109);
  });
});

describe('PDF (pages known)', () => {
  it('extracts rows with their pages, a name cut by a page break, and the passage holding the row', () => {
    const header = ['№', 'пп', 'Наименование проекта', 'Ответственный', 'РОИВ', 'Наименование показателя', 'Единица', 'измерения', 'Значения показателя по', 'годам', '2025', '2026', '2027'];
    const page1 = ['7. Раздел «Показатели развития отрасли»', ...header, '1. Здравоохранение', '1', 'Цифровая поликлиника', '(рекомендовано ФОИВ)',
      'Министерство', 'здравоохранения', 'Примерной области', 'Доля записей на прием к врачу,', 'совершенных дистанционно', '40', '50', '60',
      'Доля граждан, у которых', 'сформированы электронные', '30', '55', '75', 'Количество обращений,', 'поступивших через'];
    // The name cut at the page foot goes on after the repeated header; its values are on the next page.
    const page2 = [...header, 'платформу обратной связи', '10', '20', '30', '2', 'Телемедицина', 'Министерство здравоохранения', 'Примерной области',
      'Число телемедицинских консультаций', 'тыс. чел.', '12,5', '14', '20,75', '8. Раздел «Ресурсное обеспечение реализации стратегии»', 'Текст раздела.'];
    const pages = [{ page: 41, text: page1.join('\n') }, { page: 42, text: page2.join('\n') }];
    const structured = structureDocument(pages, 'layout');
    const document: CorpusDocument = { id: 'primer', file: 'primer.pdf', regionId: 'primer', region: 'Примерная область', title: 'Стратегия' };
    const passages = chunkDocument(document, structured);
    const rows = extractDocumentIndicators({ document, textForm: 'layout', structured, pages, passages });
    expect(rows.map((r) => [r.name, r.page, values(r), r.sector])).toEqual([
      ['Доля записей на прием к врачу, совершенных дистанционно', 41, '2025:40 2026:50 2027:60', 'health'],
      ['Доля граждан, у которых сформированы электронные', 41, '2025:30 2026:55 2027:75', 'health'],
      ['Количество обращений, поступивших через платформу обратной связи', 41, '2025:10 2026:20 2027:30', 'health'],
      ['Число телемедицинских консультаций', 42, '2025:12,5 2026:14 2027:20,75', 'health'],
    ]);
    expect(rows[3]!.unit).toBe('тыс. чел.');
    for (const r of rows) expect(passages.find((p) => p.id === r.passageId)?.text).toContain(r.values.map((v) => v.raw).join(' '));
    expect(() => indicatorsFileSchema.parse(groupIndicators(rows))).not.toThrow();
  });
});

describe('bundled corpus', () => {
  it('reads the tricky rows of every text form and ties template indicators across regions', async () => {
    const corpus = await readCorpus('corpus');
    const rows = groupIndicators(corpus.documents.flatMap((d) => d.indicators));
    expect(indicatorsFileSchema.parse(rows).length).toBeGreaterThan(300);
    const find = (region: string, start: string) => rows.filter((r) => r.regionId === region && r.name.startsWith(start));
    // tyumen: the rest of the name follows the page number and the repeated header.
    expect(find('tyumen', 'Доля медицинских организаций, осуществляющих централизованную обработку')[0]!.name).toMatch(/электронном виде результатов диагностических исследований$/u);
    // luhansk: «0 0 80 64 формирования …» — the page number is not a value; the name goes on after it.
    const luhansk = find('luhansk', 'Доля обучающихся и их родителей')[0]!;
    expect(values(luhansk)).toBe('2022:0 2023:0 2024:80');
    expect(luhansk.name).toMatch(/проактивного сервиса$/u);
    // khabarovsk: the values stand after the first words, then the column-number row, then the rest.
    expect(find('khabarovsk', 'Доля государственных и муниципальных услуг').some((r) => values(r) === '2022:60 2023:75 2024:98')).toBe(true);
    // Flattened texts: numbers kept as printed.
    expect(find('tver', 'Число граждан воспользовавшихся')[0]!.values.map((v) => v.raw)).toEqual(['12051', '16902', '32115']);
    // Flattened texts: pages from the page numbers the flattening kept.
    expect(find('tver', 'Доля учащихся имеющих возможность бесплатного доступа')[0]!.page).toBe(107);
    // Every row is tied to a passage of its own document.
    const passageIds = new Set(corpus.documents.flatMap((d) => d.passages.map((p) => p.id)));
    expect(rows.filter((r) => r.passageId && passageIds.has(r.passageId)).length / rows.length).toBeGreaterThan(0.95);
    // The federal template indicator is one group across the regions.
    const epgu = rows.filter((r) => /^Доля массовых социально значимых/u.test(r.name));
    const groups = new Map<string, Set<string>>();
    for (const r of epgu) groups.set(r.groupId, (groups.get(r.groupId) ?? new Set()).add(r.regionId));
    expect(Math.max(...[...groups.values()].map((s) => s.size))).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
