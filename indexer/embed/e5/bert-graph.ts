/**
 * Builds the ONNX graph of the e5-small encoder (BERT: absolute positions, token type 0, GELU, LayerNorm after each
 * residual) from an `E5S1` pack, with inputs and outputs named as transformers.js expects of a feature-extraction
 * model (`input_ids`, `attention_mask`, `token_type_ids` → `last_hidden_state`). Pooling and normalisation stay in
 * transformers.js.
 *
 * The word embedding (250k × 384) stays in its 4-bit blocks in every variant: the graph gathers the rows a text
 * uses and dequantises only those, so the model file and memory hold 54 MB instead of 384 MB of fp32.
 */
import { Q4_BLOCK, Q4_BLOCK_BYTES, halfToFloat, tensorToFloat32, type E5Pack, type PackTensor } from './pack.js';
import { OnnxType, type OnnxInitializer, type OnnxModel, type OnnxNode, type AttributeValue } from './onnx-proto.js';

/**
 * How the linear layers are stored:
 * - `q4`: the pack's 4-bit blocks as they are, run by ONNX Runtime's `MatMulNBits` (com.microsoft): the same
 *   weights the reference engine uses, 4× smaller than fp32;
 * - `fp32`: dequantised to fp32 `MatMul` weights (the same values, 4× larger).
 */
export const LINEAR_FORMATS = ['q4', 'fp32'] as const;
export type LinearFormat = (typeof LINEAR_FORMATS)[number];

/** transformers.js picks the ONNX file by dtype: `q4` → `onnx/model_q4.onnx`, `fp32` → `onnx/model.onnx`. */
export function onnxFileName(format: LinearFormat): string {
  return format === 'q4' ? 'model_q4.onnx' : 'model.onnx';
}

/**
 * `MatMulNBits` accuracy level 4 multiplies the 4-bit weights with int8-quantised activations. Measured against the
 * reference engine on the same texts: cosine 0.99997 (level 0, fp32 activations: 0.99993), and less CPU per query
 * (models/README.md, "Weight formats").
 */
const MATMUL_ACCURACY_LEVEL = 4;

/** Large negative added to the attention scores of padding positions (softmax gives them 0). */
const MASKED_SCORE = -1e9;

