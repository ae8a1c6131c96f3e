import type { Sector } from '../types.js';
import { sectorTitleOf } from './template.js';

/** Word stems (lower case, matched at word starts) that signal each sector in free text. */
const SECTOR_CUES: Record<Exclude<Sector, 'general'>, RegExp> = {
  education: /(?<![\p{L}])(образован|школ|учащ|обучающ|педагог|учител|ученик|студент|вуз|детск(?:ий|ого|их) сад|дошкольн|олимпиад|научн|наук)/giu,
  health: /(?<![\p{L}])(здравоохранен|медицин|пациент|больниц|поликлиник|врач|лечени|диагност|заболеван|телемедицин|фельдшер|лекарств|егисз|мис(?![\p{L}])|вимис)/giu,
  urban: /(?<![\p{L}])(городск\p{L}* сред|жкх|жилищно|коммунальн|благоустр|умн\p{L}* город|многоквартирн|управляющ\p{L}* компан|твердых коммунальных|отход|градостро|строительств|капитальн\p{L}* ремонт)/giu,
  transport: /(?<![\p{L}])(транспорт|логистик|дорог|пассажир|перевоз|автомобил|автобус|маршрут|парковк|светофор|дтп)/giu,
  government: /(?<![\p{L}])(государственн\p{L}* управлени|госуправлени|органов (?:государственной|исполнительной) власти|органах власти|документооборот|межведомствен|смэв|епгу|госуслуг|государственных и муниципальных услуг|мфц|гис(?![\p{L}])|государственн\p{L}* служащ|муниципальн\p{L}* служащ|обращени\p{L}* граждан)/giu,
  social: /(?<![\p{L}])(социальн\p{L}* (?:поддержк|защит|обслуживан|услуг|помощ|выплат|сфер|казначейств)|занятост|безработ|пособи|пенси|инвалид|малоимущ|многодетн|соцзащит|егиссо|трудоустр|работодател|вакансий)/giu,
};

/** Explicit sector announcements, e.g. "В рамках сферы здравоохранения". */
const ANNOUNCEMENTS: Array<{ re: RegExp; sector: Sector }> = [
  { re: /^\s*(?:в рамках )?(?:сферы |отрасли )?образовани\p{L}* (?:и )?наук/iu, sector: 'education' },
  { re: /^\s*(?:в рамках )?(?:сферы |отрасли )?здравоохранени/iu, sector: 'health' },
  { re: /^\s*(?:в рамках )?(?:сферы |отрасли )?(?:развития )?городской среды/iu, sector: 'urban' },
  { re: /^\s*(?:в рамках )?(?:сферы |отрасли )?транспорт/iu, sector: 'transport' },
  { re: /^\s*(?:в рамках )?(?:сферы |отрасли )?государственного управлени/iu, sector: 'government' },
  { re: /^\s*(?:в рамках )?социальной сферы/iu, sector: 'social' },
];

/** Phrases naming all sectors at once (the strategy's own title); they must not count for any one sector. */
const ALL_SECTOR_PHRASES = /отраслей экономики,?\s*социальной сферы,?\s*(?:и\s+)?государственного управления/giu;

/** Options of {@link sectorFromText}. */
export interface SectorFromTextOptions {
  /** Fewest cue hits the winning sector needs. Default: 2. */
  minHits?: number;
  /** How many times more hits than the runner-up the winner needs. Default: 2. */
  dominance?: number;
}

/**
 * Sector a piece of text is clearly about, from explicit announcements ("В рамках сферы здравоохранения") or
 * from dominant cue words; `null` when the text is not clearly about one sector.
 */
export function sectorFromText(text: string, options: SectorFromTextOptions = {}): Sector | null {
  const minHits = options.minHits ?? 2;
  const dominance = options.dominance ?? 2;
  const head = text.slice(0, 80).replace(/^[\s\d.)-]+/, '').replace(/^в рамках\s+/iu, 'в рамках ');
  for (const { re, sector } of ANNOUNCEMENTS) {
    if (/^в рамках/iu.test(head) && re.test(head)) return sector;
  }
  const cleaned = text.replace(ALL_SECTOR_PHRASES, ' ');
  const counts = (Object.keys(SECTOR_CUES) as Array<keyof typeof SECTOR_CUES>)
    .map((sector) => ({ sector, hits: cleaned.match(SECTOR_CUES[sector])?.length ?? 0 }))
    .sort((a, b) => b.hits - a.hits);
  const [first, second] = counts;
  if (!first || first.hits < minHits) return null;
  if (second && second.hits * dominance > first.hits) return null;
  return first.sector;
}

/**
 * Sector named by a section title: exact sector titles (`Здравоохранение`), or titles clearly about one sector
 * (`Цифровизация здравоохранения`). `null` when the title is not about a sector.
 */
export function sectorFromTitle(title: string): Sector | null {
  const exact = sectorTitleOf(title);
  if (exact) return exact.sector;
  return sectorFromText(title, { minHits: 1, dominance: 2 });
}

/**
 * Sections about the strategy's resources — «Ресурсное обеспечение реализации стратегии» (8 in the federal
 * template) and its «Участники реализации», «Финансовое обеспечение» — concern every sector at once: their lists of
 * state programmes («Развитие образования и науки», «Развитие здравоохранения») must not make them one sector's.
 */
const RESOURCE_SECTION_TITLE = /^(?:ресурсное обеспечение|финансовое обеспечение|участники реализации)/iu;

/** True when a section or one of its ancestors (titles from the top down) is a resource section. */
export function isResourceSection(titles: readonly string[]): boolean {
  return titles.some((title) => RESOURCE_SECTION_TITLE.test(title.trim()));
}
