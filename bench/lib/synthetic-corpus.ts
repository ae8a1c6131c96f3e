import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CORPUS_DIR } from './paths.js';

/**
 * A synthetic corpus of up to 100 regional documents derived from the five bundled ones, for the scale benchmark.
 * Documents 1–5 are the bundled documents unchanged; document i > 5 is a copy of bundled document (i mod 5) with
 * the region's name stem replaced by another region's (so "Тверской области" becomes "Новгородской области"
 * throughout), its own id, region and title in the manifest. The texts are therefore near-duplicates: every term's
 * document frequency grows linearly with the corpus, the worst case for posting-list lengths.
 */

const bundledManifestSchema = z.object({
  documents: z.array(z.object({ file: z.string(), region: z.string(), title: z.string(), period: z.string().optional(), text_form: z.enum(['flattened', 'layout']).optional() })),
});

/** How each bundled region's name appears in its text (stem shared by all grammatical cases). */
const SOURCE_STEMS: Record<string, RegExp> = {
  'tver.txt': /Тверск/g,
  'tyumen.txt': /Тюменск/g,
  'khabarovsk.txt': /Хабаровск/g,
  'luhansk.txt': /Луганск/g,
  'karachay-cherkessia.txt': /Карачаево[\s-]?Черкесск/g,
};

/** Adjective stems of real oblasts; after they run out, "Северо-"/"Южно-"/"Восточно-" variants. */
const TARGET_STEMS = [
  'Новгородск', 'Псковск', 'Смоленск', 'Брянск', 'Калужск', 'Тульск', 'Рязанск', 'Владимирск', 'Ивановск', 'Костромск',
  'Ярославск', 'Вологодск', 'Архангельск', 'Мурманск', 'Ленинградск', 'Калининградск', 'Орловск', 'Курск', 'Белгородск',
  'Воронежск', 'Тамбовск', 'Пензенск', 'Саратовск', 'Самарск', 'Ульяновск', 'Нижегородск', 'Кировск', 'Свердловск',
  'Челябинск', 'Курганск', 'Омск', 'Новосибирск', 'Томск', 'Кемеровск', 'Иркутск', 'Амурск', 'Магаданск', 'Сахалинск',
  'Астраханск', 'Волгоградск', 'Ростовск', 'Оренбургск',
];
const PREFIXES = ['', 'Северо-', 'Южно-', 'Восточно-'];

function targetStem(n: number): string {
  const base = TARGET_STEMS[n % TARGET_STEMS.length]!;
  const prefix = PREFIXES[Math.floor(n / TARGET_STEMS.length) % PREFIXES.length]!;
  return prefix ? prefix + base.toLowerCase() : base;
}

export interface SyntheticCorpus {
  dir: string;
  documents: number;
  bytes: number;
}

/** Writes the first `count` documents of the synthetic corpus (with `manifest.json`) into `dir`. */
export async function writeSyntheticCorpus(dir: string, count: number): Promise<SyntheticCorpus> {
  const bundled = bundledManifestSchema.parse(JSON.parse(await readFile(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')));
  const sources = bundled.documents;
  await mkdir(dir, { recursive: true });
  const texts = new Map<string, string>();
  for (const doc of sources) texts.set(doc.file, await readFile(path.join(CORPUS_DIR, doc.file), 'utf8'));

  const entries: unknown[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const text = texts.get(source.file)!;
    if (i < sources.length) {
      await copyFile(path.join(CORPUS_DIR, source.file), path.join(dir, source.file));
      entries.push(source);
      bytes += Buffer.byteLength(text);
      continue;
    }
    const stem = targetStem(i - sources.length);
    const pattern = SOURCE_STEMS[source.file];
    const renamed = pattern ? text.replace(pattern, stem) : text;
    const file = `synthetic-${String(i + 1).padStart(3, '0')}.txt`;
    await writeFile(path.join(dir, file), renamed);
    bytes += Buffer.byteLength(renamed);
    entries.push({
      file,
      region: `${stem}ая область`,
      title: `Стратегия в области цифровой трансформации отраслей экономики, социальной сферы и государственного управления ${stem}ой области`,
      ...(source.period ? { period: source.period } : {}),
      ...(source.text_form ? { text_form: source.text_form } : {}),
      source_file: source.file,
    });
  }
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ about: `Synthetic benchmark corpus: ${count} documents derived from the bundled corpus (bench/lib/synthetic-corpus.ts).`, documents: entries }, null, 2),
  );
  return { dir, documents: count, bytes };
}
