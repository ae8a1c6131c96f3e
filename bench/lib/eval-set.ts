import { readFile } from 'node:fs/promises';
import { evalSetSchema, type EvalQuery } from '../../tests/eval/schema.js';
import { EVAL_QUERIES } from './paths.js';

/** The evaluation queries (`tests/eval/queries.json`), validated by the eval set's own schema. */
export async function loadEvalQueries(file = EVAL_QUERIES): Promise<EvalQuery[]> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = evalSetSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file} is not a valid evaluation set: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data.queries;
}
