/**
 * The lexicon an index carries for query understanding (`lexicon.json`): abbreviations defined or used in the
 * corpus (plus a curated list of very common ones), and helpers to match them both ways in a query. Everything is
 * keyed by Snowball stems, so it needs no morphology dictionaries and matches any case form of the expansion.
 */
import { z } from 'zod';
import type { Passage } from '../types.js';
import { extractAbbreviations } from './abbreviations.js';
import { stem } from './morphology.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

export const LEXICON_VERSION = 1;

export const lexiconAbbreviationSchema = z.object({
  abbreviation: z.string().min(1),
  expansion: z.string().min(1),
  source: z.enum(['corpus', 'curated']),
  occurrences: z.number().int().nonnegative(),
});

export const lexiconSchema = z.object({
  version: z.literal(LEXICON_VERSION),
  abbreviations: z.array(lexiconAbbreviationSchema),
});

export type LexiconAbbreviation = z.infer<typeof lexiconAbbreviationSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;

/** Builds the lexicon from the passages of the whole corpus (passages of one document are joined in order). */
export function buildLexicon(passages: readonly Passage[]): Lexicon {
  const byDocument = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = byDocument.get(passage.documentId) ?? [];
    list.push(passage);
    byDocument.set(passage.documentId, list);
  }
  const texts = [...byDocument.values()].map((list) =>
    list
      .sort((a, b) => a.ordinal - b.ordinal)
      .map((p) => p.text)
      .join('\n'),
  );
  return { version: LEXICON_VERSION, abbreviations: extractAbbreviations(texts) };
}

/** Validates a lexicon read from disk; throws a zod error naming the bad field. */
export function parseLexicon(raw: unknown): Lexicon {
  return lexiconSchema.parse(raw);
}

export interface QueryExpansionTerm {
  /** What the query said (`ЕПГУ`, or the expansion's words as written in the query). */
  matched: string;
  /** What it stands for (the expansion, or the abbreviation). */
  expandsTo: string;
  direction: 'abbreviation→expansion' | 'expansion→abbreviation';
}

export interface QueryExpansion {
  query: string;
  expansions: QueryExpansionTerm[];
  /** The query followed by what the expansions add, for a keyword engine. */
  expandedText: string;
}

function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind !== 'number' && !isStopword(token.norm))
    .map((token) => stem(token.norm));
}

/**
 * Matches abbreviations of the lexicon in a query, in both directions: "ЕПГУ" adds "единый портал государственных
 * услуг"; "портал госуслуг" does not match (different words), "единого портала государственных услуг" adds "ЕПГУ".
 * An abbreviation is recognised in any letter case when it is at least 3 letters long, in capitals otherwise
 * ("ИТ", "ПО" are ordinary words in lower case).
 */
export function expandQuery(query: string, lexicon: Lexicon): QueryExpansion {
  const tokens = tokenize(query);
  const queryStems = tokens.map((token) => stem(token.norm));
  const expansions: QueryExpansionTerm[] = [];
  const seen = new Set<string>();
  for (const entry of lexicon.abbreviations) {
    const parts = entry.abbreviation.split(/\s+/);
    const partsNorm = parts.map((part) => part.toLowerCase());
    // abbreviation → expansion
    for (let i = 0; i + parts.length <= tokens.length; i += 1) {
      const window = tokens.slice(i, i + parts.length);
      const same = window.every((token, k) =>
        entry.abbreviation.length >= 3 || (parts[k]?.length ?? 0) >= 3 ? token.norm === partsNorm[k] : token.text === parts[k],
      );
      if (same && !seen.has(`a:${entry.abbreviation}`)) {
        seen.add(`a:${entry.abbreviation}`);
        expansions.push({
          matched: window.map((token) => token.text).join(' '),
          expandsTo: entry.expansion,
          direction: 'abbreviation→expansion',
        });
      }
    }
    // expansion → abbreviation: all content stems of the expansion, contiguous in the query (function words aside)
    const expansionStems = contentStems(entry.expansion);
    if (expansionStems.length < 2 || seen.has(`e:${entry.abbreviation}`)) continue;
    const start = queryStems.indexOf(expansionStems[0]!);
    if (start < 0) continue;
    let position = start;
    let matchedAll = true;
    for (const wanted of expansionStems) {
      while (position < tokens.length && queryStems[position] !== wanted && isStopword(tokens[position]!.norm)) position += 1;
      if (queryStems[position] !== wanted) {
        matchedAll = false;
        break;
      }
      position += 1;
    }
    if (!matchedAll) continue;
    seen.add(`e:${entry.abbreviation}`);
    const first = tokens[start]!;
    const last = tokens[position - 1]!;
    expansions.push({
      matched: query.slice(first.start, last.end),
      expandsTo: entry.abbreviation,
      direction: 'expansion→abbreviation',
    });
  }
  const added = expansions.map((expansion) => expansion.expandsTo);
  return { query, expansions, expandedText: [query, ...added].join(' ') };
}
