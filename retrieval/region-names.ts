import { foreignFormsOfSubject, formsOfSubject, RegionMatcher, subjectById } from '../indexer/regions/region-matcher.js';

/**
 * Recognises the regions of the loaded index in free text, in any grammatical case: "в Тверской области",
 * "Хабаровского края", "Тюмени", "ЛНР", "Карачаево-Черкесии", "КЧР". The forms come from the table of the 89
 * subjects (indexer/regions/subjects.ts) that also gives every document its region id, so a region added by
 * dropping in a document is recognised without configuration. Only regions the index holds are recognised: a
 * query naming another region is searched as written rather than filtered down to nothing. A region outside the
 * table (a manifest naming something else) answers to its own name as written.
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

export class RegionNameMatcher {
  private readonly matcher: RegionMatcher<RegionRef>;

  constructor(regions: readonly RegionRef[]) {
    this.matcher = new RegionMatcher(
      regions.map((ref) => {
        const subject = subjectById(ref.regionId);
        const value = { regionId: ref.regionId, region: ref.region };
        return subject
          ? { value, forms: formsOfSubject(subject), foreignForms: foreignFormsOfSubject(subject), abbreviations: subject.abbreviations }
          : { value, forms: [ref.region], abbreviations: [] };
      }),
    );
  }

  /** Every region named in `text`, in order, without overlaps. */
  find(text: string): RegionMention[] {
    return this.matcher.find(text).map(({ value, matchedText, start, end }) => ({ ...value, matchedText, start, end }));
  }

  /** The region a whole value names («Новгородской области», «в Тюмени», «ХМАО»), or undefined. */
  resolve(value: string): RegionRef | undefined {
    return this.matcher.resolve(value);
  }
}

/** `text` with the mentions cut out (each replaced by `replacement`, a space by default), so what is left reads as the question without them. */
export function withoutMentions(text: string, mentions: readonly RegionMention[], replacement = ' '): string {
  let rest = text;
  for (const mention of [...mentions].sort((a, b) => b.start - a.start)) rest = rest.slice(0, mention.start) + replacement + rest.slice(mention.end);
  return rest;
}
