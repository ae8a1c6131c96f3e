/**
 * A trie of vocabulary pieces in four typed arrays, keyed by UTF-16 code unit: no object per node, no string per
 * piece. For XLM-R's 250k pieces that is ≈ 505k nodes × 14 bytes ≈ 7 MiB outside the V8 heap, where a trie of
 * `Map`s (transformers.js's) holds ≈ 158 MiB of heap and a `Map` piece → id ≈ 16 MiB (measured 2026-11-30).
 *
 * The children of a node are consecutive nodes sorted by their code unit, found by binary search.
 */
export class PieceTrie {
  /** The code unit on the edge into each node (the root's is unused). */
  private readonly unit: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly childCount: Int32Array;
  /** The piece's id where a piece ends at the node, else −1. */
  private readonly pieceId: Int32Array;

  /** `pieces`: piece → id. The empty string cannot be stored (it is not a piece). */
  constructor(pieces: ReadonlyMap<string, number>) {
    const sorted = [...pieces.keys()].filter((piece) => piece.length > 0).sort();
    // At most one node per code unit of all pieces, plus the root.
    const capacity = sorted.reduce((sum, piece) => sum + piece.length, 1);
    const unit = new Uint16Array(capacity);
    const firstChild = new Int32Array(capacity);
    const childCount = new Int32Array(capacity);
    const pieceId = new Int32Array(capacity).fill(-1);
    // Breadth first, so node numbers are the queue: each node covers the range of sorted pieces sharing its prefix
    // (its depth), and its children are allocated together, in the order of their code unit.
    const rangeStart = new Int32Array(capacity);
    const rangeEnd = new Int32Array(capacity);
    const depth = new Int32Array(capacity);
    rangeEnd[0] = sorted.length;
    let count = 1;
    for (let node = 0; node < count; node += 1) {
      let lo = rangeStart[node]!;
      const hi = rangeEnd[node]!;
      const d = depth[node]!;
      if (lo < hi && sorted[lo]!.length === d) {
        pieceId[node] = pieces.get(sorted[lo]!)!;
        lo += 1;
      }
      firstChild[node] = count;
      while (lo < hi) {
        const key = sorted[lo]!.charCodeAt(d);
        let end = lo + 1;
        while (end < hi && sorted[end]!.charCodeAt(d) === key) end += 1;
        unit[count] = key;
        rangeStart[count] = lo;
        rangeEnd[count] = end;
        depth[count] = d + 1;
        count += 1;
        lo = end;
      }
      childCount[node] = count - firstChild[node]!;
    }
    this.unit = unit.slice(0, count);
    this.firstChild = firstChild.slice(0, count);
    this.childCount = childCount.slice(0, count);
    this.pieceId = pieceId.slice(0, count);
  }

  static readonly ROOT = 0;

  get nodeCount(): number {
    return this.unit.length;
  }

  /** The child of `node` along code unit `key`, or −1. */
  child(node: number, key: number): number {
    let lo = this.firstChild[node]!;
    let hi = lo + this.childCount[node]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const midKey = this.unit[mid]!;
      if (midKey === key) return mid;
      if (midKey < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The id of the piece ending at `node`, or −1. */
  idAt(node: number): number {
    return this.pieceId[node]!;
  }

  /** The id of `piece`, or undefined when it is not a piece. */
  get(piece: string): number | undefined {
    let node = PieceTrie.ROOT;
    for (let i = 0; i < piece.length && node >= 0; i += 1) node = this.child(node, piece.charCodeAt(i));
    const id = node > PieceTrie.ROOT ? this.pieceId[node]! : -1;
    return id >= 0 ? id : undefined;
  }
}
