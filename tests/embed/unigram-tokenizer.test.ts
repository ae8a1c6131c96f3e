/**
 * Our unigram tokenizer (indexer/embed/e5/unigram-tokenizer.ts) against transformers.js's on the real e5
 * tokenizer.json in models/: identical ids on 500+ varied texts, with and without truncation; and the fallback to
 * transformers.js's tokenizer when tokenizer.json uses what ours does not implement (the hub route's `Precompiled`).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnigramTokenizer, UnsupportedTokenizerError } from '../../indexer/embed/e5/unigram-tokenizer.js';
import { createTransformersEmbedder, DEFAULT_MODEL_ID, detectModelDtype, ONNX_FILE_BY_DTYPE } from '../../indexer/embed/transformers.js';
import { seededRandom } from '../fixtures/seeded-random.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MODELS_DIR = path.join(ROOT, 'models');
const MODEL_DIR = path.join(MODELS_DIR, DEFAULT_MODEL_ID);
const CORPUS_DIR = path.join(ROOT, 'corpus');
const MAX_LENGTH = 512;
const UNK_ID = 3;

/** Texts written for the corners: special-token strings, unknown characters, odd spaces, scripts, empty. */
const HANDWRITTEN = [
  '',
  ' ',
  '   ',
  '\t\n\r',
  'а',
  'Ё',
  'ё',
  'Ёлки, ёжики и всё остальное: ЁЛКА, ЕЛКА, елка',
  'ЕПГУ, МФЦ, ГИС ЖКХ, СМЭВ, ЕГИССО, ЦОД, ФГИС, т. е., т.д., и т. п., г. Тверь, ул. Ленина, д. 5',
  'К 2024 году доля услуг составит 95,5 % (не менее 1 234 567 обращений), 3.14159, -42, +7 (4822) 12-34-56',
  '№ 123-ФЗ от 27.07.2006 «Об информации»',
  'How do regions plan to train IT specialists by 2030? Don\'t they\'re we\'ve',
  'двойные  пробелы   и\tтабуляция\nи\n\nперевод строки\r\nWindows',
  '  ведущие и конечные пробелы  ',
  'Неразрывный\u00a0пробел, тонкий\u2009пробел, узкий\u202fпробел, em\u2003space, ideographic\u3000space, \u205fmath',
  'мягкий\u00adперенос, нулевой\u200bпробел, ZWNJ\u200cZWJ\u200d, word\u2060joiner, BOM\ufeffвнутри',
  '\ufeffBOM в начале',
  'ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ and ① ② ③ and ﬁ ligature, ㎏ ㎞ ℃ ™ №',
  'x² + y³ = z¹⁰; ½ ¼ ¾; 10⁻³',
  'Кавычки "прямые", „немецкие“ и ‘одинарные’ — тире – дефис - минус −',
  'e-mail: info@region.ru, https://gosuslugi.ru/help?x=1&y=2#frag',
  'Мама мыла раму. Papa washed the car. 爸爸洗了车。 パパは車を洗った。 아빠가 차를 씻었다.',
  'Ünïcödé àccénts çà et là; Straße; æøå; İstanbul; ǅ ǈ',
  'emoji 😀😃😄 и 👨‍👩‍👧‍👦 семья, флаг 🇷🇺, 👍🏽',
  '😀',
  '😀😀😀 подряд 🙂x🙃',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐛𝐨𝐥𝐝 𝟏𝟐𝟑',
  'ꙮꙮꙮ ᚠᚢᚦ 𓀀𓀁𓀂 ⠁⠃⠉ 🜁🜂',
  'lone surrogates \ud800 and \udfff here',
  '<s>',
  '</s>',
  '<mask>',
  '<unk>',
  '<pad>',
  'до <mask> после',
  'до\u00a0\t <mask>после',
  'x<s>y</s>z<pad>w<unk>v',
  '<s><s></s></s>',
  '< s > </ s> <mas k>',
  '＜ｓ＞ ＜／ｓ＞ ＜ｕｎｋ＞ ＜ｍａｓｋ＞',
  '\u2581начало с метасимвола',
  'метасимвол\u2581внутри\u2581\u2581двойной',
  'a $& b $1 $$ $` $\'',
  'control\u0001\u0002\u0007chars\u007f\u0085\u008f',
  'combining: e\u0301 и\u0306 о\u0308 a\u0300\u0301\u0302',
  'Hangul jamo: \u1100\u1161\u11a8',
  'RTL: שלום عالم مرحبا',
  'Hindi: नमस्ते दुनिया; Thai: สวัสดีชาวโลก',
  '................................................ многоточия…',
  '!!!???,,,;;;:::---___===+++***',
  'ТЕКСТ ЗАГЛАВНЫМИ БУКВАМИ БЕЗ ЗНАКОВ ПРЕПИНАНИЯ',
  'query: слово с префиксом внутри',
  'passage: Телемедицинские консультации для жителей отдалённых сёл',
  'COVID-19, 5G, Wi-Fi 6, Интернет вещей (IoT), ИИ/AI, 1С:Предприятие',
  '0',
  '00000000000000000000000000000000000000000000',
  '1234567890 0987654321 3,14 2,718 1/2 3:45 12:00',
];

