import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { readCorpus } from '../corpus/read-corpus.js';
import { fitOfflineEmbedder } from '../embed/offline/embedder.js';
import { selectEmbedder, type EmbedderPreference } from '../embed/select.js';
import { groupIndicators } from '../indicators/group.js';
import { buildLexicon } from '../nlp/lexicon.js';
import type { Embedder, Passage } from '../types.js';
import { createBuildDir, discardBuild, publishBuild } from './atomic-dir.js';
import { acquireBuildLock, type BuildLockOptions } from './build-lock.js';
import { EmbeddingCache } from './embedding-cache.js';
import { buildKeywordIndex } from './keyword.js';
import { embedVocabulary, serializeVocabulary, vocabularyEntries, type VocabularyOptions } from './vocabulary.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, type IndexManifest, type IndexedDocument } from './schemas.js';

export interface BuildIndexOptions {
  /** Folder with the documents (.txt, .pdf) and an optional manifest.json. Default `corpus`. */
  corpusDir?: string;
  /** Index location: a symlink to the current build. Default `data/index`. */
  outDir?: string;
  /** Where reusable embeddings are kept between builds. Default `data/cache`. */
  cacheDir?: string;
  /** `auto` picks the production model when its files are in `modelsDir`, else the offline embedder. Default `auto`. */
  embedder?: EmbedderPreference;
  /** Folder holding transformers.js models. Default `models`. */
  modelsDir?: string;
  /** Model id under `modelsDir` for the transformers embedder. Default `Xenova/multilingual-e5-small`. */
  modelId?: string;
  /** Passages embedded per call. Default 32. */
  batchSize?: number;
  /** Worker threads embedding passages with a neural model (see `TransformersEmbedderOptions.passageWorkers`). */
  passageWorkers?: number;
  /** Which of the corpus's words a neural index embeds for cross-lingual questions (defaults in vocabulary.ts). */
  vocabulary?: VocabularyOptions;
  /** Called as work advances, for progress bars. */
  onProgress?: (event: BuildProgress) => void;
  /** How long to wait for another build of the same `outDir` (see build-lock.ts). Default: wait up to 2 s. */
  lock?: BuildLockOptions;
}

export type BuildProgress =
  | { phase: 'read'; done: number; total: number; file: string }
  | { phase: 'embed'; done: number; total: number }
  /** The corpus's words embedded for cross-lingual questions (neural model only; see vocabulary.ts). */
  | { phase: 'words'; done: number; total: number }
  /** Once per index file, before it is written (`file` is its name in the build folder). */
  | { phase: 'write'; file: string };

export interface BuildResult {
  indexDir: string;
  manifest: IndexManifest;
  failures: { file: string; reason: string }[];
}

/** HNSW parameters: the corpus is small, so a generous graph costs little and keeps recall near exact. */
const HNSW = { m: 16, efConstruction: 200, seed: 42 } as const;

/** Thrown when nothing at all could be indexed; the previous index stays in place. */
export class NothingToIndexError extends Error {}

/**
 * Reads the corpus, embeds every passage and writes a complete index directory, then swaps it in atomically.
 * Documents that fail to load are reported in `failures` and left out; the rest are indexed.
 */
