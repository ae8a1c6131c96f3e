/**
 * A SentencePiece-unigram tokenizer of our own, read from a model folder's `tokenizer.json` (+ `tokenizer_config.json`),
 * giving the same token ids as transformers.js's tokenizer for the subset of tokenizer.json it understands — the one
 * `tokenizer-files.ts` writes for e5 (Replace / NFKC normalisers, Metaspace, `<s> … </s>` template, Unigram model).
 * Anything else (e.g. the hub's `Precompiled` normaliser) raises `UnsupportedTokenizerError`, and the embedder falls
 * back to transformers.js's tokenizer.
 *
 * Why: transformers.js holds XLM-R's 250k pieces as a character trie of `Map`s, ≈ 158 MiB of V8 heap; here they are
 * a trie in typed arrays (`piece-trie.ts`) and a `Float64Array` of scores: 0.3 MiB of heap and 8.7 MiB outside it
 * after a full GC (measured 2026-11-30, see bench/MEMORY.md).
 *
 * Semantics, as transformers.js 4.3 (`@huggingface/tokenizers` 0.2) applies them:
 * - added tokens (`<s>`, `</s>`, `<mask>`, …, all `normalized: false`) are cut out of the raw text first, longest
 *   match at the leftmost position; `lstrip` / `rstrip` trim JS whitespace from the neighbouring section;
 * - every other section is normalised, then pre-tokenised by Metaspace (spaces → ▁, ▁ prepended unless the section
 *   already starts with one; `split` is not applied), then cut by the unigram model;
 * - unigram: Viterbi over every vocabulary piece starting at each code point; a code point that is not itself a
 *   piece also gets an unknown node scored (lowest score − 10), as does `<unk>` itself; of the tokens ending at a
 *   position with equally good paths, the one starting earliest wins; consecutive unknown tokens fuse into one;
 * - the template adds `<s>` and `</s>`; sequences longer than `model_max_length` are cut to that length (the cut
 *   drops the final `</s>`, as transformers.js's truncation does).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PieceTrie } from './piece-trie.js';

/** tokenizer.json uses something this tokenizer does not implement; the message says what. */
export class UnsupportedTokenizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedTokenizerError';
  }
}

/** Turns a text into the model's input ids (special tokens added, truncated to `maxLength`). */
export interface TokenIdEncoder {
  encode(text: string): number[];
  /** Id that pads a batch (attention mask 0 there). */
  readonly padId: number;
}

const typed = z.looseObject({ type: z.string() });

const patternSchema = z.union([z.object({ Regex: z.string() }).strict(), z.object({ String: z.string() }).strict()]);
const replaceSchema = z.object({ type: z.literal('Replace'), pattern: patternSchema, content: z.string() });
const unicodeFormSchema = z.object({ type: z.enum(['NFC', 'NFD', 'NFKC', 'NFKD']) });
const metaspaceSchema = z.object({
  type: z.literal('Metaspace'),
  replacement: z.string().min(1).default('\u2581'),
  str_rep: z.string().optional(),
  prepend_scheme: z.enum(['always', 'first', 'never']).default('always'),
});
const templateItemSchema = z.union([
  z.object({ SpecialToken: z.looseObject({ id: z.string() }) }),
  z.object({ Sequence: z.looseObject({ id: z.enum(['A', 'B']) }) }),
]);
const templateSchema = z.object({ type: z.literal('TemplateProcessing'), single: z.array(templateItemSchema) });
const unigramSchema = z.object({
  type: z.literal('Unigram'),
  unk_id: z.number().int().nonnegative(),
  byte_fallback: z.boolean().default(false),
  vocab: z.array(z.tuple([z.string(), z.number()])).min(1),
});
const addedTokenSchema = z.object({
  id: z.number().int().nonnegative(),
  content: z.string().min(1),
  lstrip: z.boolean().default(false),
  rstrip: z.boolean().default(false),
  special: z.boolean().default(false),
  normalized: z.boolean().optional(),
});
const tokenizerJsonSchema = z.object({
  added_tokens: z.array(addedTokenSchema).default([]),
  normalizer: typed.nullable(),
  pre_tokenizer: typed.nullable(),
  post_processor: typed.nullable(),
  model: typed,
});
const tokenizerConfigSchema = z.looseObject({
    model_max_length: z.number().positive().optional(),
    pad_token: z.string().optional(),
    eos_token: z.string().optional(),
    padding_side: z.literal('right').optional(),
    remove_space: z.literal(false).optional(),
  do_lowercase_and_remove_accent: z.literal(false).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UnsupportedTokenizerError(`${what}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is not understood'}`);
  }
  return result.data;
}

