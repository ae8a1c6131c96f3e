/**
 * The targets table of an answer to a question about targets or values («Какие целевые значения … к 2024 году?»):
 * one line per indicator row, a column per year (the asked year marked), each row's source one click away.
 */
import type { AskTargets } from '../api/types.js';
import { button, h } from '../ui/dom.js';
import { pageLabel } from '../ui/format.js';

export function askTargetsSection(targets: AskTargets, openPassage: (id: string) => void, compare: () => void): HTMLElement {
  const { indicators, years, year } = targets;
  return h(
    'section',
    { class: 'ask-targets', attrs: { 'aria-labelledby': 'ask-targets-title' } },
    h('h2', { attrs: { id: 'ask-targets-title' } }, 'Целевые значения показателей'),
    h(
      'div',
      { class: 'indicator-table-wrap', attrs: { tabindex: 0, role: 'region', 'aria-label': 'Таблица целевых значений' } },
      h(
        'table',
        { class: 'indicator-table', attrs: { id: 'ask-targets-table' } },
        h(
          'thead',
          null,
          h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Регион'), h('th', { attrs: { scope: 'col' } }, 'Показатель'), years.map((y) => h('th', { class: y === year ? 'year-head asked-year' : 'year-head', attrs: { scope: 'col' } }, String(y))), h('th', { attrs: { scope: 'col' } }, 'Источник')),
        ),
        h(
          'tbody',
          null,
          indicators.map((r) =>
            h(
              'tr',
              { attrs: { 'data-region-id': r.regionId, 'data-group-id': r.groupId } },
              h('th', { attrs: { scope: 'row' } }, r.region),
              h('td', { class: 'indicator-name' }, r.name, r.unit && h('span', { class: 'unit' }, ` (${r.unit})`)),
              years.map((y) => h('td', { class: y === year ? 'asked-year' : '', attrs: { 'data-year': y } }, r.values.find((v) => v.year === y)?.raw ?? '—')),
              h(
                'td',
                { class: 'source-cell' },
                r.passageId
                  ? button([pageLabel(r.page) ?? 'источник'], () => openPassage(r.passageId!), { class: 'value-link', attrs: { title: r.citation, 'aria-label': `Источник: ${r.citation}. Открыть фрагмент`, 'data-passage-id': r.passageId } })
                  : r.citation,
              ),
            ),
          ),
        ),
      ),
    ),
    button('Сравнить регионы на вкладке «Показатели»', compare, { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'open-indicators' } }),
  );
}
