/**
 * Neural embedder via transformers.js (`@huggingface/transformers`): the production model
 * `Xenova/multilingual-e5-small` loaded from `models/` (mean pooling, L2-normalised, e5 `query: ` / `passage: `
 * prefixes). Downloads only when the caller allows it; otherwise everything must already be in `modelsDir`.
 *
 * transformers.js runs the ONNX model only; the text is tokenized by our own unigram tokenizer
 * (`e5/unigram-tokenizer.ts`: the same ids, ≈ 9 MiB where transformers.js's tokenizer holds ≈ 158 MiB of heap),
 * or by transformers.js's tokenizer when the model's tokenizer.json uses something ours does not implement.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { AutoTokenizer, type PreTrainedModel } from '@huggingface/transformers';
import type { Embedder, PassageForEmbedding } from '../types.js';
import { UnigramTokenizer, UnsupportedTokenizerError, type TokenIdEncoder } from './e5/unigram-tokenizer.js';
import { embedTokenRows, loadOnnxModel, MODEL_DTYPES, type ModelDtype } from './onnx-forward.js';
import { PassageWorkerPool } from './passage-pool.js';

export const DEFAULT_MODEL_ID = 'Xenova/multilingual-e5-small';

export { MODEL_DTYPES, type ModelDtype };
export const ONNX_FILE_BY_DTYPE: Record<ModelDtype, string> = {
  q4: 'onnx/model_q4.onnx',
  q8: 'onnx/model_quantized.onnx',
  fp32: 'onnx/model.onnx',
};
const DTYPE_DESCRIPTION: Record<ModelDtype, string> = { q4: '4-bit', q8: '8-bit quantized', fp32: 'fp32' };
/** Files every model folder needs besides its ONNX weights. */
const DESCRIPTION_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

export interface TransformersEmbedderOptions {
  /** Model id = folder under `modelsDir` (or hub id when downloads are allowed). Default `Xenova/multilingual-e5-small`. */
  modelId?: string;
  /** Folder holding models in the transformers.js layout `<modelId>/{config.json,tokenizer.json,onnx/...}`. Default `models`. */
  modelsDir?: string;
  /** Weight format (file) to load. Default: the first of `MODEL_DTYPES` present in the folder. */
  dtype?: ModelDtype;
  /** Texts per forward pass in the calling thread (queries, words; passages when `passageWorkers` is 0). Default 16. */
  batchSize?: number;
  /** Allow downloading the model from the Hugging Face hub into `modelsDir`. Default false. */
  allowDownload?: boolean;
  /** Prepend the section title to passage text ("Здравоохранение. <text>"), giving the model the context. Default false. */
  includeSectionTitle?: boolean;
  /** e5-style `query: ` / `passage: ` prefixes. Default: on for model ids containing "e5". */
  usePrefixes?: boolean;
  /**
   * ONNX Runtime threads per inference (intra-op) in the calling thread; passage workers always use one. Default:
   * ONNX Runtime's own (one per core, spinning while idle), for the build's batches of words. A server embedding one
   * query per request passes `SERVING_ONNX_THREADS`. Embeddings are bit-identical either way (checked on the 144
   * evaluation queries with e5).
   */
  threads?: number;
  /**
   * Worker threads that embed passages (`passage-pool.ts`), each with its own copy of the model and one ONNX Runtime
   * thread; started on the first `embedPassages` call, so a server that only embeds queries never starts them.
   * 0 embeds passages in the calling thread. Default: one per core, at most `MAX_DEFAULT_PASSAGE_WORKERS`.
   */
  passageWorkers?: number;
}

/**
 * Ceiling of the default worker count: each worker holds its own model (≈ 150 MiB RSS for e5-small, measured on the
 * build's peak RSS with and without workers), so a many-core machine would otherwise load dozens of copies. Set by
 * hand; only 2 cores were measured.
 */
export const MAX_DEFAULT_PASSAGE_WORKERS = 4;

/**
 * Passages a worker embeds per forward pass. 201 bundled passages (every fourth) on 2 workers, 2026-11-30: batches of
 * 1 / 2 / 4 / 8 took 15.5 / 16.3 / 20.5 / 26.1 s. Passages arrive sorted by length, so padding is not the reason;
 * this model runs faster per token on one sequence at a time on this CPU (models/README.md, "Weight formats").
 */
