/** barChart: horizontal grouped bars (failures by cause). */
import { scaleBand } from 'd3-scale';
import { frame } from '../frame.js';
import { defaultMargin, type LegendItem } from '../legend.js';
import { axisTitle, el, plotArea, seriesColour, text, textWidthPx, TICK_FONT_PX, truncate, type Tick } from '../svg.js';
import { axisTicks, fmtValue, makeScale, noData, type AxisInput, type ChartBase } from './common.js';
import { maxOf } from '../../arrays.js';

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
