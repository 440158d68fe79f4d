/**
 * Figures and a report page for experiment folders: sweep curves with 95 % CI bands, a forest
 * plot of paired band differences, and the sizing curve with its service-level line. Pure:
 * plain data in, figures out; experiment-report.ts writes them (`writeExperimentReport`).
 */
import { forestPlot, lineChart, sizingChart, type LineSeries } from './charts.js';
import type { ReportFigure } from './html.js';
import type { ParameterAxis } from './parameter-axis.js';
import { halfWidthHasSpread } from '../experiment/stats.js';

/** Mean and 95 % CI half-width of one metric at one point. */
export interface MetricEstimate {
  mean: number;
  halfWidth: number;
}

/** Metrics worth a figure, in this order, when a sweep produced them. */
const HEADLINE_METRICS: ReadonlyArray<{ metric: string; label: string; unit?: string; percent?: boolean }> = [
  { metric: 'gate_open_rate', label: 'Gate open rate', unit: '%', percent: true },
  { metric: 'paid_correctly_rate', label: 'Paid correctly (the intended carrier)', unit: '%', percent: true },
  { metric: 'wait_p95_s', label: 'Wait p95', unit: 's' },
  { metric: 'wrong_gate_per_10k_taps', label: 'Wrong-gate binds per 10,000 taps' },
  { metric: 'collision_per_10k_taps', label: 'Collisions per 10,000 taps' },
  { metric: 'wrong_card_per_10k_taps', label: 'Wrong-card payments per 10,000 taps' },
  { metric: 'tap_to_open_p95_ms', label: 'Tap to gate open, p95', unit: 'ms' },
  { metric: 'throughput_peak_ppm_per_gate', label: 'Peak throughput per gate', unit: 'passengers/min' },
  { metric: 'host_p99_ms', label: 'Host response p99', unit: 'ms' },
];

const slug = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/**
 * Sweep curves: x = the first varied path whose values are all numbers, on its axis (`axes`, from
 * the parameter's help text and unit: parameter-axis.ts; the raw path without one); one series per
 * combination of the other paths' values. One figure per headline metric that varies, plus the
 * latency p50 metrics; rates in % on 0–100. Empty when no path is numeric.
 */
export function sweepFigures(paths: readonly string[], points: ReadonlyArray<{ values: readonly string[]; estimates: ReadonlyMap<string, MetricEstimate> }>, axes: readonly ParameterAxis[] = []): ReportFigure[] {
  const xIndex = paths.findIndex((_, i) => points.every((p) => Number.isFinite(Number(p.values[i]))));
  if (xIndex < 0 || points.length < 2) return [];
  const xPath = paths[xIndex] as string;
  const xAxis = axes[xIndex];
  const xScale = xAxis?.scale ?? 1;
  const valueText = (i: number, v: string | undefined): string => {
    const a = axes[i];
    if (a === undefined || !Number.isFinite(Number(v))) return `${v}`;
    return `${a.scale === 1 ? v : Number((Number(v) * a.scale).toPrecision(12))}${a.unit === '' ? '' : ` ${a.unit}`}`;
  };
  const groupOf = (values: readonly string[]): string => paths.map((path, i) => (i === xIndex ? '' : `${axes[i]?.label ?? path.split('.').pop()}=${valueText(i, values[i])}`)).filter((s) => s !== '').join(', ');
  const metricNames = new Set(points.flatMap((p) => [...p.estimates.keys()]));
  const latency = [...metricNames].filter((m) => m.startsWith('latency_p50_ms_')).map((m) => ({ metric: m, label: `Tap latency p50 (${m.slice('latency_p50_ms_'.length)})`, unit: 'ms' }));
  const figures: ReportFigure[] = [];
  for (const h of [...HEADLINE_METRICS, ...latency]) {
    const yScale = 'percent' in h && h.percent === true ? 100 : 1;
    const groups = new Map<string, Array<{ x: number; y: number; lo: number; hi: number }>>();
    for (const p of points) {
      const e = p.estimates.get(h.metric);
      if (e === undefined || !Number.isFinite(e.mean)) continue;
      const half = Number.isFinite(e.halfWidth) ? e.halfWidth : 0;
      const key = groupOf(p.values);
      const list = groups.get(key) ?? [];
      list.push({ x: Number(p.values[xIndex]) * xScale, y: e.mean * yScale, lo: (e.mean - half) * yScale, hi: (e.mean + half) * yScale });
      groups.set(key, list);
    }
    const all = [...groups.values()].flat();
    if (all.length < 2 || all.every((pt) => pt.y === all[0]?.y)) continue;
    const series: LineSeries[] = [...groups].map(([name, pts]) => ({ name: name === '' ? h.label : name, points: pts.sort((a, b) => a.x - b.x), markers: true }));
    const xLabel = xAxis?.label ?? xPath;
    figures.push({
      file: `sweep-${slug(h.metric)}.svg`,
      caption: `${h.label} against ${xLabel}${xAxis === undefined ? '' : ` (${xPath})`} (mean over replications, band = 95 % CI).`,
      svg: lineChart({
        title: `${h.label} vs ${xAxis?.label.toLowerCase() ?? xPath.split('.').pop() ?? xPath}`,
        subtitle: `sweep over ${xPath}${xAxis !== undefined && xAxis.description !== '' ? ` (${xAxis.description.replace(/\.$/, '')})` : ''}; shaded: 95 % confidence interval`,
        x: { label: xLabel, ...(xAxis === undefined || xAxis.unit === '' ? {} : { unit: xAxis.unit }), ...(xAxis?.domain === undefined ? {} : { domain: xAxis.domain }) },
        y: { label: h.label, ...(h.unit === undefined ? {} : { unit: h.unit }), ...(yScale === 100 ? { domain: [0, 100] as const } : {}) },
        series,
        ...(groups.size > 1 ? { legendTitle: 'Point' } : {}),
      }),
    });
  }
  return figures;
}

