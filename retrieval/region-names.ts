import { termsOfWord, termTokens } from './text.js';

/**
 * Recognises region names in free text in any grammatical case: "в Тверской области", "Хабаровского края",
 * "Тюмени", "ЛНР", "Карачаево-Черкесии", "КЧР". Built from the region names in the index manifest, so a region
 * added by dropping in a document is recognised too.
 *
 * How: a region name minus its generic words ("область", "край", "Республика", ...) leaves distinctive words
 * ("Тверская", "Карачаево-Черкесская"). Their stems match any case form; the same stem without the adjective
 * suffix "-ск" matches the noun forms ("Тверь/Твери", "Тюмени", "Карачаево-Черкесия") and capitals named after the
 * region ("Хабаровск", "Луганск", "Черкесск"). Republics and autonomous districts also answer to their initialism
 * (ЛНР, КЧР).
 */

export interface RegionRef {
  regionId: string;
  region: string;
}

export interface RegionMention extends RegionRef {
  /** The words of the text that named the region, including the generic words and a preposition before it. */
  matchedText: string;
  start: number;
  end: number;
}

/** Words that say what kind of region it is; they extend a match but never make one. */
const GENERIC_WORDS = [
  'область', 'области', 'обл', 'край', 'края', 'крае', 'краю', 'республика', 'республики', 'республике', 'республику',
  'народная', 'народной', 'народную', 'автономный', 'автономного', 'автономном', 'автономная', 'автономной', 'округ',
  'округа', 'округе', 'город', 'города', 'городе', 'федерального', 'значения', 'субъект', 'субъекта', 'регион',
  'региона', 'регионе',
];
const PREPOSITIONS = new Set(['в', 'во', 'из', 'для', 'по', 'у', 'на', 'о', 'об', 'от', 'к', 'ко', 'про', 'с', 'со']);
/** Generic words whose initials form the usual abbreviation (Луганская Народная Республика → ЛНР). */
const INITIALISM_KINDS = /республик|автономн/i;
/** Common names not derivable from the official one, for regions whose official name matches the pattern. */
const EXTRA_ALIASES: [RegExp, string[]][] = [
  [/ханты-мансийск/i, ['Югра', 'ХМАО']],
  [/ямало-ненецк/i, ['ЯНАО']],
  [/чеченск/i, ['Чечня']],
  [/кабардино-балкарск/i, ['Кабардино-Балкария', 'КБР']],
  [/удмуртск/i, ['Удмуртия']],
  [/чувашск/i, ['Чувашия']],
  [/луганск/i, ['Луганщина']],
  [/донецк/i, ['Донбасс']],
  [/кемеровск/i, ['Кузбасс']],
];

interface RegionPattern extends RegionRef {
  /** Per position, the terms accepted there. */
  positions: Set<string>[];
}

interface TermAt {
  term: string;
  token: number;
}

export class RegionNameMatcher {
  private readonly patterns: RegionPattern[] = [];
  private readonly initialisms = new Map<string, RegionRef>();
  private readonly genericTerms: Set<string>;

  constructor(regions: readonly RegionRef[]) {
    this.genericTerms = new Set(GENERIC_WORDS.flatMap((w) => termsOfWord(w)));
    for (const ref of regions) {
      const words = ref.region.split(/\s+/).filter(Boolean);
      const distinctive = words.flatMap((w) => termsOfWord(w)).filter((t) => !this.genericTerms.has(t));
      if (distinctive.length > 0) {
        this.patterns.push({ ...ref, positions: distinctive.map((t) => new Set(stemVariants(t))) });
      }
      if (INITIALISM_KINDS.test(ref.region)) {
        const initials = words.flatMap((w) => w.split('-')).map((w) => w[0] ?? '').join('').toLowerCase();
        if (initials.length >= 3) this.initialisms.set(initials, ref);
      }
      for (const [officialName, aliases] of EXTRA_ALIASES) {
        if (!officialName.test(ref.region)) continue;
        for (const alias of aliases) {
          if (/^[А-ЯЁ]{2,5}$/.test(alias)) this.initialisms.set(alias.toLowerCase(), ref);
          else this.patterns.push({ ...ref, positions: termsOfWord(alias).map((t) => new Set([t])) });
        }
      }
    }
    // Longer names first, so "Карачаево-Черкесская" wins over a shorter pattern sharing its first word.
    this.patterns.sort((a, b) => b.positions.length - a.positions.length);
  }

  /** Every region named in `text`, in order, without overlaps. */
  find(text: string): RegionMention[] {
    const tokens = termTokens(text);
    const stream: TermAt[] = tokens.flatMap((t, i) => t.terms.map((term) => ({ term, token: i })));
    const mentions: { ref: RegionRef; first: number; last: number }[] = [];
    const used = new Set<number>();

    tokens.forEach((token, i) => {
      const ref = this.initialisms.get(token.norm);
      if (ref) {
        mentions.push({ ref, first: i, last: i });
        used.add(i);
      }
    });
    for (let s = 0; s < stream.length; s++) {
      if (used.has(stream[s]!.token)) continue;
      for (const pattern of this.patterns) {
        const n = pattern.positions.length;
        if (s + n > stream.length) continue;
        let ok = true;
        for (let j = 0; j < n && ok; j++) ok = pattern.positions[j]!.has(stream[s + j]!.term);
        if (!ok) continue;
        const first = stream[s]!.token;
        const last = stream[s + n - 1]!.token;
        mentions.push({ ref: { regionId: pattern.regionId, region: pattern.region }, first, last });
        for (let t = first; t <= last; t++) used.add(t);
        s += n - 1;
        break;
      }
    }

    return mentions
      .sort((a, b) => a.first - b.first)
      .map(({ ref, first, last }) => {
        // Widen over the generic words around the name ("Республики Карачаево-Черкесия", "Тверской области")
        // and one preposition before it, so removing the mention leaves a clean query.
        while (last + 1 < tokens.length && !used.has(last + 1) && this.isGeneric(tokens[last + 1]!.terms)) last++;
        while (first > 0 && !used.has(first - 1) && this.isGeneric(tokens[first - 1]!.terms)) first--;
        if (first > 0 && !used.has(first - 1) && PREPOSITIONS.has(tokens[first - 1]!.norm)) first--;
        for (let t = first; t <= last; t++) used.add(t);
        const start = tokens[first]!.start;
        const end = tokens[last]!.end;
        return { ...ref, matchedText: text.slice(start, end), start, end };
      });
  }

  private isGeneric(terms: readonly string[]): boolean {
    return terms.length > 0 && terms.every((t) => this.genericTerms.has(t));
  }
}

/** The stem and, for adjectives in "-ск", the noun/capital stem: тверск → твер, хабаровск → хабаров(ск). */
function stemVariants(term: string): string[] {
  const variants = [term];
  if (term.endsWith('ск') && term.length >= 6) variants.push(term.slice(0, -2));
  return variants;
}
