import type { PageText } from '../types.js';
import { structureFlattened, type StructureFlattenedOptions } from './structure-flattened.js';
import { structureLayout, type StructureLayoutOptions } from './structure-layout.js';
import type { TextForm } from './text-form.js';
import type { StructuredDocument } from './types.js';

/** Options of {@link structureDocument}. */
export interface StructureOptions {
  layout?: StructureLayoutOptions;
  flattened?: StructureFlattenedOptions;
}

/** Detects outline, pages, tables and section contents of a loaded document. */
export function structureDocument(pages: PageText[], textForm: TextForm, options: StructureOptions = {}): StructuredDocument {
  return textForm === 'flattened' ? structureFlattened(pages, options.flattened) : structureLayout(pages, options.layout);
}
