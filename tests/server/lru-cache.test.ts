import { describe, expect, it } from 'vitest';
import { LruCache } from '../../retrieval/lru-cache.js';

describe('LruCache', () => {
  it('keeps at most capacity entries and evicts the least recently used', () => {
    const cache = new LruCache<number, string>(2);
    cache.set(1, 'a');
    cache.set(2, 'b');
    expect(cache.get(1)).toBe('a'); // 1 is now the most recent
    cache.set(3, 'c');
    expect(cache.size).toBe(2);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBe('a');
    expect(cache.get(3)).toBe('c');
    cache.set(3, 'C'); // replacing does not grow it
    expect(cache.size).toBe(2);
    expect(cache.get(3)).toBe('C');
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