/** Lines and stretches of lines from every bundled document, short to long. */
function corpusTexts(): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(CORPUS_DIR, file), 'utf8');
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += Math.max(1, Math.floor(lines.length / 45))) texts.push(lines.slice(i, i + 1 + (i % 5)).join('\n'));
    // Raw slices: odd starts (mid-word), original whitespace, up to several thousand characters.
    for (let i = 0; i < 8; i += 1) texts.push(text.slice(i * 3331 + 17, i * 3331 + 17 + 150 * (i + 1) ** 2));
  }
  return texts;
}

/** Fragments that random texts are stitched from. */
const FRAGMENTS = [
  'цифровая', 'трансформация', 'Тверской', 'области', 'ЁЖ', 'ёмкость', 'Ёлочка', 'телемедицина', 'ФАП', 'ЦУР', 'госуслуги',
  'Smart', 'city', 'platform', 'data-center', 'IoT', 'AI', 'e-Gov', 'don\'t',
  '2024', '95,5', '1 000', '№7', '15.03.2025', 'XIV', '3G/4G/5G',
  'т. е.', 'и т. д.', 'г.', 'ул.', 'млн руб.', 'тыс.',
  '😀', '🚀', '👩‍💻', '🇷🇺', '🜁', '𓀀', 'ꙮ', '〄', '\u{10FFFD}', '\ue000',
  '北京', '東京', '서울', 'Ελλάδα', 'ქართული', 'Հայաստան', 'ትግርኛ',
  '<s>', '</s>', '<mask>', '<unk>', '<pad>', '＜ｓ＞',
  '\u00a0', '\u2009', '\u202f', '\u3000', '\u2003', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '\t', '\n', '\r\n', '  ', '     ', '\u2581', '\u0001', '\u0301',
  '«', '»', '—', '–', '…', '(', ')', '%', '$&', '\\', '/', '"', '\'',
];
const SEPARATORS = [' ', ' ', ' ', '', '  ', '\t', '\n', '\u00a0', ', ', '. ', '-'];

function randomTexts(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => {
    const parts: string[] = [];
    const length = 1 + Math.floor(random() * 25);
    for (let i = 0; i < length; i += 1) parts.push(pick(FRAGMENTS), pick(SEPARATORS));
    return parts.join('');
  });
}

function longTexts(): string[] {
  const tver = readFileSync(path.join(CORPUS_DIR, 'tver.txt'), 'utf8');
  return [tver.slice(20_000, 23_000), tver.slice(60_000, 68_000), `${'цифровая трансформация '.repeat(300)}конец`, '😀 '.repeat(600), 'a'.repeat(5000)];
}

const texts = [...new Set([...HANDWRITTEN, ...corpusTexts(), ...randomTexts(300, 20261130), ...longTexts()])];