/**
 * Regexes written in the subset that means the same to Oniguruma (what tokenizer.json is written for) and to JS:
 * literal characters, `\uXXXX` and escaped punctuation, classes, quantifiers. No groups, lookarounds, nested classes
 * or class operators, possessive quantifiers, or named escapes like `\s` (they differ between the two engines).
 */
const PORTABLE_REGEX = /^(?:\\u[0-9a-fA-F]{4}|\\[\\^$.*+?()[\]{}|/ -]|[^\\()])*$/;
const NON_PORTABLE_SEQUENCES = ['[[', '&&', '++', '*+', '?+', '}+', '[:'];

function replacePattern(pattern: z.infer<typeof patternSchema>): RegExp | string {
  if ('String' in pattern) {
    if (pattern.String.length === 0) throw new UnsupportedTokenizerError('normalizer: Replace with an empty string pattern');
    return pattern.String;
  }
  const source = pattern.Regex;
  if (!PORTABLE_REGEX.test(source) || NON_PORTABLE_SEQUENCES.some((s) => source.includes(s))) {
    throw new UnsupportedTokenizerError(`normalizer: Replace pattern ${JSON.stringify(source.slice(0, 60))} is outside the supported regex subset`);
  }
  try {
    return new RegExp(source, 'gu');
  } catch {
    throw new UnsupportedTokenizerError(`normalizer: Replace pattern ${JSON.stringify(source.slice(0, 60))} is not a valid regex`);
  }
}

type Normalise = (text: string) => string;

function compileNormaliser(config: z.infer<typeof typed> | null): Normalise {
  if (config === null) return (text) => text;
  switch (config.type) {
    case 'Sequence': {
      const steps = parse(z.object({ normalizers: z.array(typed) }), config, 'normalizer Sequence').normalizers.map(compileNormaliser);
      return (text) => steps.reduce((current, step) => step(current), text);
    }
    case 'Replace': {
      const replace = parse(replaceSchema, config, 'normalizer Replace');
      const pattern = replacePattern(replace.pattern);
      // A string `content` is a replacement template (`$&` …) in both, as in transformers.js.
      return (text) => text.replaceAll(pattern, replace.content);
    }
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = parse(unicodeFormSchema, config, 'normalizer').type;
      return (text) => text.normalize(form);
    }
    default:
      throw new UnsupportedTokenizerError(`normalizer ${config.type} is not implemented`);
  }
}

type PreTokenise = (text: string, sectionIndex: number) => string;

function compilePreTokeniser(config: z.infer<typeof typed> | null): PreTokenise {
  if (config === null) return (text) => text;
  if (config.type !== 'Metaspace') throw new UnsupportedTokenizerError(`pre_tokenizer ${config.type} is not implemented`);
  const metaspace = parse(metaspaceSchema, config, 'pre_tokenizer Metaspace');
  const spaceAs = metaspace.str_rep || metaspace.replacement;
  return (text, sectionIndex) => {
    const replaced = text.replaceAll(' ', spaceAs);
    const prepend =
      !replaced.startsWith(metaspace.replacement) &&
      (metaspace.prepend_scheme === 'always' || (metaspace.prepend_scheme === 'first' && sectionIndex === 0));
    return prepend ? spaceAs + replaced : replaced;
  };
}

interface AddedToken {
  id: number;
  content: string;
  lstrip: boolean;
  rstrip: boolean;
}

/** A path through the lattice is rebuilt from the best token ending at each code point position. */
interface Lattice {
  score: Float64Array;
  begin: Int32Array;
  id: Int32Array;
  reached: Uint8Array;
}

export class UnigramTokenizer implements TokenIdEncoder {
  private readonly pieces: PieceTrie;
  private readonly scores: Float64Array;
  private readonly unkId: number;
  private readonly unkScore: number;
  private readonly addedTokens: Map<string, AddedToken>;
  /** Added-token contents, longest first (the longest match at a position wins). */
  private readonly addedContents: string[];
  private readonly addedFirstUnits: Set<string>;
  private readonly normalise: Normalise;
  private readonly preTokenise: PreTokenise;
  /** The single-sequence template: a token id, or `null` where the text's tokens go. */
  private readonly template: (number | null)[];
  readonly maxLength: number;
  readonly padId: number;

