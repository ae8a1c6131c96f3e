import type { Sector } from '../types.js';
import { matchingPrefixLength, titleWords } from './normalize.js';

/**
 * The federal template every regional strategy of digital transformation follows (Mintsifry methodology,
 * 2021): eight «Разделы» with fixed titles and numbered subsections. Used to recognise headings in texts whose
 * numbering was lost, and to restore the canonical wording of titles whose short words were stripped.
 */
export interface TemplateSection {
  number: string;
  title: string;
  /** Alternative wordings seen in real documents. */
  variants?: string[];
}

export const TEMPLATE_TOP_SECTIONS: TemplateSection[] = [
  { number: '1', title: 'Основные положения' },
  { number: '2', title: 'Карточка стратегии (краткое содержание)' },
  { number: '3', title: 'Приоритеты, цели и задачи цифровой трансформации' },
  { number: '4', title: 'Проблемы и вызовы цифровой трансформации' },
  { number: '5', title: 'Взаимосвязь задач и проектов стратегии', variants: ['Взаимосвязь задач и проектов отрасли'] },
  { number: '6', title: 'Проекты развития отрасли', variants: ['Проекты стратегии'] },
  { number: '7', title: 'Показатели развития отрасли', variants: ['Показатели реализации стратегии'] },
  { number: '8', title: 'Ресурсное обеспечение реализации стратегии' },
];

export const TEMPLATE_SUBSECTIONS: TemplateSection[] = [
  { number: '1.1', title: 'Основания разработки' },
  { number: '1.2', title: 'Перечень внедряемых отечественных технологий' },
  { number: '1.3', title: 'Особенности и срок реализации', variants: ['Особенности реализации стратегии'] },
  { number: '3.1', title: 'Цель цифровой трансформации' },
  { number: '3.2', title: 'Задачи цифровой трансформации' },
  { number: '8.1', title: 'Участники реализации стратегии' },
  { number: '8.2', title: 'Финансовое обеспечение' },
];

/** Sector subsections of «Проблемы и вызовы» and sector groups of the project/indicator tables. */
export interface SectorTitle {
  title: string;
  sector: Sector;
  variants?: string[];
}

export const SECTOR_TITLES: SectorTitle[] = [
  { title: 'Образование и наука', sector: 'education', variants: ['Образование', 'Наука и образование'] },
  { title: 'Здравоохранение', sector: 'health' },
  { title: 'Развитие городской среды', sector: 'urban', variants: ['Городская среда', 'Городская среда и ЖКХ', 'Жилищно-коммунальное хозяйство', 'Строительство и городская среда'] },
  { title: 'Транспорт и логистика', sector: 'transport', variants: ['Транспорт', 'Транспорт и дорожное хозяйство'] },
  { title: 'Государственное управление', sector: 'government', variants: ['Госуправление', 'Государственное и муниципальное управление'] },
  { title: 'Социальная сфера', sector: 'social', variants: ['Социальная защита', 'Социальная поддержка', 'Занятость'] },
  { title: 'Промышленность', sector: 'general' },
  { title: 'Иные отрасли', sector: 'general', variants: ['Иные направления', 'Другие отрасли'] },
  { title: 'Кадровое обеспечение цифровой экономики', sector: 'general', variants: ['Кадры', 'Кадровое обеспечение'] },
  { title: 'Сельское хозяйство', sector: 'general', variants: ['Агропромышленный комплекс'] },
  { title: 'Культура', sector: 'general' },
  { title: 'Экология и природопользование', sector: 'general', variants: ['Экология'] },
  { title: 'Туризм', sector: 'general' },
  { title: 'Финансы', sector: 'general' },
  { title: 'Энергетика', sector: 'general' },
  { title: 'Строительство', sector: 'urban' },
  { title: 'Информационная безопасность', sector: 'general' },
];

function allTitles<T extends { title: string; variants?: string[] }>(item: T): string[] {
  return [item.title, ...(item.variants ?? [])];
}

/** A template item matched at the start of a word sequence. */
export interface TemplateMatch<T> {
  item: T;
  /** Number of words of the candidate covered by the match. */
  words: number;
}

/**
 * Finds the template item whose title (or variant) the candidate words start with, allowing truncated endings
 * and missing function words. With `exact`, the candidate must not have extra words.
 */
export function matchTemplate<T extends { title: string; variants?: string[] }>(
  items: T[],
  candidate: string[],
  exact = false,
): TemplateMatch<T> | null {
  let best: TemplateMatch<T> | null = null;
  for (const item of items) {
    for (const title of allTitles(item)) {
      const words = titleWords(title);
      const n = matchingPrefixLength(words, candidate);
      if (n !== words.length) continue;
      if (exact && candidate.length !== n) continue;
      if (!best || n > best.words) best = { item, words: n };
    }
  }
  return best;
}

/** The sector a section title names, when it names one exactly (`4.2. Здравоохранение` → `health`). */
export function sectorTitleOf(title: string): SectorTitle | null {
  return matchTemplate(SECTOR_TITLES, titleWords(title), true)?.item ?? null;
}

/** Canonical wording of a template title when `title` is that title with function words/endings stripped. */
export function canonicalTitle(title: string, candidates: Array<{ title: string; variants?: string[] }>): string | null {
  const words = titleWords(title);
  for (const item of candidates) {
    for (const t of allTitles(item)) {
      const tw = titleWords(t);
      if (tw.length === words.length && matchingPrefixLength(tw, words) === tw.length) return t;
    }
  }
  return null;
}
