/** Options of the chunker (see {@link chunkDocument}). All lengths are in characters. */
export interface ChunkOptions {
  /** Length a passage grows to before it is closed at the next good boundary. Default: 800. */
  targetLength?: number;
  /** Hard limit for prose and flattened-text passages. Default: 1100. */
  maxLength?: number;
  /** Shortest passage worth closing at a paragraph boundary. Default: 300. */
  minLength?: number;
  /** Longest trailing sentence repeated at the start of the next passage (overlap). 0 disables. Default: 220. */
  overlapLength?: number;
  /**
   * Longest single table row kept whole in one passage. Rows up to this length are never split; longer ones
   * (project descriptions running over several pages) are cut at cell-line boundaries into pieces of at most
   * `maxLength`, so no passage becomes too long to embed. Default: 2500.
   */
  maxRowLength?: number;
}

/** {@link ChunkOptions} with every default applied. */
export type ResolvedChunkOptions = Required<ChunkOptions>;

export const DEFAULT_CHUNK_OPTIONS: ResolvedChunkOptions = {
  targetLength: 800,
  maxLength: 1100,
  minLength: 300,
  overlapLength: 220,
  maxRowLength: 2500,
};

export function resolveChunkOptions(options: ChunkOptions = {}): ResolvedChunkOptions {
  const resolved = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  if (resolved.maxLength < resolved.targetLength) resolved.maxLength = resolved.targetLength;
  return resolved;
}
