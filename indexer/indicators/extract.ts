import { createHash } from 'node:crypto';
import { sectionPaths } from '../chunk/chunk-document.js';
import type { TextForm } from '../structure/text-form.js';
import type { StructuredDocument } from '../structure/types.js';
import type { CorpusDocument, PageText, Passage } from '../types.js';
import { headerYears, isIndicatorHeader } from './cells.js';
import { flatPages } from './flat-pages.js';
import { flattenedIndicators } from './flattened.js';
import { groupIndicators } from './group.js';
import { layoutRowIndicators, resplitRows } from './layout.js';
import { nameStems, normaliseName } from './names.js';
import type { DraftIndicator, IndicatorRow } from './types.js';

/** A top-level section holding the targets table: «7. Показатели развития отрасли». */
const INDICATOR_SECTION = /показател/iu;
/** A flattened header keeps the years after «Значения показателя (по) годам», maybe with a page number between. */
const FLAT_HEADER = /Значени\p{L}*\s+показател\p{L}*\s+(?:по\s+)?годам((?:\s+(?:\d{1,4}|показател\p{L}*))+)/u;
/** Letters of each region-name word that identify it in any case form («Тверская» / «Тверской» → «Тверс»). */
const REGION_STEM_LENGTH = 5;

/** What the extractor needs of a parsed document. */
export interface IndicatorSource {
  document: CorpusDocument;
  textForm: TextForm;
  structured: StructuredDocument;
  pages: PageText[];
  passages: Passage[];
}

/**
 * Extracts every indicator row of a document's targets tables (layout texts and PDFs: tables the structure step
 * found, years from their header; flattened texts: the sector groups of the indicators section). Each row gets its
 * region, sector, section path, stable id and the passage that holds it.
 */
export function extractDocumentIndicators(source: IndicatorSource): IndicatorRow[] {
  const { document, structured } = source;
  const paths = sectionPaths(structured.outline);
  const found: Array<{ draft: DraftIndicator; section: number }> = [];

  if (source.textForm === 'layout') {
    let years: number[] | null = null;
    for (const content of structured.sections) {
      const section = structured.outline[content.section];
      if (!section) continue;
      if (section.level === 1) years = null;
      for (const block of content.blocks) {
        if (block.kind !== 'table') continue;
        if (block.header !== null) years = isIndicatorHeader(block.header) ? headerYears(block.header) : null;
        if (!years) continue;
        for (const row of resplitRows(block.rows, years)) {
          for (const draft of layoutRowIndicators(row, years)) found.push({ draft, section: content.section });
        }
      }
    }
  } else {
    const fullText = source.pages.map((p) => p.text).join(' ');
    const header = FLAT_HEADER.exec(fullText);
    const years = header ? headerYears(header[1]!) : [];
    const regionStems = document.region
      .split(/[\s-]+/u)
      .filter((w) => w.length >= REGION_STEM_LENGTH)
      .map((w) => w.slice(0, REGION_STEM_LENGTH));
    let inside = false;
    for (const content of structured.sections) {
      const section = structured.outline[content.section];
      if (!section) continue;
      if (section.level === 1) inside = INDICATOR_SECTION.test(section.title);
      if (!inside || years.length === 0) continue;
      for (const block of content.blocks) {
        if (block.kind !== 'flat') continue;
        for (const draft of flattenedIndicators(block.text, { years, regionStems })) found.push({ draft, section: content.section });
      }
    }
    assignFlatPages(fullText, years.length, found.map((f) => f.draft));
  }

  const seen = new Map<string, number>();
  return found.map(({ draft, section }) => {
    const outline = structured.outline[section]!;
    const sectionPath = paths[section]!;
    const key = `${document.id}\u0000${sectionPath}\u0000${normaliseName(draft.name)}\u0000${draft.project.name ?? ''}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const id = `${document.id}-i${createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 12)}`;
    return {
      id,
      documentId: document.id,
      documentTitle: document.title,
      regionId: document.regionId,
      region: document.region,
      sector: outline.sector,
      sectionPath,
      project: draft.project,
      responsible: draft.responsible,
      name: draft.name,
      unit: draft.unit,
      values: draft.values,
      page: draft.page,
      passageId: holdingPassage(draft, sectionPath, source.passages),
      groupId: '',
    };
  });
}

/** Extracts the rows of every document and ties the same indicator across regions (`groupId`). */
export function extractIndicators(sources: readonly IndicatorSource[]): IndicatorRow[] {
  return groupIndicators(sources.flatMap(extractDocumentIndicators));
}

/** Words of a name's opening looked up in the source to find where its row starts. */
const LOCATE_WORDS = 4;

/**
 * Pages of flattened rows: each row's opening words are found in the source, in order, and the row gets the page
 * printed last before them (see flat-pages.ts). A row whose words cannot be found keeps no page.
 */
function assignFlatPages(fullText: string, years: number, drafts: DraftIndicator[]): void {
  const pages = flatPages(fullText, FLAT_HEADER, years);
  if (!pages) return;
  let cursor = pages.start;
  for (const draft of drafts) {
    const opening = draft.name.split(' ').slice(0, LOCATE_WORDS).join(' ');
    const at = pages.text.indexOf(opening, cursor);
    if (at < 0) continue;
    draft.page = pages.pageAt(at);
    cursor = at + 1;
  }
}

/** Share of a name's stems a passage must hold to be the row's passage (cut names hold fewer). */
const MIN_PASSAGE_COVERAGE = 0.5;

/** The passage of the row's section that holds its name and values (best coverage; values as printed in a row). */
function holdingPassage(draft: DraftIndicator, sectionPath: string, passages: readonly Passage[]): string | null {
  const stems = nameStems(draft.name);
  const valuesText = draft.values.map((v) => v.raw).join(' ');
  let best: { id: string; score: number } | null = null;
  for (const p of passages) {
    if (p.section.path !== sectionPath) continue;
    const text = normaliseName(p.text);
    const coverage = stems.length === 0 ? 0 : stems.filter((s) => text.includes(s)).length / stems.length;
    if (coverage < MIN_PASSAGE_COVERAGE) continue;
    const score = coverage + (text.includes(valuesText) ? 1 : 0);
    if (!best || score > best.score) best = { id: p.id, score };
  }
  return best?.id ?? null;
}
