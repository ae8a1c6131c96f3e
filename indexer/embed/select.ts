/**
 * Picks the embedder for an index build (the production model when its files are in `models/`, else the offline
 * embedder) and says why; restores the same embedder in the server from the manifest and `embedder.json`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Embedder, Passage } from '../types.js';
import { fitOfflineEmbedder, loadOfflineEmbedder, type OfflineEmbedderOptions } from './offline/embedder.js';
import {
  DEFAULT_MODEL_ID,
  MODEL_DTYPES,
  ONNX_FILE_BY_DTYPE,
  createTransformersEmbedder,
  SERVING_ONNX_THREADS,
  detectModelDtype,
  missingModelFiles,
} from './transformers.js';

export const EMBEDDER_PREFERENCES = ['auto', 'offline', 'transformers'] as const;
export type EmbedderPreference = (typeof EMBEDDER_PREFERENCES)[number];

export interface SelectEmbedderOptions {
  /** `auto`: the transformers model when present in `modelsDir`, else offline. Default `auto`. */
  embedder?: EmbedderPreference;
  /** Folder with transformers.js models. Default `models`. */
  modelsDir?: string;
  /** Model id (folder under `modelsDir`). Default `Xenova/multilingual-e5-small`. */
  modelId?: string | undefined;
  /** Options of the offline embedder. */
  offline?: OfflineEmbedderOptions;
  /** Transformers: prepend section titles to passages. Default false. */
  includeSectionTitle?: boolean;
  /** Transformers: worker threads embedding passages (`TransformersEmbedderOptions.passageWorkers`). */
  passageWorkers?: number;
}

export interface SelectedEmbedder {
  embedder: Embedder;
  /** Why this embedder (recorded in the index manifest and shown to users). */
  reason: string;
  /** Identifies the vector space exactly (embedding-cache key): same fingerprint ⇒ same vectors for same input. */
  fingerprint: string;
  /** What the server needs to restore the embedder (`embedder.json`). */
  state: unknown;
  /** For transformers embedders. */
  modelId?: string;
}

/** `embedder.json` of a transformers index: how to load the same model again. */
export const transformersStateSchema = z.object({
  format: z.literal('transformers'),
  modelId: z.string().min(1),
  dtype: z.enum(MODEL_DTYPES),
  includeSectionTitle: z.boolean(),
});

/** sha256 of a file, streamed (model weights are tens of MB). */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function selectEmbedder(
  options: SelectEmbedderOptions,
  passages: readonly Passage[],
): Promise<SelectedEmbedder> {
  const preference = options.embedder ?? 'auto';
  const modelsDir = options.modelsDir ?? 'models';
  const modelId = options.modelId ?? DEFAULT_MODEL_ID;
  const dtype = detectModelDtype(modelsDir, modelId);

  if (preference === 'transformers' || (preference === 'auto' && dtype)) {
    if (!dtype) {
      throw new Error(
        `--embedder transformers needs ${modelId} in ${modelsDir}/ (missing ${missingModelFiles(modelsDir, modelId).join(', ')}). ` +
          'See models/README.md, or use --embedder offline.',
      );
    }
    const includeSectionTitle = options.includeSectionTitle ?? false;
    const embedder = await createTransformersEmbedder({
      modelId,
      modelsDir,
      dtype,
      includeSectionTitle,
      ...(options.passageWorkers !== undefined ? { passageWorkers: options.passageWorkers } : {}),
    });
    const onnx = path.join(modelsDir, modelId, ONNX_FILE_BY_DTYPE[dtype]);
    return {
      embedder,
      reason:
        preference === 'transformers'
          ? `requested --embedder transformers (${modelId} found in ${modelsDir}/)`
          : `production model ${modelId} found in ${modelsDir}/`,
      // The weights' content, so a re-fetched identical model keeps the cache and a different one gets a fresh one.
      fingerprint: `${embedder.id}:${await fileSha256(onnx)}`,
      state: { format: 'transformers', modelId, dtype, includeSectionTitle },
      modelId,
    };
  }

  const embedder = await fitOfflineEmbedder(passages, options.offline);
  return {
    embedder,
    reason:
      preference === 'offline'
        ? 'requested --embedder offline'
        : `production model ${modelId} not found in ${modelsDir}/ (see models/README.md); using the offline embedder`,
    fingerprint: embedder.fingerprint,
    state: embedder.toJSON(),
  };
}

export interface RestoreEmbedderOptions {
  /** Folder with transformers.js models. Default `models`. */
  modelsDir?: string;
}

/**
 * Gives the server the embedder an index was built with, from the manifest's embedder info and `embedder.json`.
 * Throws with a message saying what to do when that is impossible (model missing, state corrupt).
 */
export async function restoreEmbedder(
  info: { id: string; kind: 'offline' | 'transformers'; modelId?: string | undefined },
  state: unknown,
  options: RestoreEmbedderOptions = {},
): Promise<Embedder> {
  if (info.kind === 'offline') {
    const embedder = await loadOfflineEmbedder(state);
    if (embedder.id !== info.id) throw new Error(`embedder.json holds ${embedder.id} but the manifest says ${info.id}. Rebuild the index.`);
    return embedder;
  }
  const parsed = transformersStateSchema.safeParse(state);
  if (!parsed.success) {
    throw new Error(`embedder.json is not a valid transformers embedder state (${parsed.error.issues[0]?.message}). Rebuild the index.`);
  }
  const embedder = await createTransformersEmbedder({
    modelId: parsed.data.modelId,
    modelsDir: options.modelsDir ?? 'models',
    dtype: parsed.data.dtype,
    includeSectionTitle: parsed.data.includeSectionTitle,
    // A restored embedder serves queries, one short text per request, and never embeds passages.
    threads: SERVING_ONNX_THREADS,
    passageWorkers: 0,
  });
  if (embedder.id !== info.id) throw new Error(`Model ${parsed.data.modelId} loads as ${embedder.id} but the index was built with ${info.id}.`);
  return embedder;
}
