/**
 * Charts for run reports (DESIGN §6 figures/*.svg): plain data in, an SVG string out.
 *
 * Every chart is an 800×500 view box drawn by `frame` (svg.ts): a `<title>`, axes from
 * `scale.ticks()`, axis labels with units, a grid and a legend. Pure functions, no DOM, no I/O.
 *
 * - lineChart: several series, each with an optional CI band (lo/hi per point); linear or step.
 * - cdfChart: empirical CDFs from samples, or CDFs from quantiles (e.g. a histogram's).
 * - forestPlot: paired differences, estimate with 95% CI per metric, and a zero line.
 * - sizingChart: a metric against the number of gates with an SLO threshold line.
 * - contourMap: filled contours (d3-contour) of a 2-D grid, emphasised threshold lines, lanes.
 * - barChart: horizontal grouped bars (failures by cause).
 */
import { extent, ticks as d3ticks } from 'd3-array';
import { contours } from 'd3-contour';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { area, curveLinear, curveStepAfter, line } from 'd3-shape';
import {
  AXIS_FONT_PX,
  COORD_DECIMALS,
  TICK_FONT_PX,
  type ContinuousScale,
  type LegendItem,
  type Margin,
  type PlotArea,
  type Tick,
  axisTitle,
  defaultMargin,
  el,
  fmt,
  frame,
  legendBlock,
  pathData,
  plotArea,
  scaleTicks,
  seriesColour,
  seriesDash,
  text,
  textWidthPx,
  truncate,
} from './svg.js';
import { maxOf, pushAll } from '../arrays.js';

// ---------------------------------------------------------------------------------------------
// Shared input shapes

/** One axis of a chart. */
export interface AxisInput {
  /** What is measured, e.g. "Dwell height". */
  readonly label: string;
  /** Unit shown in brackets after the label, e.g. "mm". */
  readonly unit?: string;
  /** Fixed domain; otherwise the data's extent, made nice. */
  readonly domain?: readonly [number, number];
  /** Logarithmic scale (positive values only). */
  readonly log?: boolean;
  /** d3-format specifier for tick labels, e.g. ".0%" or "~s". */
  readonly tickFormat?: string;
  /** Approximate tick count (default 8 on x, 6 on y). */
  readonly ticks?: number;
  /** Extend the domain to include zero. */
  readonly includeZero?: boolean;
  /** Only integer ticks (gate counts). */
  readonly integerTicks?: boolean;
}

