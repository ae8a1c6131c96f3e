/**
 * Loading an embedding model's ONNX session through transformers.js and running it on token ids: the part of the
 * transformers embedder that the passage workers (`passage-worker.ts`) run too, each in its own thread.
 */
import { AutoModel, env, Tensor, type PreTrainedModel } from '@huggingface/transformers';

/**
 * Weight formats transformers.js loads, each from its own file: `q4` (4-bit MatMulNBits, what the PyPI conversion
 * writes), `q8` (8-bit, the hub's `model_quantized.onnx`), `fp32`. When a folder has several, the first wins.
 */
export const MODEL_DTYPES = ['q4', 'q8', 'fp32'] as const;
export type ModelDtype = (typeof MODEL_DTYPES)[number];

export interface OnnxModelSource {
  /** Absolute folder holding `<modelId>/` in the transformers.js layout. */
  modelsDir: string;
  modelId: string;
  /** Which ONNX file to load. */
  dtype: ModelDtype;
  /** Let transformers.js download missing files from the Hugging Face hub into `modelsDir`. */
  allowDownload: boolean;
  /** ONNX Runtime intra-op threads; undefined keeps ONNX Runtime's default (a thread per core). */
  threads?: number | undefined;
}

export async function loadOnnxModel(source: OnnxModelSource): Promise<PreTrainedModel> {
  // transformers.js settings are global to the thread (each worker has its own); set them right before loading.
  env.allowLocalModels = true;
  env.localModelPath = source.modelsDir;
  env.allowRemoteModels = source.allowDownload;
  if (source.allowDownload) env.cacheDir = source.modelsDir; // downloads land in <modelsDir>/<modelId>/..., the layout we load from
  const threads = source.threads === undefined ? undefined : Math.max(1, Math.floor(source.threads));
  return AutoModel.from_pretrained(source.modelId, {
    dtype: source.dtype,
    local_files_only: !source.allowDownload,
    ...(threads !== undefined ? { session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } } : {}),
  });
}

/**
 * One forward pass over a batch of token-id rows: padded on the right with `padId` (attention mask 0 there, token
 * types 0), then the last hidden state averaged over the unmasked positions and scaled to unit length — what
 * transformers.js's feature-extraction pipeline does with `pooling: 'mean', normalize: true`.
 */
export async function embedTokenRows(model: PreTrainedModel, rows: readonly (readonly number[])[], padId: number): Promise<Float32Array[]> {
  const width = Math.max(...rows.map((ids) => ids.length));
  const ids = new BigInt64Array(rows.length * width).fill(BigInt(padId));
  const mask = new BigInt64Array(rows.length * width);
  rows.forEach((row, r) => {
    row.forEach((id, c) => {
      ids[r * width + c] = BigInt(id);
      mask[r * width + c] = 1n;
    });
  });
  const dims = [rows.length, width];
  const output = (await model({
    input_ids: new Tensor('int64', ids, dims),
    attention_mask: new Tensor('int64', mask, dims),
    token_type_ids: new Tensor('int64', new BigInt64Array(rows.length * width), dims),
  })) as { last_hidden_state: Tensor };
  const hidden = output.last_hidden_state.data as Float32Array;
  const dimension = output.last_hidden_state.dims[2] ?? 0;
  return rows.map((row, r) => meanPooledUnit(hidden, r * width * dimension, row.length, dimension));
}

/** Mean of the first `length` rows of a `[*, dimension]` block at `offset`, L2-normalised. */
function meanPooledUnit(hidden: Float32Array, offset: number, length: number, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  for (let k = 0; k < dimension; k += 1) {
    let sum = 0;
    for (let j = 0; j < length; j += 1) sum += hidden[offset + j * dimension + k]!;
    vector[k] = sum / length;
  }
  let squares = 0;
  for (const x of vector) squares += x * x;
  const norm = Math.sqrt(squares);
  for (let k = 0; k < dimension; k += 1) vector[k] = vector[k]! / norm;
  return vector;
}
