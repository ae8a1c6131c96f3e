/**
 * Converts the Debian `mythes-ru` thesaurus (/usr/share/mythes/th_ru_RU_v2.dat, LGPL-2.1) into the compact file
 * `indexer/nlp/data/thesaurus-ru.txt` that runtime reads, so the product does not need the Debian package.
 *
 * Source format: `word|n` then n lines `(relation)|syn|syn|...`. Output: one synonym set per line, `a|b|c`,
 * lowercase, `ё` → `е`; only single words; synonyms and similar terms (antonyms and loose "related" terms dropped,
 * they would pull queries towards the opposite or unrelated meanings).
 *
 * Usage: npx tsx indexer/nlp/tools/build-thesaurus.ts [source.dat] [output.txt]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KEPT_RELATIONS = new Set(['(синоним)', '(сходный термин)']);
const MAX_SET_SIZE = 12; // long lists are loose associations ("абракадабра|...|чушь"); keep the head of them

const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? '/usr/share/mythes/th_ru_RU_v2.dat';
const output = process.argv[3] ?? path.join(here, '..', 'data', 'thesaurus-ru.txt');

function clean(term: string): string | null {
  const word = term
    .replace(/\([^)]*\)/g, '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');
  return /^[а-я]+(?:-[а-я]+)*$/.test(word) && word.length >= 2 ? word : null;
}

const lines = readFileSync(source, 'utf8').replace(/^\uFEFF/, '').split('\n');
const sets = new Set<string>();
let head: string | null = null;
for (const line of lines.slice(1)) {
  if (!line.startsWith('(')) {
    head = clean(line.split('|')[0] ?? '');
    continue;
  }
  const [relation, ...terms] = line.split('|');
  if (!head || !relation || !KEPT_RELATIONS.has(relation)) continue;
  const members = [head];
  for (const term of terms) {
    const word = clean(term);
    if (word && !members.includes(word)) members.push(word);
    if (members.length >= MAX_SET_SIZE) break;
  }
  if (members.length >= 2) sets.add(members.join('|'));
}

const header = '# Russian synonym sets from mythes-ru (LGPL-2.1), converted by indexer/nlp/tools/build-thesaurus.ts\n';
writeFileSync(output, header + [...sets].join('\n') + '\n');
console.log(`${sets.size} synonym sets → ${output}`);
