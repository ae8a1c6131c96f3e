/**
 * Regions × sectors heat-map for the current query: how many relevant passages each region has in each sector,
 * counted from one wide search (k = HEATMAP_K, grouped by region, no filters). A click on a cell filters to it.
 */
import type { Sector } from '../../../indexer/types.js';
import type { RegionRef, SearchResponse } from '../api/types.js';
import { button, h, replaceChildren } from '../ui/dom.js';
import { countLabel, FRAGMENT_FORMS, SECTOR_SHORT, sectorLabel } from '../ui/format.js';

/** Results per region (the server's maximum) for the heat-map search. */
export const HEATMAP_K = 100;

export interface HeatmapData {
  regions: RegionRef[];
  sectors: Sector[];
  /** counts[regionId][sector] */
  counts: Map<string, Map<Sector, number>>;
  max: number;
  total: number;
}

/** Counts relevant passages per region and sector; regions the server marked as missing count zero. */
export function computeHeatmap(response: SearchResponse, regions: readonly RegionRef[], sectors: readonly Sector[]): HeatmapData {
  const missing = new Set((response.missingRegions ?? []).map((r) => r.regionId));
  const results = (response.groups ? response.groups.flatMap((g) => g.results) : response.results).filter((r) => r.relevant);
  const counts = new Map<string, Map<Sector, number>>();
  const rows: RegionRef[] = [...regions];
  for (const r of results) {
    if (missing.has(r.regionId)) continue;
    if (!rows.some((row) => row.regionId === r.regionId)) rows.push({ region: r.region, regionId: r.regionId });
    const row = counts.get(r.regionId) ?? new Map<Sector, number>();
    row.set(r.sector, (row.get(r.sector) ?? 0) + 1);
    counts.set(r.regionId, row);
  }
  let max = 0;
  let total = 0;
  for (const row of counts.values()) {
    for (const n of row.values()) {
      max = Math.max(max, n);
      total += n;
    }
  }
  return { regions: rows, sectors: [...sectors], counts, max, total };
}

export function heatLevel(n: number, max: number): number {
  if (n <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((n / max) * 4));
}

export interface HeatmapSelection {
  regionId: string | null;
  sector: Sector | null;
}

export function renderHeatmap(
  container: HTMLElement,
  data: HeatmapData,
  selected: HeatmapSelection,
  onPick: (regionId: string, sector: Sector) => void,
): void {
  const head = h(
    'tr',
    null,
    h('th', { class: 'heat-corner', attrs: { scope: 'col' } }, 'Регион'),
    data.sectors.map((s) => h('th', { attrs: { scope: 'col', title: sectorLabel(s) } }, SECTOR_SHORT[s])),
    h('th', { class: 'heat-total', attrs: { scope: 'col' } }, 'Всего'),
  );
  const body = data.regions.map((region) => {
    const row = data.counts.get(region.regionId);
    const rowTotal = [...(row?.values() ?? [])].reduce((a, b) => a + b, 0);
    return h(
      'tr',
      { class: rowTotal === 0 ? 'heat-row-empty' : '' },
      h('th', { attrs: { scope: 'row', title: region.region } }, shortRegionName(region.region)),
      data.sectors.map((sector) => {
        const n = row?.get(sector) ?? 0;
        const isSelected = selected.regionId === region.regionId && selected.sector === sector;
        return h(
          'td',
          null,
          button(n > 0 ? String(n) : '·', () => onPick(region.regionId, sector), {
            class: `heat-cell heat-${heatLevel(n, data.max)}${isSelected ? ' is-selected' : ''}`,
            attrs: {
              'aria-label': `${region.region} — ${sectorLabel(sector)}: ${countLabel(n, FRAGMENT_FORMS)}. Показать только их`,
              'aria-pressed': isSelected ? 'true' : 'false',
              'data-region': region.regionId,
              'data-sector': sector,
              'data-count': n,
            },
          }),
        );
      }),
      h('td', { class: 'heat-total' }, rowTotal > 0 ? String(rowTotal) : '—'),
    );
  });
  replaceChildren(
    container,
    h('p', { class: 'heat-caption', attrs: { id: 'heat-caption' } }, `Сколько релевантных фрагментов у каждого региона в каждой отрасли (до ${HEATMAP_K} на регион). Нажмите на клетку, чтобы показать только их.`),
    h(
      'div',
      { class: 'heat-scroll' },
      h('table', { class: 'heatmap', attrs: { 'aria-describedby': 'heat-caption' } }, h('thead', null, head), h('tbody', null, body)),
    ),
  );
}

/** Compact row label: «Тверская обл.», «Карачаево-Черкесская Респ.»; the full name stays in the title and aria-label. */
export function shortRegionName(name: string): string {
  return name
    .replace(/автономный округ/i, 'АО')
    .replace(/область/i, 'обл.')
    .replace(/Народная Республика/, 'Нар. Респ.')
    .replace(/Республика/, 'Респ.');
}
