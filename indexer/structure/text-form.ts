/**
 * How a document's text was extracted:
 * - `layout`: line breaks kept (page numbers on their own lines, table cells one per line) — also every PDF;
 * - `flattened`: the whole document on one or a few very long lines, punctuation and short words stripped.
 */
export type TextForm = 'layout' | 'flattened';

/** Options of {@link detectTextForm}. */
export interface DetectTextFormOptions {
  /** Average characters per line above which a text counts as flattened. Default: 1000. */
  flattenedLineLength?: number;
}

/** Guesses the text form from the line structure. */
export function detectTextForm(text: string, options: DetectTextFormOptions = {}): TextForm {
  const threshold = options.flattenedLineLength ?? 1000;
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return 'layout';
  const total = lines.reduce((sum, l) => sum + l.length, 0);
  return total / lines.length > threshold ? 'flattened' : 'layout';
}