/** Common to every chart. */
export interface ChartBase {
  /** Shown on top of the chart and as its `<title>`. */
  readonly title: string;
  /** Shown under the title and as its `<desc>`. */
  readonly subtitle?: string;
  /** Id prefix for clip paths; defaults to one derived from the title (unique per title). */
  readonly id?: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function finite(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

function makeScale(axis: AxisInput, values: readonly number[], range: readonly [number, number], defaultCount = 6): ContinuousScale {
  const niceCount = axis.ticks ?? defaultCount;
  const isLog = axis.log === true;
  const usable = values.filter((v) => Number.isFinite(v) && (!isLog || v > 0));
  let lo: number;
  let hi: number;
  if (axis.domain !== undefined) {
    [lo, hi] = axis.domain;
  } else {
    const [a, b] = extent(usable);
    lo = a ?? (isLog ? 1 : 0);
    hi = b ?? (isLog ? 10 : 1);
    if (axis.includeZero === true && !isLog) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || (isLog && (lo <= 0 || hi <= 0))) {
    throw new Error(`axis "${axis.label}": domain [${lo}, ${hi}] is not usable${isLog ? ' on a log scale (must be > 0)' : ''}`);
  }
  if (lo === hi) {
    if (isLog) {
      lo /= 2;
      hi *= 2;
    } else if (lo === 0) {
      hi = 1;
    } else {
      const pad = Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
  }
  if (isLog) {
    const s = scaleLog().domain([lo, hi]).range([range[0], range[1]]);
    return axis.domain === undefined ? s.nice() : s;
  }
  const s = scaleLinear().domain([lo, hi]).range([range[0], range[1]]);
  return axis.domain === undefined ? s.nice(niceCount) : s;
}

function axisTicks(axis: AxisInput, scale: ContinuousScale, defaultCount: number): Tick[] {
  return scaleTicks(scale, axis.ticks ?? defaultCount, axis.tickFormat, axis.integerTicks === true);
}

function noData(a: PlotArea): string {
  return el(
    'text',
    { x: (a.x0 + a.x1) / 2, y: (a.y0 + a.y1) / 2, 'text-anchor': 'middle', 'font-size': AXIS_FONT_PX, fill: '#777777' },
    text('No data'),
  );
}

/**
 * A number for a label: `decimals` fixed decimals, or else at least 3 significant digits and
 * no decimals past them (no exponent between 1e-3 and 1e7); negative numbers with a typographic minus, like d3's tick labels.
 */
export function fmtValue(v: number, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  let s: string;
  if (decimals !== undefined) {
    s = fmt(v, decimals);
  } else if (v === 0) {
    s = '0';
  } else {
    const abs = Math.abs(v);
    if (abs >= 1e-3 && abs < 1e7) {
      const d = Math.max(0, 2 - Math.floor(Math.log10(abs)));
      s = fmt(v, d);
    } else {
      s = v.toPrecision(3);
    }
  }
  return s.replace(/^-/, '\u2212');
}

/** Text with a white halo, readable on any fill. */
function haloText(attrs: Readonly<Record<string, string | number | undefined>>, s: string): string {
  return el(
    'text',
    { ...attrs, stroke: '#ffffff', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
    text(s),
  );
}

// ---------------------------------------------------------------------------------------------
// XY charts: lineChart, cdfChart, sizingChart

export interface LinePoint {
  readonly x: number;
  readonly y: number;
  /** Lower CI bound at x (drawn as a band together with `hi`). */
  readonly lo?: number;
  /** Upper CI bound at x. */
  readonly hi?: number;
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly LinePoint[];
  /** Draw a marker at each point (default false; sizing charts default true). */
  readonly markers?: boolean;
}

/** A horizontal (axis 'y', at y = value) or vertical (axis 'x') reference line with a label. */
export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
  readonly axis?: 'x' | 'y';
  /** 'strong' (default) for thresholds such as an SLO, 'light' for guides such as p50. */
  readonly style?: 'strong' | 'light';
}

export interface LineChartInput extends ChartBase {
  readonly x: AxisInput;
  readonly y: AxisInput;
  readonly series: readonly LineSeries[];
  /** 'step' for time series sampled per interval (queue length, TPS), else straight segments. */
  readonly curve?: 'linear' | 'step';
  readonly references?: readonly ReferenceLine[];
  /** Legend heading, e.g. "Band" or "Gateline". */
  readonly legendTitle?: string;
}

interface XYDraw extends ChartBase {
  readonly x: AxisInput;
  readonly y: AxisInput;
  readonly series: readonly LineSeries[];
  readonly curve: 'linear' | 'step';
  readonly references: readonly ReferenceLine[];
  readonly legendTitle?: string;
  readonly markersDefault: boolean;
  readonly extraYValues?: readonly number[];
  readonly extraXValues?: readonly number[];
  readonly extraLegend?: readonly LegendItem[];
  /** Extra marks below the series (e.g. shaded SLO region), given the scales. */
  readonly under?: (xs: ContinuousScale, ys: ContinuousScale, a: PlotArea) => string;
}

function drawReference(r: ReferenceLine, xs: ContinuousScale, ys: ContinuousScale, a: PlotArea): { plot: string; overlay: string } {
  const light = r.style === 'light';
  const colour = light ? '#707070' : '#333333';
  const lineStyle = { stroke: colour, 'stroke-width': light ? 1 : 1.5, 'stroke-dasharray': light ? '3 3' : '6 4', class: 'reference' };
  if ((r.axis ?? 'y') === 'y') {
    const y = ys(r.value);
    if (!Number.isFinite(y)) return { plot: '', overlay: '' };
    return {
      plot: el('line', { x1: a.x0, y1: y, x2: a.x1, y2: y, ...lineStyle }),
      overlay: haloText({ x: a.x1 - 4, y: y - 5, 'text-anchor': 'end', 'font-size': TICK_FONT_PX, fill: colour }, r.label),
    };
  }
  const x = xs(r.value);
  if (!Number.isFinite(x)) return { plot: '', overlay: '' };
  return {
    plot: el('line', { x1: x, y1: a.y0, x2: x, y2: a.y1, ...lineStyle }),
    overlay: haloText({ x: x + 4, y: a.y0 + 12, 'font-size': TICK_FONT_PX, fill: colour }, r.label),
  };
}

function xyChart(d: XYDraw): string {
  const legend: LegendItem[] = d.series.map((s, i) => ({
    label: s.name,
    swatch: {
      kind: 'line',
      colour: seriesColour(i),
      dash: seriesDash(i),
      band: s.points.some((p) => finite(p.lo) && finite(p.hi)),
    },
  }));
  if (d.extraLegend !== undefined) pushAll(legend, d.extraLegend);
  const margin = defaultMargin(legend.map((l) => l.label).concat(d.legendTitle ?? []));
  const a = plotArea(margin);

  const xv: number[] = [...(d.extraXValues ?? [])];
  const yv: number[] = [...(d.extraYValues ?? [])];
  for (const s of d.series) {
    for (const p of s.points) {
      if (!finite(p.x) || !finite(p.y)) continue;
      xv.push(p.x);
      yv.push(p.y);
      if (finite(p.lo)) yv.push(p.lo);
      if (finite(p.hi)) yv.push(p.hi);
    }
  }
  for (const r of d.references) ((r.axis ?? 'y') === 'y' ? yv : xv).push(r.value);
  const xs = makeScale(d.x, xv, [a.x0, a.x1], 8);
  const ys = makeScale(d.y, yv, [a.y1, a.y0]);
  const isLogX = d.x.log === true;
  const isLogY = d.y.log === true;
  const okX = (v: number): boolean => Number.isFinite(v) && (!isLogX || v > 0);
  const okY = (v: number | undefined): v is number => finite(v) && (!isLogY || v > 0);

  const curve = d.curve === 'step' ? curveStepAfter : curveLinear;
  const plot: string[] = [];
  if (d.under !== undefined) plot.push(d.under(xs, ys, a));
  const overlay: string[] = [];
  const refPlot: string[] = [];
  for (const r of d.references) {
    const drawn = drawReference(r, xs, ys, a);
    refPlot.push(drawn.plot);
    overlay.push(drawn.overlay);
  }

  // Bands first (under every line), then lines, then markers.
  const bands: string[] = [];
  const lines: string[] = [];
  const marks: string[] = [];
  d.series.forEach((s, i) => {
    const colour = seriesColour(i);
    const pts = [...s.points].filter((p) => okX(p.x)).sort((p, q) => p.x - q.x);
    const bandPts = pts.filter((p) => okY(p.lo) && okY(p.hi));
    if (bandPts.length > 0) {
      const gen = area<LinePoint>()
        .x((p) => xs(p.x))
        .y0((p) => ys(p.lo!))
        .y1((p) => ys(p.hi!))
        .defined((p) => okY(p.lo) && okY(p.hi))
        .curve(curve)
        .digits(COORD_DECIMALS);
      const dPath = gen(pts);
      if (dPath !== null && dPath !== '') {
        bands.push(el('path', { class: 'ci-band', d: dPath, fill: colour, 'fill-opacity': 0.18, stroke: 'none' }));
      }
    }
    const gen = line<LinePoint>()
      .x((p) => xs(p.x))
      .y((p) => ys(p.y))
      .defined((p) => okY(p.y))
      .curve(curve)
      .digits(COORD_DECIMALS);
    const dPath = gen(pts);
    if (dPath !== null && dPath !== '') {
      lines.push(
        el(
          'path',
          {
            class: 'series',
            d: dPath,
            fill: 'none',
            stroke: colour,
            'stroke-width': 2,
            'stroke-dasharray': seriesDash(i) === '' ? undefined : seriesDash(i),
            'stroke-linejoin': 'round',
          },
          el('title', {}, text(s.name)),
        ),
      );
    }
    if (s.markers ?? d.markersDefault) {
      for (const p of pts) {
        if (!okY(p.y)) continue;
        marks.push(el('circle', { cx: xs(p.x), cy: ys(p.y), r: 3.5, fill: colour, stroke: '#ffffff', 'stroke-width': 1 }));
      }
    }
  });
  for (const group of [bands, refPlot, lines, marks]) pushAll(plot, group);
  if (lines.length === 0 && marks.length === 0 && bands.length === 0) plot.push(noData(a));

  return frame({
    title: d.title,
    ...(d.subtitle !== undefined ? { subtitle: d.subtitle } : {}),
    ...(d.id !== undefined ? { id: d.id } : {}),
    margin,
    xTicks: axisTicks(d.x, xs, 8),
    yTicks: axisTicks(d.y, ys, 6),
    xLabel: axisTitle(d.x.label, d.x.unit),
    yLabel: axisTitle(d.y.label, d.y.unit),
    legend,
    ...(d.legendTitle !== undefined ? { legendTitle: d.legendTitle } : {}),
    plot: plot.join(''),
    overlay: overlay.join(''),
  });
}

/**
 * Several series against a shared x, each with an optional CI band: success probability vs dwell
 * height per band, sweep curves, queue length / wait p95 over time per gateline, backend TPS.
 */
export function lineChart(input: LineChartInput): string {
  return xyChart({
    ...input,
    curve: input.curve ?? 'linear',
    references: input.references ?? [],
    markersDefault: false,
  });
}

/** One CDF: either raw samples (any order) or quantiles (p in [0, 1], value). */
export interface CdfSeries {
  readonly name: string;
  readonly samples?: readonly number[];
  readonly quantiles?: readonly { readonly p: number; readonly value: number }[];
}

export interface CdfChartInput extends ChartBase {
  /** The measured quantity, e.g. { label: 'Tap latency', unit: 'ms' }. */
  readonly x: AxisInput;
  readonly series: readonly CdfSeries[];
  /** Horizontal guides at these probabilities (default [0.5, 0.95]). */
  readonly markProbabilities?: readonly number[];
  /** At most this many steps per sample series (default 500); more samples are thinned by quantile. */
  readonly maxPoints?: number;
  readonly legendTitle?: string;
}

/** CDF points from samples: the ECDF as step points, thinned to at most `maxPoints` steps. */
export function ecdfPoints(samples: readonly number[], maxPoints = 500): LinePoint[] {
  const xs = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return [];
  const out: LinePoint[] = [{ x: xs[0]!, y: 0 }];
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) {
      // Collapse ties: the step at a repeated value goes to its last occurrence.
      if (i + 1 < n && xs[i + 1] === xs[i]) continue;
      out.push({ x: xs[i]!, y: (i + 1) / n });
    }
    return out;
  }
  for (let k = 1; k <= maxPoints; k++) {
    const p = k / maxPoints;
    const idx = Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
    out.push({ x: xs[idx]!, y: p });
  }
  return out;
}

/** Tap-latency CDFs per carrier and band, from samples or from histogram quantiles. */
export function cdfChart(input: CdfChartInput): string {
  const maxPoints = input.maxPoints ?? 500;
  const series: LineSeries[] = input.series.map((s) => {
    if (s.samples !== undefined) return { name: s.name, points: ecdfPoints(s.samples, maxPoints) };
    const q = [...(s.quantiles ?? [])]
      .filter((p) => Number.isFinite(p.p) && Number.isFinite(p.value))
      .sort((a, b) => a.value - b.value || a.p - b.p);
    return { name: s.name, points: q.map((p) => ({ x: p.value, y: p.p })) };
  });
  const anySamples = input.series.some((s) => s.samples !== undefined);
  const marks = input.markProbabilities ?? [0.5, 0.95];
  return xyChart({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.legendTitle !== undefined ? { legendTitle: input.legendTitle } : {}),
    x: input.x,
    y: { label: 'Cumulative probability', domain: [0, 1], tickFormat: '.0%', ticks: 10 },
    series,
    curve: anySamples && input.series.every((s) => s.samples !== undefined) ? 'step' : 'linear',
    references: marks.map((p) => ({ value: p, label: `p${fmt(p * 100, 1)}`, axis: 'y' as const, style: 'light' as const })),
    markersDefault: false,
  });
}

