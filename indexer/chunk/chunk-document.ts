import type { CorpusDocument, OutlineSection, Passage, Sector } from '../types.js';
import { isResourceSection, sectorFromText } from '../structure/sectors.js';
import { sectorTitleOf } from '../structure/template.js';
import type { StructuredDocument } from '../structure/types.js';
import { flatUnits } from './flat-units.js';
import { resolveChunkOptions, type ChunkOptions } from './options.js';
import { packUnits } from './pack.js';
import { passageId } from './passage-id.js';
import { tableUnits } from './table-units.js';
import { textUnits } from './text-units.js';
import type { Draft } from './units.js';

/** `4.2. Здравоохранение`, or just the title for unnumbered sections. */
export function sectionLabel(section: Pick<OutlineSection, 'number' | 'title'>): string {
  return section.number ? `${section.number}. ${section.title}` : section.title;
}

/** Full paths of every outline section: `4. Проблемы и вызовы цифровой трансформации › 4.2. Здравоохранение`. */
export function sectionPaths(outline: OutlineSection[]): string[] {
  return sectionAncestries(outline).map((chain) => chain.map(sectionLabel).join(' › '));
}

/** Every outline section with its ancestors, from the top down. */
function sectionAncestries(outline: OutlineSection[]): OutlineSection[][] {
  const stack: OutlineSection[] = [];
  return outline.map((section) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= section.level) stack.pop();
    stack.push(section);
    return [...stack];
  });
}

/**
 * Cuts a structured document into passages: never across a section boundary, sentence-aware for prose, table
 * rows kept whole, bounded windows for flattened text. Each passage carries region, document, section path,
 * sector (the section's, else what its own text is clearly about, else `general`) and pages.
 */
export function chunkDocument(document: CorpusDocument, structured: StructuredDocument, options: ChunkOptions = {}): Passage[] {
  const opts = resolveChunkOptions(options);
  const paths = sectionPaths(structured.outline);
  const ancestries = sectionAncestries(structured.outline);
  const passages: Passage[] = [];
  const seenIds = new Map<string, number>();

  for (const content of structured.sections) {
    const section = structured.outline[content.section];
    if (!section) continue;
    const path = paths[content.section]!;
    // Sections about one sector give it to all their passages; the others let each passage's text decide.
    const fixedSector: Sector | null = section.sector !== 'general' ? section.sector : null;
    // «Промышленность», «Иные отрасли», «Кадровое обеспечение»: named branches outside the six sectors stay general.
    const isNamedGeneralBranch = sectorTitleOf(section.title) !== null || (section.number === '' && section.level > 1);
    const isResources = isResourceSection(ancestries[content.section]!.map((s) => s.title));
    const detect = fixedSector === null && !isNamedGeneralBranch && !isResources;

    const drafts: Draft[] = [];
    for (const block of content.blocks) {
      if (block.kind === 'flat') {
        for (const unit of flatUnits(block.text, opts.targetLength, opts.maxLength, opts.overlapLength, detect)) {
          drafts.push({ text: unit.text, page: null, pageEnd: null, kind: 'text', sector: unit.sector });
        }
      } else if (block.kind === 'text') {
        drafts.push(...packUnits(textUnits(block.lines, opts.maxLength, opts.overlapLength, detect), opts));
      } else if (block.rows.length > 0) {
        // A header with no rows under it (the rows sit in the sector sub-sections) is not worth a passage.
        const headerPage = block.rows[0]?.lines[0]?.page ?? section.page;
        drafts.push(...packUnits(tableUnits(block, opts.maxLength, opts.maxRowLength, detect, headerPage), opts));
      }
    }

    for (const draft of drafts) {
      const text = draft.text.replace(/\s+/gu, ' ').trim();
      if (!/\p{L}/u.test(text)) continue;
      const sector = fixedSector ?? draft.sector ?? (detect ? sectorFromText(text) : null) ?? 'general';
      const key = `${path}\u0000${text}`;
      const occurrence = (seenIds.get(key) ?? 0) + 1;
      seenIds.set(key, occurrence);
      passages.push({
        id: passageId(document.id, path, text, occurrence),
        documentId: document.id,
        documentTitle: document.title,
        regionId: document.regionId,
        region: document.region,
        section: { number: section.number, title: section.title, path },
        sector,
        page: draft.page,
        pageEnd: draft.pageEnd ?? draft.page,
        kind: draft.kind,
        text,
        ordinal: passages.length,
      });
    }
  }
  return passages;
}
