/**
 * «Показатели» tab: GET /api/indicators as a comparison table — rows = indicators (the same indicator tied across
 * regions), columns = regions × years, every value a link to its passage in context (page shown) — a small chart
 * per indicator, the regions without a matching indicator, copy as TSV / Markdown / rich table, CSV download.
 */
import { getIndicators } from '../api/client.js';
import type { IndicatorRow, IndicatorsResponse } from '../api/types.js';
import type { ClipboardPayload } from '../copy/citation-formats.js';
import { indicatorPayload, toCsv } from '../copy/indicator-formats.js';
import type { ViewState } from '../state/url-state.js';
import { button, byId, h, replaceChildren, setPhase } from '../ui/dom.js';
import { errorBox } from '../ui/error-box.js';
import { embedderNote, pageLabel, regionsLocative, shortQuery } from '../ui/format.js';
import { indicatorChart, regionColour } from './indicator-chart.js';
import { buildComparison, cellOf, type Comparison } from './indicator-table.js';

export const EXAMPLE_INDICATOR_QUERIES = [
  'доля массовых социально значимых услуг в электронном виде',
  'электронные медицинские карты',
  'автобусы с безналичной оплатой проезда',
];

/** Indicator groups asked for: a table of this many rows still reads on one screen. */
const GROUPS = 10;

export interface IndicatorsViewDeps {
  openPassage(id: string): void;
  navigate(patch: Partial<ViewState>): void;
  /** `rich`: TSV as text plus an HTML table; `markdown` / `plain`: that text only. */
  copy(payload: ClipboardPayload, kind: 'rich' | 'markdown' | 'plain', done: string): void;
}

export class IndicatorsView {
  private readonly status = byId('status');
  private readonly results = byId('results');
  private readonly area = byId('results-area');
  private readonly heatmapBox = byId('heatmap');
  private controller: AbortController | null = null;

  constructor(private readonly deps: IndicatorsViewDeps) {}

  abort(): void {
    this.controller?.abort();
  }

  showIntro(): void {
    this.controller?.abort();
    this.heatmapBox.hidden = true;
    setPhase(this.area, 'intro');
    replaceChildren(this.status);
    replaceChildren(
      this.results,
      h(
        'section',
        { class: 'intro' },
        h('h2', null, 'Сравните целевые показатели регионов'),
        h('p', null, 'Таблицы показателей стратегий собраны в строки: показатель, регион, значения по годам. Одинаковые показатели разных регионов стоят рядом; каждое значение ведёт к своему месту в тексте.'),
        h('ul', { class: 'examples' }, EXAMPLE_INDICATOR_QUERIES.map((q) => h('li', null, button(q, () => this.deps.navigate({ q, passage: null }), { class: 'btn btn-chip' })))),
      ),
    );
  }

