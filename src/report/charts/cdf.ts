/** cdfChart: empirical CDFs from samples, or CDFs from quantiles (e.g. a histogram's). */
import { fmt } from '../svg.js';
import type { AxisInput, ChartBase } from './common.js';
import { xyChart, type LinePoint, type LineSeries } from './xy.js';

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
