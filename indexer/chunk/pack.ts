import type { Sector } from '../types.js';
import type { ResolvedChunkOptions } from './options.js';
import type { Draft, Unit } from './units.js';

/**
 * Packs units (sentences or table rows) into passages of about `targetLength`, never above `maxLength`
 * unless a single unit is longer (a table row is never split), preferring paragraph starts as boundaries.
 * A passage is also closed where the announced sector changes («В рамках сферы здравоохранения …»).
 * Prose passages cut inside a paragraph repeat their last short sentence at the start of the next one.
 */
export function packUnits(units: Unit[], options: ResolvedChunkOptions): Draft[] {
  const drafts: Draft[] = [];
  let current: Unit[] = [];
  let length = 0;
  let sector: Sector | null = null;
  // Last sentence of the previous passage, repeated if the next unit continues the same paragraph.
  const overlap: { carry: Unit | null } = { carry: null };

  const flush = (withOverlap: boolean) => {
    if (current.length === 0) return;
    const text = current.map((u) => u.text).join(' ');
    drafts.push({
      text,
      page: current[0]!.page,
      pageEnd: current[current.length - 1]!.pageEnd,
      kind: current.some((u) => u.kind === 'table') ? 'table' : 'text',
      sector,
    });
    const last = current[current.length - 1]!;
    overlap.carry = withOverlap && options.overlapLength > 0 && current.length > 1 && last.overlappable ? last : null;
    current = [];
    length = 0;
    sector = null;
  };

  for (const unit of units) {
    const sectorChange = unit.sector !== null && sector !== null && unit.sector !== sector;
    if (current.length > 0 && sectorChange) flush(false);
    else if (current.length > 0 && unit.paragraphStart && length >= options.minLength && length + 1 + unit.text.length > options.targetLength) flush(false);
    else if (current.length > 0 && length + 1 + unit.text.length > options.maxLength) flush(true);
    const carry = overlap.carry;
    if (current.length === 0 && carry) {
      // Overlap only inside a paragraph, and only when it still fits.
      if (!unit.paragraphStart && (unit.sector === null || unit.sector === carry.sector) && carry.text.length + 1 + unit.text.length <= options.maxLength) {
        current = [{ ...carry, paragraphStart: false }];
        length = carry.text.length;
        sector = carry.sector;
      }
      overlap.carry = null;
    }
    current.push(unit);
    length += (length > 0 ? 1 : 0) + unit.text.length;
    if (unit.sector !== null && sector === null) sector = unit.sector;
    if (length >= options.targetLength) flush(true);
  }
  flush(false);
  return mergeShortTail(drafts, options);
}

/** A last passage shorter than `minLength` (a closing list item) joins the previous one when both fit. */
function mergeShortTail(drafts: Draft[], options: ResolvedChunkOptions): Draft[] {
  const last = drafts[drafts.length - 1];
  const previous = drafts[drafts.length - 2];
  if (!last || !previous || last.text.length >= options.minLength) return drafts;
  if (previous.kind !== last.kind || (last.sector !== null && previous.sector !== null && last.sector !== previous.sector)) return drafts;
  if (previous.text.length + 1 + last.text.length > options.maxLength) return drafts;
  const merged: Draft = { ...previous, text: `${previous.text} ${last.text}`, pageEnd: last.pageEnd, sector: previous.sector ?? last.sector };
  return [...drafts.slice(0, -2), merged];
}
