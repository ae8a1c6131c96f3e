import { FEDERAL_SUBJECTS, type CaseForms, type FederalSubject } from './subjects.js';

/**
 * Finds region names in free text — a query, a filter value, a document's title page — in any grammatical case:
 * «в Тверской области», «Хабаровского края», «в Тюмени», «Карачаево-Черкесии», «ЛНР». Every form comes from a
 * table (subjects.ts), matched word for word after lower-casing, so no stemming can confuse «Алтай» (the
 * republic) with «Алтайский край» or «Новгород» with «Нижний Новгород».
 *
 * How: each case form of a name is cut at its generic words (область, края, Республики…) into runs of distinctive
 * words («Тверской»; «Кемеровской» and «Кузбасса»). A run anywhere in the text names its region; the match then
 * widens over the generic words around it and one preposition before it, so removing it leaves a clean query.
 */

/** Something a matcher can recognise: its names in every form and its abbreviations. */
export interface NamedRegion<T> {
  value: T;
  /** Every written form of every name (the matcher tokenises them). */
  forms: readonly string[];
  /**
   * Names in another language (the English names of subjects.ts): their distinctive words name the region as
   * `forms` do ("in Tver region"), and the whole name does too, for names whose short form two regions share
   * ("Moscow Oblast" and "Moscow", "Altai Krai" and "Altai Republic").
   */
  foreignForms?: readonly string[];
  abbreviations: readonly string[];
}

export interface RegionMention<T> {
  value: T;
  /** The words of the text that named the region, with the generic words and a preposition before it. */
  matchedText: string;
  start: number;
  end: number;
  /** Whether the match includes a generic word («Тверской области», not just «Тверь»): a surer sign of a region. */
  withKindWord: boolean;
}

/** Word forms that say what kind of region it is; they extend a match but never make one. */
const GENERIC_WORDS = new Set(
  [
    'область', 'области', 'областью', 'обл',
    'край', 'края', 'краю', 'краем', 'крае',
    'республика', 'республики', 'республике', 'республику', 'республикой', 'респ',
    'народная', 'народной', 'народную', 'народною',
    'автономный', 'автономного', 'автономному', 'автономным', 'автономном', 'автономная', 'автономной', 'автономную',
    'ао', 'округ', 'округа', 'округу', 'округом', 'округе',
    'город', 'города', 'городу', 'городом', 'городе', 'г', 'федерального', 'значения',
    'регион', 'региона', 'региону', 'регионом', 'регионе',
    // English names (subjects.ts `en`), for questions asked in English: "in Tver region", "Khabarovsk Krai".
    'oblast', 'region', 'province', 'krai', 'territory', 'republic', 'of', 'people', 's', 'autonomous', 'okrug', 'city',
  ].map(normaliseWord),
);
const PREPOSITIONS = new Set(['в', 'во', 'из', 'для', 'по', 'у', 'на', 'о', 'об', 'от', 'к', 'ко', 'про', 'с', 'со', 'in', 'of', 'for', 'from', 'at', 'about', 'the']);
/** Abbreviations this short are matched only in capitals («РБ», not «рб»); longer ones in any case («лнр»). */
const CASE_SENSITIVE_ABBREVIATION_LENGTH = 2;

interface Token {
  norm: string;
  raw: string;
  start: number;
  end: number;
}

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

