import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus, type CorpusReadResult, type ParsedDocument } from '../../indexer/corpus/read-corpus.js';
import { DEFAULT_CHUNK_OPTIONS } from '../../indexer/chunk/options.js';
import { SECTORS } from '../../indexer/types.js';

/**
 * Outlines verified by reading each document (its table of contents and its body headings). Format:
 * `number|title`; sector groups inside the table sections 5–7 are unnumbered (`|Здравоохранение`).
 * Notes: khabarovsk prints «5.6. Социальная сфера» inside section 4 (its TOC says 4.6); tver numbers its
 * subsections 1…28 sequentially (4.2 Здравоохранение is printed «9»); kcr glues numbers («41» = 4.1).
 */
const EXPECTED_OUTLINES: Record<string, string[]> = {
  "karachay-cherkessia": [
    "1|Основные положения",
    "1.1|Основания разработки",
    "1.2|Перечень внедряемых отечественных технологий",
    "1.3|Особенности и срок реализации",
    "2|Карточка стратегии (краткое содержание)",
    "3|Приоритеты, цели и задачи цифровой трансформации",
    "3.1|Цель цифровой трансформации",
    "3.2|Задачи цифровой трансформации",
    "4|Проблемы и вызовы цифровой трансформации",
    "4.1|Образование и наука",
    "4.2|Здравоохранение",
    "4.3|Развитие городской среды",
    "4.4|Транспорт и логистика",
    "4.5|Государственное управление",
    "4.6|Социальная сфера",
    "4.7|Промышленность",
    "4.8|Иные отрасли",
    "5|Взаимосвязь задач и проектов стратегии",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "|Иные отрасли",
    "6|Проекты развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "|Иные отрасли",
    "7|Показатели развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "|Иные отрасли",
    "8|Ресурсное обеспечение реализации стратегии",
    "8.1|Участники реализации стратегии",
    "8.2|Финансовое обеспечение",
  ],
  "khabarovsk": [
    "1|Основные положения",
    "1.1|Основания разработки",
    "1.2|Перечень внедряемых отечественных технологий",
    "1.3|Особенности и срок реализации",
    "2|Карточка стратегии (краткое содержание)",
    "3|Приоритеты, цели и задачи цифровой трансформации",
    "3.1|Цель цифровой трансформации",
    "3.2|Задачи цифровой трансформации",
    "4|Проблемы и вызовы цифровой трансформации",
    "4.1|Образование и наука",
    "4.2|Здравоохранение",
    "4.3|Развитие городской среды",
    "4.4|Транспорт и логистика",
    "4.5|Государственное управление",
    "4.6|Социальная сфера",
    "5|Взаимосвязь задач и проектов стратегии",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "6|Проекты развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "7|Показатели развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "8|Ресурсное обеспечение реализации стратегии",
    "8.1|Участники реализации стратегии",
    "8.2|Финансовое обеспечение",
    "9|Приложение",
  ],
  "luhansk": [
    "1|Основные положения",
    "1.1|Основания разработки",
    "1.2|Перечень внедряемых отечественных технологий",
    "1.3|Особенности реализации стратегии",
    "2|Карточка стратегии (краткое содержание)",
    "3|Приоритеты, цели и задачи цифровой трансформации",
    "3.1|Цель цифровой трансформации",
    "3.2|Задачи цифровой трансформации",
    "4|Проблемы и вызовы цифровой трансформации",
    "4.1|Образование и наука",
    "4.2|Здравоохранение",
    "4.3|Развитие городской среды",
    "4.4|Транспорт и логистика",
    "4.5|Государственное управление",
    "4.6|Социальная сфера",
    "4.7|Кадровое обеспечение цифровой экономики",
    "5|Взаимосвязь задач и проектов отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Кадровое обеспечение цифровой экономики",
    "6|Проекты развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Кадровое обеспечение цифровой экономики",
    "7|Показатели развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Кадровое обеспечение цифровой экономики",
    "8|Ресурсное обеспечение реализации стратегии",
    "8.1|Участники реализации стратегии",
    "8.2|Финансовое обеспечение",
  ],
  "tver": [
    "1|Основные положения",
    "1.1|Основания разработки",
    "1.2|Перечень внедряемых отечественных технологий",
    "1.3|Особенности и срок реализации",
    "2|Карточка стратегии (краткое содержание)",
    "3|Приоритеты, цели и задачи цифровой трансформации",
    "3.1|Цель цифровой трансформации",
    "3.2|Задачи цифровой трансформации",
    "4|Проблемы и вызовы цифровой трансформации",
    "4.1|Образование и наука",
    "4.2|Здравоохранение",
    "4.3|Развитие городской среды",
    "4.4|Транспорт и логистика",
    "4.5|Государственное управление",
    "4.6|Социальная сфера",
    "4.7|Промышленность",
    "5|Взаимосвязь задач и проектов стратегии",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "6|Проекты развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "7|Показатели развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "|Промышленность",
    "8|Ресурсное обеспечение реализации стратегии",
    "8.1|Участники реализации стратегии",
    "8.2|Финансовое обеспечение",
  ],
  "tyumen": [
    "1|Основные положения",
    "1.1|Основания разработки",
    "1.2|Перечень внедряемых отечественных технологий",
    "1.3|Особенности и срок реализации",
    "2|Карточка стратегии (краткое содержание)",
    "3|Приоритеты, цели и задачи цифровой трансформации",
    "3.1|Цель цифровой трансформации",
    "3.2|Задачи цифровой трансформации",
    "4|Проблемы и вызовы цифровой трансформации",
    "4.1|Образование и наука",
    "4.2|Здравоохранение",
    "4.3|Развитие городской среды",
    "4.4|Транспорт и логистика",
    "4.5|Государственное управление",
    "4.6|Социальная сфера",
    "5|Взаимосвязь задач и проектов стратегии",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "6|Проекты развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "7|Показатели развития отрасли",
    "|Образование и наука",
    "|Здравоохранение",
    "|Развитие городской среды",
    "|Транспорт и логистика",
    "|Государственное управление",
    "|Социальная сфера",
    "8|Ресурсное обеспечение реализации стратегии",
    "8.1|Участники реализации стратегии",
    "8.2|Финансовое обеспечение",
  ],};

