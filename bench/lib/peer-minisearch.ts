import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import russian from 'lunr-languages/lunr.ru.js';
import MiniSearch from 'minisearch';
import type { Passage } from '../../indexer/types.js';

/**
 * The peer: MiniSearch over the same passages, configured at its best for Russian: Snowball Russian stemming
 * (lunr-languages, the same stemmer our keyword leg uses), Russian stop words removed, `ё` folded to `е`,
 * whole-stem matching only (no prefix, no fuzzy: a prefix lookup lets "мер" hit "мероприят"), BM25 over the passage
 * text and its section path (section boosted ×2, as in our keyword index).
 */

type LunrWithRu = typeof lunr & { ru?: { stemmer: (word: string) => string; stopWordFilter: (word: string) => string | undefined } };

/** lunr-languages registered on a private copy of lunr, so the server's lunr setup is untouched. */
function russianTools(): { stem: (word: string) => string; isStopWord: (word: string) => boolean } {
  const pipeline = Object.assign(Object.create(lunr.Pipeline) as typeof lunr.Pipeline, {
    registerFunction: (fn: lunr.PipelineFunction, label: string) => Object.assign(fn, { label }),
  });
  const isolated = Object.assign(Object.create(lunr) as LunrWithRu, { Pipeline: pipeline });
  stemmerSupport(isolated);
  russian(isolated);
  const ru = isolated.ru;
  if (!ru) throw new Error('lunr-languages did not register Russian');
  return { stem: ru.stemmer, isStopWord: (w) => ru.stopWordFilter(w) === undefined };
}

const { stem, isStopWord } = russianTools();

export function peerProcessTerm(term: string): string | null {
  const word = term.toLowerCase().replace(/ё/g, 'е');
  if (word.length === 0 || isStopWord(word)) return null;
  return stem(word);
}

interface PeerDocument {
  id: number;
  text: string;
  section: string;
}

export interface PeerIndex {
  search(query: string, k: number): number[];
  /** The top-k labels with their BM25 scores. */
  searchScored(query: string, k: number): { label: number; score: number }[];
}

/** Indexes `passages` (label = array position) and returns a search returning the top-k labels. */
export function buildPeerIndex(passages: readonly Passage[]): PeerIndex {
  const mini = new MiniSearch<PeerDocument>({
    fields: ['text', 'section'],
    storeFields: [],
    processTerm: peerProcessTerm,
    searchOptions: { prefix: false, fuzzy: false, boost: { section: 2 }, combineWith: 'OR' },
  });
  mini.addAll(passages.map((p, id) => ({ id, text: p.text, section: p.section.path })));
  const searchScored = (query: string, k: number) => mini.search(query).slice(0, k).map((r) => ({ label: r.id as number, score: r.score }));
  return {
    search: (query, k) => searchScored(query, k).map((r) => r.label),
    searchScored,
  };
}