  private constructor(json: unknown, config: unknown) {
    const tokenizer = parse(tokenizerJsonSchema, json, 'tokenizer.json');
    const tokenizerConfig = parse(tokenizerConfigSchema, config, 'tokenizer_config.json');
    if (tokenizer.model.type !== 'Unigram') throw new UnsupportedTokenizerError(`model ${tokenizer.model.type} is not implemented`);
    const model = parse(unigramSchema, tokenizer.model, 'model Unigram');
    if (model.byte_fallback) throw new UnsupportedTokenizerError('model Unigram with byte_fallback is not implemented');
    if (model.unk_id >= model.vocab.length) throw new UnsupportedTokenizerError('model Unigram: unk_id is outside the vocabulary');

    const pieceIds = new Map<string, number>();
    this.scores = new Float64Array(model.vocab.length);
    let minScore = Infinity;
    model.vocab.forEach(([piece, score], id) => {
      pieceIds.set(piece, id); // a repeated piece keeps its last id, as a Map built in order does
      this.scores[id] = score;
      minScore = Math.min(minScore, score);
    });
    this.unkId = model.unk_id;
    this.unkScore = minScore - 10;
    this.scores[this.unkId] = this.unkScore;

    this.addedTokens = new Map();
    for (const token of tokenizer.added_tokens) {
      if (token.normalized ?? !token.special) throw new UnsupportedTokenizerError(`added token ${token.content}: normalized added tokens are not implemented`);
      if (model.vocab[token.id]?.[0] !== token.content) throw new UnsupportedTokenizerError(`added token ${token.content} is not the vocabulary's piece ${token.id}`);
      this.addedTokens.set(token.content, token);
      pieceIds.set(token.content, token.id);
    }
    this.pieces = new PieceTrie(pieceIds);
    this.addedContents = [...this.addedTokens.keys()].sort((a, b) => b.length - a.length);
    this.addedFirstUnits = new Set(this.addedContents.map((content) => content[0]!));

    this.normalise = compileNormaliser(tokenizer.normalizer);
    this.preTokenise = compilePreTokeniser(tokenizer.pre_tokenizer);
    this.template = this.compileTemplate(tokenizer.post_processor);
    this.maxLength = tokenizerConfig.model_max_length ?? Infinity;
    const padToken = tokenizerConfig.pad_token ?? tokenizerConfig.eos_token;
    const padId = padToken === undefined ? undefined : this.tokenId(padToken);
    if (padId === undefined) throw new UnsupportedTokenizerError('tokenizer_config.json names no pad token in the vocabulary');
    this.padId = padId;
  }

  /** Loads `<modelDir>/tokenizer.json` and `tokenizer_config.json`; `UnsupportedTokenizerError` when it cannot be exact. */
  static load(modelDir: string): UnigramTokenizer {
    const read = (file: string): unknown => JSON.parse(readFileSync(path.join(modelDir, file), 'utf8'));
    return new UnigramTokenizer(read('tokenizer.json'), read('tokenizer_config.json'));
  }

  private compileTemplate(config: z.infer<typeof typed> | null): (number | null)[] {
    if (config === null) return [null];
    if (config.type !== 'TemplateProcessing') throw new UnsupportedTokenizerError(`post_processor ${config.type} is not implemented`);
    return parse(templateSchema, config, 'post_processor TemplateProcessing').single.flatMap((item) => {
      if ('Sequence' in item) return item.Sequence.id === 'A' ? [null] : [];
      return [this.tokenId(item.SpecialToken.id) ?? this.unkId];
    });
  }

  private tokenId(token: string): number | undefined {
    return this.addedTokens.get(token)?.id ?? this.pieces.get(token);
  }

  /** Ids with the template's special tokens, cut to `maxLength` unless `truncate` is false. */
  encode(text: string, { truncate = true }: { truncate?: boolean } = {}): number[] {
    const ids: number[] = [];
    for (const part of this.template) {
      if (part === null) ids.push(...this.encodeText(text));
      else ids.push(part);
    }
    if (truncate && ids.length > this.maxLength) ids.length = this.maxLength;
    return ids;
  }

  /** The text's tokens without the template. */
  encodeText(text: string): number[] {
    const sections = this.splitAddedTokens(text);
    return sections.flatMap((section, sectionIndex) => {
      if (section.length === 0) return [];
      const added = this.addedTokens.get(section);
      if (added) return [added.id];
      const normalised = this.normalise(section);
      if (normalised.length === 0) return [];
      return this.unigram(this.preTokenise(normalised, sectionIndex));
    });
  }

