import path from 'node:path';
import { PDFParse, PasswordException } from 'pdf-parse';
import type { PageText } from '../types.js';
import type { TextForm } from '../structure/text-form.js';
import { DocumentLoadError } from './errors.js';
import { readBoundedFile } from './read-bounded.js';

/** Options of {@link loadPdfFile}. */
export interface LoadPdfOptions {
  /** Largest accepted file in bytes. Default: 100 MB. */
  maxBytes?: number;
  /** Most pages read from one document. Default: 2000. */
  maxPages?: number;
  /** Fewest characters of text the whole PDF must yield (scans without a text layer yield none). Default: 200. */
  minChars?: number;
}

/** A loaded PDF: one entry per physical page, `page` being the 1-based page number. */
export interface LoadedPdf {
  pages: PageText[];
  /** PDF text keeps its line breaks, so it is always `layout`. */
  textForm: TextForm;
  pageCount: number;
}

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_MAX_PAGES = 2000;
const DEFAULT_MIN_CHARS = 200;
/**
 * A page with fewer visible characters than this has no text layer to speak of (a scanned page may still carry a
 * stamp or a page number). Pages of the generated fixture strategy carry ≥ 400; a cover page ≈ 100.
 */
const SCANNED_PAGE_MAX_CHARS = 20;
/** A PDF where more than this share of pages has no text layer is a scan: indexing its few words would mislead. */
const SCANNED_SHARE = 0.5;

/**
 * Extracts the text of a PDF page by page with pdf-parse.
 * @throws DocumentLoadError for missing, oversized, corrupt, password-protected or text-less PDFs.
 */
export async function loadPdfFile(filePath: string, options: LoadPdfOptions = {}): Promise<LoadedPdf> {
  const bytes = await readBoundedFile(filePath, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return parsePdfBuffer(bytes, path.basename(filePath), options);
}

/** Parses PDF bytes (see {@link loadPdfFile}). */
export async function parsePdfBuffer(bytes: Uint8Array, file: string, options: LoadPdfOptions = {}): Promise<LoadedPdf> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const minChars = options.minChars ?? DEFAULT_MIN_CHARS;
  if (bytes.length === 0) throw new DocumentLoadError(file, 'empty', 'file is empty (0 bytes)');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new DocumentLoadError(file, 'corrupt-pdf', 'not a PDF file (no %PDF- header); re-export the document as PDF');
  }

  // pdf.js may transfer the buffer to its worker; give it a private copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ first: maxPages });
    const pages: PageText[] = result.pages
      .slice(0, maxPages)
      .map((p) => ({ page: p.num, text: p.text.replace(/\r\n?/g, '\n') }));
    const perPage = pages.map((p) => p.text.replace(/\s/g, '').length);
    const chars = perPage.reduce((sum, n) => sum + n, 0);
    if (pages.length === 0 || chars < minChars) {
      throw new DocumentLoadError(
        file,
        'no-text',
        `PDF has ${pages.length} page(s) but ${chars === 0 ? 'no' : 'almost no'} extractable text: a scan without a text layer? OCR is not built in; run OCR (e.g. ocrmypdf) and add the result`,
      );
    }
    const blank = perPage.filter((n) => n < SCANNED_PAGE_MAX_CHARS).length;
    if (blank > pages.length * SCANNED_SHARE) {
      throw new DocumentLoadError(
        file,
        'no-text',
        `${blank} of ${pages.length} pages have no text layer (a scanned document?); OCR is not built in; run OCR (e.g. ocrmypdf) and add the result`,
      );
    }
    return { pages, textForm: 'layout', pageCount: result.total };
  } catch (error) {
    if (error instanceof DocumentLoadError) throw error;
    if (error instanceof PasswordException || /password/i.test(String((error as Error)?.message))) {
      throw new DocumentLoadError(file, 'encrypted-pdf', 'PDF is password-protected; save an unprotected copy', { cause: error });
    }
    const message = (error as Error)?.message ?? String(error);
    throw new DocumentLoadError(file, 'corrupt-pdf', `PDF cannot be parsed (${message}); the file is damaged or truncated`, { cause: error });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
