/**
 * Reading the cells of an indicator table: years from the header, values, units, where the responsible-body cell
 * starts and ends, where an indicator name starts. Shared by the layout and flattened extractors.
 */

/** A year column title: 2022. Bounded to the years a strategy can plan for. */
const YEAR = /(?<!\d)(20[0-9]{2}|19[5-9][0-9])(?!\d)/gu;

/** Years of a table header, in column order, without repeats: «Значения показателя по годам 2022 2023 2024». */
export function headerYears(header: string): number[] {
  const years: number[] = [];
  for (const m of header.matchAll(YEAR)) {
    const year = Number(m[1]);
    if (!years.includes(year)) years.push(year);
  }
  return years;
}

/** Only tables whose header names an indicator are targets tables (project tables also have years). */
export function isIndicatorHeader(header: string): boolean {
  return /показател/iu.test(header) && headerYears(header).length > 0;
}

/** A value cell: «18», «74.31», «3,9», «00». Signs and thousands separators do not occur in these tables. */
const VALUE = /^\d{1,9}(?:[.,]\d{1,4})?$/u;

export function isValue(text: string): boolean {
  return VALUE.test(text.trim());
}

/** The number a value cell stands for («3,9» → 3.9); null when it does not read as a number. */
export function parseValue(raw: string): number | null {
  const text = raw.trim();
  if (!VALUE.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * A unit cell as printed. `%` is never printed in these tables (its cell is empty), so a missing unit is null.
 * Flattened texts glue abbreviations: «тысчел», «услед».
 */
const UNIT =
  /^(?:%|процент\p{L}*|ед\.?|единиц\p{L}*|шт\.?|усл\.?\s?ед\.?|услед|балл\p{L}*\.?|раз|тыс\.?\s?чел\.?|тысчел|чел\.?|человек|млн\.?\s?руб\.?|тыс\.?\s?руб\.?|руб\.?|дн\p{L}*\.?|час\p{L}*\.?|мин\p{L}*\.?|кв\.?\s?м\.?|км|га|мбит\/с|гбит\/с)$/iu;

export function isUnit(text: string): boolean {
  return UNIT.test(text.trim());
}

/** First words of a responsible-body cell («Министерство здравоохранения …», «Департамент ЖКХ …»). */
export const RESPONSIBLE_START =
  /^(?:Министерств\p{L}*|Департамент\p{L}*|Управлени\p{L}*|Комитет\p{L}*|Агентств\p{L}*|Главное|Государственн\p{L}* жилищн\p{L}*|Инспекци\p{L}*|Служб\p{L}*|Администраци\p{L}*|Правительств\p{L}*|Аппарат\p{L}*|Региональн\p{L}* энергетическ\p{L}*|Уполномоченн\p{L}*|Органы?|Все\s)/u;

/**
 * Words an indicator name starts with in these tables («Доля …», «Количество …», «Не менее 25 мер …», «95 сведений
 * …», «100 государственных услуг …»). Used only
 * to find where a name starts inside text that mixes cells (flattened texts, page-break continuations); a
 * layout row's first name after the responsible body is taken whatever its first word.
 */
export const INDICATOR_START =
  /^(?:Доля|Число|Количество|Уровень|Охват|Сокращение|Снижение|Увеличение|Прирост|Рост|Перевод|Обеспечен[оа]?|Степень|Соответствие|Время|Срок|Средн\p{L}*|Процент|Объ[её]м|Индекс|Наличие|Не менее|Внедрен[оа]?|Утвержденн\p{L}*|\d{1,3}\s+(?:сведений|мер|статусов|государственных\s+услуг))(?![\p{L}])/u;

/**
 * A name opening with a number in a flattened text («95 сведений …», «100 статусов …»): after values, such a number
 * belongs to the next name. Narrower than the layout rule: «90 государственных услуг» there is the end of a cell.
 */
export const NUMBERED_NAME = /^\d{1,3}\s+(?:сведений|мер|статусов)(?![\p{L}])/u;

/** Words that close a responsible-body cell: the region in the genitive («… Тверской области», «… КЧР»). */
const REGION_END = /(?:области|края|Республики|округа|КЧР|ЛНР|ДНР|РФ|Москвы|Петербурга|Севастополя)[,.;]?$/u;

export function endsWithRegion(text: string): boolean {
  return REGION_END.test(text.trim());
}

/** «(рекомендовано ФОИВ)» in layout texts, «рекомендовано ФОИ» in flattened ones: part of a project name. */
export const RECOMMENDED = /\(?\s*рекомендовано\s+ФОИВ?\s*\)?/gu;

/** A project name without the «(рекомендовано ФОИВ)» note. */
export function cleanProjectName(name: string): string | null {
  const cleaned = name.replace(RECOMMENDED, ' ').replace(/\s+/gu, ' ').trim().replace(/^[.,;]+|[.,;]+$/gu, '').trim();
  return cleaned.length > 0 ? cleaned : null;
}

/** True when every «, ( opened in the text is closed: a cell cut by a page break usually is not. */
export function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/«/gu) <= count(/»/gu) && count(/\(/gu) <= count(/\)/gu);
}

/** Starts with a lower-case letter: the continuation of a cell, never the start of a new one. */
export function startsLower(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}
