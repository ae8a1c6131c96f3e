import { z } from 'zod';
import { DOCUMENT_WARNING_CODES } from '../corpus/warnings.js';
import { SECTORS } from '../types.js';

/** Bumped whenever the layout of the index directory changes; the server refuses other versions. */
export const INDEX_FORMAT_VERSION = 1;

/** Files of one index directory. */
export const INDEX_FILES = {
  manifest: 'manifest.json',
  passages: 'passages.json',
  vectors: 'vectors.hnsw',
  keyword: 'keyword.json',
  embedder: 'embedder.json',
  lexicon: 'lexicon.json',
  /** Indexes built with a neural model also carry the offline concept model and its vectors (a retrieval leg). */
  conceptEmbedder: 'concept-embedder.json',
  conceptVectors: 'concept-vectors.hnsw',
  /** Indicator rows of the targets tables (indexer/indicators); optional, so older indexes still load. */
  indicators: 'indicators.json',
  /** Neural model only: the corpus's words and their query vectors, for cross-lingual questions (vocabulary.ts). */
  vocabulary: 'vocabulary.json',
} as const;

const sectorSchema = z.enum(SECTORS);

export const passageSchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  documentTitle: z.string(),
  regionId: z.string().min(1),
  region: z.string().min(1),
  section: z.object({ number: z.string(), title: z.string(), path: z.string() }),
  sector: sectorSchema,
  page: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
  kind: z.enum(['text', 'table']),
  text: z.string().min(1),
  ordinal: z.number().int().nonnegative(),
});
export const passagesFileSchema = z.array(passageSchema);

export const outlineSectionSchema = z.object({
  number: z.string(),
  title: z.string(),
  level: z.number().int().positive(),
  sector: sectorSchema,
  page: z.number().int().nullable(),
});

export const embedderInfoSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['offline', 'transformers']),
  dimension: z.number().int().positive(),
  description: z.string(),
  /** Why this embedder was chosen (e.g. "production model not found in models/"). */
  reason: z.string(),
  /** For transformers embedders: the model id, so the server can load the same model. */
  modelId: z.string().optional(),
});
export type EmbedderInfo = z.infer<typeof embedderInfoSchema>;

export const documentWarningSchema = z.object({
  code: z.enum(DOCUMENT_WARNING_CODES),
  message: z.string(),
  expected: z.number().int().nonnegative().optional(),
  found: z.number().int().nonnegative().optional(),
});

export const indexedDocumentSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().length(64),
  regionId: z.string().min(1),
  region: z.string().min(1),
  title: z.string(),
  period: z.string().optional(),
  approved: z.string().optional(),
  textForm: z.string(),
  pageCount: z.number().int().nullable(),
  passages: z.number().int().nonnegative(),
  sections: z.array(outlineSectionSchema),
  /** Problems that did not stop indexing (indexer/corpus/warnings.ts); absent in indexes built before they were kept. */
  warnings: z.array(documentWarningSchema).default([]),
});
export type IndexedDocument = z.infer<typeof indexedDocumentSchema>;

export const indexManifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  builtAt: z.string(),
  buildMs: z.number().nonnegative(),
  embedder: embedderInfoSchema,
  /** The offline concept model kept beside a neural embedder (its concept coverage and vectors are a leg of retrieval). */
  concepts: z.object({ id: z.string().min(1), dimension: z.number().int().positive() }).optional(),
  documents: z.array(indexedDocumentSchema),
  failures: z.array(z.object({ file: z.string(), reason: z.string() })),
  counts: z.object({
    documents: z.number().int().nonnegative(),
    passages: z.number().int().nonnegative(),
    regions: z.number().int().nonnegative(),
    embeddingsReused: z.number().int().nonnegative(),
  }),
  /** Checksums of every index file, so a truncated or tampered index is refused at load time. */
  files: z.record(z.string(), z.string().length(64)),
});
export type IndexManifest = z.infer<typeof indexManifestSchema>;
