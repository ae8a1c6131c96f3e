/**
 * Shape of the evaluation set (`tests/eval/queries.json`), validated with zod when it is read.
 *
 * Judgments never name chunk ids: a passage is relevant to a query when it belongs to one of the
 * `relevant[].region`s and its text matches any of that rule's `patterns` (see `judge.ts` for how
 * patterns are compiled: case-insensitive, Unicode-aware `\w` `\W` `\b`, `ё` folded to `е`,
 * whitespace runs folded to one space). So the set survives any change of chunking.
 */
import { z } from 'zod';
import { SECTORS } from '../../indexer/types.js';

/** Regions of the bundled corpus (ids as in `corpus/manifest.json` file names). */
export const EVAL_REGION_IDS = ['tver', 'tyumen', 'khabarovsk', 'luhansk', 'karachay-cherkessia'] as const;
export type EvalRegionId = (typeof EVAL_REGION_IDS)[number];

/**
 * How the query was written:
 * - `paraphrase`: shares no content lemma with the passages it should find (synonyms, everyday words);
 * - `exact`: exact terms or abbreviations as they appear in the texts;
 * - `abbreviation`: an abbreviation where the texts use the full form, or the full form where they use the abbreviation;
 * - `region`: names one region (in some grammatical case); only that region's passages are relevant;
 * - `topic`: a broad theme that several regions address;
 * - `none`: no region answers it; every relevant list is empty.
 */
export const QUERY_KINDS = ['paraphrase', 'exact', 'abbreviation', 'region', 'topic', 'none'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Languages a query may be written in; the corpus is Russian either way. */
export const QUERY_LANGS = ['ru', 'en'] as const;
export type QueryLang = (typeof QUERY_LANGS)[number];
/** The languages' names in reports. */
export const QUERY_LANG_NAMES: Readonly<Record<QueryLang, string>> = { ru: 'Russian', en: 'English' };

/**
 * Finer themes inside the `general` sector (and cross-cutting ones), for reporting only.
 */
export const QUERY_TAGS = [
  'it-staff',
  'infrastructure',
  'data-ai',
  'security',
  'finance',
  'domestic-software',
  'industry',
  'emergency',
  'business',
] as const;
export type QueryTag = (typeof QUERY_TAGS)[number];

const patternSchema = z
  .string()
  .min(2, 'a pattern must have at least 2 characters')
  .refine((p) => {
    try {
      new RegExp(p, 'iu');
      return true;
    } catch {
      return false;
    }
  }, 'pattern is not a valid JavaScript regular expression (compiled with flags "iu")');

export const relevanceRuleSchema = z.object({
  region: z.enum(EVAL_REGION_IDS),
  /** A passage of `region` is relevant when its text matches ANY of these. */
  patterns: z.array(patternSchema).min(1),
});
export type RelevanceRule = z.infer<typeof relevanceRuleSchema>;

export const evalQuerySchema = z
  .object({
    /** Stable slug, e.g. `para-doctor-online`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be a lowercase slug'),
    /** The query exactly as a user would type it. */
    query: z.string().min(2).max(300),
    /** Language of the query: `ru` (default) or `en` (an English question that must find Russian passages). */
    lang: z.enum(QUERY_LANGS).optional(),
    kind: z.enum(QUERY_KINDS),
    /** Sector of the passages the query is about (omitted for `none` and cross-sector queries). */
    sector: z.enum(SECTORS).optional(),
    tags: z.array(z.enum(QUERY_TAGS)).optional(),
    /** For `region` queries: the region the query names. */
    namedRegion: z.enum(EVAL_REGION_IDS).optional(),
    /** Regions that address the topic (used for region coverage of the grouped view). */
    regions: z.array(z.enum(EVAL_REGION_IDS)),
    relevant: z.array(relevanceRuleSchema),
    /**
     * Only for `none`: patterns (same syntax) that occur nowhere in the corpus — the evidence, re-checked by a test,
     * that no region answers the query.
     */
    absentPatterns: z.array(patternSchema).optional(),
    /** Why the judgment is what it is, when not obvious. */
    notes: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    const ruleRegions = new Set(q.relevant.map((r) => r.region));
    if (q.kind === 'none') {
      if (q.relevant.length > 0 || q.regions.length > 0) {
        ctx.addIssue({ code: 'custom', message: `query "${q.id}": kind "none" must have empty "relevant" and "regions"` });
      }
      if (!q.absentPatterns?.length) {
        ctx.addIssue({ code: 'custom', message: `query "${q.id}": kind "none" needs "absentPatterns" (terms verified absent from the corpus)` });
      }
      return;
    }
    if (q.absentPatterns) {
      ctx.addIssue({ code: 'custom', message: `query "${q.id}": only kind "none" may have "absentPatterns"` });
    }
    if (q.relevant.length === 0) {
      ctx.addIssue({ code: 'custom', message: `query "${q.id}": "relevant" is empty; only kind "none" may have no relevant passages` });
    }
    if (ruleRegions.size !== q.relevant.length) {
      ctx.addIssue({ code: 'custom', message: `query "${q.id}": one rule per region in "relevant" (merge the patterns)` });
    }
    for (const region of q.regions) {
      if (!ruleRegions.has(region)) {
        ctx.addIssue({ code: 'custom', message: `query "${q.id}": region "${region}" is in "regions" but has no rule in "relevant"` });
      }
    }
    if (q.kind === 'region') {
      if (!q.namedRegion) {
        ctx.addIssue({ code: 'custom', message: `query "${q.id}": kind "region" needs "namedRegion"` });
      } else if (q.relevant.some((r) => r.region !== q.namedRegion) || q.regions.join() !== q.namedRegion) {
        ctx.addIssue({ code: 'custom', message: `query "${q.id}": a region query's "relevant" and "regions" must name only "${q.namedRegion}"` });
      }
    }
  });
export type EvalQuery = z.infer<typeof evalQuerySchema>;

export const evalSetSchema = z
  .object({
    version: z.literal(1),
    description: z.string(),
    queries: z.array(evalQuerySchema).min(60),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    for (const q of set.queries) {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate query id "${q.id}"` });
      seen.add(q.id);
    }
  });
export type EvalSet = z.infer<typeof evalSetSchema>;
