/**
 * Input retrieval cannot use: a region, document or sector the index does not know. The retrieval core knows no transport;
 * the server answers these with a 400 naming `field`, the search CLI with exit code 2.
 */
export class RetrievalInputError extends Error {
  constructor(
    /** What was wrong, so a client can say where to look for valid values. */
    readonly reason: 'unknown-region' | 'unknown-document' | 'unknown-sector',
    /** The parameter at fault, as the caller named it (`region`, `regions`, `sector` …). */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RetrievalInputError';
  }
}