class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxInitializer[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  op(op: string, inputs: string[], attributes?: Record<string, AttributeValue>, domain?: string): string {
    const output = `t${this.counter++}_${op}`;
    this.nodes.push({ op, inputs, outputs: [output], ...(attributes ? { attributes } : {}), ...(domain ? { domain } : {}) });
    return output;
  }

  /** Adds an initialiser; a name already added is reused (shared constants such as ½ in every GELU). */
  init(name: string, type: OnnxInitializer['type'], dims: number[], data: Uint8Array): string {
    if (this.names.has(name)) return name;
    this.names.add(name);
    this.initializers.push({ name, type, dims, data });
    return name;
  }

  float(name: string, dims: number[], values: Float32Array): string {
    return this.init(name, OnnxType.FLOAT, dims, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  int64(name: string, values: number[]): string {
    return this.init(name, OnnxType.INT64, [values.length], new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer));
  }

  int64Scalar(name: string, value: number): string {
    return this.init(name, OnnxType.INT64, [], new Uint8Array(BigInt64Array.of(BigInt(value)).buffer));
  }

  scalar(name: string, value: number): string {
    return this.init(name, OnnxType.FLOAT, [], new Uint8Array(Float32Array.of(value).buffer));
  }
}

function tensor(pack: E5Pack, name: string): PackTensor {
  const t = pack.tensors.get(name);
  if (!t) throw new Error(`pack has no tensor ${name}`);
  return t;
}

/** Splits Q4_0 blocks into fp16 scales and nibble bytes (the nibble order of the pack is kept). */
function splitQ4(t: PackTensor): { scales: Uint16Array; nibbles: Uint8Array } {
  const blocks = t.elements / Q4_BLOCK;
  const scales = new Uint16Array(blocks);
  const nibbles = new Uint8Array(blocks * (Q4_BLOCK / 2));
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  for (let b = 0; b < blocks; b += 1) {
    scales[b] = view.getUint16(b * Q4_BLOCK_BYTES, true);
    nibbles.set(t.data.subarray(b * Q4_BLOCK_BYTES + 2, (b + 1) * Q4_BLOCK_BYTES), b * (Q4_BLOCK / 2));
  }
  return { scales, nibbles };
}

/** Word embedding: gather the 4-bit rows of the tokens, then dequantise them: d × (nibble − 8). */
function wordEmbedding(g: GraphBuilder, pack: E5Pack, inputIds: string): string {
  const { vocab, hidden } = pack.header;
  const blocksPerRow = hidden / Q4_BLOCK;
  const { scales, nibbles } = splitQ4(tensor(pack, 'emb.word'));
  g.init('emb.word.nibbles', OnnxType.UINT8, [vocab, blocksPerRow, Q4_BLOCK / 2], nibbles);
  g.init('emb.word.scales', OnnxType.FLOAT16, [vocab, blocksPerRow, 1], new Uint8Array(scales.buffer));
  const bytes = g.op('Cast', [g.op('Gather', ['emb.word.nibbles', inputIds], { axis: 0 })], { to: OnnxType.FLOAT });
  // byte = low + 16 × high, with low = weight j and high = weight j + 16 of the block
  const high = g.op('Floor', [g.op('Mul', [bytes, g.scalar('one_sixteenth', 1 / 16)])]);
  const low = g.op('Sub', [bytes, g.op('Mul', [high, g.scalar('sixteen', 16)])]);
  const centred = g.op('Sub', [g.op('Concat', [low, high], { axis: -1 }), g.scalar('eight', 8)]);
  const scale = g.op('Cast', [g.op('Gather', ['emb.word.scales', inputIds], { axis: 0 })], { to: OnnxType.FLOAT });
  return g.op('Reshape', [g.op('Mul', [centred, scale]), g.int64('shape_bs_hidden', [0, 0, hidden])]);
}

/** MatMulNBits wants each block's 32 weights as 16 bytes, weight 2i in the low and 2i + 1 in the high nibble. */
function repackForMatMulNBits(nibbles: Uint8Array): Uint8Array {
  const out = new Uint8Array(nibbles.length);
  const half = Q4_BLOCK / 2;
  const weight = (block: number, j: number): number =>
    j < half ? nibbles[block * half + j]! & 0x0f : nibbles[block * half + j - half]! >> 4;
  for (let block = 0; block < nibbles.length / half; block += 1) {
    for (let i = 0; i < half; i += 1) out[block * half + i] = weight(block, 2 * i) | (weight(block, 2 * i + 1) << 4);
  }
  return out;
}

/** x · Wᵀ + b for a pack linear layer `name` ([out, in] weights). */
function linear(g: GraphBuilder, pack: E5Pack, x: string, name: string, format: LinearFormat): string {
  const w = tensor(pack, `${name}.w`);
  const bias = tensorToFloat32(tensor(pack, `${name}.b`));
  const out = bias.length;
  const inner = w.elements / out;
  const b = g.float(`${name}.b`, [out], bias);
  if (format === 'fp32') {
    const rowMajor = tensorToFloat32(w);
    const transposed = new Float32Array(w.elements);
    for (let o = 0; o < out; o += 1) for (let i = 0; i < inner; i += 1) transposed[i * out + o] = rowMajor[o * inner + i]!;
    return g.op('Add', [g.op('MatMul', [x, g.float(`${name}.w`, [inner, out], transposed)]), b]);
  }
  const { scales, nibbles } = splitQ4(w);
  const blocks = inner / Q4_BLOCK;
  g.init(`${name}.w.q4`, OnnxType.UINT8, [out, blocks, Q4_BLOCK / 2], repackForMatMulNBits(nibbles));
  g.float(`${name}.w.scales`, [out * blocks], Float32Array.from(scales, halfToFloat));
  // No zero-point input: MatMulNBits then centres 4-bit weights on 8, as Q4_0 does.
  const product = g.op('MatMulNBits', [x, `${name}.w.q4`, `${name}.w.scales`], { K: inner, N: out, bits: 4, block_size: Q4_BLOCK, accuracy_level: MATMUL_ACCURACY_LEVEL }, 'com.microsoft');
  return g.op('Add', [product, b]);
}

function layerNorm(g: GraphBuilder, pack: E5Pack, x: string, name: string): string {
  const w = g.float(`${name}.w`, [pack.header.hidden], tensorToFloat32(tensor(pack, `${name}.w`)));
  const b = g.float(`${name}.b`, [pack.header.hidden], tensorToFloat32(tensor(pack, `${name}.b`)));
  return g.op('LayerNormalization', [x, w, b], { axis: -1, epsilon: { float: pack.header.layerNormEps } });
}

/** GELU, exact form: x · ½ · (1 + erf(x / √2)). */
function gelu(g: GraphBuilder, x: string): string {
  const erf = g.op('Erf', [g.op('Mul', [x, g.scalar('inv_sqrt2', Math.SQRT1_2)])]);
  return g.op('Mul', [g.op('Mul', [x, g.scalar('half', 0.5)]), g.op('Add', [erf, g.scalar('one', 1)])]);
}

function encoderLayer(g: GraphBuilder, pack: E5Pack, x: string, maskBias: string, i: number, format: LinearFormat): string {
  const { hidden, heads } = pack.header;
  const headSize = hidden / heads;
  const split = g.int64(`l${i}.shape_heads`, [0, 0, heads, headSize]);
  const project = (part: string, perm: number[]): string =>
    g.op('Transpose', [g.op('Reshape', [linear(g, pack, x, `l${i}.${part}`, format), split])], { perm });
  const q = project('q', [0, 2, 1, 3]);
  const kT = project('k', [0, 2, 3, 1]);
  const v = project('v', [0, 2, 1, 3]);
  const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, kT]), g.scalar(`l${i}.scale`, 1 / Math.sqrt(headSize))]), maskBias]);
  const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
  const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), g.int64(`l${i}.shape_merge`, [0, 0, hidden])]);
  const attended = layerNorm(g, pack, g.op('Add', [linear(g, pack, merged, `l${i}.ao`, format), x]), `l${i}.aln`);
  const ffn = linear(g, pack, gelu(g, linear(g, pack, attended, `l${i}.fi`, format)), `l${i}.fo`, format);
  return layerNorm(g, pack, g.op('Add', [ffn, attended]), `l${i}.oln`);
}

