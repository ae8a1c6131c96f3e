/**
 * A small inline SVG chart per indicator group: values by year, one line per region. Colours are SVG presentation
 * attributes (the CSP forbids style attributes). Every point carries a <title> with region, year and value.
 */
import type { ComparisonGroup } from './indicator-table.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Chart box in SVG units; it scales to its container. */
const WIDTH = 280;
const HEIGHT = 130;
const PAD = { left: 34, right: 18, top: 10, bottom: 22 } as const;
/** Colour-blind-safe palette (Okabe–Ito), one per region in the order regions are listed. */
export const REGION_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;

export function regionColour(index: number): string {
  return REGION_COLOURS[index % REGION_COLOURS.length]!;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

/** Round axis maximum: 100 for shares, else the next 1/2/5 × 10^n above the largest value. */
function axisMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export function indicatorChart(group: ComparisonGroup, regions: ReadonlyArray<{ regionId: string; region: string }>, years: readonly number[]): SVGSVGElement {
  const series = regions
    .map((r, i) => ({
      ...r,
      colour: regionColour(i),
      points: years
        .map((year) => {
          const row = group.byRegion.get(r.regionId)?.[0];
          const value = row?.values.find((v) => v.year === year);
          return value && value.value !== null ? { year, value: value.value, raw: value.raw } : null;
        })
        .filter((p): p is { year: number; value: number; raw: string } => p !== null),
    }))
    .filter((s) => s.points.length > 0);
  const top = axisMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value))));
  const x = (year: number) => PAD.left + (years.length <= 1 ? 0.5 : years.indexOf(year) / (years.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);

  const svg = el('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'indicator-chart',
    role: 'img',
    'aria-label': `${group.name}: значения по годам, линия на регион`,
  });
  svg.append(
    el('line', { x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0), stroke: '#888', 'stroke-width': 1 }),
    el('line', { x1: PAD.left, y1: y(top), x2: WIDTH - PAD.right, y2: y(top), stroke: '#ddd', 'stroke-width': 1 }),
    el('text', { x: PAD.left - 4, y: y(top) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#555' }, String(top)),
    el('text', { x: PAD.left - 4, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#555' }, '0'),
    ...years.map((year) => el('text', { x: x(year), y: HEIGHT - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#555' }, String(year))),
  );
  for (const s of series) {
    const line = el('polyline', {
      points: s.points.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: s.colour,
      'stroke-width': 2,
      'data-region-id': s.regionId,
    });
    svg.append(line);
    for (const p of s.points) {
      svg.append(el('circle', { cx: x(p.year).toFixed(1), cy: y(p.value).toFixed(1), r: 3, fill: s.colour }, el('title', {}, `${s.region}, ${p.year}: ${p.raw}`)));
    }
  }
  return svg;
}