describe('our unigram tokenizer gives the ids transformers.js gives (e5 tokenizer.json)', () => {
  let ours: UnigramTokenizer;
  let reference: PreTrainedTokenizer;

  beforeAll(async () => {
    expect(detectModelDtype(MODELS_DIR), 'models/ holds the converted model (npm run model)').toBe('q4');
    ours = UnigramTokenizer.load(MODEL_DIR);
    env.localModelPath = MODELS_DIR;
    reference = await AutoTokenizer.from_pretrained(DEFAULT_MODEL_ID, { local_files_only: true });
  });

  it('covers 500+ distinct texts of every kind', () => {
    expect(texts.length).toBeGreaterThanOrEqual(500);
    const has = (pattern: RegExp) => texts.filter((text) => pattern.test(text)).length;
    expect(has(/[а-яё]/i)).toBeGreaterThan(300);
    expect(has(/^[\x20-\x7e]+$/)).toBeGreaterThan(5);
    expect(has(/[ёЁ]/)).toBeGreaterThan(20);
    expect(has(/\p{Extended_Pictographic}/u)).toBeGreaterThan(50);
    expect(has(/[\u00a0\u2000-\u200f\u202f\u3000\ufeff]/)).toBeGreaterThan(50);
    expect(has(/ {2,}|\t|\n/)).toBeGreaterThan(100);
    expect(has(/<\/?s>|<mask>|<unk>|<pad>/)).toBeGreaterThan(30);
    expect(texts).toContain('');
  });

  it('gives identical ids with special tokens and truncation at 512, as the embedder uses them', () => {
    const mismatches: string[] = [];
    let truncated = 0;
    let withUnknown = 0;
    for (const text of texts) {
      const expected = Array.from(reference(text, { truncation: true }).input_ids.data as BigInt64Array, Number);
      const actual = ours.encode(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${JSON.stringify(text.slice(0, 80))}: ${actual.slice(0, 12).join(',')} vs ${expected.slice(0, 12).join(',')}`);
      if (expected.length === MAX_LENGTH) truncated += 1;
      if (expected.includes(UNK_ID)) withUnknown += 1;
    }
    expect(mismatches).toEqual([]);
    expect(truncated).toBeGreaterThanOrEqual(5); // long texts were cut
    expect(withUnknown).toBeGreaterThanOrEqual(20); // characters missing from the vocabulary were met
  });

  it('gives identical ids without truncation, and without special tokens', () => {
    const mismatches: string[] = [];
    for (const text of texts) {
      const full = reference.encode(text);
      const bare = reference.encode(text, { add_special_tokens: false });
      if (JSON.stringify(ours.encode(text, { truncate: false })) !== JSON.stringify(full) || JSON.stringify(ours.encodeText(text)) !== JSON.stringify(bare)) {
        mismatches.push(JSON.stringify(text.slice(0, 80)));
      }
    }
    expect(mismatches).toEqual([]);
    expect(texts.some((text) => reference.encode(text).length > 2 * MAX_LENGTH)).toBe(true);
  });

  it('pads with the pad token and keeps </s> out of a truncated sequence, as transformers.js does', () => {
    expect(ours.padId).toBe(reference.pad_token_id);
    expect(ours.encode('')).toEqual([0, 2]);
    const long = ours.encode('цифровая трансформация '.repeat(300));
    expect(long).toHaveLength(MAX_LENGTH);
    expect(long[0]).toBe(0);
    expect(long.at(-1)).not.toBe(2);
  });
});

describe('our unigram tokenizer on made-up vocabularies, against transformers.js', () => {
  let tempDir: string;
  beforeAll(() => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'unigram-made-up-'));
  });
  afterAll(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });

  /**
   * The real e5 tokenizer.json with its vocabulary replaced by `pieces` (after the 4 special tokens), written to a
   * model folder that both tokenizers load.
   */
  async function bothTokenizers(name: string, pieces: [string, number][]) {
    const json = JSON.parse(readFileSync(path.join(MODEL_DIR, 'tokenizer.json'), 'utf8')) as { model: { vocab: [string, number][] }; added_tokens: { content: string }[] };
    json.model.vocab = [['<s>', 0], ['<pad>', 0], ['</s>', 0], ['<unk>', 0], ...pieces];
    json.added_tokens = json.added_tokens.filter((token) => token.content !== '<mask>');
    const dir = path.join(tempDir, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(json));
    cpSync(path.join(MODEL_DIR, 'tokenizer_config.json'), path.join(dir, 'tokenizer_config.json'));
    cpSync(path.join(MODEL_DIR, 'config.json'), path.join(dir, 'config.json'));
    env.localModelPath = tempDir;
    return { ours: UnigramTokenizer.load(dir), reference: await AutoTokenizer.from_pretrained(name, { local_files_only: true }) };
  }

  it('breaks ties between equally scored segmentations the same way (the earliest-starting last token wins)', async () => {
    // Integer scores make equal path scores common: "ab" = "a" + "b", "abc" = "ab" + "c" = "a" + "bc" …
    const random = seededRandom(7);
    const letters = ['a', 'b', 'c', 'd', '\u2581'];
    const pieces = new Map<string, number>(letters.map((letter) => [letter, -1 - Math.floor(random() * 3)]));
    while (pieces.size < 120) {
      const length = 2 + Math.floor(random() * 4);
      pieces.set(Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join(''), -1 - Math.floor(random() * 8));
    }
    const { ours, reference } = await bothTokenizers('ties', [...pieces]);
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 30) }, () => ['a', 'b', 'c', 'd', ' ', 'e', 'ё'][Math.floor(random() * 7)]).join(''));
    const mismatches = texts.filter((text) => JSON.stringify(ours.encode(text)) !== JSON.stringify(reference.encode(text)));
    expect(mismatches).toEqual([]);
    expect(texts.filter((text) => reference.encode(text).includes(UNK_ID)).length).toBeGreaterThan(100);
  });

  it('scores an unknown character at the lowest score − 10', async () => {
    // "q" is no piece and the lowest score is −19, so an unknown "q" scores −29. In "qxxx", "▁" + unknown + "xxx"
    // (−31) loses to "▁" + "qx" + "xx" (−30); were the unknown score −28 or more, the unknown path would win.
    const pieces: [string, number][] = [['\u2581', -1], ['x', -19], ['xx', -19], ['xxx', -1], ['qx', -10]];
    const { ours, reference } = await bothTokenizers('unknown-score', pieces);
    const [metaspace, qx, xx] = [4, 8, 6];
    expect(reference.encode('qxxx', { add_special_tokens: false })).toEqual([metaspace, qx, xx]);
    expect(ours.encodeText('qxxx')).toEqual([metaspace, qx, xx]);
    expect(ours.encodeText('qqxxxq xq')).toEqual(reference.encode('qqxxxq xq', { add_special_tokens: false }));
  });
});

describe('tokenizer.json variants our tokenizer does not implement', () => {
  const tokenizerJson = () => JSON.parse(readFileSync(path.join(MODEL_DIR, 'tokenizer.json'), 'utf8')) as Record<string, unknown>;
  let tempDir: string;

  /** A model folder beside the real one: its config and weights (linked), and the given tokenizer.json. */
  function variantModel(name: string, tokenizer: Record<string, unknown>): string {
    const dir = path.join(tempDir, name);
    mkdirSync(path.join(dir, 'onnx'), { recursive: true });
    cpSync(path.join(MODEL_DIR, 'config.json'), path.join(dir, 'config.json'));
    cpSync(path.join(MODEL_DIR, 'tokenizer_config.json'), path.join(dir, 'tokenizer_config.json'));
    symlinkSync(path.join(MODEL_DIR, ONNX_FILE_BY_DTYPE.q4), path.join(dir, ONNX_FILE_BY_DTYPE.q4));
    writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
    return dir;
  }

  beforeAll(() => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'unigram-variants-'));
  });
  afterAll(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('refuses what it cannot do exactly, naming it', () => {
    const variants: [string, (json: Record<string, unknown>) => void, RegExp][] = [
      ['precompiled', (json) => (json.normalizer = { type: 'Precompiled', precompiled_charsmap: 'AAAA' }), /normalizer Precompiled/],
      ['oniguruma-class', (json) => (json.normalizer = { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' }), /regex subset/],
      ['byte-level', (json) => (json.pre_tokenizer = { type: 'ByteLevel', add_prefix_space: false }), /pre_tokenizer ByteLevel/],
      ['byte-fallback', (json) => ((json.model as Record<string, unknown>).byte_fallback = true), /byte_fallback/],
      ['roberta-processing', (json) => (json.post_processor = { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0] }), /post_processor RobertaProcessing/],
      ['no-vocab', (json) => ((json.model as Record<string, unknown>).vocab = 'pieces'), /model Unigram: vocab/],
    ];
    for (const [name, change, message] of variants) {
      const json = tokenizerJson();
      change(json);
      const dir = variantModel(name, json);
      const error = (() => {
        try {
          UnigramTokenizer.load(dir);
          return undefined;
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, name).toBeInstanceOf(UnsupportedTokenizerError);
      expect((error as Error).message, name).toMatch(message);
    }
  });

  it('the embedder falls back to transformers.js’s tokenizer for the hub’s Precompiled normaliser and still embeds', async () => {
    const json = tokenizerJson();
    json.normalizer = { type: 'Precompiled', precompiled_charsmap: 'AAAA' };
    variantModel('e5-hub-like', json);
    const fallback = await createTransformersEmbedder({ modelsDir: tempDir, modelId: 'e5-hub-like', threads: 1 });
    const own = await createTransformersEmbedder({ modelsDir: MODELS_DIR, threads: 1 });
    expect(fallback.tokenizerKind).toBe('transformers.js');
    expect(fallback.description).toMatch(/transformers\.js tokenizer/);
    expect(own.tokenizerKind).toBe('own');
    // On ordinary text both normalisers agree, so the ids and vectors do.
    const query = 'Как регионы развивают телемедицину в отдалённых сёлах?';
    expect(fallback.tokenize(fallback.queryText(query))).toEqual(own.tokenize(own.queryText(query)));
    const [a, b] = [await fallback.embedQuery(query), await own.embedQuery(query)];
    expect(a.reduce((sum, x, i) => sum + x * b[i]!, 0)).toBeGreaterThan(0.99999);
    await Promise.all([fallback.dispose(), own.dispose()]);
  });
});