/** The whole encoder as an ONNX model. */
export function buildBertModel(pack: E5Pack, format: LinearFormat): OnnxModel {
  const g = new GraphBuilder();
  const { hidden, maxPositions, typeVocab, layers } = pack.header;
  const words = wordEmbedding(g, pack, 'input_ids');
  // Absolute positions 0 … n−1.
  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64Scalar('seq_axis', 1)], { axis: 0 });
  const positions = g.op('Range', [g.int64Scalar('zero_i64', 0), seqLen, g.int64Scalar('one_i64', 1)]);
  const pos = g.op('Gather', [g.float('emb.pos', [maxPositions, hidden], tensorToFloat32(tensor(pack, 'emb.pos'))), positions], { axis: 0 });
  const types = g.op('Gather', [g.float('emb.type', [typeVocab, hidden], tensorToFloat32(tensor(pack, 'emb.type'))), 'token_type_ids'], { axis: 0 });
  let x = layerNorm(g, pack, g.op('Add', [g.op('Add', [words, pos]), types]), 'emb.ln');

  // Padding positions get a large negative score: (1 − mask) × MASKED_SCORE, shaped [batch, 1, 1, sequence].
  const mask = g.op('Cast', ['attention_mask'], { to: OnnxType.FLOAT });
  const inverted = g.op('Sub', [g.scalar('one_mask', 1), mask]);
  const maskBias = g.op('Unsqueeze', [g.op('Mul', [inverted, g.scalar('masked_score', MASKED_SCORE)]), g.int64('mask_axes', [1, 2])]);
  for (let i = 0; i < layers; i += 1) x = encoderLayer(g, pack, x, maskBias, i, format);
  g.nodes.push({ op: 'Identity', inputs: [x], outputs: ['last_hidden_state'] });

  const tokens = ['batch_size', 'sequence_length'];
  return {
    nodes: g.nodes,
    initializers: g.initializers,
    inputs: [
      { name: 'input_ids', type: OnnxType.INT64, shape: tokens },
      { name: 'attention_mask', type: OnnxType.INT64, shape: tokens },
      { name: 'token_type_ids', type: OnnxType.INT64, shape: tokens },
    ],
    outputs: [{ name: 'last_hidden_state', type: OnnxType.FLOAT, shape: [...tokens, hidden] }],
    opsets: format === 'q4' ? { '': 17, 'com.microsoft': 1 } : { '': 17 },
    producer: 'regstrat-search e5 converter',
  };
}
