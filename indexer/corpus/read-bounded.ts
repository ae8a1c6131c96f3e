import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentLoadError } from './errors.js';

/**
 * Reads a document's bytes after checking that it exists and is not larger than `maxBytes`, so an oversized
 * file is rejected with a reason before it is loaded into memory.
 */
export async function readBoundedFile(filePath: string, maxBytes: number): Promise<Buffer> {
  const file = path.basename(filePath);
  let size: number;
  try {
    size = (await stat(filePath)).size;
  } catch {
    throw new DocumentLoadError(file, 'not-found', 'file not found or not readable');
  }
  if (size > maxBytes) {
    throw new DocumentLoadError(file, 'too-large', `file is ${formatMb(size)}, above the ${formatMb(maxBytes)} limit; split it or raise maxBytes`);
  }
  return readFile(filePath);
}

function formatMb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
