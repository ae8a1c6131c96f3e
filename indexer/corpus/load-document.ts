import path from 'node:path';
import type { PageText } from '../types.js';
import type { TextForm } from '../structure/text-form.js';
import { DocumentLoadError } from './errors.js';
import { loadPdfFile, type LoadPdfOptions } from './load-pdf.js';
import { loadTextFile, type LoadTextOptions } from './load-text.js';
import { assessTextQuality } from './text-quality.js';

/** File extensions the corpus accepts. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.pdf'] as const;

/** Options of {@link loadDocument}: forwarded to the text and PDF loaders. */
export interface LoadDocumentOptions {
  text?: LoadTextOptions;
  pdf?: LoadPdfOptions;
}

/** Text of a document as loaded from disk, before structure detection. */
export interface LoadedDocument {
  pages: PageText[];
  textForm: TextForm;
  /** `txt` or `pdf`. */
  source: 'txt' | 'pdf';
  /** Number of physical pages for PDFs; null for text files (pages are recovered from page-number lines). */
  pageCount: number | null;
}

/**
 * Loads a `.txt` or `.pdf` document and refuses it unless its text reads as prose (text-quality.ts).
 * @throws DocumentLoadError
 */
export async function loadDocument(filePath: string, options: LoadDocumentOptions = {}): Promise<LoadedDocument> {
  const loaded = await loadByType(filePath, options);
  const verdict = await assessTextQuality(loaded.pages.map((p) => p.text).join('\n'));
  if (verdict.reason) throw new DocumentLoadError(path.basename(filePath), 'not-prose', verdict.reason);
  return loaded;
}

async function loadByType(filePath: string, options: LoadDocumentOptions): Promise<LoadedDocument> {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.txt') {
    const loaded = await loadTextFile(filePath, options.text);
    return { pages: loaded.pages, textForm: loaded.textForm, source: 'txt', pageCount: null };
  }
  if (ext === '.pdf') {
    const loaded = await loadPdfFile(filePath, options.pdf);
    return { pages: loaded.pages, textForm: loaded.textForm, source: 'pdf', pageCount: loaded.pageCount };
  }
  throw new DocumentLoadError(path.basename(filePath), 'unsupported-type', `unsupported file type "${ext}"; use .txt or .pdf`);
}
