import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type lunr from 'lunr';
import { loadOfflineEmbedder, type OfflineConceptEmbedder } from '../embed/offline/embedder.js';
import { restoreEmbedder } from '../embed/select.js';
import { indicatorsFileSchema, type IndicatorRow } from '../indicators/types.js';
import { parseLexicon, type Lexicon } from '../nlp/lexicon.js';
import type { Embedder, Passage } from '../types.js';
import { loadKeywordIndex } from './keyword.js';
import { findVectorProblem } from './verify-vectors.js';
import { vocabularyFileSchema, type Vocabulary } from './vocabulary.js';
import { INDEX_FILES, INDEX_FORMAT_VERSION, indexManifestSchema, passagesFileSchema, type IndexManifest } from './schemas.js';

export interface LoadedIndex {
  /** The resolved build folder (not the symlink), so a later rebuild does not change what this object reads. */
  dir: string;
  manifest: IndexManifest;
  /** Array position = hnsw label = lunr ref (as a string). */
  passages: Passage[];
  passageIndexById: Map<string, number>;
  keyword: lunr.Index;
  vectors: hnswlib.HierarchicalNSW;
  embedder: Embedder;
  /** The offline concept model and its vectors, kept beside a neural embedder (see build.ts). */
  concepts?: { embedder: OfflineConceptEmbedder; vectors: hnswlib.HierarchicalNSW };
  lexicon: Lexicon;
  /** Indicator rows of the targets tables; empty for an index built before they were extracted. */
  indicators: IndicatorRow[];
  /** Neural index: the corpus's words and their query vectors (cross-lingual questions); absent otherwise. */
  vocabulary?: Vocabulary;
}

/** Raised for a missing, incomplete, corrupt or incompatible index; the message says what to do. */
export class IndexLoadError extends Error {}