const LAYOUT = ['tyumen', 'khabarovsk', 'luhansk'];
const FLATTENED = ['karachay-cherkessia', 'tver'];

let corpus: CorpusReadResult;
const doc = (id: string): ParsedDocument => {
  const found = corpus.documents.find((d) => d.document.id === id);
  if (!found) throw new Error(`document ${id} not parsed`);
  return found;
};

beforeAll(async () => {
  corpus = await readCorpus('corpus');
});

describe('bundled corpus', () => {
  it('parses all five documents without failures', () => {
    expect(corpus.failures).toEqual([]);
    expect(corpus.documents.map((d) => d.document.id).sort()).toEqual(Object.keys(EXPECTED_OUTLINES).sort());
  });

  it('detects the text form of each document', () => {
    for (const id of LAYOUT) expect(doc(id).textForm).toBe('layout');
    for (const id of FLATTENED) expect(doc(id).textForm).toBe('flattened');
  });

  for (const [id, expected] of Object.entries(EXPECTED_OUTLINES)) {
    describe(id, () => {
      it('has the outline verified by reading the document', () => {
        expect(doc(id).outline.map((s) => `${s.number}|${s.title}`)).toEqual(expected);
      });

      it('gives every passage region, document, section path and a sector', () => {
        const d = doc(id);
        expect(d.passages.length).toBeGreaterThan(80);
        for (const p of d.passages) {
          expect(p.region).toBe(d.document.region);
          expect(p.regionId).toBe(d.document.regionId);
          expect(p.documentId).toBe(id);
          expect(p.documentTitle).toBe(d.document.title);
          expect(p.section.path.length).toBeGreaterThan(0);
          expect(SECTORS).toContain(p.sector);
          expect(p.text.trim()).toBe(p.text);
          expect(p.text.length).toBeGreaterThan(0);
        }
      });

      it('keeps every passage inside one outline section', () => {
        const d = doc(id);
        const labels = d.outline.map((s) => (s.number ? `${s.number}. ${s.title}` : s.title));
        for (const p of d.passages) {
          const last = p.section.path.split(' › ').pop();
          expect(labels).toContain(last);
          expect(d.outline.some((s) => s.number === p.section.number && s.title === p.section.title)).toBe(true);
        }
        // No passage contains the heading of another subsection.
        if (LAYOUT.includes(id)) {
          for (const s of d.outline.filter((x) => x.number.includes('.'))) {
            const heading = new RegExp(`(^|\\s)${s.number.replace('.', '\\.')}\\.\\s*${s.title.split(' ')[0]}`, 'u');
            const offending = d.passages.filter((p) => heading.test(p.text));
            expect(offending.map((p) => p.text.slice(0, 80))).toEqual([]);
          }
          for (const p of d.passages) expect(p.text).not.toMatch(/(^|\s)\d+\.\s*Раздел\s*«?\p{Lu}/u);
        }
      });

      it('passes the sector of sector sections to their passages', () => {
        const d = doc(id);
        for (const p of d.passages) {
          const section = d.outline.find((s) => s.number === p.section.number && s.title === p.section.title)!;
          if (section.sector !== 'general') expect(p.sector).toBe(section.sector);
        }
        const health = d.passages.filter((p) => p.section.path.includes('4.2. Здравоохранение'));
        expect(health.length).toBeGreaterThan(0);
        expect(new Set(health.map((p) => p.sector))).toEqual(new Set(['health']));
      });

      it('never includes the table of contents', () => {
        for (const p of doc(id).passages) {
          expect(p.text).not.toMatch(/ОГЛАВЛЕНИЕ|Оглавление/u);
          expect(p.text).not.toMatch(/\.{5,}/u);
        }
      });

      it('keeps passages bounded', () => {
        for (const p of doc(id).passages) {
          const limit = p.kind === 'table' ? DEFAULT_CHUNK_OPTIONS.maxRowLength : DEFAULT_CHUNK_OPTIONS.maxLength;
          expect(p.text.length).toBeLessThanOrEqual(limit);
        }
      });

      it('numbers passages in document order with unique ids', () => {
        const d = doc(id);
        expect(d.passages.map((p) => p.ordinal)).toEqual(d.passages.map((_, i) => i));
        expect(new Set(d.passages.map((p) => p.id)).size).toBe(d.passages.length);
      });
    });
  }

  it('has plausible pages for the layout texts', () => {
    for (const id of LAYOUT) {
      const d = doc(id);
      expect(d.pageCount).toBeGreaterThan(50);
      let previous = 0;
      for (const p of d.passages) {
        expect(p.page).not.toBeNull();
        expect(p.pageEnd).not.toBeNull();
        expect(p.page!).toBeGreaterThanOrEqual(1);
        expect(p.pageEnd!).toBeGreaterThanOrEqual(p.page!);
        expect(p.pageEnd!).toBeLessThanOrEqual(d.pageCount!);
        expect(p.page!).toBeGreaterThanOrEqual(previous - 1); // overlap may start on the previous page
        previous = p.page!;
      }
      const headed = d.outline.filter((s) => s.page !== null);
      expect(headed.length).toBe(d.outline.length);
    }
  });

  it('has no pages for the flattened texts', () => {
    for (const id of FLATTENED) {
      expect(doc(id).pageCount).toBeNull();
      for (const p of doc(id).passages) expect(p.page).toBeNull();
    }
  });

  it('puts headings on the pages printed in the table of contents (tyumen)', () => {
    const pages = Object.fromEntries(doc('tyumen').outline.filter((s) => s.number).map((s) => [s.number, s.page]));
    // Copied from the printed ОГЛАВЛЕНИЕ of tyumen.txt.
    expect(pages).toMatchObject({
      '1': 3, '1.1': 3, '1.2': 4, '1.3': 4, '2': 6, '3': 10, '3.1': 10, '3.2': 10, '4': 12, '4.1': 12, '4.2': 12,
      '4.3': 14, '4.4': 15, '4.5': 16, '4.6': 16, '5': 18, '6': 35, '7': 85, '8': 102, '8.1': 102, '8.2': 102,
    });
  });

  it('removes page-number lines from passage text', () => {
    const all = (id: string) => doc(id).passages.map((p) => p.text).join('\n');
    // Sentences that run over a page break in the source read continuously.
    expect(all('tyumen')).toContain('центр компетенций по анализу и обработке данных');
    expect(all('tyumen')).not.toMatch(/по анализу 5 и обработке/u);
    expect(all('khabarovsk')).toContain('цифрового взаимодействия с государственными органами');
    expect(all('luhansk')).toContain('наиболее значимы: 1. Структурные и кадровые изменения');
    const passage = doc('tyumen').passages.find((p) => p.text.includes('по анализу и обработке данных'))!;
    expect([passage.page, passage.pageEnd]).toEqual([4, 5]);
  });

  it('strips table headers repeated on every page', () => {
    const count = (id: string, header: RegExp) => doc(id).passages.filter((p) => header.test(p.text)).length;
    // Printed on every page of the table sections (tyumen section 5: 17 pages): at most once in the passages.
    expect(count('tyumen', /№ пп Задачи отрасли Наименование проекта Бенефициар проекта/u)).toBeLessThanOrEqual(1);
    expect(count('tyumen', /№ пп Наименование проекта Ответственный РОИВ/u)).toBeLessThanOrEqual(1);
    expect(count('luhansk', /№ пп Задача отрасли Наименование проекта/u)).toBeLessThanOrEqual(1);
    // tver prints it on each of its 60 project pages, preceded by the page number.
    expect(count('tver', /пп Наименование проекта Цель проекта Срок реализации проекта/u)).toBeLessThanOrEqual(1);
    expect(count('tver', /пп Задачи отрасли Наименование проекта Бенефициар/u)).toBeLessThanOrEqual(1);
    // The column-index row «1 2 3 4 5» repeated on every khabarovsk table page is gone.
    for (const p of doc('khabarovsk').passages) expect(p.text).not.toMatch(/(^| )1 2 3 4 5( |$)/u);
  });

  it('keeps table rows together', () => {
    const find = (id: string, ...parts: string[]) => doc(id).passages.filter((p) => parts.every((x) => p.text.includes(x)));
    // Indicator with its yearly values.
    expect(find('tyumen', 'Цифровое портфолио ученика (рекомендовано ФОИВ) Департамент образования', 'ведение цифрового профиля 18 25 32')).toHaveLength(1);
    // Task, project, beneficiary and benefit of one row.
    expect(find('luhansk', 'Повышение качества образования', 'Библиотека цифрового образовательного контента', 'верифицированному цифровому образовательному контенту')).toHaveLength(1);
    expect(find('khabarovsk', 'Формирование современной инфраструктуры', 'Библиотека цифрового образовательного контента', 'вне зависимости от территории проживания')).toHaveLength(1);
    for (const id of LAYOUT) {
      for (const p of doc(id).passages.filter((x) => x.kind === 'table')) {
        // A passage never starts with orphaned yearly values.
        expect(p.text).not.toMatch(/^\d+ \d+ \d+( |$)/u);
      }
    }
  });

  it('assigns sectors from sub-headings and announcements in general sections', () => {
    const tyumen = doc('tyumen');
    const tech = tyumen.passages.filter((p) => p.section.number === '1.2');
    expect(tech.find((p) => p.text.startsWith('В рамках сферы транспорта'))?.sector).toBe('transport');
    expect(tech.find((p) => p.text.startsWith('В рамках социальной сферы'))?.sector).toBe('social');
    const projects = tyumen.passages.filter((p) => p.section.path === '6. Проекты развития отрасли › Здравоохранение');
    expect(projects.length).toBeGreaterThan(3);
    expect(projects.every((p) => p.sector === 'health')).toBe(true);
    expect(doc('luhansk').passages.filter((p) => p.section.number === '4.7').every((p) => p.sector === 'general')).toBe(true);
    expect(doc('karachay-cherkessia').passages.filter((p) => p.section.title === 'Промышленность').every((p) => p.sector === 'general')).toBe(true);
  });

  it('keeps the resources sections (8.x) general although they list sector programmes («Развитие образования и науки»)', () => {
    const financing = doc('tyumen').passages.filter((p) => p.section.number === '8.2');
    expect(financing.some((p) => p.text.includes('«Развитие образования и науки»'))).toBe(true);
    for (const id of ['tver', 'tyumen', 'khabarovsk', 'luhansk', 'karachay-cherkessia']) {
      const resources = doc(id).passages.filter((p) => /^8(\.|$)/.test(p.section.number));
      expect(resources.length, id).toBeGreaterThan(0);
      expect(new Set(resources.map((p) => p.sector)), id).toEqual(new Set(['general']));
    }
  });

  it('formats section paths as number + title joined by ›', () => {
    const p = doc('khabarovsk').passages.find((x) => x.section.number === '4.2')!;
    expect(p.section.path).toBe('4. Проблемы и вызовы цифровой трансформации › 4.2. Здравоохранение');
    const t = doc('tver').passages.find((x) => x.section.number === '4.2')!;
    expect(t.section.path).toBe('4. Проблемы и вызовы цифровой трансформации › 4.2. Здравоохранение');
  });

  it('gives the same ids on a rebuild', async () => {
    const again = await readCorpus('corpus');
    for (const d of corpus.documents) {
      const other = again.documents.find((x) => x.document.id === d.document.id)!;
      expect(other.passages.map((p) => p.id)).toEqual(d.passages.map((p) => p.id));
    }
  });
});
