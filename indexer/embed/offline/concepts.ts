/**
 * The domain lexicon compiled to lemma space: single lemmas and lemma sequences (phrases) → concept ids. Compiled
 * once per process after morphology is loaded, with the same lemmatiser the texts go through.
 */
import { DOMAIN_CONCEPTS, type DomainConcept } from '../../nlp/domain-lexicon.js';
import { lemmatize } from '../../nlp/morphology.js';
import { isStopword } from '../../nlp/stopwords.js';
import { tokenize } from '../../nlp/tokenize.js';
import type { Sector } from '../../types.js';

export interface CompiledConcepts {
  /** Content-lemma sequence (joined by spaces) → concept ids. Single lemmas are sequences of length 1. */
  phrases: Map<string, string[]>;
  /** Longest phrase, in content lemmas. */
  maxPhraseLength: number;
  /** Concepts a passage inherits from the sector of its section. */
  sectorConcepts: Map<Sector, string[]>;
  /** Synonym rings (`expand: true`): concept id → the content lemmas of all its terms. */
  ringLemmas: Map<string, string[]>;
}

/** Content lemmas of a short text: numbers and stop words dropped; hyphenated words stay whole. */
export function contentLemmas(text: string): string[] {
  const lemmas: string[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'number' && !/\p{L}/u.test(token.text)) continue;
    const lemma = lemmatize(token.text);
    if (!isStopword(lemma)) lemmas.push(lemma);
  }
  return lemmas;
}

let compiled: CompiledConcepts | null = null;

export function compileConcepts(concepts: readonly DomainConcept[] = DOMAIN_CONCEPTS): CompiledConcepts {
  if (compiled && concepts === DOMAIN_CONCEPTS) return compiled;
  const phrases = new Map<string, string[]>();
  const sectorConcepts = new Map<Sector, string[]>();
  const ringLemmas = new Map<string, string[]>();
  let maxPhraseLength = 1;
  for (const concept of concepts) {
    if (concept.sector) {
      const list = sectorConcepts.get(concept.sector) ?? [];
      // Only the first concept of a sector is its "label"; the others are topics inside it.
      if (list.length === 0) list.push(concept.id);
      sectorConcepts.set(concept.sector, list);
    }
    for (const term of concept.terms) {
      const lemmas = contentLemmas(term);
      if (lemmas.length === 0) continue;
      if (concept.expand) {
        const ring = ringLemmas.get(concept.id) ?? [];
        for (const lemma of lemmas) if (!ring.includes(lemma)) ring.push(lemma);
        ringLemmas.set(concept.id, ring);
      }
      const key = lemmas.join(' ');
      const ids = phrases.get(key) ?? [];
      if (!ids.includes(concept.id)) ids.push(concept.id);
      phrases.set(key, ids);
      maxPhraseLength = Math.max(maxPhraseLength, lemmas.length);
    }
  }
  const result = { phrases, maxPhraseLength, sectorConcepts, ringLemmas };
  if (concepts === DOMAIN_CONCEPTS) compiled = result;
  return result;
}

/** Concept ids mentioned in a content-lemma sequence, with counts (longest phrase wins at each position). */
export function findConcepts(lemmas: readonly string[], concepts: CompiledConcepts): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i < lemmas.length; i += 1) {
    for (let length = Math.min(concepts.maxPhraseLength, lemmas.length - i); length >= 1; length -= 1) {
      const ids = concepts.phrases.get(lemmas.slice(i, i + length).join(' '));
      if (!ids) continue;
      for (const id of ids) found.set(id, (found.get(id) ?? 0) + 1);
      break;
    }
  }
  return found;
}
