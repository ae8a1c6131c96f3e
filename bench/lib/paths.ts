import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_ID, detectModelDtype } from '../../indexer/embed/transformers.js';

/** Locations the benchmark reads from, resolved from the repository root (never from the working directory). */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** The embedding cache `npm run index` keeps (its default `--cache`). */
export const REPO_CACHE_DIR = path.join(REPO_ROOT, 'data', 'cache');
/** The production model's folder (`npm run model` puts multilingual-e5-small there). */
export const MODELS_DIR = path.join(REPO_ROOT, 'models');
export const E5_MODEL_ID = DEFAULT_MODEL_ID;

/** The models folder holding the production model, or the reason it is unusable. */
export function e5ModelsDir(): { dir: string } | { missing: string } {
  return detectModelDtype(MODELS_DIR, E5_MODEL_ID) ? { dir: MODELS_DIR } : { missing: `${E5_MODEL_ID} is not in ${MODELS_DIR} (npm run model)` };
}
