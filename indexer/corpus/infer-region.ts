import { SUBJECT_MATCHER } from '../regions/region-matcher.js';
import type { FederalSubject } from '../regions/subjects.js';

/** What could be inferred about a document that has no manifest entry. */
export interface InferredDocumentInfo {
  /** The subject of the Federation the document is about (its id and official name come from the table). */
  subject: FederalSubject;
  /** Region in the nominative case, the official name: `Тверская область`. */
  region: string;
  /** Document title as printed (from `Стратегия` to the region name), or null when no title was found. */
  title: string | null;
  /** Period the title states («на 2025–2030 годы» → `2025-2030`, «до 2030 года» → `до 2030`), or null. */
  period: string | null;
}

/** Options of {@link inferDocumentInfo}. */
export interface InferDocumentInfoOptions {
  /** How many leading characters to search. Default: 6000 (the title page and table of contents). */
  searchChars?: number;
}

const DEFAULT_SEARCH_CHARS = 6000;
/** The title sentence: from «Стратегия» on; long enough for the longest official titles with their period. */
const TITLE_ZONE_CHARS = 600;

/**
 * Infers the region and title of a regional strategy from its opening text, e.g.
 * "…государственного управления Тверской области" → Тверская область (`tver`). Regions come from the table of
 * the 89 subjects (indexer/regions), so only a real region is inferred. A region named in the title sentence
 * ("Стратегия … Тверской области") is preferred over mentions elsewhere on the title page.
 * @returns null when no region is named.
 */
export function inferDocumentInfo(text: string, options: InferDocumentInfoOptions = {}): InferredDocumentInfo | null {
  const head = text.slice(0, options.searchChars ?? DEFAULT_SEARCH_CHARS).replace(/\s+/g, ' ');
  const titleStart = head.search(/Стратеги[яи]\s/u);
  const titleZone = titleStart >= 0 ? head.slice(titleStart, titleStart + TITLE_ZONE_CHARS) : '';
  for (const zone of titleZone ? [titleZone, head] : [head]) {
    const mentions = SUBJECT_MATCHER.find(zone);
    // A name with its kind word («Тверской области») is surer than a bare city name on the title page («Тверь 2021»).
    const mention = mentions.find((m) => m.withKindWord) ?? mentions[0];
    if (!mention) continue;
    const title = zone === titleZone ? titleFrom(zone, mention.end) : null;
    return { subject: mention.value, region: mention.value.name, title, period: titleZone ? periodOf(titleZone) : null };
  }
  return null;
}

function titleFrom(zone: string, regionEnd: number): string | null {
  const title = zone.slice(0, regionEnd).trim();
  return title.length > 20 && title.length < 400 ? title.replace(/^Стратегии/u, 'Стратегия') : null;
}

/** The period a title states: «на 2022 – 2024 годы» → `2022-2024`, «на период до 2030 года» → `до 2030`. */
export function periodOf(title: string): string | null {
  const range = /(20\d\d)\s*[-–—]\s*(20\d\d)/u.exec(title);
  if (range) return `${range[1]}-${range[2]}`;
  const until = /до\s+(20\d\d)\s+год/u.exec(title);
  return until ? `до ${until[1]}` : null;
}
