/** lineChart: several series against a shared x, each with an optional CI band. */
import type { AxisInput, ChartBase } from './common.js';
import { xyChart, type LineSeries, type ReferenceLine } from './xy.js';

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

