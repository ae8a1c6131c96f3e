/**
 * Search tab: status line (what was searched, which embedder answered, which filters apply), the regions × sectors
 * heat-map, results grouped by region, and the regions where nothing relevant was found.
 */
import type { Sector } from '../../../indexer/types.js';
import { search } from '../api/client.js';
import { detectedRegions, type RegionInfo, type RegionRef, type SearchResponse, type SearchResult } from '../api/types.js';
import { formatAll } from '../copy/citation-formats.js';
import type { ViewState } from '../state/url-state.js';
import { button, byId, h, replaceChildren, setPhase } from '../ui/dom.js';
import { errorBox } from '../ui/error-box.js';
import { countLabel, embedderNote, FRAGMENT_FORMS, translationNote, MODE_LABELS, REGION_FORMS, regionsGenitive, regionsLocative, sectorLabel, shortQuery } from '../ui/format.js';
import { passageCard, type PassageActions } from '../ui/passage-card.js';
import { computeHeatmap, HEATMAP_K, renderHeatmap, type HeatmapData } from './heatmap.js';

/** Results per region in the grouped list. */
export const RESULTS_K = 20;
/** Passages shown per region before "show more". */
const SHOWN_PER_REGION = 3;

export const EXAMPLE_QUERIES = [
  'телемедицина в районных больницах',
  'электронный дневник и цифровая школа',
  'умный город в Тюменской области',
  'беспилотный транспорт',
  'ЦОД',
];

export interface SearchViewDeps {
  actions: PassageActions;
  /** Regions known to the server (rows of the heat-map). */
  regions(): RegionInfo[];
  sectors(): Sector[];
  /** The user changed something that belongs in the URL. */
  navigate(patch: Partial<ViewState>): void;
  /** Called with every result list shown, so other views can reuse highlights. */
  remember(results: SearchResult[]): void;
  /** Copies the whole result set. */
  copyAll(payload: ReturnType<typeof formatAll>): void;
}

export class SearchView {
  private readonly status = byId('status');
  private readonly heatmapBox = byId('heatmap');
  private readonly heatmapBody = byId('heatmap-body');
  private readonly results = byId('results');
  private readonly area = byId('results-area');
  private controller: AbortController | null = null;
  private lastHeatmap: SearchResponse | null = null;

  constructor(private readonly deps: SearchViewDeps) {}

  /** Stops requests in flight (the user switched tabs). */
  abort(): void {
    this.controller?.abort();
  }

  showIntro(): void {
    this.controller?.abort();
    setPhase(this.area, 'intro');
    this.heatmapBox.hidden = true;
    const n = this.deps.regions().length;
    const whose = n > 0 ? `${n} ${regionsGenitive(n)}` : 'регионов';
    replaceChildren(this.status);
    replaceChildren(
      this.results,
      h(
        'section',
        { class: 'intro' },
        h('h2', null, 'Что делают регионы?'),
        h('p', null, `Найдите, что пишут стратегии ${whose} о нужной теме: результаты сгруппированы по регионам, у каждого фрагмента — раздел, отрасль и страница. Регионы, где ничего не нашлось, перечислены отдельно.`),
        h('p', null, 'Например:'),
        h(
          'ul',
          { class: 'examples' },
          EXAMPLE_QUERIES.map((q) =>
            h('li', null, button(q, () => this.deps.navigate({ q, passage: null }), { class: 'btn btn-chip' })),
          ),
        ),
      ),
    );
  }

