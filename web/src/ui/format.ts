/** Russian wording: plurals, page labels, sector and embedder descriptions. */
import { SECTOR_LABELS, type Sector } from '../../../indexer/types.js';
import type { EmbedderInfo, SearchMode } from '../api/types.js';

/** plural(5, ['фрагмент', 'фрагмента', 'фрагментов']) → 'фрагментов'. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

export function countLabel(n: number, forms: readonly [string, string, string]): string {
  return `${n} ${plural(n, forms)}`;
}

/** A query for headings: long ones are cut (the full text stays in the search box). */
export function shortQuery(q: string, max = 80): string {
  return q.length > max ? `${q.slice(0, max - 1)}…` : q;
}

/** Genitive after a number: «стратегии 1 региона», «стратегии 6 регионов». */
export function regionsGenitive(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'региона' : 'регионов';
}

/** Locative after «в»: «в 1 регионе», «в 3 регионах». */
export function regionsLocative(n: number): string {
  return n % 10 === 1 && n % 100 !== 11 ? 'регионе' : 'регионах';
}

export const FRAGMENT_FORMS = ['фрагмент', 'фрагмента', 'фрагментов'] as const;
export const REGION_FORMS = ['регион', 'региона', 'регионов'] as const;

export function pageLabel(page: number | null, pageEnd?: number | null): string | null {
  if (page === null) return null;
  return pageEnd && pageEnd !== page ? `с. ${page}–${pageEnd}` : `с. ${page}`;
}

export function sectorLabel(sector: Sector): string {
  return SECTOR_LABELS[sector];
}

/** Short column headers for the heat-map; the full label goes to the cell's accessible name. */
export const SECTOR_SHORT: Record<Sector, string> = {
  education: 'Образование',
  health: 'Здраво­охранение',
  urban: 'Городская среда',
  transport: 'Транспорт',
  government: 'Госуправление',
  social: 'Соцсфера',
  general: 'Общее',
};

export const MODE_LABELS: Record<SearchMode, string> = {
  hybrid: 'гибридный',
  keyword: 'точные слова',
  semantic: 'по смыслу',
};

/** Says honestly which embedder produced the semantic part of the answer. */
export function embedderNote(mode: SearchMode, embedder: EmbedderInfo | null): string {
  if (mode === 'keyword') return 'Режим «точные слова»: смысловой поиск не использовался.';
  if (!embedder) return 'Смысловой поиск: сервер не сообщил, какая модель ответила.';
  if (embedder.kind === 'offline') {
    // The server's description may already say "офлайн"; do not repeat it.
    const extra = embedder.description && !/офлайн|offline/i.test(embedder.description) ? ` — ${embedder.description}` : '';
    const own = embedder.description && /офлайн/i.test(embedder.description) ? embedder.description : 'офлайн-модель (без нейросети)';
    return `Смысловой поиск: ${own}${extra}.`.replace(/\.\.$/, '.');
  }
  if (embedder.kind === 'transformers') {
    return `Смысловой поиск: нейросеть ${embedder.description || embedder.id}.`;
  }
  return `Смысловой поиск: ${embedder.description || embedder.id}.`;
}

/**
 * How a question in another language was searched: its words and the strategies' words they stand for, so the
 * reader can see (and judge) the translation. Empty when nothing was translated.
 */
export function translationNote(translations: readonly { from: string; to: string }[]): string {
  if (translations.length === 0) return '';
  return `Вопрос на другом языке: искали по словам стратегий — ${translations.map((t) => `${t.from} → ${t.to}`).join('; ')}.`;
}

/** What a document warning means for the reader, in Russian (the API's `message` is for operators). */
export function warningLabel(warning: { code: string; message: string; expected?: number; found?: number }, region: string): string {
  switch (warning.code) {
    case 'region-from-file-name':
      return `Регион «${region}» определён по имени файла: в тексте документа название региона не найдено.`;
    case 'region-from-text':
      return `Регион «${region}» определён по тексту документа (в corpus/manifest.json его нет).`;
    case 'region-not-in-table':
      return `«${region}» нет в перечне субъектов Федерации: проверьте название региона в corpus/manifest.json.`;
    case 'outline-incomplete':
      return warning.expected !== undefined && warning.found !== undefined
        ? `Оглавление называет ${warning.expected} разд., в тексте найдено ${warning.found}: ссылки на разделы могут быть неточными.`
        : 'Найдены не все разделы оглавления: ссылки на разделы могут быть неточными.';
    default:
      return warning.message;
  }
}
