import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Locations the benchmark reads from, resolved from the repository root (never from the working directory). */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** Random-weight models shared next to the repository (`../shared/models`); absent on a fresh clone. */
export const SHARED_MODELS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'models');
export const E5_SHAPE_MODEL_ID = 'random-e5small-shape';

/** The models folder holding `random-e5small-shape`, or undefined with the reason it is unusable. */
export function e5ShapeModelsDir(): { dir: string } | { missing: string } {
  const onnx = path.join(SHARED_MODELS_DIR, E5_SHAPE_MODEL_ID, 'onnx', 'model_quantized.onnx');
  return existsSync(onnx) ? { dir: SHARED_MODELS_DIR } : { missing: `${onnx} not found` };
}
