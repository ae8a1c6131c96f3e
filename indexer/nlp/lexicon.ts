/**
 * The lexicon an index carries for query understanding (`lexicon.json`): abbreviations defined or used in the
 * corpus (plus a curated list of very common ones). The server matches them both ways in queries
 * (retrieval/abbreviations.ts).
 */
import { z } from 'zod';
import type { Passage } from '../types.js';
import { extractAbbreviations } from './abbreviations.js';

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
