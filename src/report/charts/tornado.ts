/** tornadoChart: one metric's swing per parameter — a bar from the base value to the low and to the high value, largest swing on top. */
import { scaleBand } from 'd3-scale';
import { frame } from '../frame.js';
import { defaultMargin } from '../legend.js';
import { axisTitle, el, plotArea, text, textWidthPx, TICK_FONT_PX, truncate, OKABE_ITO, type Tick } from '../svg.js';
import { axisTicks, finite, fmtValue, makeScale, noData, type AxisInput, type ChartBase } from './common.js';
import { maxOf } from '../../arrays.js';

export interface TornadoRow {
  /** Parameter name. */
  readonly label: string;
  /** The metric with the parameter at its low and at its high value. */
  readonly low: number;
  readonly high: number;
}

export interface TornadoInput extends ChartBase {
  readonly x: AxisInput;
  /** The metric at the base point (the bars start here). */
  readonly base: number;
  /** Rows in the order to draw, top first (callers sort by swing). */
  readonly rows: readonly TornadoRow[];
}

const LOW_COLOUR = OKABE_ITO[0]?.hex ?? '#0072B2';
const HIGH_COLOUR = OKABE_ITO[1]?.hex ?? '#D55E00';

/** One bar from the base to `v`, with its value as a tooltip. */
function bar(xs: (v: number) => number, base: number, v: number, y: number, h: number, colour: string, title: string): string {
  if (!finite(v)) return '';
  const x0 = Math.min(xs(base), xs(v));
  const w = Math.max(1, Math.abs(xs(v) - xs(base)));
  return el('rect', { x: x0, y, width: w, height: h, fill: colour, 'fill-opacity': 0.85 }, el('title', {}, text(title)));
}

/** A tornado: per parameter a bar to its low value's result and one to its high value's result, around the base. */
export function tornadoChart(input: TornadoInput): string {
  const labels = input.rows.map((r) => truncate(r.label, 30));
  const left = Math.min(240, Math.max(90, Math.ceil(maxOf(labels.map((l) => textWidthPx(l, TICK_FONT_PX)), 0)) + 24));
  const margin = defaultMargin(['parameter low', 'parameter high'], { left });
  const a = plotArea(margin);
  const xv = [input.base];
  for (const r of input.rows) xv.push(r.low, r.high);
  const xs = makeScale({ ...input.x, log: false }, xv, [a.x0, a.x1], 8);
  const band = scaleBand<number>().domain(input.rows.map((_, i) => i)).range([a.y0, a.y1]).paddingInner(0.25).paddingOuter(0.2);
  const plot: string[] = [];
  const yTicks: Tick[] = [];
  const h = band.bandwidth() / 2;
  input.rows.forEach((r, i) => {
    const y = band(i) ?? a.y0;
    yTicks.push({ pos: y + h, label: labels[i] as string });
    plot.push(bar(xs, input.base, r.low, y, h, LOW_COLOUR, `${r.label} low: ${fmtValue(r.low)}`));
    plot.push(bar(xs, input.base, r.high, y + h, h, HIGH_COLOUR, `${r.label} high: ${fmtValue(r.high)}`));
  });
  if (input.rows.length === 0) plot.push(noData(a));
  if (finite(input.base)) {
    const bx = xs(input.base);
    plot.push(el('line', { class: 'base-line', x1: bx, y1: a.y0, x2: bx, y2: a.y1, stroke: '#000000', 'stroke-width': 1.5 }));
  }
  return frame({
    title: input.title,
    ...(input.subtitle !== undefined ? { subtitle: input.subtitle } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    margin,
    xTicks: axisTicks(input.x, xs, 8),
    yTicks,
    yGrid: false,
    xLabel: axisTitle(input.x.label, input.x.unit),
    yLabel: 'Parameter',
    legend: [
      { label: 'parameter low', swatch: { kind: 'rect', colour: LOW_COLOUR } },
      { label: 'parameter high', swatch: { kind: 'rect', colour: HIGH_COLOUR } },
    ],
    plot: plot.join(''),
  });
}
