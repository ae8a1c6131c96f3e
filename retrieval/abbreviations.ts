import { z } from 'zod';
import { keywordTerms } from '../indexer/index/keyword.js';

/**
 * Abbreviation ↔ expansion pairs from the index's lexicon, with the keyword terms of both sides precomputed so
 * query expansion is a set lookup. The lexicon is read structurally: only its `abbreviations` list matters here.
 */

export interface AbbreviationEntry {
  abbreviation: string;
  expansion: string;
  /** Keyword terms of the abbreviation (`ЦОД` → [`цод`]; `ГИС ЖКХ` → two terms). */
  abbreviationTerms: string[];
  /** Keyword terms of the expansion, stop words removed. */
  expansionTerms: string[];
}

const lexiconAbbreviations = z.looseObject({
  abbreviations: z.array(z.looseObject({ abbreviation: z.string().min(1), expansion: z.string().min(1) })).default([]),
});

export function abbreviationsFromLexicon(lexicon: unknown): AbbreviationEntry[] {
  const parsed = lexiconAbbreviations.safeParse(lexicon ?? {});
  if (!parsed.success) return [];
  const entries: AbbreviationEntry[] = [];
  for (const { abbreviation, expansion } of parsed.data.abbreviations) {
    const abbreviationTerms = keywordTerms(abbreviation);
    const expansionTerms = [...new Set(keywordTerms(expansion))];
    // An expansion of one word adds nothing but noise. An abbreviation that is also a stop word ("ПО") has no
    // keyword term; it is still recognised in a query when written in capitals, and expanded.
    if (expansionTerms.length < 2) continue;
    entries.push({ abbreviation, expansion, abbreviationTerms, expansionTerms });
  }
  return entries;
}