export interface SizingChartInput extends ChartBase {
  /** Usually { label: 'Gates', integerTicks: true }. */
  readonly x: AxisInput;
  /** The metric, e.g. { label: 'Wait p95', unit: 's' }. */
  readonly y: AxisInput;
  readonly series: readonly LineSeries[];
  /** The service level: 'max' means the metric must stay at or below `value`. */
  readonly slo: { readonly value: number; readonly label: string; readonly direction: 'max' | 'min' };
  /** The chosen (smallest sufficient) x, marked with a vertical line. */
  readonly chosen?: { readonly x: number; readonly label: string };
  readonly legendTitle?: string;
}

/** Metric against gates (or servers) with the SLO threshold and the violating side shaded. */
export function sizingChart(input: SizingChartInput): string {
  const refs: ReferenceLine[] = [{ value: input.slo.value, label: input.slo.label, axis: 'y' }];
  if (input.chosen !== undefined) refs.push({ value: input.chosen.x, label: input.chosen.label, axis: 'x' });
  return xyChart({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...(input.legendTitle !== undefined ? { legendTitle: input.legendTitle } : {}),
    x: { integerTicks: true, tickFormat: 'd', ...input.x },
    y: input.y,
    series: input.series,
    curve: 'linear',
    references: refs,
    markersDefault: true,
    extraLegend: [{ label: 'Misses the SLO', swatch: { kind: 'rect', colour: '#D55E00' } }],
    under: (_xs, ys, a) => {
      const y = ys(input.slo.value);
      if (!Number.isFinite(y)) return '';
      const top = input.slo.direction === 'max' ? a.y0 : Math.max(a.y0, Math.min(a.y1, y));
      const bottom = input.slo.direction === 'max' ? Math.max(a.y0, Math.min(a.y1, y)) : a.y1;
      return el('rect', { class: 'slo-violation', x: a.x0, y: top, width: a.width, height: Math.max(0, bottom - top), fill: '#D55E00', 'fill-opacity': 0.08 });
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Forest plot

export interface ForestRow {
  /** Metric name, e.g. "Tap success". */
  readonly label: string;
  readonly estimate: number;
  /** 95% CI bounds. */
  readonly lo: number;
  readonly hi: number;
  /** Unit shown after the numbers in the right-hand column. */
  readonly unit?: string;
}

export interface ForestPlotInput extends ChartBase {
  /** The difference axis, e.g. { label: 'RCC − NFC, relative difference', unit: '%' }. */
  readonly x: AxisInput;
  readonly rows: readonly ForestRow[];
  /** Decimals in the right-hand "estimate [lo, hi]" column (default: 3 significant digits). */
  readonly decimals?: number;
  /** Where "no difference" is (default 0). */
  readonly nullValue?: number;
}

/** Paired band differences: estimate with 95% CI per metric, and the zero line. */
export function forestPlot(input: ForestPlotInput): string {
  const nullValue = input.nullValue ?? 0;
  const labels = input.rows.map((r) => truncate(r.label, 32));
  const leftPx = Math.min(260, Math.max(90, Math.ceil(maxOf(labels.map((l) => textWidthPx(l, TICK_FONT_PX)), 0)) + 44));
  const valueText = input.rows.map((r) => {
    const f = (v: number): string => fmtValue(v, input.decimals);
    return `${f(r.estimate)} [${f(r.lo)}, ${f(r.hi)}]${r.unit !== undefined && r.unit !== '' ? ` ${r.unit}` : ''}`;
  });
  const rightPx = Math.min(280, Math.max(150, Math.ceil(maxOf(valueText.map((t) => textWidthPx(t, TICK_FONT_PX)), 0)) + 24));
  const margin: Margin = { top: 58, right: rightPx, bottom: 76, left: leftPx };
  const a = plotArea(margin);

  const xv: number[] = [nullValue];
  for (const r of input.rows) xv.push(r.estimate, r.lo, r.hi);
  const xs = makeScale({ ...input.x, log: false }, xv, [a.x0, a.x1], 8);
  const band = scaleBand<number>()
    .domain(input.rows.map((_, i) => i))
    .range([a.y0, a.y1])
    .paddingInner(0.3)
    .paddingOuter(0.3);

  const plot: string[] = [];
  const zx = xs(nullValue);
  plot.push(el('line', { class: 'zero-line', x1: zx, y1: a.y0, x2: zx, y2: a.y1, stroke: '#000000', 'stroke-width': 1.5 }));
  const yTicks: Tick[] = [];
  const overlay: string[] = [];
  const sigColour = '#0072B2';
  const nsColour = '#7a7a7a';
  input.rows.forEach((r, i) => {
    const cy = (band(i) ?? a.y0) + band.bandwidth() / 2;
    yTicks.push({ pos: cy, label: labels[i]! });
    overlay.push(
      el('text', { x: a.x1 + 12, y: cy + 4, 'font-size': TICK_FONT_PX, class: 'forest-value' }, text(valueText[i]!)),
    );
    if (![r.estimate, r.lo, r.hi].every((v) => Number.isFinite(v))) return;
    const excludes = r.lo > nullValue || r.hi < nullValue;
    const colour = excludes ? sigColour : nsColour;
    const x1 = xs(Math.min(r.lo, r.hi));
    const x2 = xs(Math.max(r.lo, r.hi));
    plot.push(
      el(
        'g',
        { class: 'forest-row' },
        el('title', {}, text(`${r.label}: ${valueText[i]!}`)),
        el('line', { x1, y1: cy, x2, y2: cy, stroke: colour, 'stroke-width': 2 }),
        el('line', { x1, y1: cy - 5, x2: x1, y2: cy + 5, stroke: colour, 'stroke-width': 2 }),
        el('line', { x1: x2, y1: cy - 5, x2, y2: cy + 5, stroke: colour, 'stroke-width': 2 }),
        el('rect', { class: 'estimate', x: xs(r.estimate) - 5, y: cy - 5, width: 10, height: 10, fill: colour }),
      ),
    );
  });
  if (input.rows.length === 0) plot.push(noData(a));
  overlay.push(
    el('text', { x: a.x1 + 12, y: a.y0 - 8, 'font-size': TICK_FONT_PX, 'font-weight': 'bold' }, text('Estimate [95% CI]')),
  );
  // Legend under the x-axis label, where it cannot cover the value column.
  overlay.push(
    el(
      'g',
      { class: 'legend' },
      el('rect', { x: a.x0, y: 500 - 36, width: 10, height: 10, fill: sigColour }),
      el('text', { x: a.x0 + 16, y: 500 - 27, 'font-size': TICK_FONT_PX }, text('95% CI excludes no difference')),
      el('rect', { x: a.x0 + 230, y: 500 - 36, width: 10, height: 10, fill: nsColour }),
      el('text', { x: a.x0 + 246, y: 500 - 27, 'font-size': TICK_FONT_PX }, text('includes no difference')),
    ),
  );

  return frame({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    margin,
    xTicks: axisTicks(input.x, xs, 8),
    yTicks,
    yGrid: false,
    xLabel: axisTitle(input.x.label, input.x.unit),
    yLabel: 'Metric',
    plot: plot.join(''),
    overlay: overlay.join(''),
    xLabelY: 500 - 44,
  });
}

// ---------------------------------------------------------------------------------------------
// Contour map

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
  const [vmin, vmax] = extent(values.filter((v) => Number.isFinite(v)));

  let thresholds: number[];
  const levels = input.colour.levels;
  if (Array.isArray(levels)) {
    thresholds = (levels as readonly number[]).map(tf).filter((v) => Number.isFinite(v));
  } else if (vmin !== undefined && vmax !== undefined && vmin < vmax) {
    const count = typeof levels === 'number' ? levels : 10;
    thresholds = isLog ? logLevels(vmin, vmax, count) : d3ticks(vmin, vmax, count).filter((t) => t > vmin);
  } else {
    thresholds = vmin !== undefined ? [vmin] : [];
  }
  thresholds = [...new Set(thresholds)].sort((p, q) => p - q);

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
  const map = (gx: number, gy: number): [number, number] => [xs(g.x[0] + (gx - 0.5) * dx), ys(g.y[0] + (gy - 0.5) * dy)];

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

  const emphDash = ['', '7 4', '2 3', '9 3 2 3'];
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

  for (const r of input.rects ?? []) {
    const x1 = xs(Math.min(r.x0, r.x1));
    const x2 = xs(Math.max(r.x0, r.x1));
    const y1 = ys(Math.max(r.y0, r.y1));
    const y2 = ys(Math.min(r.y0, r.y1));
    plot.push(
      el(
        'g',
        { class: 'lane' },
        el('rect', { x: x1, y: y1, width: x2 - x1, height: y2 - y1, fill: 'none', stroke: '#ffffff', 'stroke-width': 4 }),
        el('rect', { x: x1, y: y1, width: x2 - x1, height: y2 - y1, fill: 'none', stroke: '#D55E00', 'stroke-width': 2 }),
        r.label !== undefined ? haloText({ x: x1 + 4, y: y1 + 14, 'font-size': TICK_FONT_PX, fill: '#000000' }, r.label) : '',
      ),
    );
  }
  if ((input.rects ?? []).length > 0) legend.push({ label: input.rectLegend ?? 'Lane', swatch: { kind: 'rect', colour: '#ffffff', stroke: '#D55E00' } });

  // Colour legend: one block per band, threshold labels at the boundaries (highest on top).
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

// ---------------------------------------------------------------------------------------------
// Bar chart

export interface BarChartInput extends ChartBase {
  /** One bar group per category, e.g. failure causes. */
  readonly categories: readonly string[];
  /** One bar per series in each group, e.g. per band; values[i] belongs to categories[i]. */
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** The value axis, e.g. { label: 'Failed taps', unit: 'per 1000' }. */
  readonly value: AxisInput;
  /** Write each value at the end of its bar (default true). */
  readonly showValues?: boolean;
  readonly valueDecimals?: number;
  readonly legendTitle?: string;
  /** Label of the category axis (default "Category"), e.g. "Failure cause". */
  readonly categoryLabel?: string;
}

/** Horizontal grouped bars (long category names stay readable): failures by cause. */
export function barChart(input: BarChartInput): string {
  const labels = input.categories.map((c) => truncate(c, 30));
  const leftPx = Math.min(250, Math.max(90, Math.ceil(maxOf(labels.map((l) => textWidthPx(l, TICK_FONT_PX)), 0)) + 44));
  const multi = input.series.length > 1;
  const legend: LegendItem[] = multi ? input.series.map((s, i) => ({ label: s.name, swatch: { kind: 'rect', colour: seriesColour(i) } })) : [];
  const margin = defaultMargin(
    legend.map((l) => l.label).concat(input.legendTitle !== undefined && multi ? [input.legendTitle] : []),
    multi ? { left: leftPx } : { left: leftPx, right: 60 },
  );
  const a = plotArea(margin);
  const all: number[] = [];
  for (const s of input.series) for (const v of s.values) if (Number.isFinite(v)) all.push(v);
  const xs = makeScale({ includeZero: true, ...input.value, log: false }, all, [a.x0, a.x1], 8);
  const outer = scaleBand<number>().domain(input.categories.map((_, i) => i)).range([a.y0, a.y1]).paddingInner(0.25).paddingOuter(0.15);
  const inner = scaleBand<number>().domain(input.series.map((_, i) => i)).range([0, outer.bandwidth()]).paddingInner(0.08);

  const plot: string[] = [];
  const overlay: string[] = [];
  const yTicks: Tick[] = [];
  const x0 = xs(0);
  input.categories.forEach((cat, ci) => {
    const top = outer(ci) ?? a.y0;
    yTicks.push({ pos: top + outer.bandwidth() / 2, label: labels[ci]! });
    input.series.forEach((s, si) => {
      const v = s.values[ci];
      if (v === undefined || !Number.isFinite(v)) return;
      const y = top + (inner(si) ?? 0);
      const xv = xs(v);
      const left = Math.min(x0, xv);
      plot.push(
        el(
          'rect',
          { class: 'bar', x: left, y, width: Math.max(0, Math.abs(xv - x0)), height: inner.bandwidth(), fill: seriesColour(si) },
          el('title', {}, text(`${cat}${multi ? ` — ${s.name}` : ''}: ${fmtValue(v, input.valueDecimals)}`)),
        ),
      );
      if (input.showValues !== false && inner.bandwidth() >= 9) {
        const fs = Math.min(TICK_FONT_PX, Math.floor(inner.bandwidth()));
        overlay.push(
          el(
            'text',
            { x: v >= 0 ? xv + 4 : xv - 4, y: y + inner.bandwidth() / 2 + fs * 0.35, 'font-size': fs, 'text-anchor': v >= 0 ? 'start' : 'end', fill: '#222222' },
            text(fmtValue(v, input.valueDecimals)),
          ),
        );
      }
    });
  });
  if (plot.length === 0) plot.push(noData(a));
  plot.push(el('line', { x1: x0, y1: a.y0, x2: x0, y2: a.y1, stroke: '#333333', 'stroke-width': 1 }));

  return frame({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    margin,
    xTicks: axisTicks(input.value, xs, 8),
    yTicks,
    yGrid: false,
    xLabel: axisTitle(input.value.label, input.value.unit),
    yLabel: input.categoryLabel ?? 'Category',
    legend,
    ...(input.legendTitle !== undefined && multi ? { legendTitle: input.legendTitle } : {}),
    plot: plot.join(''),
    overlay: overlay.join(''),
  });
}
