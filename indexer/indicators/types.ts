import { z } from 'zod';
import { SECTORS } from '../types.js';

/** One year's value of an indicator: the cell as printed and its number when it reads as one. */
export const indicatorValueSchema = z.object({
  year: z.number().int(),
  /** Exactly as printed: «74.31», «00», «12051» (a flattened text's «120,51» with the comma dropped). */
  raw: z.string().min(1),
  value: z.number().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** An indicator row of a strategy's targets table, as extracted at index time. */
export const indicatorRowSchema = z.object({
  /** Stable id: document + section + name + project (+ occurrence). */
  id: z.string().min(1),
  documentId: z.string().min(1),
  documentTitle: z.string(),
  regionId: z.string().min(1),
  region: z.string().min(1),
  sector: z.enum(SECTORS),
  /** Section path of the table (for citations): `7. Показатели развития отрасли › Здравоохранение`. */
  sectionPath: z.string(),
  project: z.object({ number: z.string().nullable(), name: z.string().nullable() }),
  /** Responsible body as printed («Министерство здравоохранения Тверской области»), null where unreadable. */
  responsible: z.string().nullable(),
  /** Indicator name as in the source (cell lines joined). */
  name: z.string().min(1),
  unit: z.string().nullable(),
  values: z.array(indicatorValueSchema).min(1),
  /** Page the row starts on; null where the source has no pages (flattened texts). */
  page: z.number().int().nullable(),
  /** Passage holding the row (for «in context» links); null when none could be tied to it. */
  passageId: z.string().nullable(),
  /** Same id for the same indicator in other regions (and repeats in one document): see `group.ts`. */
  groupId: z.string().min(1),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const indicatorsFileSchema = z.array(indicatorRowSchema);

/** A row before ids, region and passage are attached: what a text-form extractor reads from one table. */
export interface DraftIndicator {
  project: { number: string | null; name: string | null };
  responsible: string | null;
  name: string;
  unit: string | null;
  values: IndicatorValue[];
  page: number | null;
}
