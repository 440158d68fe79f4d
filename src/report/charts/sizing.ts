/** sizingChart: a metric against the number of gates (or servers) with the SLO threshold line. */
import { el } from '../svg.js';
import type { AxisInput, ChartBase } from './common.js';
import { xyChart, type LineSeries, type ReferenceLine } from './xy.js';

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
