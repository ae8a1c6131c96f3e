/** One passage: where it comes from (region, section path, sector, page), its text with matches marked, actions. */
import type { SearchResult } from '../api/types.js';
import { button, h } from './dom.js';
import { pageLabel, sectorLabel } from './format.js';
import { highlighted } from './highlight.js';

export interface PassageActions {
  /** Opens the passage with its neighbours. */
  open(id: string): void;
  /** Opens the passage and what other regions say on the same point. */
  similar(id: string): void;
  copy(result: SearchResult, asMarkdown: boolean): void;
}

export interface CardOptions {
  /** Show the region name (lists that mix regions: similar passages). */
  showRegion?: boolean;
  /** Hide "read in context" (the card is already in its context). */
  inContext?: boolean;
  /** A neighbour shown around the open passage: only copy and "open this one" (keeps the dialog calm). */
  neighbour?: boolean;
  /** Label for the article (e.g. "Фрагмент 3"). */
  label?: string;
}

export function passageMeta(result: SearchResult, showRegion: boolean): HTMLElement {
  const page = pageLabel(result.page, result.pageEnd);
  return h(
    'div',
    { class: 'passage-meta' },
    showRegion && h('span', { class: 'meta-region' }, result.region),
    h('span', { class: `sector-badge sector-${result.sector}` }, sectorLabel(result.sector)),
    h('span', { class: 'meta-section', attrs: { title: 'Раздел документа' } }, result.section.path || 'Раздел не определён'),
    page && h('span', { class: 'meta-page' }, page),
    // Tells a region's documents apart (a strategy and its revision).
    result.document.period && h('span', { class: 'meta-document', attrs: { title: result.document.title } }, `документ на ${result.document.period}`),
  );
}

export function passageCard(result: SearchResult, actions: PassageActions, options: CardOptions = {}): HTMLElement {
  if (options.neighbour) {
    return h(
      'article',
      { class: 'passage is-neighbour', attrs: { 'data-passage-id': result.id } },
      passageMeta(result, false),
      h('p', { class: 'passage-text' }, highlighted(result.text, result.highlights)),
      h(
        'div',
        { class: 'passage-actions' },
        button('Копировать цитату', () => actions.copy(result, false), { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'copy' } }),
        button('Открыть этот фрагмент', () => actions.open(result.id), { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'open' } }),
      ),
    );
  }
  return h(
    'article',
    { class: 'passage', attrs: { 'data-passage-id': result.id, 'aria-label': options.label ?? null } },
    passageMeta(result, options.showRegion ?? false),
    h('p', { class: 'passage-text' }, highlighted(result.text, result.highlights)),
    h(
      'div',
      { class: 'passage-actions' },
      button('Копировать цитату', () => actions.copy(result, false), {
        class: 'btn btn-small',
        attrs: { 'data-action': 'copy', title: 'Текст и ссылка на источник — вставляется в Word/LibreOffice с форматированием' },
      }),
      button('Markdown', () => actions.copy(result, true), {
        class: 'btn btn-small btn-quiet',
        attrs: { 'data-action': 'copy-markdown', title: 'Скопировать цитату в разметке Markdown' },
      }),
      !options.inContext &&
        button('Читать в контексте', () => actions.open(result.id), {
          class: 'btn btn-small btn-quiet',
          attrs: { 'data-action': 'open' },
        }),
      button('Похожее в других регионах', () => actions.similar(result.id), {
        class: 'btn btn-small btn-quiet',
        attrs: { 'data-action': 'similar' },
      }),
    ),
  );
}