/** Loads and verifies an index directory written by `buildIndex`. */
export async function loadIndex(dir: string, options: { modelsDir?: string } = {}): Promise<LoadedIndex> {
  const buildDir = await realpath(dir).catch(() => {
    throw new IndexLoadError(`No index at ${dir}. Build one with: npm run index`);
  });
  const read = (name: string) =>
    readFile(path.join(buildDir, name)).catch(() => {
      throw new IndexLoadError(`Index at ${dir} is incomplete: ${name} is missing. Rebuild it with: npm run index`);
    });

  const manifest = parseJson(await read(INDEX_FILES.manifest), INDEX_FILES.manifest, (raw) => {
    const version = (raw as { formatVersion?: unknown })?.formatVersion;
    if (version !== INDEX_FORMAT_VERSION) {
      throw new IndexLoadError(
        `Index at ${dir} has format version ${String(version)}, this server reads ${INDEX_FORMAT_VERSION}. Rebuild it with: npm run index`,
      );
    }
    return indexManifestSchema.parse(raw);
  });

  const contents = new Map<string, Buffer>();
  for (const [name, expected] of Object.entries(manifest.files)) {
    const content = await read(name);
    if (createHash('sha256').update(content).digest('hex') !== expected) {
      throw new IndexLoadError(`Index at ${dir} is corrupt: ${name} does not match its checksum. Rebuild it with: npm run index`);
    }
    contents.set(name, content);
  }
  const file = (name: string) => {
    const content = contents.get(name);
    if (!content) throw new IndexLoadError(`Index at ${dir} lists no ${name}. Rebuild it with: npm run index`);
    return content;
  };

  const passages = parseJson(file(INDEX_FILES.passages), INDEX_FILES.passages, (raw) => passagesFileSchema.parse(raw));
  if (passages.length !== manifest.counts.passages) {
    throw new IndexLoadError(`Index at ${dir} is inconsistent: ${passages.length} passages, manifest says ${manifest.counts.passages}. Rebuild it with: npm run index`);
  }
  const keyword = parseJson(file(INDEX_FILES.keyword), INDEX_FILES.keyword, (raw) => loadKeywordIndex(raw as object));
  const lexicon = parseJson(file(INDEX_FILES.lexicon), INDEX_FILES.lexicon, parseLexicon);
  const indicators = contents.has(INDEX_FILES.indicators)
    ? parseJson(file(INDEX_FILES.indicators), INDEX_FILES.indicators, (raw) => indicatorsFileSchema.parse(raw))
    : [];
  const vocabulary = contents.has(INDEX_FILES.vocabulary)
    ? parseJson(file(INDEX_FILES.vocabulary), INDEX_FILES.vocabulary, (raw) => vocabularyFileSchema.parse(raw))
    : undefined;
  const embedderState = parseJson(file(INDEX_FILES.embedder), INDEX_FILES.embedder, (raw) => raw);
  const embedder = await restoreEmbedder(manifest.embedder, embedderState, { modelsDir: options.modelsDir ?? 'models' });
  if (embedder.dimension !== manifest.embedder.dimension) {
    throw new IndexLoadError(
      `Index at ${dir} was built with ${manifest.embedder.dimension}-dimensional vectors but ${embedder.id} gives ${embedder.dimension}. Rebuild it with: npm run index`,
    );
  }

  if (vocabulary && vocabulary.dimension !== manifest.embedder.dimension) {
    throw new IndexLoadError(`Index at ${dir} is inconsistent: ${INDEX_FILES.vocabulary} holds ${vocabulary.dimension}-dimensional vectors, the embedder ${manifest.embedder.dimension}. Rebuild it with: npm run index`);
  }

  const readVectors = async (name: string, dimension: number): Promise<hnswlib.HierarchicalNSW> => {
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    await index.readIndex(path.join(buildDir, name));
    if (index.getCurrentCount() !== passages.length) {
      throw new IndexLoadError(`Index at ${dir} is inconsistent: ${index.getCurrentCount()} vectors in ${name} for ${passages.length} passages. Rebuild it with: npm run index`);
    }
    const problem = findVectorProblem(index, passages.length, dimension);
    if (problem) throw new IndexLoadError(`Index at ${dir} is corrupt: ${name} ${problem}. Rebuild it with: npm run index`);
    return index;
  };
  const vectors = await readVectors(INDEX_FILES.vectors, manifest.embedder.dimension);
  let concepts: LoadedIndex['concepts'];
  if (manifest.concepts) {
    const conceptEmbedder = await loadOfflineEmbedder(parseJson(file(INDEX_FILES.conceptEmbedder), INDEX_FILES.conceptEmbedder, (raw) => raw));
    if (conceptEmbedder.id !== manifest.concepts.id || conceptEmbedder.dimension !== manifest.concepts.dimension) {
      throw new IndexLoadError(`Index at ${dir} is inconsistent: ${INDEX_FILES.conceptEmbedder} holds ${conceptEmbedder.id}, the manifest says ${manifest.concepts.id}. Rebuild it with: npm run index`);
    }
    concepts = { embedder: conceptEmbedder, vectors: await readVectors(INDEX_FILES.conceptVectors, conceptEmbedder.dimension) };
  }

  return {
    dir: buildDir,
    manifest,
    passages,
    passageIndexById: new Map(passages.map((p, i) => [p.id, i])),
    keyword,
    vectors,
    embedder,
    ...(concepts ? { concepts } : {}),
    lexicon,
    indicators,
    ...(vocabulary ? { vocabulary } : {}),
  };
}

function parseJson<T>(content: Buffer, name: string, parse: (raw: unknown) => T): T {
  try {
    return parse(JSON.parse(content.toString('utf8')));
  } catch (err) {
    if (err instanceof IndexLoadError) throw err;
    throw new IndexLoadError(`Index file ${name} is unreadable (${(err as Error).message.slice(0, 200)}). Rebuild it with: npm run index`);
  }
}
