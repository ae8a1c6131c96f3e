/**
 * Core data shapes shared by the indexer (which writes them) and the server (which reads them).
 * Everything that crosses the disk boundary also has a zod schema in `indexer/index/schemas.ts`.
 */

/** The sectors every passage is assigned to. `general` covers everything that is not one sector. */
export const SECTORS = [
  'education',
  'health',
  'urban',
  'transport',
  'government',
  'social',
  'general',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Russian labels used in the UI and in citations. */
export const SECTOR_LABELS: Record<Sector, string> = {
  education: 'Образование и наука',
  health: 'Здравоохранение',
  urban: 'Городская среда',
  transport: 'Транспорт и логистика',
  government: 'Государственное управление',
  social: 'Социальная сфера',
  general: 'Общие положения',
};

/** One document of the corpus as described by `corpus/manifest.json` (or inferred for a dropped-in file). */
export interface CorpusDocument {
  /** Stable id: the file name without extension, e.g. `tver`. */
  id: string;
  file: string;
  /** Region id from the table of subjects (indexer/regions/subjects.ts), e.g. `tver`; several documents may share it. */
  regionId: string;
  /** Region name in Russian, nominative, as in the manifest: `Тверская область`. */
  region: string;
  title: string;
  period?: string;
  approved?: string;
}

/** A page of extracted text. `page` is null where the source has no page numbers. */
export interface PageText {
  page: number | null;
  text: string;
}

/** One heading of a document's outline. */
export interface OutlineSection {
  /** Number as printed in the document, normalised to dotted form: `4.2`; empty when unnumbered. */
  number: string;
  title: string;
  /** Depth: 1 for top-level sections («Раздел»), 2 for subsections, ... */
  level: number;
  sector: Sector;
  /** Page where the heading starts, when the source has pages. */
  page: number | null;
}

/** A chunk of text ready to index and cite. */
export interface Passage {
  /** Stable: derived from document id + section + normalised text, so the same text keeps its id. */
  id: string;
  documentId: string;
  documentTitle: string;
  regionId: string;
  region: string;
  section: {
    number: string;
    title: string;
    /** Full path from the top: `4. Проблемы и вызовы цифровой трансформации › 4.2. Здравоохранение`. */
    path: string;
  };
  sector: Sector;
  /** First page the passage text is on; null where the source has no pages. */
  page: number | null;
  /** Last page (for passages crossing a page break); equals `page` otherwise. */
  pageEnd: number | null;
  /** `text` for prose, `table` for rows of a flattened table. */
  kind: 'text' | 'table';
  /** Exactly the corpus text (with page-number lines and repeated table headers removed). */
  text: string;
  /** Position of the passage in its document (0-based), for neighbours/context. */
  ordinal: number;
}

/** What an embedder needs to know about a passage (structure labels help the offline embedder). */
export interface PassageForEmbedding {
  text: string;
  sectionPath: string;
  sector: Sector;
}

/** One content word of a query with the corpus features that express it (see the offline embedder's features.ts). */
export interface ConceptUnit {
  lemma: string;
  /** Verbs and adverbs say how rather than what. */
  verbal: boolean;
  /** Whether the corpus has the word itself (not only related words). */
  known: boolean;
  /** Only indirect evidence expresses the word (thesaurus synonyms, broad topic concepts). */
  weak: boolean;
  features: string[];
  /** idf of the word, or of what expresses it. */
  weight: number;
}

/**
 * An embedder that can also explain a query as weighted concepts and a passage as a feature set (the offline
 * concept embedder): retrieval judges "does this passage answer the question" with it.
 */
export interface ConceptModel {
  queryConcepts(query: string): ConceptUnit[];
  /** What a word the corpus never uses weighs (idf of a feature seen once). */
  readonly unknownIdf: number;
  passageFeatureSet(passage: Passage | PassageForEmbedding): Set<string>;
  /** The features of a text on its own (a sentence of a passage), without what its section and sector lend it. */
  textFeatureSet(text: string): Set<string>;
  embedQuery(query: string): Promise<Float32Array>;
}

/** Turns passages and queries into unit-length vectors of a fixed dimension. */
export interface Embedder {
  /** Identifies the embedder and its version; stored in the index manifest, e.g. `offline-concept@1`. */
  readonly id: string;
  readonly kind: 'offline' | 'transformers';
  readonly dimension: number;
  /** Human-readable description shown in the API and UI. */
  readonly description: string;
  embedPassages(passages: PassageForEmbedding[]): Promise<Float32Array[]>;
  embedQuery(query: string): Promise<Float32Array>;
  /**
   * Several short queries in one forward pass (a neural model only: the corpus's words and a foreign question's
   * words for cross-lingual translation, see indexer/index/vocabulary.ts). Same vectors as `embedQuery`.
   */
  embedQueries?(queries: readonly string[]): Promise<Float32Array[]>;
  /** Frees what the embedder holds (a neural model, its worker threads); it is not used afterwards. */
  dispose?(): Promise<void>;
  /** The embedder itself when it is a concept model (the offline one); absent for a neural model. */
  readonly conceptModel?: ConceptModel;
}
