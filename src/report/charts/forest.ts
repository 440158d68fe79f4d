/** forestPlot: paired differences, estimate with 95% CI per metric, and the no-difference line. */
import { scaleBand } from 'd3-scale';
import { frame } from '../frame.js';
import { axisTitle, el, plotArea, text, textWidthPx, TICK_FONT_PX, truncate, type Margin, type Tick } from '../svg.js';
import { axisTicks, fmtValue, makeScale, noData, type AxisInput, type ChartBase } from './common.js';
import { maxOf } from '../../arrays.js';

export interface ForestRow {
  /** Metric name, e.g. "Tap success". */
  readonly label: string;
  readonly estimate: number;
  /** 95% CI bounds. */
  readonly lo: number;
  readonly hi: number;
  /** Unit shown after the numbers in the right-hand column. */
  readonly unit?: string;
  /** Coloured as significant; default: the interval excludes the null value. */
  readonly significant?: boolean;
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

const SIG_COLOUR = '#0072B2';
const NS_COLOUR = '#7a7a7a';

/** Row labels on the left, "estimate [lo, hi] unit" texts on the right, and margins that fit both. */
function forestLayout(input: ForestPlotInput): { labels: string[]; valueText: string[]; margin: Margin } {
  const labels = input.rows.map((r) => truncate(r.label, 32));
  const leftPx = Math.min(260, Math.max(90, Math.ceil(maxOf(labels.map((l) => textWidthPx(l, TICK_FONT_PX)), 0)) + 44));
  const valueText = input.rows.map((r) => {
    const f = (v: number): string => fmtValue(v, input.decimals);
    return `${f(r.estimate)} [${f(r.lo)}, ${f(r.hi)}]${r.unit !== undefined && r.unit !== '' ? ` ${r.unit}` : ''}`;
  });
  const rightPx = Math.min(280, Math.max(150, Math.ceil(maxOf(valueText.map((t) => textWidthPx(t, TICK_FONT_PX)), 0)) + 24));
  return { labels, valueText, margin: { top: 58, right: rightPx, bottom: 76, left: leftPx } };
}

/** The two-item legend (CI excludes / includes no difference) under the x-axis label. */
function forestLegend(x0: number): string {
  return el(
    'g',
    { class: 'legend' },
    el('rect', { x: x0, y: 500 - 36, width: 10, height: 10, fill: SIG_COLOUR }),
    el('text', { x: x0 + 16, y: 500 - 27, 'font-size': TICK_FONT_PX }, text('95% CI excludes no difference')),
    el('rect', { x: x0 + 230, y: 500 - 36, width: 10, height: 10, fill: NS_COLOUR }),
    el('text', { x: x0 + 246, y: 500 - 27, 'font-size': TICK_FONT_PX }, text('includes no difference')),
  );
}

/** Paired band differences: estimate with 95% CI per metric, and the zero line. */
export function forestPlot(input: ForestPlotInput): string {
  const nullValue = input.nullValue ?? 0;
  const { labels, valueText, margin } = forestLayout(input);
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
  input.rows.forEach((r, i) => {
    const cy = (band(i) ?? a.y0) + band.bandwidth() / 2;
    yTicks.push({ pos: cy, label: labels[i]! });
    overlay.push(
      el('text', { x: a.x1 + 12, y: cy + 4, 'font-size': TICK_FONT_PX, class: 'forest-value' }, text(valueText[i]!)),
    );
    if (![r.estimate, r.lo, r.hi].every((v) => Number.isFinite(v))) return;
    const excludes = r.significant ?? (r.lo > nullValue || r.hi < nullValue);
    const colour = excludes ? SIG_COLOUR : NS_COLOUR;
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
  overlay.push(forestLegend(a.x0));

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