const WORKER_BATCH_SIZE = 1;

/**
 * Intra-op threads for embedding queries while serving. One: a query is a single short sequence, and ONNX Runtime's
 * default (a thread per core, spinning between kernels) cost 28 ms of CPU per e5 query against 13.8 ms with one
 * thread (2-core machine, the 144 evaluation queries × 4) — CPU that concurrent requests need; two threads without
 * spinning cost 16.3 ms.
 */
export const SERVING_ONNX_THREADS = 1;

/** Files transformers.js needs for a model in `dtype`, relative to `<modelsDir>/<modelId>/`. */
export function requiredModelFiles(dtype: ModelDtype): string[] {
  return [...DESCRIPTION_FILES, ONNX_FILE_BY_DTYPE[dtype]];
}

/** The weight format found in `<modelsDir>/<modelId>/` (first of `MODEL_DTYPES` whose files are all there). */
export function detectModelDtype(modelsDir: string, modelId: string = DEFAULT_MODEL_ID): ModelDtype | undefined {
  return MODEL_DTYPES.find((dtype) => requiredModelFiles(dtype).every((file) => existsSync(path.join(modelsDir, modelId, file))));
}

/** True when the model is complete in `modelsDir` in some weight format (no download needed). */
export function isModelAvailable(modelsDir: string, modelId: string = DEFAULT_MODEL_ID): boolean {
  return detectModelDtype(modelsDir, modelId) !== undefined;
}

/** What is missing for the preferred format, for error messages. */
export function missingModelFiles(modelsDir: string, modelId: string = DEFAULT_MODEL_ID, dtype: ModelDtype = MODEL_DTYPES[0]): string[] {
  return requiredModelFiles(dtype)
    .map((file) => path.join(modelsDir, modelId, file))
    .filter((file) => !existsSync(file));
}

/** The tokenizer the embedder uses, and, when it is transformers.js's, why ours could not be used. */
export interface ChosenTokenizer {
  encoder: TokenIdEncoder;
  kind: 'own' | 'transformers.js';
  fallbackReason?: string;
}

/** transformers.js's tokenizer behind the same interface: ids with `<s> … </s>`, cut to the model's maximum length. */
async function transformersTokenizer(modelId: string, allowDownload: boolean): Promise<TokenIdEncoder> {
  const tokenizer = await AutoTokenizer.from_pretrained(modelId, { local_files_only: !allowDownload });
  const padId = tokenizer.pad_token_id;
  if (padId === undefined || padId === null) throw new Error(`Model ${modelId}: its tokenizer has no pad token.`);
  return {
    padId: Number(padId),
    encode: (text) => Array.from(tokenizer(text, { truncation: true }).input_ids.data as BigInt64Array, Number),
  };
}

/** The files our tokenizer reads from the model folder. */
const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'];

/**
 * Our unigram tokenizer when it implements the model's tokenizer.json exactly; otherwise transformers.js's (which
 * holds far more memory), saying why on stderr. When downloads are allowed and the tokenizer files are not here yet
 * (the hub route), transformers.js's tokenizer fetches them first.
 */
export async function chooseTokenizer(modelDir: string, modelId: string, allowDownload: boolean): Promise<ChosenTokenizer> {
  const missing = TOKENIZER_FILES.some((file) => !existsSync(path.join(modelDir, file)));
  const downloaded = allowDownload && missing ? await transformersTokenizer(modelId, true) : undefined;
  try {
    return { encoder: UnigramTokenizer.load(modelDir), kind: 'own' };
  } catch (error) {
    // A file transformers.js just downloaded but not where we read it is no reason to fail the fetch.
    if (!(error instanceof UnsupportedTokenizerError) && !downloaded) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${modelId}: our tokenizer cannot read this tokenizer.json (${reason}); using transformers.js's.\n`);
    return { encoder: downloaded ?? (await transformersTokenizer(modelId, allowDownload)), kind: 'transformers.js', fallbackReason: reason };
  }
}

