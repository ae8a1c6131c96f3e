import type { RetrievalOptions } from './options.js';
import { isFramingTerm, type QueryPlan } from './query-understanding.js';
import type { SearchIndex } from './search-index.js';
import { uniqueTerms } from './text.js';

/**
 * Concept-model coverage: how much of the question a passage expresses, in the offline embedder's concept space (lemmas,
 * domain concepts with their synonym rings, abbreviations ↔ expansions, section and sector labels). A paraphrase
 * whose concepts appear in a passage counts as covered though it shares no word with it ("заторы" → "загруженность
 * дорог"); a question whose words the corpus cannot express at all (no lemma, no concept) is "unexpressible" and
 * nothing answers it ("строительство метро", "добыча криптовалюты").
 *
 * The concept model is the offline embedder: the index's own, or the one a neural index keeps beside its model.
 */

export interface ConceptUnitWeighted {
  lemma: string;
  weight: number;
  /** Share of `weight` a passage earns by having one of `features` (`weakCredit` for a weak unit, else 1). */
  credit: number;
  features: ReadonlySet<string>;
}

export interface ConceptModelQuery {
  units: ConceptUnitWeighted[];
  /** Σ weight of all units (unexpressible ones included). */
  total: number;
  /**
   * The corpus cannot express at least `unknownShare` of the question's nouns and adjectives (framing words not
   * counted): nothing can answer it.
   */
  unexpressible: boolean;
}

/** The settings concept-model coverage reads (defaults and their measurements: options.ts). */
export type ConceptModelOptions = Pick<RetrievalOptions, 'unknownWeight' | 'unknownVerbalWeight' | 'unknownShare' | 'weakCredit' | 'framingWeight'>;

/** The question as weighted concept-model units, or undefined when the index has no concept model. */
export function conceptModelQuery(index: SearchIndex, plan: QueryPlan, options: ConceptModelOptions): ConceptModelQuery | undefined {
  const embedder = index.conceptEmbedder;
  if (!embedder) return undefined;
  const regionWords = new Set(plan.regions.flatMap((r) => uniqueTerms(r.matchedText)));
  const raw = embedder.queryConcepts(plan.conceptText);
  const units: ConceptUnitWeighted[] = [];
  let unknownCount = 0;
  let contentCount = 0;
  for (const unit of raw) {
    const terms = uniqueTerms(unit.lemma);
    const framing = terms.length > 0 && terms.every((t) => isFramingTerm(t) || regionWords.has(t));
    const expressible = unit.features.length > 0;
    // Verbs and adverbs the corpus lacks ("вставать", "откуда") say how, not what: they weigh little and do not
    // decide whether the question can be answered.
    let weight = expressible ? unit.weight : embedder.unknownIdf * options.unknownWeight * (unit.verbal ? options.unknownVerbalWeight : 1);
    if (framing) weight *= options.framingWeight;
    else if (!unit.verbal) {
      contentCount += 1;
      if (!expressible) unknownCount += 1;
      else if (unit.weak) unknownCount += 1 - options.weakCredit;
    }
    const credit = unit.weak ? options.weakCredit : 1;
    units.push({ lemma: unit.lemma, weight, credit, features: new Set(unit.features) });
  }
  const total = units.reduce((s, u) => s + u.weight, 0);
  const unexpressible = units.length === 0 || contentCount === 0 ? units.every((u) => u.features.size === 0) : unknownCount / contentCount >= options.unknownShare;
  return { units, total, unexpressible };
}

/** Weighted share of the query's units whose features the passage has (0 for an unexpressible question). */
export function conceptModelCoverage(query: ConceptModelQuery, passageFeatures: ReadonlySet<string>): number {
  if (query.unexpressible || query.total <= 0) return 0;
  let covered = 0;
  for (const unit of query.units) {
    for (const f of unit.features) {
      if (passageFeatures.has(f)) {
        covered += unit.weight * unit.credit;
        break;
      }
    }
  }
  return covered / query.total;
}
