/**
 * Russian compound abbreviations (сложносокращённые слова): a clipped adjective glued to a noun, as people write
 * them — «госсистемы» (государственные системы), «медпункт» (медицинский пункт), «соцзащита» (социальная защита).
 * Strategies often spell the two words out, so a query word the corpus lacks can still be read as its parts.
 *
 * The heads are the productive clipped forms of Russian word formation, not words taken from the corpus.
 */
import { lemmatize } from './morphology.js';
import { normalizeWord } from './tokenize.js';

/** Clipped head → the adjective it stands for (dictionary form). Longest heads are tried first. */
const COMPOUND_HEADS: ReadonlyMap<string, string> = new Map([
  ['гос', 'государственный'],
  ['мед', 'медицинский'],
  ['соц', 'социальный'],
  ['мун', 'муниципальный'],
  ['эко', 'экологический'],
  ['спец', 'специальный'],
  ['тех', 'технический'],
  ['проф', 'профессиональный'],
  ['пед', 'педагогический'],
  ['фин', 'финансовый'],
  ['нац', 'национальный'],
  ['агро', 'сельскохозяйственный'],
  ['обл', 'областной'],
  ['рай', 'районный'],
  ['жил', 'жилищный'],
  ['ком', 'коммунальный'],
  ['энерго', 'энергетический'],
  ['инфо', 'информационный'],
  ['авто', 'автомобильный'],
  ['физ', 'физический'],
]);
const HEADS_LONGEST_FIRST = [...COMPOUND_HEADS.keys()].sort((a, b) => b.length - a.length);
/** The glued noun must be a real word, not a suffix ("госы"). */
const MIN_REST_LENGTH = 4;

/**
 * The two lemmas a compound abbreviation stands for, when `accept` takes the lemma of the rest (e.g. "the corpus
 * has this word"): «госсистемы» → ["государственный", "система"]. Null when the word is not such a compound.
 * Morphology must be initialised.
 */
export function splitCompound(word: string, accept: (restLemma: string) => boolean): [string, string] | null {
  const norm = normalizeWord(word);
  for (const head of HEADS_LONGEST_FIRST) {
    if (!norm.startsWith(head) || norm.length - head.length < MIN_REST_LENGTH) continue;
    const rest = lemmatize(norm.slice(head.length));
    if (accept(rest)) return [COMPOUND_HEADS.get(head)!, rest];
  }
  return null;
}