export class TransformersEmbedder implements Embedder {
  readonly kind = 'transformers' as const;
  readonly id: string;
  readonly description: string;

  private constructor(
    private readonly model: PreTrainedModel,
    private readonly tokenizer: ChosenTokenizer,
    readonly modelId: string,
    readonly dimension: number,
    private readonly options: Required<Omit<TransformersEmbedderOptions, 'modelId' | 'modelsDir' | 'allowDownload' | 'threads'>> & {
      modelsDir: string;
    },
  ) {
    this.id = `transformers:${modelId}@${options.dtype}${options.includeSectionTitle ? '+title' : ''}`;
    const tokenizerName = tokenizer.kind === 'own' ? 'own unigram tokenizer' : 'transformers.js tokenizer';
    this.description = `Neural embedder ${modelId} (${DTYPE_DESCRIPTION[options.dtype]} ONNX, transformers.js, ${tokenizerName}, mean pooling)`;
  }

  /** Which tokenizer turns text into ids: ours, or transformers.js's as the fallback. */
  get tokenizerKind(): ChosenTokenizer['kind'] {
    return this.tokenizer.kind;
  }

  /** The model's input ids for a text (special tokens added, truncated), as the embedder feeds them. */
  tokenize(text: string): number[] {
    return this.tokenizer.encoder.encode(text);
  }

  get dtype(): ModelDtype {
    return this.options.dtype;
  }

  static async create(options: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
    const modelId = options.modelId ?? DEFAULT_MODEL_ID;
    const modelsDir = path.resolve(options.modelsDir ?? 'models');
    const allowDownload = options.allowDownload ?? false;
    const dtype = options.dtype ?? detectModelDtype(modelsDir, modelId) ?? MODEL_DTYPES[0];
    if (!allowDownload && missingModelFiles(modelsDir, modelId, dtype).length > 0) {
      throw new Error(
        `Model ${modelId} is not in ${modelsDir}: missing ${missingModelFiles(modelsDir, modelId, dtype).join(', ')}. ` +
          'See models/README.md for how to place or fetch it, or use the offline embedder (--embedder offline).',
      );
    }
    const model = await loadOnnxModel({ modelsDir, modelId, dtype, allowDownload, threads: options.threads });
    const tokenizer = await chooseTokenizer(path.join(modelsDir, modelId), modelId, allowDownload);
    const [probe] = await embedTokenRows(model, [tokenizer.encoder.encode('probe')], tokenizer.encoder.padId);
    const dimension = probe?.length ?? 0;
    if (!dimension) throw new Error(`Model ${modelId} returned an empty embedding.`);
    return new TransformersEmbedder(model, tokenizer, modelId, dimension, {
      dtype,
      batchSize: Math.max(1, options.batchSize ?? 16),
      includeSectionTitle: options.includeSectionTitle ?? false,
      usePrefixes: options.usePrefixes ?? /e5/i.test(modelId),
      passageWorkers: Math.max(0, Math.floor(options.passageWorkers ?? Math.min(availableParallelism(), MAX_DEFAULT_PASSAGE_WORKERS))),
      modelsDir,
    });
  }

  /** The exact text the model sees for a passage (prefix and optional section title included). */
  passageText(passage: PassageForEmbedding): string {
    const title = this.options.includeSectionTitle ? passage.sectionPath.split('›').pop()?.trim() : '';
    const body = title ? `${title}. ${passage.text}` : passage.text;
    return this.options.usePrefixes ? `passage: ${body}` : body;
  }

  /** The exact text the model sees for a query. */
  queryText(query: string): string {
    return this.options.usePrefixes ? `query: ${query}` : query;
  }

  async embedPassages(passages: PassageForEmbedding[]): Promise<Float32Array[]> {
    const texts = passages.map((passage) => this.passageText(passage));
    const pool = texts.length > 0 ? await this.passagePool() : undefined;
    if (!pool) return this.embedTexts(texts);
    try {
      return await this.embedOnWorkers(pool, texts);
    } catch (error) {
      // The calling thread has its own model: a worker that dies costs speed, not the build.
      this.pool = Promise.resolve(undefined);
      await pool.close();
      this.reportWorkerFailure('passage workers failed', error);
      return this.embedTexts(texts);
    }
  }

