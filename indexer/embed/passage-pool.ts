/**
 * Worker threads that embed passages during an index build, each with its own copy of the model and one ONNX
 * Runtime thread. One ONNX session runs one inference at a time (two concurrent calls took as long as one after the
 * other), and a single inference spread over two threads keeps them busy only part of the time: on the 2-core
 * machine (2026-11-30, the first 192 bundled passages) two single-threaded workers embedded them in 11–12 s where one
 * session with ONNX Runtime's two threads and batches of 16 (the build before the pool) took 23 s. The cold e5 build
 * of the bundled corpus went from 94–107 s to about 75 s.
 *
 * Text is tokenized in the calling thread; workers receive token ids and send back unit vectors.
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { entryPointNextTo, startWorker } from '../runtime/entry-points.js';
import { MODEL_DTYPES } from './onnx-forward.js';

export const passageWorkerDataSchema = z.object({
  modelsDir: z.string(),
  modelId: z.string(),
  dtype: z.enum(MODEL_DTYPES),
  padId: z.number().int().nonnegative(),
});
export type PassageWorkerData = z.infer<typeof passageWorkerDataSchema>;

export const passageJobSchema = z.object({ id: z.number().int(), rows: z.array(z.array(z.number().int())).min(1) });
export type PassageJob = z.infer<typeof passageJobSchema>;

/** What a worker posts back: `ready` once its model is loaded, then `done` or `failed` for every job it was sent. */
export type PassageWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; dimension: number; vectors: Float32Array }
  | { type: 'failed'; id: number; message: string };

interface PendingJob {
  job: PassageJob;
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  /** The job it is running, if any: a worker gets one job at a time. */
  current?: PendingJob;
}

export class PassageWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: PendingJob[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  /** Settles when every worker has loaded its model, or rejects with the first failure. */
  readonly ready: Promise<void>;

  /** Starts `size` workers; throws (having stopped those already started) when a worker cannot be created. */
  constructor(data: PassageWorkerData, size: number) {
    const readiness: Promise<void>[] = [];
    for (let i = 0; i < Math.max(1, size); i += 1) {
      let worker: Worker;
      try {
        worker = startPassageWorker(data);
      } catch (error) {
        for (const started of this.workers) void started.worker.terminate();
        throw error;
      }
      const entry: PoolWorker = { worker, ready: false };
      this.workers.push(entry);
      readiness.push(
        new Promise<void>((resolve, reject) => {
          entry.worker.on('message', (message: PassageWorkerMessage) => {
            if (message.type === 'ready') {
              entry.ready = true;
              resolve();
              this.dispatch();
              this.idle();
            } else this.settle(entry, message);
          });
          entry.worker.on('error', (error) => reject(this.fail(new Error(`A passage-embedding worker failed: ${error.message}`))));
          entry.worker.on('messageerror', (error) => reject(this.fail(new Error(`A passage-embedding worker sent an unreadable message: ${error.message}`))));
          entry.worker.on('exit', (code) => reject(this.fail(new Error(`A passage-embedding worker stopped (exit code ${code}).`))));
        }),
      );
    }
    this.ready = Promise.all(readiness).then(() => undefined);
    this.ready.catch(() => undefined); // a failure also reaches every job; nobody need await `ready`
  }

  /** Embeds one batch of token-id rows on the next free worker; vectors come back in row order. */
  run(rows: number[][]): Promise<Float32Array[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, rows }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs not finished are rejected. */
  async close(): Promise<void> {
    this.fail(new Error('The passage-embedding workers were closed.'));
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (!entry.ready || entry.current || this.queue.length === 0) continue;
      const pending = this.queue.shift()!;
      entry.current = pending;
      entry.worker.ref(); // a job in flight keeps the process alive until its answer arrives
      entry.worker.postMessage(pending.job);
    }
  }

  private settle(entry: PoolWorker, message: Exclude<PassageWorkerMessage, { type: 'ready' }>): void {
    const pending = entry.current;
    if (this.failure) return;
    if (!pending || pending.job.id !== message.id) {
      this.fail(new Error(`A passage-embedding worker answered job ${message.id}, which it was not running.`));
      return;
    }
    entry.current = undefined;
    if (message.type === 'done') {
      const { dimension, vectors } = message;
      pending.resolve(pending.job.rows.map((_, i) => vectors.slice(i * dimension, (i + 1) * dimension)));
    } else pending.reject(new Error(`Embedding passages failed in a worker: ${message.message}`));
    this.dispatch();
    this.idle();
  }

  /**
   * Loaded workers without a job do not keep the process alive: a build that never closes its embedder still exits.
   * Loading ones do, or a caller awaiting `ready` could see the process end under it.
   */
  private idle(): void {
    for (const entry of this.workers) if (entry.ready && !entry.current) entry.worker.unref();
  }

  /** Rejects every job, now and later, with the first failure (which it returns), and stops the workers. */
  private fail(error: Error): Error {
    if (this.failure) return this.failure;
    this.failure = error;
    for (const entry of this.workers) {
      entry.current?.reject(error);
      entry.current = undefined;
    }
    for (const pending of this.queue.splice(0)) pending.reject(error);
    for (const { worker } of this.workers) void worker.terminate();
    return error;
  }
}

/** Starts `passage-worker` next to this module (compiled `.js`, or `.ts` through tsx when running from sources). */
function startPassageWorker(data: PassageWorkerData): Worker {
  return startWorker(entryPointNextTo(import.meta.url, './passage-worker'), data);
}
