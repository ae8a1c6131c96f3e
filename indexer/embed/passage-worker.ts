/**
 * A passage-embedding worker thread, started by `passage-pool.ts`: loads its own copy of the model with one ONNX
 * Runtime thread, then embeds the token-id batches it is sent (the pool sends one at a time).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { embedTokenRows, loadOnnxModel } from './onnx-forward.js';
import { passageJobSchema, passageWorkerDataSchema, type PassageWorkerMessage } from './passage-pool.js';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('passage-worker.ts runs as a worker thread only.');
  const data = passageWorkerDataSchema.parse(workerData);
  const model = await loadOnnxModel({ ...data, allowDownload: false, threads: 1 });
  const post = (message: PassageWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', (message: unknown) => {
    const parsed = passageJobSchema.safeParse(message);
    if (!parsed.success) {
      const id = typeof message === 'object' && message !== null && 'id' in message && typeof message.id === 'number' ? message.id : -1;
      post({ type: 'failed', id, message: `not a passage job (${parsed.error.issues[0]?.message})` });
      return;
    }
    const job = parsed.data;
    embedTokenRows(model, job.rows, data.padId).then(
      (vectors) => {
        const dimension = vectors[0]!.length;
        const flat = new Float32Array(vectors.length * dimension);
        vectors.forEach((vector, i) => flat.set(vector, i * dimension));
        post({ type: 'done', id: job.id, dimension, vectors: flat }, [flat.buffer]);
      },
      (error: unknown) => post({ type: 'failed', id: job.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ type: 'ready' });
}

await serve();
