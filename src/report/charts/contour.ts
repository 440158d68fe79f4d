/** contourMap: filled contours (d3-contour) of a 2-D grid, emphasised threshold lines, lanes and a colour legend. */
import { extent, ticks as d3ticks } from 'd3-array';
import { contours, type Contours } from 'd3-contour';
import { interpolateViridis } from 'd3-scale-chromatic';
import { frame } from '../frame.js';
import { defaultMargin, legendBlock, type LegendItem } from '../legend.js';
import { axisTitle, el, pathData, plotArea, text, TICK_FONT_PX, truncate, type ContinuousScale, type PlotArea } from '../svg.js';
import { axisTicks, fmtValue, haloText, makeScale, type AxisInput, type ChartBase } from './common.js';
import { pushAll } from '../../arrays.js';

/** A regular grid of samples: values[j * nx + i] is at (x[i], y[j]), x and y spaced evenly. */
export interface Grid2D {
  readonly nx: number;
  readonly ny: number;
  readonly values: readonly number[];
  /** x of the first and last column. */
  readonly x: readonly [number, number];
  /** y of the first and last row. */
  readonly y: readonly [number, number];
}

export interface ContourLevel {
  readonly value: number;
  /** e.g. "Hmin 1.5 A/m" or "RCC wake-up threshold". */
  readonly label: string;
}

export interface LaneRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly label?: string;
}

export interface ContourMapInput extends ChartBase {
  readonly x: AxisInput;
  readonly y: AxisInput;
  readonly grid: Grid2D;
  readonly colour: {
    /** What the colour shows, e.g. "Field strength". */
    readonly label: string;
    readonly unit?: string;
    /** Filled contour thresholds, or an approximate count (default 10). */
    readonly levels?: readonly number[] | number;
    /** Contour log10 of the values (fields falling off as 1/r³). */
    readonly log?: boolean;
  };
  /** Threshold contours drawn as emphasised lines (e.g. Hmin, RCC wake-up thresholds). */
  readonly emphasise?: readonly ContourLevel[];
  /** Lanes (or gates, antennas) drawn as rectangles in data coordinates. */
  readonly rects?: readonly LaneRect[];
  /** Legend entry for the rectangles (default "Lane"). */
  readonly rectLegend?: string;
}

function multiPolygonPath(coords: readonly (readonly (readonly (readonly number[])[])[])[], map: (gx: number, gy: number) => [number, number]): string {
  let d = '';
  for (const polygon of coords) {
    for (const ring of polygon) {
      d += pathData(ring.map((p) => map(p[0] ?? 0, p[1] ?? 0)), true);
    }
  }
  return d;
}

/**
 * Thresholds (in log10) between 10^lo and 10^hi at round values: 1-2-5 per decade, or 1 per
 * decade when that gives more than ~1.5 × `count` levels, or every decade's 1-2-3-…-9 if few.
 */
