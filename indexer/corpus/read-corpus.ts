import type { CorpusDocument, OutlineSection, Passage } from '../types.js';
import { chunkDocument } from '../chunk/chunk-document.js';
import { extractDocumentIndicators } from '../indicators/extract.js';
import type { IndicatorRow } from '../indicators/types.js';
import type { ChunkOptions } from '../chunk/options.js';
import { structureDocument, type StructureOptions } from '../structure/structure-document.js';
import type { StructuredDocument } from '../structure/types.js';
import type { TextForm } from '../structure/text-form.js';
import { discoverCorpus, type DiscoveredDocument } from './discover.js';
import { DocumentLoadError } from './errors.js';
import { loadDocument, type LoadDocumentOptions } from './load-document.js';
import type { DocumentWarning } from './warnings.js';

/** A document turned into its outline and passages. */
export interface ParsedDocument {
  document: CorpusDocument;
  textForm: TextForm;
  /** Pages of the source (PDF page count or highest page number of a layout text); null without pages. */
  pageCount: number | null;
  outline: OutlineSection[];
  passages: Passage[];
  /** Rows of the document's targets tables (`groupId` is set once all documents are read). */
  indicators: IndicatorRow[];
  /** Non-fatal problems (inferred region, outline poorer than the contents, …). */
  warnings: DocumentWarning[];
}

/** A document that could not be indexed. */
export interface CorpusFailure {
  file: string;
  reason: string;
}

/** Progress event passed to {@link ReadCorpusOptions.onDocument} after each document. */
export interface DocumentEvent {
  file: string;
  /** 0-based position and total number of documents, for progress bars. */
  index: number;
  total: number;
  parsed?: ParsedDocument;
  failure?: CorpusFailure;
}

/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** Called after each document (parsed or failed). Default: none. */
  onDocument?: (event: DocumentEvent) => void;
  load?: LoadDocumentOptions;
  structure?: StructureOptions;
  chunk?: ChunkOptions;
}

/** Result of {@link readCorpus}. */
export interface CorpusReadResult {
  documents: ParsedDocument[];
  failures: CorpusFailure[];
}

/**
 * Reads a corpus directory end to end: manifest, loading, structure, passages. A document that fails (empty,
 * binary, corrupt or encrypted PDF, missing) is reported in `failures` with a reason; the others are indexed.
 * @throws ManifestError when manifest.json exists but is invalid (nothing can be trusted then).
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<CorpusReadResult> {
  const discovered = await discoverCorpus(dir, { ...(options.load ? { load: options.load } : {}) });
  const documents: ParsedDocument[] = [];
  const failures: CorpusFailure[] = [];
  for (const [index, doc] of discovered.entries()) {
    try {
      const parsed = await parseDiscovered(doc, options);
      documents.push(parsed);
      options.onDocument?.({ file: doc.file, index, total: discovered.length, parsed });
    } catch (error) {
      const failure = { file: doc.file, reason: describeError(error) };
      failures.push(failure);
      options.onDocument?.({ file: doc.file, index, total: discovered.length, failure });
    }
  }
  return { documents, failures };
}

/** Loads (unless already loaded), structures and chunks one discovered document. */
export async function parseDiscovered(doc: DiscoveredDocument, options: ReadCorpusOptions = {}): Promise<ParsedDocument> {
  if (doc.loadError) throw doc.loadError;
  const loaded = doc.loaded ?? (await loadDocument(doc.path, options.load));
  const textForm: TextForm = loaded.source === 'pdf' ? 'layout' : (doc.declaredTextForm ?? loaded.textForm);
  const structured = structureDocument(loaded.pages, textForm, options.structure);
  const document: CorpusDocument = {
    id: doc.id,
    file: doc.file,
    regionId: doc.regionId,
    region: doc.region,
    title: doc.title,
    ...(doc.period ? { period: doc.period } : {}),
    ...(doc.approved ? { approved: doc.approved } : {}),
  };
  const passages = chunkDocument(document, structured, options.chunk);
  if (passages.length === 0) {
    throw new DocumentLoadError(doc.file, 'no-text', 'no passages could be extracted (the text has no readable content)');
  }
  return {
    document,
    textForm,
    pageCount: loaded.pageCount ?? structured.pageCount,
    outline: structured.outline,
    passages,
    indicators: extractDocumentIndicators({ document, textForm, structured, pages: loaded.pages, passages }),
    warnings: [...doc.warnings, ...outlineWarnings(structured.contents)],
  };
}

/** Longest list of missing section numbers quoted in a warning. */
const MISSING_QUOTED = 8;

/** A warning when the outline found fewer sections than the printed contents list (README → Adding documents). */
function outlineWarnings(contents: StructuredDocument['contents']): DocumentWarning[] {
  if (!contents || contents.found >= contents.expected) return [];
  const quoted = contents.missing.slice(0, MISSING_QUOTED).join(', ') + (contents.missing.length > MISSING_QUOTED ? ', …' : '');
  return [
    {
      code: 'outline-incomplete',
      message: `the contents list ${contents.expected} numbered sections but ${contents.found} were found in the text (missing: ${quoted}); passages of a missing section are filed under the heading before it`,
      expected: contents.expected,
      found: contents.found,
    },
  ];
}

function describeError(error: unknown): string {
  if (error instanceof DocumentLoadError) return error.reason;
  if (error instanceof Error) return `unexpected error while parsing: ${error.message}`;
  return `unexpected error while parsing: ${String(error)}`;
}
