/**
 * Problems with a document that did not stop it from being indexed. Every one is printed by `npm run index`,
 * written to the index manifest, returned by `/health` and `/api/regions`, and shown in the web UI.
 */
export const DOCUMENT_WARNING_CODES = [
  /** No manifest entry: region and title were inferred from the text. */
  'region-from-text',
  /** No manifest entry and no region named in the text: the region is the file name. */
  'region-from-file-name',
  /** The manifest names a region outside the table of subjects: its id is made from the name. */
  'region-not-in-table',
  /** The detected outline has fewer sections than the document's table of contents lists. */
  'outline-incomplete',
] as const;
export type DocumentWarningCode = (typeof DOCUMENT_WARNING_CODES)[number];

export interface DocumentWarning {
  code: DocumentWarningCode;
  /** For people: what happened and what to do about it (English, like load failures). */
  message: string;
  /** For `outline-incomplete`: sections the table of contents lists, and how many of them were found. */
  expected?: number;
  found?: number;
}
