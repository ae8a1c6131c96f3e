/** What could be inferred about a document that has no manifest entry. */
export interface InferredDocumentInfo {
  /** Region in the nominative case, e.g. `Тверская область`. */
  region: string;
  /** Document title as printed (from `Стратегия` to the region name), or null when no title was found. */
  title: string | null;
}

/** Options of {@link inferDocumentInfo}. */
export interface InferDocumentInfoOptions {
  /** How many leading characters to search. Default: 6000 (the title page and table of contents). */
  searchChars?: number;
}

/** Capitalised adjective (possibly hyphenated) in the genitive: feminine `…ой/…ей`, masculine `…ого/…его`. */
const ADJ_F = String.raw`\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)?(?:ой|ей)`;
const ADJ_M = String.raw`\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)?(?:ого|его)`;

/** Region patterns in the genitive case, most specific first. Each turns its match into the nominative. */
const REGION_PATTERNS: Array<{ re: RegExp; toNominative: (m: RegExpExecArray) => string }> = [
  {
    re: new RegExp(String.raw`(${ADJ_F})\s+(Народной\s+)?Республики`, 'u'),
    toNominative: (m) => `${feminineAdjective(m[1]!)}${m[2] ? ' Народная' : ''} Республика`,
  },
  {
    re: new RegExp(String.raw`Республики\s+(\p{Lu}[\p{Ll}-]+(?:\s+\(\p{Lu}[\p{Ll}]+\))?)`, 'u'),
    toNominative: (m) => `Республика ${m[1]!}`,
  },
  {
    re: new RegExp(String.raw`(${ADJ_M})\s+автономного\s+округа(?:\s*[-–—]\s*(\p{Lu}[\p{Ll}]+))?`, 'u'),
    toNominative: (m) => `${masculineAdjective(m[1]!)} автономный округ${m[2] ? ` – ${feminineNoun(m[2])}` : ''}`,
  },
  {
    re: new RegExp(String.raw`(${ADJ_F})\s+автономной\s+области`, 'u'),
    toNominative: (m) => `${feminineAdjective(m[1]!)} автономная область`,
  },
  { re: new RegExp(String.raw`(${ADJ_F})\s+области`, 'u'), toNominative: (m) => `${feminineAdjective(m[1]!)} область` },
  { re: new RegExp(String.raw`(${ADJ_M})\s+края`, 'u'), toNominative: (m) => `${masculineAdjective(m[1]!)} край` },
  { re: /города\s+(Москвы|Санкт-Петербурга|Севастополя)/u, toNominative: (m) => cityNominative(m[1]!) },
];

/** Genitive feminine adjective → nominative: `Тверской` → `Тверская`, `Карачаево-Черкесской` → `Карачаево-Черкесская`. */
export function feminineAdjective(word: string): string {
  if (/ей$/u.test(word)) return word.replace(/ей$/u, 'яя');
  return word.replace(/ой$/u, 'ая');
}

/** Genitive masculine adjective → nominative: `Хабаровского` → `Хабаровский`, `Ненецкого` → `Ненецкий`. */
export function masculineAdjective(word: string): string {
  if (/(ск|цк|к|г|х)ого$/u.test(word)) return word.replace(/ого$/u, 'ий');
  if (/его$/u.test(word)) return word.replace(/его$/u, 'ий');
  return word.replace(/ого$/u, 'ый');
}

function feminineNoun(word: string): string {
  return word.replace(/ры$/u, 'ра').replace(/ии$/u, 'ия');
}

function cityNominative(word: string): string {
  return { Москвы: 'Москва', 'Санкт-Петербурга': 'Санкт-Петербург', Севастополя: 'Севастополь' }[word] ?? word;
}

/**
 * Infers the region (nominative) and title of a regional strategy from its opening text, e.g.
 * "…государственного управления Тверской области" → `Тверская область`.
 * Words in the title ("Стратегия … Тверской области") are preferred over mentions elsewhere.
 * @returns null when no region name is found.
 */
export function inferDocumentInfo(text: string, options: InferDocumentInfoOptions = {}): InferredDocumentInfo | null {
  const head = text.slice(0, options.searchChars ?? 6000).replace(/\s+/g, ' ');
  // Prefer the region named right after "государственного управления" / in the title sentence.
  const titleStart = head.search(/Стратеги[яи]\s/u);
  const zones = titleStart >= 0 ? [head.slice(titleStart, titleStart + 400), head] : [head];
  for (const zone of zones) {
    let best: { index: number; end: number; region: string } | null = null;
    for (const { re, toNominative } of REGION_PATTERNS) {
      const m = re.exec(zone);
      if (m && (best === null || m.index < best.index)) {
        best = { index: m.index, end: m.index + m[0].length, region: toNominative(m) };
      }
    }
    if (best) {
      const title = zone === head && titleStart < 0 ? null : titleFrom(zone, best.end);
      return { region: best.region, title };
    }
  }
  return null;
}

function titleFrom(zone: string, regionEnd: number): string | null {
  const start = zone.search(/Стратеги[яи]\s/u);
  if (start < 0 || start >= regionEnd) return null;
  const title = zone.slice(start, regionEnd).trim();
  return title.length > 20 && title.length < 400 ? title.replace(/^Стратегии/u, 'Стратегия') : null;
}
