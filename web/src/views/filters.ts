/**
 * Region, document and sector checkboxes. They reflect the view state and report changes; they never fetch by
 * themselves. A region with several documents (a strategy and its revision) lists them under its name, so they
 * can be searched apart; with none of them ticked, all are searched.
 */
import type { Sector } from '../../../indexer/types.js';
import type { RegionInfo } from '../api/types.js';
import { byId, h, replaceChildren } from '../ui/dom.js';
import { countLabel, FRAGMENT_FORMS, sectorLabel, warningLabel } from '../ui/format.js';

export interface FilterValues {
  regions: string[];
  documents: string[];
  sectors: Sector[];
}

export class FiltersView {
  private readonly regionBox = byId('region-options');
  private readonly sectorBox = byId('sector-options');
  private readonly clearButton = byId<HTMLButtonElement>('clear-filters');
  private readonly countBadge = byId('filter-count');

  constructor(private readonly onChange: (values: FilterValues) => void) {
    this.clearButton.addEventListener('click', () => this.onChange({ regions: [], documents: [], sectors: [] }));
    for (const box of [this.regionBox, this.sectorBox]) {
      box.addEventListener('change', () => this.onChange(this.read()));
    }
  }

  renderOptions(regions: readonly RegionInfo[], sectors: readonly Sector[]): void {
    replaceChildren(
      this.regionBox,
      regions.flatMap((r) => [
        h(
          'label',
          { class: 'check' },
          h('input', { attrs: { type: 'checkbox', name: 'region', value: r.regionId } }),
          h(
            'span',
            null,
            r.region,
            r.passages > 0 && h('small', { class: 'muted' }, countLabel(r.passages, FRAGMENT_FORMS)),
            // What the indexer was unsure about in this region's documents (region guessed, sections missing).
            ...r.documents.flatMap((d) =>
              d.warnings.map((w) => h('small', { class: 'doc-warning', attrs: { title: `${d.title}: ${w.message}` } }, `⚠ ${warningLabel(w, r.region)}`)),
            ),
          ),
        ),
        r.documents.length > 1 &&
          h(
            'div',
            { class: 'document-options', attrs: { role: 'group', 'aria-label': `Документы: ${r.region}` } },
            r.documents.map((d) =>
              h(
                'label',
                { class: 'check check-document', attrs: { title: d.title } },
                h('input', { attrs: { type: 'checkbox', name: 'document', value: d.id } }),
                h('span', null, documentLabel(d)),
              ),
            ),
          ),
      ]),
    );
    replaceChildren(
      this.sectorBox,
      sectors.map((s) =>
        h(
          'label',
          { class: 'check' },
          h('input', { attrs: { type: 'checkbox', name: 'sector', value: s } }),
          h('span', { class: `sector-dot sector-${s}`, attrs: { 'aria-hidden': 'true' } }),
          h('span', null, sectorLabel(s)),
        ),
      ),
    );
  }

  showLoadError(message: string): void {
    replaceChildren(this.regionBox, h('p', { class: 'error-text' }, `Список регионов не загрузился: ${message}`));
  }

  /** Shows `values` in the checkboxes. */
  set(values: FilterValues): void {
    for (const input of this.regionBox.querySelectorAll<HTMLInputElement>('input[name=region]')) {
      input.checked = values.regions.includes(input.value);
    }
    for (const input of this.regionBox.querySelectorAll<HTMLInputElement>('input[name=document]')) {
      input.checked = values.documents.includes(input.value);
    }
    for (const input of this.sectorBox.querySelectorAll<HTMLInputElement>('input[name=sector]')) {
      input.checked = (values.sectors as string[]).includes(input.value);
    }
    const n = values.regions.length + values.documents.length + values.sectors.length;
    this.countBadge.textContent = n > 0 ? `(${n})` : '';
    this.clearButton.disabled = n === 0;
  }

  private read(): FilterValues {
    const checked = (box: HTMLElement, name: string): string[] =>
      [...box.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((i) => i.value);
    return {
      regions: checked(this.regionBox, 'region'),
      documents: checked(this.regionBox, 'document'),
      sectors: checked(this.sectorBox, 'sector') as Sector[],
    };
  }
}

/** A document as its region's list shows it: its period («2025-2030»), else its file-derived id. */
function documentLabel(doc: { id: string; period?: string }): string {
  return doc.period ? `Документ на ${doc.period}` : `Документ ${doc.id}`;
}
