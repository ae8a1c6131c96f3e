/**
 * Russian synonyms from mythes-ru (LGPL-2.1; see data/README.md), converted to `data/thesaurus-ru.txt` by
 * `tools/build-thesaurus.ts` so runtime does not need the Debian package. Entries are dictionary forms, which is
 * what `lemmatize()` returns for dictionary words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_THESAURUS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'thesaurus-ru.txt',
);

export interface Thesaurus {
  /** Words that share a synonym set with `word` (dictionary form, lowercase, `ё` → `е`); empty when unknown. */
  synonyms(word: string): readonly string[];
  /** Number of distinct words with synonyms. */
  readonly size: number;
}

const EMPTY: readonly string[] = [];
const loaded = new Map<string, Thesaurus>();

export function parseThesaurus(content: string): Thesaurus {
  const map = new Map<string, string[]>();
  for (const line of content.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const members = line.split('|');
    for (const word of members) {
      let list = map.get(word);
      if (!list) map.set(word, (list = []));
      for (const other of members) if (other !== word && !list.includes(other)) list.push(other);
    }
  }
  return { synonyms: (word) => map.get(word) ?? EMPTY, size: map.size };
}

/** Loads (once per file) the compact thesaurus. Throws with the path when the data file is missing. */
export function loadThesaurus(file: string = DEFAULT_THESAURUS_FILE): Thesaurus {
  const cached = loaded.get(file);
  if (cached) return cached;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the thesaurus ${file} (${(error as Error).message}). ` +
        'Regenerate it with: npx tsx indexer/nlp/tools/build-thesaurus.ts',
      { cause: error },
    );
  }
  const thesaurus = parseThesaurus(content);
  loaded.set(file, thesaurus);
  return thesaurus;
}
