import type { OutlineSection, Sector } from '../types.js';
import type { TextForm } from './text-form.js';

/** One line of a layout document after cleanup, with the page it is on. */
export interface Line {
  text: string;
  page: number | null;
}

/** A row of a flattened table: all lines from one row number to the next (a row is never split). */
export interface TableRow {
  lines: Line[];
}

/** Content between two headings, in reading order. */
export type Block =
  | { kind: 'text'; lines: Line[] }
  | { kind: 'table'; header: string | null; rows: TableRow[] }
  /** A stretch of flattened (one-line, unpunctuated) text. */
  | { kind: 'flat'; text: string };

/** The content of one outline section (the text up to the next heading of any level). */
export interface SectionContent {
  /** Index into the outline. */
  section: number;
  blocks: Block[];
}

/** A document split into its outline and the content of every section. */
export interface StructuredDocument {
  textForm: TextForm;
  /** Number of pages when known (PDF, or the highest page number of a layout text); null otherwise. */
  pageCount: number | null;
  outline: OutlineSection[];
  /** Content per section (front matter before the first heading — title page, TOC — is not included). */
  sections: SectionContent[];
  /**
   * How the outline compares with the printed contents, when the document has contents with numbered entries:
   * `expected` numbered entries, `found` of them in the outline, the `missing` numbers.
   */
  contents?: ContentsCheck;
}

export interface ContentsCheck {
  expected: number;
  found: number;
  missing: string[];
}

/** Sector helper type re-exported for modules of this folder. */
export type { Sector };

/** Title of the single section of a document in which no headings were found. */
export const WHOLE_DOCUMENT_TITLE = 'Текст документа';