  /** Cuts added tokens out of the raw text (leftmost position, longest token), trimming around lstrip/rstrip ones. */
  private splitAddedTokens(text: string): string[] {
    const sections: string[] = [];
    let start = 0;
    let i = 0;
    while (i < text.length) {
      const match = this.addedFirstUnits.has(text[i]!) ? this.addedContents.find((content) => text.startsWith(content, i)) : undefined;
      if (match === undefined) {
        i += 1;
        continue;
      }
      if (i > start) sections.push(text.slice(start, i));
      sections.push(match);
      i += match.length;
      start = i;
    }
    if (start < text.length) sections.push(text.slice(start));
    sections.forEach((section, index) => {
      const added = this.addedTokens.get(section);
      if (!added) return;
      if (added.lstrip && index > 0) sections[index - 1] = sections[index - 1]!.trimEnd();
      if (added.rstrip && index < sections.length - 1) sections[index + 1] = sections[index + 1]!.trimStart();
    });
    return sections;
  }

  /** Best segmentation of one pre-token (Viterbi), unknown runs fused, as ids. */
  private unigram(text: string): number[] {
    const offsets = codePointOffsets(text);
    const length = offsets.length - 1;
    const lattice: Lattice = {
      score: new Float64Array(length + 1),
      begin: new Int32Array(length + 1),
      id: new Int32Array(length + 1),
      reached: new Uint8Array(length + 1),
    };
    lattice.reached[0] = 1;
    for (let begin = 0; begin < length; begin += 1) {
      const base = lattice.score[begin]!;
      let hasSingle = false;
      // Walk the trie along the text from `begin`; a piece counts where it ends on a code point boundary.
      let node = PieceTrie.ROOT;
      let end = begin;
      for (let unit = offsets[begin]!; unit < text.length; unit += 1) {
        node = this.pieces.child(node, text.charCodeAt(unit));
        if (node < 0) break;
        if (unit + 1 !== offsets[end + 1]) continue;
        end += 1;
        const id = this.pieces.idAt(node);
        if (id < 0) continue;
        if (end === begin + 1) hasSingle = true;
        this.relax(lattice, end, base + this.scores[id]!, begin, id);
      }
      if (!hasSingle) this.relax(lattice, begin + 1, base + this.unkScore, begin, this.unkId);
    }

    const path: { piece: string; id: number }[] = [];
    for (let end = length; end > 0; end = lattice.begin[end]!) {
      path.push({ piece: text.slice(offsets[lattice.begin[end]!], offsets[end]), id: lattice.id[end]! });
    }
    path.reverse();
    return this.fuseUnknown(path);
  }

  /** Keeps the first best token ending at `end` (nodes arrive ordered by where they begin, so the earliest wins ties). */
  private relax(lattice: Lattice, end: number, score: number, begin: number, id: number): void {
    if (lattice.reached[end] && !(score > lattice.score[end]!)) return;
    lattice.reached[end] = 1;
    lattice.score[end] = score;
    lattice.begin[end] = begin;
    lattice.id[end] = id;
  }

  /**
   * A run of unknown tokens becomes one: their text is joined (unless the run starts with a piece that is itself
   * `<unk>`, which then stands for the run), and the joined text is looked up again, as transformers.js does.
   */
  private fuseUnknown(path: { piece: string; id: number }[]): number[] {
    const pieces: string[] = [];
    let i = 0;
    while (i < path.length) {
      pieces.push(path[i]!.piece);
      if (path[i]!.id !== this.unkId) {
        i += 1;
        continue;
      }
      while (++i < path.length && path[i]!.id === this.unkId) {
        if (this.pieces.get(pieces[pieces.length - 1]!) !== this.unkId) pieces[pieces.length - 1] += path[i]!.piece;
      }
    }
    return pieces.map((piece) => this.tokenId(piece) ?? this.unkId);
  }
}

/** UTF-16 offset of every code point, and the text's length at the end. */
function codePointOffsets(text: string): Int32Array {
  const offsets = new Int32Array(text.length + 1);
  let count = 0;
  for (let offset = 0; offset < text.length; offset += 1) {
    const unit = text.charCodeAt(offset);
    const pairsWithNext = unit >= 0xd800 && unit <= 0xdbff && offset + 1 < text.length && (text.charCodeAt(offset + 1) & 0xfc00) === 0xdc00;
    offsets[count++] = offset;
    if (pairsWithNext) offset += 1;
  }
  offsets[count] = text.length;
  return offsets.subarray(0, count + 1);
}
