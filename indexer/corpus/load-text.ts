import path from 'node:path';
import type { PageText } from '../types.js';
import { detectTextForm, type TextForm } from '../structure/text-form.js';
import { DocumentLoadError } from './errors.js';
import { readBoundedFile } from './read-bounded.js';

/** Options of {@link loadTextFile} / {@link decodeTextBuffer}. */
export interface LoadTextOptions {
  /** Largest accepted file in bytes. Default: 50 MB (the biggest bundled strategy is 0.35 MB). */
  maxBytes?: number;
  /** Shortest accepted text after trimming, in characters. Default: 200. */
  minChars?: number;
}

/** Encodings the text loader recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** A loaded plain-text document: one page without a page number (pages are recovered later from the layout). */
export interface LoadedText {
  pages: PageText[];
  textForm: TextForm;
  encoding: TextEncodingName;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_MIN_CHARS = 200;

/**
 * Reads a `.txt` document: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251 (detected when the
 * bytes are not valid UTF-8 and decode to mostly Cyrillic text).
 * @throws DocumentLoadError when the file is empty, too large, binary or in an unknown encoding.
 */
export async function loadTextFile(filePath: string, options: LoadTextOptions = {}): Promise<LoadedText> {
  const bytes = await readBoundedFile(filePath, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return decodeTextBuffer(bytes, path.basename(filePath), options);
}

/** Decodes and validates the bytes of a text document (see {@link loadTextFile}). */
export function decodeTextBuffer(bytes: Uint8Array, file: string, options: LoadTextOptions = {}): LoadedText {
  const minChars = options.minChars ?? DEFAULT_MIN_CHARS;
  if (bytes.length === 0) throw new DocumentLoadError(file, 'empty', 'file is empty (0 bytes)');

  const { text, encoding } = decode(bytes, file);
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new DocumentLoadError(file, 'empty', 'file contains only whitespace');
  assertLooksLikeText(trimmed, file);
  if (trimmed.length < minChars) {
    throw new DocumentLoadError(file, 'empty', `file has only ${trimmed.length} characters of text (at least ${minChars} expected for a strategy document)`);
  }
  const normalised = text.replace(/\r\n?/g, '\n');
  return { pages: [{ page: null, text: normalised }], textForm: detectTextForm(normalised), encoding };
}

function decode(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (hasNulBytes(bytes)) {
    throw new DocumentLoadError(file, 'binary', 'file contains NUL bytes: it is binary, not text (PDFs must have the .pdf extension)');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Russian documents are commonly Windows-1251. Accept it only when it decodes to Cyrillic text.
  }
  const text = new TextDecoder('windows-1251').decode(bytes);
  if (cyrillicShare(text) >= 0.5) return { text, encoding: 'windows-1251' };
  throw new DocumentLoadError(file, 'encoding', 'text is neither UTF-8 nor Windows-1251 Russian text; convert it to UTF-8');
}

function hasNulBytes(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 65536);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Share of Cyrillic letters among all letters. */
function cyrillicShare(text: string): number {
  const sample = text.slice(0, 100_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 0;
  const cyrillic = sample.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  return cyrillic / letters;
}

function assertLooksLikeText(text: string, file: string): void {
  const sample = text.slice(0, 100_000);
  const visible = sample.replace(/\s/g, '');
  let control = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    // C0 controls other than tab/newline/carriage return, and U+FFFD replacement characters.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (control / Math.max(1, sample.length) > 0.01 || letters / Math.max(1, visible.length) < 0.4) {
    throw new DocumentLoadError(file, 'binary', 'content does not look like text (too many control or non-letter characters)');
  }
}
