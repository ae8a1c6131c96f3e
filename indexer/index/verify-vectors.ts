import type hnswlib from 'hnswlib-node';

/**
 * Checks that a vectors file read by hnswlib holds exactly the labels 0..count-1, each readable, of the right
 * dimension and finite. The manifest checksums whatever hnswlib wrote, so a damaged graph (a label missing or
 * duplicated) passes the checksum; without this check it would only fail later, inside a request or in the
 * background cache fill («Label not found»). Costs about 0.15 ms per 1024-d vector.
 * Returns what is wrong (to follow the file's name), or undefined when the vectors are sound.
 */
export function findVectorProblem(index: hnswlib.HierarchicalNSW, count: number, dimension: number): string | undefined {
  const seen = new Uint8Array(count);
  let stray: number | undefined;
  for (const id of index.getIdsList()) {
    if (!Number.isInteger(id) || id < 0 || id >= count) stray ??= id;
    else if (seen[id]) return `holds label ${id} twice`;
    else seen[id] = 1;
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) return `lacks label ${missing}`;
  if (stray !== undefined) return `holds label ${stray}, outside 0..${count - 1}`;
  for (let label = 0; label < count; label++) {
    let point: number[];
    try {
      point = index.getPoint(label);
    } catch (err) {
      return `cannot return label ${label} (${(err as Error).message})`;
    }
    if (point.length !== dimension) return `has ${point.length} dimensions at label ${label}, not ${dimension}`;
    if (!point.every(Number.isFinite)) return `holds a value that is not a finite number at label ${label}`;
  }
  return undefined;
}
