/** Why a document could not be loaded; `reason` is written for humans (shown in CLI summaries and logs). */
export type DocumentLoadErrorCode =
  | 'not-found'
  | 'unsupported-type'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'corrupt-pdf'
  | 'encrypted-pdf'
  | 'no-text'
  /** The text decodes but does not read as prose (random bytes, mojibake, letter salad): see text-quality.ts. */
  | 'not-prose';

/** A document that cannot be indexed. Thrown by the loaders; `readCorpus` turns it into a failure entry. */
export class DocumentLoadError extends Error {
  override readonly name = 'DocumentLoadError';
  constructor(
    /** File name (not path) of the offending document. */
    readonly file: string,
    readonly code: DocumentLoadErrorCode,
    /** Human-readable explanation including what to do about it. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}
