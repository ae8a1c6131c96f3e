import type { Passage } from '../indexer/types.js';

/**
 * A ready-to-paste reference: «Стратегия … Тверской области» (2022–2024), Тверская область, раздел 4.2.
 * Здравоохранение, с. 14. The document's period tells a strategy from its revision of the same title, and appears
 * when the document has one. The page appears only when the source has pages; a passage spanning a page break
 * cites both (с. 14–15). An unnumbered subsection is cited with its parents: раздел 6. Проекты развития отрасли —
 * Здравоохранение.
 */
export function citationOf(passage: Passage, period?: string): string {
  const edition = period ? ` (${period.replace(/(\d{4})\s*[-–—]\s*(\d{4})/u, '$1–$2')})` : '';
  const parts = [`«${passage.documentTitle}»${edition}`, passage.region];
  const { number, title, path } = passage.section;
  let section = [number, title].filter(Boolean).join('. ').replace(/\.\./g, '.');
  // An unnumbered subsection ("Здравоохранение" under "6. Проекты развития отрасли") needs its parent to be found.
  const parents = path.split(' › ').slice(0, -1);
  if (!number && parents.length > 0) section = `${parents.join(' — ')} — ${section}`;
  if (section) parts.push(`раздел ${section}`);
  if (passage.page !== null) {
    parts.push(passage.pageEnd !== null && passage.pageEnd !== passage.page ? `с. ${passage.page}–${passage.pageEnd}` : `с. ${passage.page}`);
  }
  return parts.join(', ');
}