/** Rates per 10 000 taps: compared as absolute differences (a relative one is undefined where the second configuration has none); wrong-card when the column exists. */
const RATE_METRICS: ReadonlyArray<{ metric: string; label: string }> = [
  { metric: 'wrong_gate_per_10k_taps', label: 'Wrong-gate binds' },
  { metric: 'collision_per_10k_taps', label: 'Collisions' },
  { metric: 'wrong_card_per_10k_taps', label: 'Wrong-card payments' },
];

type CompareInputRow = { metric: string; a: string; b: string; meanB: number; diff: { n?: number; mean: number; lower: number; upper: number } };

/**
 * A paired difference is drawn as significant only with a real spread (experiment/stats.ts
 * halfWidthHasSpread: not every difference equal, nor a round-off interval) and a 95 % CI that
 * excludes 0 — the rule of stats.ts isSignificant, from the bounds the figures are given.
 */
function significant(d: CompareInputRow['diff']): boolean {
  return halfWidthHasSpread((d.upper - d.lower) / 2, d.mean) && (d.lower > 0 || d.upper < 0);
}

/** "identical on every pair" when every shown difference is exactly 0 in every pair, else `normal`. */
function identicalNote(rows: readonly CompareInputRow[], normal: string): string {
  const zero = rows.length > 0 && rows.every((r) => r.diff.mean === 0 && (r.diff.lower === 0 || !Number.isFinite(r.diff.lower)) && (r.diff.upper === 0 || !Number.isFinite(r.diff.upper)));
  if (!zero) return normal;
  const n = rows[0]?.diff.n;
  return `identical on every pair${n === undefined ? '' : ` (n = ${n} paired replications)`}: every difference shown is exactly 0 — nothing these metrics measure uses what differs between the two configurations here`;
}

/**
 * Paired differences, one figure per pair of configs: the headline metrics relative to config b's
 * mean, in %; the rates per 10 000 taps (wrong-gate, collisions, wrong-card) as absolute
 * differences in a second figure. A figure whose differences are all exactly 0 says so.
 */
