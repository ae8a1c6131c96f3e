/**
 * A bounded cache that evicts the least recently used entry (a Map keeps insertion order; a hit re-inserts).
 * For per-passage caches whose full size grows with the corpus (at 250k passages an unbounded one would not fit)
 * and per-query caches whose size would grow with the traffic.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /** @param capacity Most entries kept (≥ 1). */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruCache capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
}
