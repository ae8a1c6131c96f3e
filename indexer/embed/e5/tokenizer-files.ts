/**
 * The transformers.js files that describe the model and its tokenizer (`config.json`, `tokenizer.json`,
 * `tokenizer_config.json`), written from an `E5S1` pack.
 *
 * The tokenizer is XLM-RoBERTa's SentencePiece unigram. The pack's per-codepoint normalisation table is NFKC plus
 * two rules (control characters removed, whitespace-like characters turned into spaces); the converter checks that
 * and expresses the table as standard normalisers: Replace (removed), Replace (spaces), NFKC, then runs of spaces
 * collapsed to one, as the reference engine does. Then Metaspace (▁, prepended) and `<s> … </s>`.
 */
import type { E5Pack } from './pack.js';

const METASPACE = '\u2581';

export interface NormaliserCheck {
  /** Codepoints the table removes. */
  removed: number[];
  /** Codepoints the table turns into a space where NFKC does not. */
  spaces: number[];
  /** Table entries that are neither of the above nor NFKC (must be empty for an exact conversion). */
  mismatched: number[];
}

/** Splits the pack's normalisation table into the rules above; `mismatched` lists what the rules cannot express. */
export function checkNormaliser(pack: E5Pack): NormaliserCheck {
  const removed: number[] = [];
  const spaces: number[] = [];
  const mismatched: number[] = [];
  for (const [codepoint, output] of pack.tokenizer.normalisation) {
    const ch = String.fromCodePoint(codepoint);
    const mapped = String.fromCodePoint(...output);
    if (mapped === ch.normalize('NFKC')) continue;
    if (output.length === 0) removed.push(codepoint);
    else if (mapped === ' ') spaces.push(codepoint);
    else mismatched.push(codepoint);
  }
  return { removed, spaces, mismatched };
}

/** A regex character class of BMP codepoints as `\\uXXXX` escapes, which JS (flag `u`) and Oniguruma both read. */
function characterClass(codepoints: number[]): string {
  if (codepoints.some((c) => c > 0xffff)) throw new Error('normalisation rules outside the BMP are not supported');
  return `[${[...codepoints].sort((a, b) => a - b).map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
}

function specialToken(id: number, content: string, lstrip = false): Record<string, unknown> {
  return { id, content, single_word: false, lstrip, rstrip: false, normalized: false, special: true };
}

export function tokenizerJson(pack: E5Pack): Record<string, unknown> {
  const { pieces, scores, bos, eos, pad, unk } = pack.tokenizer;
  const check = checkNormaliser(pack);
  if (check.mismatched.length > 0) {
    throw new Error(`the pack's normalisation differs from NFKC at ${check.mismatched.length} codepoints (e.g. U+${check.mismatched[0]!.toString(16)})`);
  }
  const mask = pieces.indexOf('<mask>');
  const metaspace = { type: 'Metaspace', replacement: METASPACE, prepend_scheme: 'always', split: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      specialToken(bos, pieces[bos]!),
      specialToken(pad, pieces[pad]!),
      specialToken(eos, pieces[eos]!),
      specialToken(unk, pieces[unk]!),
      ...(mask >= 0 ? [specialToken(mask, '<mask>', true)] : []),
    ],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Replace', pattern: { Regex: characterClass(check.removed) }, content: '' },
        { type: 'Replace', pattern: { Regex: characterClass(check.spaces) }, content: ' ' },
        { type: 'NFKC' },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    pre_tokenizer: metaspace,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: pieces[bos], type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: pieces[eos], type_id: 0 } }],
      pair: [
        { SpecialToken: { id: pieces[bos], type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: pieces[eos], type_id: 0 } },
        { SpecialToken: { id: pieces[eos], type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: pieces[eos], type_id: 0 } },
      ],
      special_tokens: Object.fromEntries(
        [bos, eos].map((id) => [pieces[id], { id: pieces[id], ids: [id], tokens: [pieces[id]] }]),
      ),
    },
    decoder: metaspace,
    model: { type: 'Unigram', unk_id: unk, byte_fallback: false, vocab: pieces.map((piece, i) => [piece, scores[i]]) },
  };
}

export function tokenizerConfigJson(pack: E5Pack): Record<string, unknown> {
  const { pieces, bos, eos, pad, unk } = pack.tokenizer;
  return {
    tokenizer_class: 'XLMRobertaTokenizer',
    model_max_length: pack.header.maxPositions,
    bos_token: pieces[bos],
    eos_token: pieces[eos],
    cls_token: pieces[bos],
    sep_token: pieces[eos],
    pad_token: pieces[pad],
    unk_token: pieces[unk],
    mask_token: '<mask>',
    clean_up_tokenization_spaces: true,
  };
}

export function modelConfigJson(pack: E5Pack): Record<string, unknown> {
  const h = pack.header;
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: h.hidden,
    num_hidden_layers: h.layers,
    num_attention_heads: h.heads,
    intermediate_size: h.ffn,
    hidden_act: 'gelu',
    vocab_size: h.vocab,
    max_position_embeddings: h.maxPositions,
    type_vocab_size: h.typeVocab,
    layer_norm_eps: h.layerNormEps,
    position_embedding_type: 'absolute',
    pad_token_id: pack.tokenizer.pad,
  };
}
