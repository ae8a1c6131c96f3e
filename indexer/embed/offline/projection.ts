/**
 * Sparse random projection (a Johnson–Lindenstrauss sketch) of named sparse features into a dense vector: each
 * feature name hashes, with a fixed seed, to a few dimensions with random signs. Deterministic, needs no stored
 * matrix, and keeps cosine similarity of the sparse vectors up to a small distortion (≈ 1/√dimension).
 */

/** FNV-1a over UTF-16 code units, mixed with a seed. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** xorshift32 step: a tiny deterministic PRNG to draw several positions from one hash. */
function next(state: number): number {
  let x = state || 0x9e3779b9;
  x ^= x << 13;
  x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

export interface ProjectionSpec {
  dimension: number;
  /** Non-zero entries per feature. */
  nonZeros: number;
  seed: number;
}

export class SparseProjection {
  private readonly codes = new Map<string, { index: Int32Array; sign: Float32Array }>();

  constructor(readonly spec: ProjectionSpec) {}

  private code(feature: string): { index: Int32Array; sign: Float32Array } {
    let code = this.codes.get(feature);
    if (code) return code;
    const { dimension, nonZeros, seed } = this.spec;
    const index = new Int32Array(nonZeros);
    const sign = new Float32Array(nonZeros);
    let state = hash32(feature, seed);
    const used = new Set<number>();
    for (let k = 0; k < nonZeros; k += 1) {
      let position: number;
      do {
        state = next(state);
        position = state % dimension;
      } while (used.has(position));
      used.add(position);
      state = next(state);
      index[k] = position;
      sign[k] = state & 1 ? 1 : -1;
    }
    code = { index, sign };
    this.codes.set(feature, code);
    return code;
  }

  /** Projects weighted features and L2-normalises; an empty input gives the zero vector. */
  project(features: Iterable<[string, number]>): Float32Array {
    const vector = new Float32Array(this.spec.dimension);
    for (const [feature, value] of features) {
      if (value === 0) continue;
      const { index, sign } = this.code(feature);
      for (let k = 0; k < index.length; k += 1) vector[index[k]!]! += sign[k]! * value;
    }
    return normalise(vector);
  }
}

export function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i += 1) vector[i]! /= norm;
  return vector;
}