export async function buildIndex(options: BuildIndexOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  const corpusDir = options.corpusDir ?? 'corpus';
  const outDir = options.outDir ?? 'data/index';
  const release = await acquireBuildLock(outDir, options.lock);
  let buildDir: string | undefined;
  // The build owns the embedder it selects: released when done (a neural one holds its model and passage workers;
  // the first `npm start` builds and then serves in the same process).
  let embedder: Embedder | undefined;
  try {
    const corpus = await readCorpus(corpusDir, {
      onDocument: ({ file, index, total }) => options.onProgress?.({ phase: 'read', done: index + 1, total, file }),
    });
    const passages = corpus.documents.flatMap((d) => d.passages);
    if (passages.length === 0) {
      const why = corpus.failures.map((f) => `${f.file}: ${f.reason}`).join('; ') || 'the folder has no .txt or .pdf files';
      throw new NothingToIndexError(`Nothing to index in ${corpusDir}: ${why}`);
    }

    const lexicon = buildLexicon(passages);
    const selected = await selectEmbedder(
      {
        embedder: options.embedder ?? 'auto',
        modelsDir: options.modelsDir ?? 'models',
        modelId: options.modelId,
        ...(options.passageWorkers !== undefined ? { passageWorkers: options.passageWorkers } : {}),
      },
      passages,
    );
    embedder = selected.embedder;
    const { vectors, reused } = await embedAll(selected.embedder, selected.fingerprint, passages, options);
    // Beside a neural model, the offline concept model (lemmas, domain lexicon, abbreviations, structure) stays a leg
    // of retrieval: it knows this domain's vocabulary, the model knows language in general (README → Quality).
    const concepts = selected.embedder.kind === 'transformers' ? await fitOfflineEmbedder(passages) : undefined;
    const conceptVectors = concepts ? (await embedAll(concepts, concepts.fingerprint, passages, options.cacheDir ? { cacheDir: options.cacheDir } : {})).vectors : undefined;
    const { embedQueries } = selected.embedder;
    const vocabulary = embedQueries
      ? await embedVocabulary(
          { embedQueries: embedQueries.bind(selected.embedder), dimension: selected.embedder.dimension },
          selected.fingerprint,
          vocabularyEntries(passages, options.vocabulary),
          options.cacheDir ?? 'data/cache',
          (done, total) => options.onProgress?.({ phase: 'words', done, total }),
        )
      : undefined;

    buildDir = await createBuildDir(outDir);
    const files: Record<string, string> = {};
    const write = async (name: string, content: string) => {
      options.onProgress?.({ phase: 'write', file: name });
      await writeFile(path.join(buildDir!, name), content);
      files[name] = sha256(content);
    };
    await write(INDEX_FILES.passages, JSON.stringify(passages));
    await write(INDEX_FILES.keyword, JSON.stringify(buildKeywordIndex(passages)));
    await write(INDEX_FILES.lexicon, JSON.stringify(lexicon));
    await write(INDEX_FILES.embedder, JSON.stringify(selected.state));
    // Indicator rows of the targets tables, tied across regions (read by /api/indicators).
    await write(INDEX_FILES.indicators, JSON.stringify(groupIndicators(corpus.documents.flatMap((d) => d.indicators))));
    options.onProgress?.({ phase: 'write', file: INDEX_FILES.vectors });
    await writeVectors(path.join(buildDir, INDEX_FILES.vectors), selected.embedder.dimension, vectors);
    files[INDEX_FILES.vectors] = sha256(await readFile(path.join(buildDir, INDEX_FILES.vectors)));
    if (vocabulary) await write(INDEX_FILES.vocabulary, serializeVocabulary(vocabulary));
    if (concepts && conceptVectors) {
      await write(INDEX_FILES.conceptEmbedder, JSON.stringify(concepts.toJSON()));
      await writeVectors(path.join(buildDir, INDEX_FILES.conceptVectors), concepts.dimension, conceptVectors);
      files[INDEX_FILES.conceptVectors] = sha256(await readFile(path.join(buildDir, INDEX_FILES.conceptVectors)));
    }

    const documents: IndexedDocument[] = await Promise.all(
      corpus.documents.map(async (d) => ({
        id: d.document.id,
        file: d.document.file,
        sha256: sha256(await readFile(path.join(corpusDir, d.document.file))),
        regionId: d.document.regionId,
        region: d.document.region,
        title: d.document.title,
        ...(d.document.period ? { period: d.document.period } : {}),
        ...(d.document.approved ? { approved: d.document.approved } : {}),
        textForm: d.textForm,
        pageCount: d.pageCount,
        passages: d.passages.length,
        sections: d.outline,
        warnings: d.warnings,
      })),
    );
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      builtAt: new Date().toISOString(),
      buildMs: Date.now() - started,
      embedder: {
        id: selected.embedder.id,
        kind: selected.embedder.kind,
        dimension: selected.embedder.dimension,
        description: selected.embedder.description,
        reason: selected.reason,
        ...(selected.modelId ? { modelId: selected.modelId } : {}),
      },
      ...(concepts ? { concepts: { id: concepts.id, dimension: concepts.dimension } } : {}),
      documents,
      failures: corpus.failures,
      counts: {
        documents: documents.length,
        passages: passages.length,
        regions: new Set(documents.map((d) => d.regionId)).size,
        embeddingsReused: reused,
      },
      files,
    };
    // The manifest is written last: a build folder without one is incomplete by definition.
    options.onProgress?.({ phase: 'write', file: INDEX_FILES.manifest });
    await writeFile(path.join(buildDir, INDEX_FILES.manifest), JSON.stringify(manifest, null, 2));
    await publishBuild(outDir, buildDir);
    return { indexDir: path.resolve(outDir), manifest, failures: corpus.failures };
  } catch (err) {
    if (buildDir) await discardBuild(buildDir);
    throw err;
  } finally {
    await embedder?.dispose?.();
    await release();
  }
}

async function embedAll(
  embedder: Embedder,
  fingerprint: string,
  passages: readonly Passage[],
  options: BuildIndexOptions,
): Promise<{ vectors: Float32Array[]; reused: number }> {
  const cache = await EmbeddingCache.open(options.cacheDir ?? 'data/cache', fingerprint, embedder.dimension);
  const keys = passages.map((p) => EmbeddingCache.key([p.text, p.section.path, p.sector]));
  // Shortest first: a neural embedder pads each batch to its longest text, so batches of similar length waste least.
  const missing = passages
    .map((_, i) => i)
    .filter((i) => !cache.get(keys[i]!))
    .sort((a, b) => passages[a]!.text.length - passages[b]!.text.length);
  const batchSize = options.batchSize ?? 32;
  const reused = passages.length - missing.length;
  options.onProgress?.({ phase: 'embed', done: reused, total: passages.length });
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const embedded = await embedder.embedPassages(
      batch.map((i) => ({ text: passages[i]!.text, sectionPath: passages[i]!.section.path, sector: passages[i]!.sector })),
    );
    batch.forEach((i, j) => cache.set(keys[i]!, embedded[j]!));
    options.onProgress?.({ phase: 'embed', done: reused + start + batch.length, total: passages.length });
  }
  await cache.save(new Set(keys));
  return { vectors: keys.map((k) => cache.get(k)!), reused };
}

async function writeVectors(file: string, dimension: number, vectors: readonly Float32Array[]): Promise<void> {
  const index = new hnswlib.HierarchicalNSW('cosine', dimension);
  index.initIndex({ maxElements: Math.max(1, vectors.length), m: HNSW.m, efConstruction: HNSW.efConstruction, randomSeed: HNSW.seed });
  vectors.forEach((v, label) => index.addPoint(Array.from(v), label));
  await index.writeIndex(file);
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
