import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Embeddings of unchanged passages are reused across rebuilds: the cache maps a hash of exactly what the
 * embedder saw (its fingerprint + the passage text and structure labels) to the vector. One file per
 * embedder fingerprint, so switching embedders never mixes vectors of different spaces.
 */

const cacheFileSchema = z.object({
  fingerprint: z.string(),
  dimension: z.number().int().positive(),
  keys: z.array(z.string()),
});

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();

  private constructor(
    private readonly file: string,
    readonly fingerprint: string,
    readonly dimension: number,
  ) {}

  /** Opens the cache for one embedder; a missing or unreadable cache file simply starts empty. */
  static async open(cacheDir: string, fingerprint: string, dimension: number): Promise<EmbeddingCache> {
    const name = createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
    const cache = new EmbeddingCache(path.join(cacheDir, `embeddings-${name}`), fingerprint, dimension);
    await cache.read();
    return cache;
  }

  static key(parts: readonly string[]): string {
    return createHash('sha256').update(parts.join('\u0000')).digest('hex');
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    this.vectors.set(key, vector);
  }

  /** Keeps only `keys` (the current corpus) and writes the cache atomically. */
  async save(keep: ReadonlySet<string>): Promise<void> {
    const keys = [...this.vectors.keys()].filter((k) => keep.has(k));
    const data = new Float32Array(keys.length * this.dimension);
    keys.forEach((k, i) => data.set(this.vectors.get(k)!, i * this.dimension));
    await mkdir(path.dirname(this.file), { recursive: true });
    const meta = JSON.stringify({ fingerprint: this.fingerprint, dimension: this.dimension, keys });
    await writeFile(`${this.file}.bin.tmp`, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    await writeFile(`${this.file}.json.tmp`, meta);
    await rename(`${this.file}.bin.tmp`, `${this.file}.bin`);
    await rename(`${this.file}.json.tmp`, `${this.file}.json`);
  }

  private async read(): Promise<void> {
    try {
      const meta = cacheFileSchema.parse(JSON.parse(await readFile(`${this.file}.json`, 'utf8')));
      const bin = await readFile(`${this.file}.bin`);
      if (meta.fingerprint !== this.fingerprint || meta.dimension !== this.dimension) return;
      if (bin.byteLength !== meta.keys.length * meta.dimension * 4) return;
      const all = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
      meta.keys.forEach((k, i) => this.vectors.set(k, all.slice(i * meta.dimension, (i + 1) * meta.dimension)));
    } catch {
      // No cache yet, or a damaged one: embeddings are recomputed, nothing else depends on the cache.
    }
  }
}