  async run(state: ViewState): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    setPhase(this.area, 'loading');
    setPhase(this.heatmapBox, 'loading');
    replaceChildren(this.status, h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), `Ищем «${shortQuery(state.q)}»…`));
    replaceChildren(this.results);
    this.heatmapBox.hidden = true;

    const base = { q: state.q, mode: state.mode, detectRegions: state.detectRegions, groupBy: 'region' as const };
    const main = search({ ...base, k: RESULTS_K, regions: state.regions, documents: state.documents, sectors: state.sectors }, controller.signal);
    const wide = search({ ...base, k: HEATMAP_K, regions: [], sectors: [] }, controller.signal);
    // A newer search may abort this one before `wide` is awaited: never leave its rejection unhandled.
    wide.catch(() => undefined);
    try {
      const response = await main;
      if (controller.signal.aborted) return;
      this.renderResults(state, response);
      setPhase(this.area, 'done');
    } catch (err) {
      if (controller.signal.aborted) return;
      this.renderError(state, err);
      setPhase(this.area, 'error');
      setPhase(this.heatmapBox, 'error');
      return;
    }
    try {
      this.lastHeatmap = await wide;
      if (controller.signal.aborted) return;
      this.renderHeatmap(state);
      setPhase(this.heatmapBox, 'done');
    } catch {
      if (controller.signal.aborted) return;
      // The heat-map is a summary; the results above already answer the query.
      this.heatmapBox.hidden = true;
      setPhase(this.heatmapBox, 'error');
    }
  }

  private renderHeatmap(state: ViewState): void {
    if (!this.lastHeatmap) return;
    const data = computeHeatmap(this.lastHeatmap, this.deps.regions(), this.deps.sectors());
    if (data.total === 0) {
      this.heatmapBox.hidden = true;
      return;
    }
    const selected = {
      regionId: state.regions.length === 1 ? (state.regions[0] ?? null) : null,
      sector: state.sectors.length === 1 ? (state.sectors[0] ?? null) : null,
    };
    renderHeatmap(this.heatmapBody, data, selected, (regionId, sector) => {
      const already = selected.regionId === regionId && selected.sector === sector;
      // A second click on the selected cell removes the filter again.
      this.deps.navigate(already ? { regions: [], sectors: [] } : { regions: [regionId], sectors: [sector] });
    });
    this.heatmapBox.hidden = false;
    this.showKnownTotals(state, data);
  }

  /**
   * The list loads the best RESULTS_K per region; the heat-map counts up to HEATMAP_K. Where a region has more
   * relevant passages than the list holds, its heading says so ("лучшие 20 из 57"), so list and grid agree.
   */
  private showKnownTotals(state: ViewState, data: HeatmapData): void {
    const sectors = state.sectors.length > 0 ? state.sectors : data.sectors;
    for (const group of this.results.querySelectorAll<HTMLElement>('.region-group')) {
      const count = group.querySelector<HTMLElement>('.count');
      const row = data.counts.get(group.dataset.regionId ?? '');
      if (!count || !row) continue;
      const loaded = Number(count.dataset.loaded);
      const known = sectors.reduce((n, s) => n + (row.get(s) ?? 0), 0);
      if (known > loaded) count.textContent = `лучшие ${loaded} из ${countLabel(known, FRAGMENT_FORMS)}`;
    }
  }

  private renderError(state: ViewState, err: unknown): void {
    replaceChildren(this.status, errorBox(`Поиск «${shortQuery(state.q)}» не выполнен`, err, () => void this.run(state)));
  }

  private renderResults(state: ViewState, response: SearchResponse): void {
    // We always ask for groupBy=region; a group is shown when it has relevant passages, else listed as missing.
    const missingIds = new Set((response.missingRegions ?? []).map((r) => r.regionId));
    const groups = response.groups ?? [];
    const shown = groups
      .map((g) => ({ ...g, results: g.results.filter((r) => r.relevant) }))
      .filter((g) => g.found && g.results.length > 0 && !missingIds.has(g.regionId));
    const missing: RegionRef[] = [...(response.missingRegions ?? [])];
    for (const g of groups) {
      if (!shown.some((x) => x.regionId === g.regionId) && !missingIds.has(g.regionId)) missing.push(g);
    }
    const total = shown.reduce((n, g) => n + g.results.length, 0);

    replaceChildren(this.status, this.statusLine(state, response, total, shown.length));
    this.deps.remember(shown.flatMap((g) => g.results));

    if (total === 0) {
      replaceChildren(
        this.results,
        h(
          'div',
          { class: 'empty-box' },
          h('h2', null, `По запросу «${shortQuery(state.q)}» ничего релевантного не найдено.`),
          h(
            'p',
            null,
            state.regions.length + state.documents.length + state.sectors.length > 0
              ? 'Уберите часть фильтров или переформулируйте запрос.'
              : state.mode === 'keyword'
                ? 'В режиме «точные слова» ищутся только слова запроса — попробуйте режим «по смыслу».'
                : 'Попробуйте другие слова или режим «точные слова» для терминов и аббревиатур.',
          ),
          missing.length > 0 && this.missingList(missing, state),
        ),
      );
      return;
    }

    const toolbar = h(
      'div',
      { class: 'results-toolbar' },
      h('p', { class: 'results-count' }, `${countLabel(total, FRAGMENT_FORMS)} в ${shown.length} ${regionsLocative(shown.length)}`),
      button('Скопировать все цитаты', () => this.deps.copyAll(
        formatAll(
          `Поиск «${state.q}» — ${countLabel(total, FRAGMENT_FORMS)}`,
          shown.map((g) => ({ title: g.region, quotes: g.results.map((r) => ({ text: r.text, citation: r.citation })) })),
        ),
      ), { class: 'btn btn-small', attrs: { 'data-action': 'copy-all' } }),
    );

    replaceChildren(
      this.results,
      toolbar,
      shown.map((g) => this.regionGroup(g.region, g.regionId, g.results)),
      missing.length > 0 && this.missingList(missing, state),
    );
  }

  private statusLine(state: ViewState, response: SearchResponse, total: number, regionCount: number): HTMLElement {
    const chips: HTMLElement[] = [];
    const regionName = (id: string): string => this.deps.regions().find((r) => r.regionId === id)?.region ?? id;
    for (const id of state.regions) {
      chips.push(filterChip(`Регион: ${regionName(id)}`, () => this.deps.navigate({ regions: state.regions.filter((r) => r !== id) })));
    }
    for (const id of state.documents) {
      const doc = this.deps.regions().flatMap((r) => r.documents.map((d) => ({ ...d, region: r.region }))).find((d) => d.id === id);
      const label = doc ? `${doc.region}${doc.period ? `, ${doc.period}` : ''}` : id;
      chips.push(filterChip(`Документ: ${label}`, () => this.deps.navigate({ documents: state.documents.filter((d) => d !== id) })));
    }
    for (const s of state.sectors) {
      chips.push(filterChip(`Отрасль: ${sectorLabel(s)}`, () => this.deps.navigate({ sectors: state.sectors.filter((x) => x !== s) })));
    }
    const userRegionIds = new Set(state.regions);
    const detected = detectedRegions(response.appliedFilters.regions).filter((r) => !userRegionIds.has(r.regionId));
    const expansions = response.appliedFilters.expansions;
    return h(
      'div',
      { class: 'status-line' },
      h(
        'p',
        { class: 'status-summary' },
        `«${shortQuery(response.query || state.q)}»: ${countLabel(total, FRAGMENT_FORMS)}, ${countLabel(regionCount, REGION_FORMS)} · режим «${MODE_LABELS[response.mode]}»`,
        response.tookMs > 0 && ` · ${Math.round(response.tookMs)} мс`,
      ),
      h('p', { class: 'embedder-note', attrs: { 'data-embedder-kind': response.embedder?.kind ?? '' } }, embedderNote(response.mode, response.embedder)),
      detected.length > 0 &&
        h(
          'p',
          { class: 'detected' },
          `Регион распознан в запросе${detected[0]?.matchedText ? ` («${detected.map((r) => r.matchedText).join('», «')}»)` : ''}: ${detected.map((r) => r.region).join(', ')} — ищем только там. `,
          button('Искать во всех регионах', () => this.deps.navigate({ detectRegions: false }), {
            class: 'btn btn-small btn-quiet',
            attrs: { 'data-action': 'drop-detected-region' },
          }),
        ),
      expansions.length > 0 &&
        h('p', { class: 'embedder-note' }, `Учтены расшифровки: ${expansions.map((e) => `${e.from} → ${e.to}`).join('; ')}.`),
      response.appliedFilters.translations.length > 0 &&
        h('p', { class: 'embedder-note', attrs: { 'data-note': 'translation' } }, translationNote(response.appliedFilters.translations)),
      !state.detectRegions &&
        h(
          'p',
          { class: 'detected' },
          'Регионы в тексте запроса не превращаются в фильтр. ',
          button('Распознавать снова', () => this.deps.navigate({ detectRegions: true }), { class: 'btn btn-small btn-quiet' }),
        ),
      chips.length > 0 && h('div', { class: 'chips', attrs: { 'aria-label': 'Действующие фильтры' } }, chips),
    );
  }

  private regionGroup(region: string, regionId: string, results: SearchResult[]): HTMLElement {
    const headingId = `group-${regionId}`;
    const list = h('div', { class: 'group-passages' });
    const render = (count: number): void => {
      replaceChildren(
        list,
        results.slice(0, count).map((r, i) => passageCard(r, this.deps.actions, { label: `${region}, фрагмент ${i + 1}` })),
        results.length > count &&
          button(`Показать ещё ${countLabel(results.length - count, FRAGMENT_FORMS)}`, () => {
            render(results.length);
            list.querySelectorAll<HTMLElement>('article')[count]?.querySelector('button')?.focus();
          }, { class: 'btn btn-quiet btn-more', attrs: { 'data-action': 'more' } }),
      );
    };
    render(SHOWN_PER_REGION);
    const docTitles = [...new Set(results.map((r) => r.document.title).filter(Boolean))];
    return h(
      'section',
      { class: 'region-group', attrs: { 'aria-labelledby': headingId, 'data-region-id': regionId } },
      h('h2', { class: 'region-title', attrs: { id: headingId } }, region, ' ', h('span', { class: 'count', attrs: { 'data-loaded': results.length } }, countLabel(results.length, FRAGMENT_FORMS))),
      docTitles.length > 0 && h('p', { class: 'doc-title' }, docTitles.join('; ')),
      list,
    );
  }

  private missingList(missing: RegionRef[], state: ViewState): HTMLElement {
    return h(
      'section',
      { class: 'missing-regions', attrs: { 'aria-labelledby': 'missing-title' } },
      h('h2', { attrs: { id: 'missing-title' } }, 'Ничего релевантного не найдено'),
      h('p', { class: 'muted' }, `В стратегиях этих регионов нет фрагментов, достаточно близких к запросу «${shortQuery(state.q)}»:`),
      h('ul', null, missing.map((r) => h('li', { attrs: { 'data-region-id': r.regionId } }, r.region))),
    );
  }
}

function filterChip(label: string, onRemove: () => void): HTMLElement {
  return h(
    'span',
    { class: 'chip' },
    label,
    button('✕', onRemove, { class: 'chip-remove', attrs: { 'aria-label': `Убрать фильтр «${label}»` } }),
  );
}