export function logLevels(lo: number, hi: number, count: number): number[] {
  const inside = (keep: readonly number[]): number[] => {
    const out: number[] = [];
    for (let d = Math.floor(lo) - 1; d <= Math.ceil(hi); d++) {
      for (const m of keep) {
        const t = Math.log10(m) + d;
        if (t > lo && t <= hi) out.push(t);
      }
    }
    return out;
  };
  let chosen = inside([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  if (chosen.length > count * 1.5) chosen = inside([1, 2, 5]);
  if (chosen.length > count * 1.5) chosen = inside([1]);
  return chosen;
}

/** Filled-contour thresholds in contour units (log10 with a log colour scale): given, or round levels over the data. */
function contourThresholds(levels: ContourMapInput['colour']['levels'], values: readonly number[], isLog: boolean, tf: (v: number) => number): number[] {
  const [vmin, vmax] = extent(values.filter((v) => Number.isFinite(v)));
  let thresholds: number[];
  if (Array.isArray(levels)) {
    thresholds = (levels as readonly number[]).map(tf).filter((v) => Number.isFinite(v));
  } else if (vmin !== undefined && vmax !== undefined && vmin < vmax) {
    const count = typeof levels === 'number' ? levels : 10;
    thresholds = isLog ? logLevels(vmin, vmax, count) : d3ticks(vmin, vmax, count).filter((t) => t > vmin);
  } else {
    thresholds = vmin !== undefined ? [vmin] : [];
  }
  return [...new Set(thresholds)].sort((p, q) => p - q);
}

type GridMap = (gx: number, gy: number) => [number, number];

/** The threshold contours as haloed dashed lines, and their legend items. */
function emphasisedContours(emph: readonly ContourLevel[], gen: Contours, values: number[], map: GridMap, tf: (v: number) => number): { plot: string[]; legend: LegendItem[] } {
  const emphDash = ['', '7 4', '2 3', '9 3 2 3'];
  const plot: string[] = [];
  const legend: LegendItem[] = [];
  emph.forEach((e, i) => {
    const t = tf(e.value);
    const dash = emphDash[i % emphDash.length]!;
    legend.push({ label: e.label, swatch: { kind: 'line', colour: '#000000', dash, width: 2.5 } });
    if (!Number.isFinite(t)) return;
    const dPath = multiPolygonPath(gen.contour(values, t).coordinates, map);
    if (dPath === '') return;
    plot.push(
      el(
        'g',
        { class: 'threshold' },
        el('title', {}, text(e.label)),
        el('path', { d: dPath, fill: 'none', stroke: '#ffffff', 'stroke-width': 5, 'stroke-linejoin': 'round' }),
        el('path', { d: dPath, fill: 'none', stroke: '#000000', 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'stroke-dasharray': dash === '' ? undefined : dash }),
      ),
    );
  });
  return { plot, legend };
}

/** Lanes as haloed rectangles with their labels. */
function laneMarks(rects: readonly LaneRect[], xs: ContinuousScale, ys: ContinuousScale): string[] {
  return rects.map((r) => {
    const x1 = xs(Math.min(r.x0, r.x1));
    const x2 = xs(Math.max(r.x0, r.x1));
    const y1 = ys(Math.max(r.y0, r.y1));
    const y2 = ys(Math.min(r.y0, r.y1));
    return el(
      'g',
      { class: 'lane' },
      el('rect', { x: x1, y: y1, width: x2 - x1, height: y2 - y1, fill: 'none', stroke: '#ffffff', 'stroke-width': 4 }),
      el('rect', { x: x1, y: y1, width: x2 - x1, height: y2 - y1, fill: 'none', stroke: '#D55E00', 'stroke-width': 2 }),
      r.label !== undefined ? haloText({ x: x1 + 4, y: y1 + 14, 'font-size': TICK_FONT_PX, fill: '#000000' }, r.label) : '',
    );
  });
}

/** Colour legend: one block per band, threshold labels at the boundaries (highest on top), then the other legend items. */
function colourLegend(a: PlotArea, colourTitle: string, bandLabels: readonly string[], nBands: number, colourOf: (k: number) => string, legend: readonly LegendItem[]): string[] {
  const lx = a.x1 + 16;
  const blockH = Math.max(8, Math.min(20, Math.floor((a.height - 40 - 18 * (legend.length + 1)) / nBands)));
  const overlay: string[] = [];
  overlay.push(el('text', { x: lx, y: a.y0 + 10, 'font-size': TICK_FONT_PX, 'font-weight': 'bold' }, text(truncate(colourTitle, 30))));
  const barTop = a.y0 + 20;
  const blocks: string[] = [];
  for (let k = 0; k < nBands; k++) {
    const y = barTop + (nBands - 1 - k) * blockH;
    blocks.push(el('rect', { x: lx, y, width: 18, height: blockH, fill: colourOf(k) }));
  }
  const labelEvery = Math.max(1, Math.ceil(14 / blockH));
  bandLabels.forEach((l, k) => {
    if (k % labelEvery !== 0) return;
    const y = barTop + (nBands - 1 - k) * blockH; // boundary between band k and k+1
    blocks.push(el('line', { x1: lx + 18, y1: y, x2: lx + 22, y2: y, stroke: '#333333' }));
    blocks.push(el('text', { x: lx + 26, y: y + 4, 'font-size': TICK_FONT_PX }, text(l)));
  });
  overlay.push(el('g', { class: 'colour-legend' }, blocks.join('')));
  if (legend.length > 0) overlay.push(legendBlock(legend, lx, barTop + nBands * blockH + 14));
  return overlay;
}

/** Filled contours of a 2-D grid, threshold contours emphasised, lanes drawn, colour legend. */
export function contourMap(input: ContourMapInput): string {
  const g = input.grid;
  if (!Number.isInteger(g.nx) || !Number.isInteger(g.ny) || g.nx < 2 || g.ny < 2 || g.values.length !== g.nx * g.ny) {
    throw new Error(`contourMap: grid must be nx×ny ≥ 2×2 with nx*ny values (got ${g.nx}×${g.ny}, ${g.values.length} values)`);
  }
  const isLog = input.colour.log === true;
  const tf = (v: number): number => (isLog ? (v > 0 ? Math.log10(v) : Number.NaN) : v);
  const inv = (t: number): number => (isLog ? 10 ** t : t);
  const values = g.values.map((v) => (Number.isFinite(v) ? tf(v) : Number.NaN));
  const thresholds = contourThresholds(input.colour.levels, values, isLog, tf);

  // Legend sizes: colour bar on the right, then emphasised lines and lanes.
  const emph = input.emphasise ?? [];
  const colourTitle = axisTitle(input.colour.label, input.colour.unit);
  const bandLabels = thresholds.map((t) => fmtValue(inv(t)));
  const legendLabels = [...emph.map((e) => e.label), truncate(colourTitle, 30), ...bandLabels.map((l) => `≥ ${l}  `)];
  if ((input.rects ?? []).length > 0) legendLabels.push(input.rectLegend ?? 'Lane');
  const margin = defaultMargin(legendLabels);
  const a = plotArea(margin);

  const dx = (g.x[1] - g.x[0]) / (g.nx - 1);
  const dy = (g.y[1] - g.y[0]) / (g.ny - 1);
  const xs = makeScale({ ...input.x, domain: input.x.domain ?? [g.x[0], g.x[1]], log: false }, [], [a.x0, a.x1]);
  const ys = makeScale({ ...input.y, domain: input.y.domain ?? [g.y[0], g.y[1]], log: false }, [], [a.y1, a.y0]);
  // d3-contour puts sample i at grid coordinate i + 0.5.
  const map: GridMap = (gx, gy) => [xs(g.x[0] + (gx - 0.5) * dx), ys(g.y[0] + (gy - 0.5) * dy)];

  const nBands = thresholds.length + 1;
  const colourOf = (k: number): string => interpolateViridis(nBands <= 1 ? 0.5 : k / (nBands - 1));

  const plot: string[] = [];
  // Below the first threshold (and undefined samples): the lowest colour.
  plot.push(el('rect', { x: a.x0, y: a.y0, width: a.width, height: a.height, fill: colourOf(0) }));
  const gen = contours().size([g.nx, g.ny]).smooth(true);
  const filled = gen.thresholds(thresholds)(values);
  filled.forEach((mp, k) => {
    const dPath = multiPolygonPath(mp.coordinates, map);
    if (dPath === '') return;
    plot.push(el('path', { class: 'contour-fill', d: dPath, fill: colourOf(k + 1), stroke: 'none', 'fill-rule': 'evenodd' }));
  });
  // Thin outlines between bands help in greyscale.
  const outlines = filled.map((mp) => multiPolygonPath(mp.coordinates, map)).filter((p) => p !== '');
  if (outlines.length > 0) {
    plot.push(el('path', { class: 'contour-lines', d: outlines.join(''), fill: 'none', stroke: '#ffffff', 'stroke-opacity': 0.35, 'stroke-width': 0.6 }));
  }
  const emphasised = emphasisedContours(emph, gen, values, map, tf);
  pushAll(plot, emphasised.plot);
  const legend = emphasised.legend;
  pushAll(plot, laneMarks(input.rects ?? [], xs, ys));
  if ((input.rects ?? []).length > 0) legend.push({ label: input.rectLegend ?? 'Lane', swatch: { kind: 'rect', colour: '#ffffff', stroke: '#D55E00' } });
  const overlay = colourLegend(a, colourTitle, bandLabels, nBands, colourOf, legend);

  return frame({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    margin,
    xTicks: axisTicks(input.x, xs, 8),
    yTicks: axisTicks(input.y, ys, 6),
    xGrid: false,
    yGrid: false,
    clipPad: 0,
    xLabel: axisTitle(input.x.label, input.x.unit),
    yLabel: axisTitle(input.y.label, input.y.unit),
    plot: plot.join(''),
    overlay: overlay.join(''),
  });
}