  async run(state: ViewState): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    setPhase(this.area, 'loading');
    this.heatmapBox.hidden = true;
    replaceChildren(this.status, h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), `Ищем показатели «${shortQuery(state.q)}»…`));
    replaceChildren(this.results);
    try {
      const response = await getIndicators({ q: state.q, regions: state.regions, documents: state.documents, sectors: state.sectors, year: state.year, k: GROUPS }, controller.signal);
      if (controller.signal.aborted) return;
      this.render(state, response);
      setPhase(this.area, 'done');
    } catch (err) {
      if (controller.signal.aborted) return;
      setPhase(this.area, 'error');
      replaceChildren(this.status, errorBox('Не удалось найти показатели', err, () => void this.run(state)));
    }
  }

  private render(state: ViewState, response: IndicatorsResponse): void {
    const comparison = buildComparison(response.indicators);
    const regionsWithRows = comparison.regions.length;
    const total = regionsWithRows + response.missingRegions.length;
    const heading = `Показатели: ${state.q}`;
    const rows = orderedRows(response.indicators, comparison);

    replaceChildren(
      this.status,
      h(
        'div',
        { class: 'status-line' },
        h('p', { class: 'status-summary' }, `Показатели найдены в ${regionsWithRows} ${regionsLocative(regionsWithRows)} из ${total}`, response.tookMs > 0 && ` · ${Math.round(response.tookMs)} мс`),
        h('p', { class: 'embedder-note' }, 'Значения — как в таблицах стратегий; пустая ячейка единицы измерения в источнике обычно означает %.'),
        h('p', { class: 'embedder-note', attrs: { 'data-embedder-kind': response.embedder?.kind ?? '' } }, embedderNote('hybrid', response.embedder)),
      ),
    );

    const yearSelect = h(
      'select',
      { attrs: { id: 'indicator-year', 'aria-label': 'Год' } },
      h('option', { attrs: { value: '' } }, 'все годы'),
      [...new Set([...comparison.years, ...(state.year !== null ? [state.year] : [])])].sort().map((y) => h('option', { attrs: { value: String(y), selected: y === state.year } }, String(y))),
    );
    yearSelect.addEventListener('change', () => this.deps.navigate({ year: yearSelect.value ? Number(yearSelect.value) : null }));

    const download = (): void => {
      const blob = new Blob([toCsv(rows, comparison.years)], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { attrs: { href: url, download: 'pokazateli.csv', hidden: true } });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    };
    const payload = () => indicatorPayload(heading, rows, comparison.years);

    replaceChildren(
      this.results,
      h(
        'div',
        { class: 'results-toolbar indicator-toolbar' },
        h('label', { class: 'year-filter' }, 'Год: ', yearSelect),
        response.indicators.length > 0 && [
          button('Копировать таблицу', () => this.deps.copy(payload(), 'rich', 'Таблица показателей со ссылками на источники скопирована'), { class: 'btn btn-small', attrs: { 'data-action': 'copy-table' } }),
          button('Копировать TSV', () => this.deps.copy(payload(), 'plain', 'Таблица (TSV) со ссылками на источники скопирована'), { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'copy-tsv' } }),
          button('Копировать Markdown', () => this.deps.copy(payload(), 'markdown', 'Таблица показателей со ссылками на источники скопирована (Markdown)'), { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'copy-markdown' } }),
          button('Скачать CSV', download, { class: 'btn btn-small btn-quiet', attrs: { 'data-action': 'download-csv' } }),
        ],
      ),
      response.indicators.length === 0
        ? h('p', { class: 'empty-box' }, 'Подходящих показателей не нашлось ни в одной стратегии. Попробуйте другие слова или снимите фильтры.')
        : [this.table(comparison), this.charts(comparison)],
      response.missingRegions.length > 0 &&
        h(
          'section',
          { class: 'missing-regions', attrs: { 'aria-labelledby': 'missing-title' } },
          h('h2', { attrs: { id: 'missing-title' } }, 'Нет подходящего показателя'),
          h('ul', null, response.missingRegions.map((r) => h('li', { attrs: { 'data-region-id': r.regionId } }, r.region))),
        ),
    );
  }

  private table(comparison: Comparison): HTMLElement {
    const { regions, years, groups } = comparison;
    const headRegions = h(
      'tr',
      null,
      h('th', { attrs: { rowspan: 2, scope: 'col' } }, 'Показатель'),
      regions.map((r, i) =>
        h('th', { class: 'region-head', attrs: { colspan: years.length, scope: 'colgroup', 'data-region-id': r.regionId } }, svgSwatch(regionColour(i)), r.region),
      ),
    );
    const headYears = h('tr', null, regions.flatMap(() => years.map((y) => h('th', { class: 'year-head', attrs: { scope: 'col' } }, String(y)))));
    const body = groups.map((g) =>
      h(
        'tr',
        { attrs: { 'data-group-id': g.groupId } },
        h('th', { class: 'indicator-name', attrs: { scope: 'row' } }, g.name, g.unit && h('span', { class: 'unit' }, ` (${g.unit})`)),
        regions.flatMap((r) =>
          years.map((y) => {
            const cell = cellOf(g, r.regionId, y);
            if (!cell) return h('td', { class: 'no-value', attrs: { 'data-region-id': r.regionId, 'data-year': y } }, '—');
            const page = pageLabel(cell.row.page);
            const title = `${cell.row.region}, ${y}: ${cell.raw}${cell.row.unit ? ` ${cell.row.unit}` : ''}. ${cell.row.name}. Источник: ${cell.row.citation}`;
            return h(
              'td',
              { attrs: { 'data-region-id': r.regionId, 'data-year': y } },
              cell.row.passageId
                ? button([cell.raw, page && h('small', { class: 'cell-page' }, page)], () => this.deps.openPassage(cell.row.passageId!), {
                    class: 'value-link',
                    attrs: { title, 'aria-label': title, 'data-passage-id': cell.row.passageId },
                  })
                : h('span', { attrs: { title } }, cell.raw),
            );
          }),
        ),
      ),
    );
    return h(
      'div',
      { class: 'indicator-table-wrap', attrs: { tabindex: 0, role: 'region', 'aria-label': 'Таблица показателей: прокрутите вбок' } },
      h('table', { class: 'indicator-table', attrs: { id: 'indicator-table' } }, h('thead', null, headRegions, headYears), h('tbody', null, body)),
    );
  }

  private charts(comparison: Comparison): HTMLElement {
    return h(
      'section',
      { class: 'indicator-charts', attrs: { 'aria-label': 'Графики по показателям' } },
      comparison.groups.map((g) => {
        const present = comparison.regions.filter((r) => g.byRegion.has(r.regionId));
        return h(
          'figure',
          { class: 'indicator-figure', attrs: { 'data-group-id': g.groupId } },
          indicatorChart(g, comparison.regions, comparison.years),
          h(
            'figcaption',
            null,
            h('span', { class: 'figure-title' }, g.name),
            h('ul', { class: 'legend' }, present.map((r) => h('li', null, svgSwatch(regionColour(comparison.regions.indexOf(r))), r.region))),
          ),
        );
      }),
    );
  }
}

/** Rows in table order (group, then region), for copying and CSV. */
function orderedRows(rows: readonly IndicatorRow[], comparison: Comparison): IndicatorRow[] {
  const groupRank = new Map(comparison.groups.map((g, i) => [g.groupId, i]));
  const regionRank = new Map(comparison.regions.map((r, i) => [r.regionId, i]));
  return [...rows].sort((a, b) => groupRank.get(a.groupId)! - groupRank.get(b.groupId)! || regionRank.get(a.regionId)! - regionRank.get(b.regionId)!);
}

function svgSwatch(colour: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 10 10');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('aria-hidden', 'true');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ width: 10, height: 10, fill: colour })) rect.setAttribute(k, String(v));
  svg.append(rect);
  return svg;
}
