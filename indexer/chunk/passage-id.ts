import { createHash } from 'node:crypto';

/** Text normalised for identity: whitespace collapsed, `ё`→`е`, lower case. */
export function normaliseForId(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase().replace(/ё/gu, 'е');
}

/**
 * Stable passage id: the same document, section and text give the same id on every rebuild.
 * `occurrence` (1-based) separates identical passages of one section.
 */
export function passageId(documentId: string, sectionNumber: string, text: string, occurrence = 1): string {
  const hash = createHash('sha256')
    .update(`${documentId}\u0000${sectionNumber}\u0000${normaliseForId(text)}\u0000${occurrence > 1 ? occurrence : ''}`)
    .digest('hex')
    .slice(0, 16);
  return `${documentId}-${hash}`;
}