  /** Longest first, one job per `WORKER_BATCH_SIZE` passages: the last jobs to finish are the short ones. */
  private async embedOnWorkers(pool: PassageWorkerPool, texts: string[]): Promise<Float32Array[]> {
    const encoder = this.tokenizer.encoder;
    const rows = texts.map((text) => encoder.encode(text));
    const order = rows.map((_, i) => i).sort((a, b) => rows[b]!.length - rows[a]!.length);
    const vectors: Float32Array[] = new Array(texts.length);
    const jobs: Promise<void>[] = [];
    for (let start = 0; start < order.length; start += WORKER_BATCH_SIZE) {
      const indices = order.slice(start, start + WORKER_BATCH_SIZE);
      jobs.push(pool.run(indices.map((i) => rows[i]!)).then((batch) => indices.forEach((textIndex, row) => (vectors[textIndex] = batch[row]!))));
    }
    await Promise.all(jobs);
    return vectors;
  }

  private pool: Promise<PassageWorkerPool | undefined> | undefined;

  /** The passage workers, started on first use; none when `passageWorkers` is 0 or they cannot start. */
  private passagePool(): Promise<PassageWorkerPool | undefined> {
    if (this.options.passageWorkers === 0) return Promise.resolve(undefined);
    this.pool ??= (async () => {
      const data = { modelsDir: this.options.modelsDir, modelId: this.modelId, dtype: this.options.dtype, padId: this.tokenizer.encoder.padId };
      let pool: PassageWorkerPool | undefined;
      try {
        pool = new PassageWorkerPool(data, this.options.passageWorkers);
        await pool.ready;
        return pool;
      } catch (error) {
        await pool?.close();
        this.reportWorkerFailure('passage workers could not start', error);
        return undefined;
      }
    })();
    return this.pool;
  }

  private reportWorkerFailure(what: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${this.modelId}: ${what} (${reason}); embedding passages in this thread.\n`);
  }

  /** The last query embedding asked for (see `embedQuery`). */
  private queryQueue: Promise<unknown> = Promise.resolve();

  /**
   * Query embeddings run one at a time, in the order they were asked for. Started together, they waited for the
   * model in no fair order: with every cache off and 32 connections of hybrid searches (2-core machine, 2026-11-30,
   * 12 s runs), p99 1.3–7.1 s, max up to 9.7 s and 3 client timeouts in 5 runs at 43–50 req/s; queued, p99
   * 0.9–2.3 s, max ≤ 2.5 s, no timeout, at 39–48 req/s in 8 runs. Two at a time measured the same as one.
   */
  async embedQuery(query: string): Promise<Float32Array> {
    const [vector] = await this.embedQueries([query]);
    return vector!;
  }

  /** Several queries in one batch, queued like `embedQuery` (the index build embeds the corpus's words with it). */
  embedQueries(queries: readonly string[]): Promise<Float32Array[]> {
    const run = this.queryQueue.then(() => this.embedTexts(queries.map((q) => this.queryText(q))));
    this.queryQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Embeds texts in batches of similar length (a batch is padded to its longest text, so mixing a 40-token text with
   * a 400-token one wastes most of the work); results come back in the input order.
   */
  async embedTexts(texts: string[]): Promise<Float32Array[]> {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const vectors: Float32Array[] = new Array(texts.length);
    const encoder = this.tokenizer.encoder;
    for (let start = 0; start < order.length; start += this.options.batchSize) {
      const indices = order.slice(start, start + this.options.batchSize);
      const batch = await embedTokenRows(this.model, indices.map((i) => encoder.encode(texts[i]!)), encoder.padId);
      indices.forEach((textIndex, row) => {
        vectors[textIndex] = batch[row]!;
      });
    }
    return vectors;
  }

  async dispose(): Promise<void> {
    await (await this.pool)?.close();
    await this.model.dispose();
  }
}

/** Loads a transformers.js embedder (see `TransformersEmbedderOptions` for defaults). */
export function createTransformersEmbedder(options: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
  return TransformersEmbedder.create(options);
}
