import type { Sector } from '../types.js';

/**
 * A piece of text that the packer never cuts: a sentence, a table row, or a window of flattened text.
 * Passages are built by concatenating units.
 */
export interface Unit {
  text: string;
  page: number | null;
  pageEnd: number | null;
  kind: 'text' | 'table';
  /** True for the first unit of a paragraph (a preferred place to start a passage). */
  paragraphStart: boolean;
  /** Sector the unit's own text announces (only computed where the section has no sector). */
  sector: Sector | null;
  /** May be repeated at the start of the next passage as overlap (short sentences only). */
  overlappable: boolean;
}

/** A passage before ids and citation fields are attached. */
export interface Draft {
  text: string;
  page: number | null;
  pageEnd: number | null;
  kind: 'text' | 'table';
  sector: Sector | null;
}

/** Joins two wrapped lines: `информационно-` + `коммуникационных` keep the hyphen without a space. */
export function joinLine(previous: string, next: string): string {
  if (!previous) return next;
  if (/[-‐]$/u.test(previous) && /^\p{Ll}/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}
