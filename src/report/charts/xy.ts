/** The XY chart drawer behind lineChart, cdfChart and sizingChart: series with CI bands, reference lines, markers. */
import { area, curveLinear, curveStepAfter, line } from 'd3-shape';
import { frame } from '../frame.js';
import { defaultMargin, type LegendItem } from '../legend.js';
import { axisTitle, COORD_DECIMALS, el, plotArea, seriesColour, seriesDash, text, TICK_FONT_PX, type ContinuousScale, type PlotArea } from '../svg.js';
import { axisTicks, finite, haloText, makeScale, noData, type AxisInput, type ChartBase } from './common.js';
import { pushAll } from '../../arrays.js';

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

export interface XYDraw extends ChartBase {
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

/** One legend line per series (with a band swatch when it has a CI), then the chart's extra items. */
function xyLegend(d: XYDraw): LegendItem[] {
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
  return legend;
}

/** Both scales over every finite point, CI bound and reference value. */
function xyScales(d: XYDraw, a: PlotArea): { xs: ContinuousScale; ys: ContinuousScale } {
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
  return { xs: makeScale(d.x, xv, [a.x0, a.x1], 8), ys: makeScale(d.y, yv, [a.y1, a.y0]) };
}

/** The marks of every series: CI bands, lines and markers, each kind in series order. */
function seriesMarks(d: XYDraw, xs: ContinuousScale, ys: ContinuousScale): { bands: string[]; lines: string[]; marks: string[] } {
  const isLogX = d.x.log === true;
  const isLogY = d.y.log === true;
  const okX = (v: number): boolean => Number.isFinite(v) && (!isLogX || v > 0);
  const okY = (v: number | undefined): v is number => finite(v) && (!isLogY || v > 0);
  const curve = d.curve === 'step' ? curveStepAfter : curveLinear;
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
  return { bands, lines, marks };
}

export function xyChart(d: XYDraw): string {
  const legend = xyLegend(d);
  const margin = defaultMargin(legend.map((l) => l.label).concat(d.legendTitle ?? []));
  const a = plotArea(margin);
  const { xs, ys } = xyScales(d, a);

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
  const { bands, lines, marks } = seriesMarks(d, xs, ys);
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