/** Words of a text (letters and digits; hyphens and dashes separate words) with their offsets. */
function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => ({
    norm: normaliseWord(m[0]),
    raw: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export class RegionMatcher<T> {
  /** Distinctive word runs (joined by spaces) → what they name. */
  private readonly runs = new Map<string, T>();
  /** Runs claimed by two different regions: never matched (subjects.test.ts keeps the table free of them). */
  readonly ambiguousRuns = new Set<string>();
  private readonly abbreviations = new Map<string, { value: T; caseSensitive: boolean }>();
  private longestRun = 1;

  constructor(regions: Iterable<NamedRegion<T>>) {
    for (const region of regions) {
      for (const form of region.forms) {
        for (const run of distinctiveRuns(form)) this.addRun(run, region.value);
      }
      for (const form of region.foreignForms ?? []) {
        for (const run of distinctiveRuns(form)) this.addRun(run, region.value);
        this.addRun(tokenize(form).map((t) => t.norm).join(' '), region.value);
      }
      for (const abbreviation of region.abbreviations) {
        const words = tokenize(abbreviation);
        if (words.length === 1) {
          this.abbreviations.set(words[0]!.norm, {
            value: region.value,
            caseSensitive: words[0]!.raw.length <= CASE_SENSITIVE_ABBREVIATION_LENGTH,
          });
        } else {
          this.addRun(words.map((w) => w.norm).join(' '), region.value);
        }
      }
    }
  }

  private addRun(run: string, value: T): void {
    if (this.ambiguousRuns.has(run)) return;
    const existing = this.runs.get(run);
    if (existing !== undefined && existing !== value) {
      this.runs.delete(run);
      this.ambiguousRuns.add(run);
      return;
    }
    this.runs.set(run, value);
    this.longestRun = Math.max(this.longestRun, run.split(' ').length);
  }

  /** Every region named in `text`, in order, without overlaps. */
  find(text: string): RegionMention<T>[] {
    const tokens = tokenize(text);
    const found: { value: T; first: number; last: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const abbreviation = this.abbreviations.get(tokens[i]!.norm);
      if (abbreviation && (!abbreviation.caseSensitive || tokens[i]!.raw === tokens[i]!.raw.toUpperCase())) {
        found.push({ value: abbreviation.value, first: i, last: i });
        continue;
      }
      for (let n = Math.min(this.longestRun, tokens.length - i); n >= 1; n--) {
        const key = tokens.slice(i, i + n).map((t) => t.norm).join(' ');
        const value = this.runs.get(key);
        if (value === undefined) continue;
        found.push({ value, first: i, last: i + n - 1 });
        i += n - 1;
        break;
      }
    }

    const used = new Set<number>();
    for (const f of found) for (let t = f.first; t <= f.last; t++) used.add(t);
    const isGeneric = (t: number) => t >= 0 && t < tokens.length && !used.has(t) && GENERIC_WORDS.has(tokens[t]!.norm);
    return found.map(({ value, first, last }) => {
      const [named, nameEnd] = [first, last];
      while (isGeneric(last + 1)) last++;
      while (isGeneric(first - 1)) first--;
      const withKindWord = first < named || last > nameEnd;
      if (first > 0 && !used.has(first - 1) && PREPOSITIONS.has(tokens[first - 1]!.norm)) first--;
      for (let t = first; t <= last; t++) used.add(t);
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      return { value, matchedText: text.slice(start, end), start, end, withKindWord };
    });
  }

  /**
   * What a whole value names — a filter value such as «Новгородской области», «в Тюмени», «ХМАО» — when all its
   * words name one region (generic words and one preposition allowed); undefined otherwise.
   */
  resolve(value: string): T | undefined {
    const mentions = this.find(value);
    if (mentions.length === 0) return undefined;
    const first = mentions[0]!.value;
    if (mentions.some((m) => m.value !== first)) return undefined;
    const covered = new Set<number>();
    const tokens = tokenize(value);
    for (const m of mentions) tokens.forEach((t, i) => t.start >= m.start && t.end <= m.end && covered.add(i));
    return tokens.every((t, i) => covered.has(i) || GENERIC_WORDS.has(t.norm)) ? first : undefined;
  }
}

/** Runs of distinctive words of a name, generic words cut out: «Кемеровской области — Кузбасса» → кемеровской, кузбасса. */
function distinctiveRuns(form: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const token of tokenize(form)) {
    if (GENERIC_WORDS.has(token.norm)) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else {
      run.push(token.norm);
    }
  }
  if (run.length) runs.push(run.join(' '));
  return runs;
}

/** Every written form of a subject: the official name and every alias, in every case. */
export function formsOfSubject(subject: FederalSubject): string[] {
  const all = [subject.cases, ...subject.aliases].flatMap((c: CaseForms) => [c.nom, c.gen, c.dat, c.acc, c.ins, c.prep]);
  return [...new Set(all)];
}

/**
 * A subject's names in English: the official one ("Karachay-Cherkess Republic") and its id, a transliteration
 * people also write ("Karachay-Cherkessia", "Luhansk").
 */
export function foreignFormsOfSubject(subject: FederalSubject): string[] {
  return [subject.en, subject.id.replace(/-/g, ' ')];
}

/** A matcher over the whole table (built once: 89 subjects, ≈ 2k forms). */
export const SUBJECT_MATCHER = new RegionMatcher<FederalSubject>(
  FEDERAL_SUBJECTS.map((s) => ({ value: s, forms: formsOfSubject(s), foreignForms: foreignFormsOfSubject(s), abbreviations: s.abbreviations })),
);

const SUBJECT_BY_ID = new Map(FEDERAL_SUBJECTS.map((s) => [s.id, s]));

export function subjectById(id: string): FederalSubject | undefined {
  return SUBJECT_BY_ID.get(id.trim().toLowerCase());
}

/**
 * The subject a value names: its id (`novgorod`), its official name or any alias in any case («Новгородской
 * области», «Великий Новгород»), or an abbreviation («ХМАО»).
 */
export function findSubject(value: string): FederalSubject | undefined {
  return subjectById(value) ?? SUBJECT_MATCHER.resolve(value);
}