export function compareFigures(rows: ReadonlyArray<CompareInputRow>): ReportFigure[] {
  const pairs = [...new Set(rows.map((r) => `${r.a}|${r.b}`))];
  const figures: ReportFigure[] = [];
  const rates = new Set(RATE_METRICS.map((m) => m.metric));
  for (const pair of pairs) {
    const [a, b] = pair.split('|') as [string, string];
    const find = (metric: string): CompareInputRow | undefined => rows.find((row) => row.a === a && row.b === b && row.metric === metric);
    const used: CompareInputRow[] = [];
    const forest = HEADLINE_METRICS.filter((h) => !rates.has(h.metric)).flatMap((h) => {
      const r = find(h.metric);
      if (r === undefined || !Number.isFinite(r.diff.mean) || !(Math.abs(r.meanB) > 0)) return [];
      used.push(r);
      const scale = 100 / Math.abs(r.meanB);
      const lo = Number.isFinite(r.diff.lower) ? r.diff.lower * scale : r.diff.mean * scale;
      const hi = Number.isFinite(r.diff.upper) ? r.diff.upper * scale : r.diff.mean * scale;
      return [{ label: h.label, estimate: r.diff.mean * scale, lo, hi, unit: '%', significant: significant(r.diff) }];
    });
    if (forest.length > 0) {
      figures.push({
        file: `compare-${slug(a)}-vs-${slug(b)}.svg`,
        caption: `Paired differences ${a} − ${b} on common random numbers, as % of the ${b} mean, with 95 % CIs.`,
        svg: forestPlot({ title: `${a} − ${b}: paired differences`, subtitle: identicalNote(used, 'relative to the second configuration; 95 % CI'), x: { label: `${a} − ${b}`, unit: '% of ' + b }, rows: forest }),
      });
    }
    const usedRates: CompareInputRow[] = [];
    const rateRows = RATE_METRICS.flatMap((m) => {
      const r = find(m.metric);
      if (r === undefined || !Number.isFinite(r.diff.mean)) return [];
      usedRates.push(r);
      return [{ label: m.label, estimate: r.diff.mean, lo: Number.isFinite(r.diff.lower) ? r.diff.lower : r.diff.mean, hi: Number.isFinite(r.diff.upper) ? r.diff.upper : r.diff.mean, unit: 'per 10k', significant: significant(r.diff) }];
    });
    if (rateRows.length === 0) continue;
    figures.push({
      file: `compare-${slug(a)}-vs-${slug(b)}-rates.svg`,
      caption: `Paired differences ${a} − ${b} of wrong-gate, collision${rateRows.length > 2 ? ' and wrong-card' : ''} rates per 10 000 taps on common random numbers, absolute, with 95 % CIs.`,
      svg: forestPlot({ title: `${a} − ${b}: rates per 10,000 taps`, subtitle: identicalNote(usedRates, 'absolute paired differences per 10,000 taps; 95 % CI'), x: { label: `${a} − ${b}`, unit: 'per 10,000 taps' }, rows: rateRows }),
    });
  }
  return figures;
}

/** The sizing curve with the SLO line and the chosen value. */
export function sizeFigure(path: string, slo: { metric: string; op: '<=' | '>='; value: number }, evaluations: ReadonlyArray<{ value: number; mean: number; bound: number }>, answer: number | null): ReportFigure {
  const sorted = [...evaluations].sort((a, b) => a.value - b.value);
  return {
    file: 'sizing.svg',
    caption: `${slo.metric} against ${path}; the line marks the service level ${slo.metric} ${slo.op} ${slo.value}; the one-sided 95 % bound is the second series.`,
    svg: sizingChart({
      title: `Sizing: ${slo.metric} vs ${path.split('.').pop() ?? path}`,
      subtitle: answer === null ? 'no value in the range meets the service level' : `smallest value meeting it with 95 % confidence: ${answer}`,
      x: { label: path },
      y: { label: slo.metric },
      series: [
        { name: 'mean', points: sorted.map((e) => ({ x: e.value, y: e.mean })) },
        { name: '95 % bound', points: sorted.filter((e) => Number.isFinite(e.bound)).map((e) => ({ x: e.value, y: e.bound })) },
      ],
      slo: { value: slo.value, label: `SLO ${slo.op} ${slo.value}`, direction: slo.op === '<=' ? 'max' : 'min' },
      ...(answer === null ? {} : { chosen: { x: answer, label: `${answer}` } }),
    }),
  };
}
