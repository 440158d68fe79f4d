/**
 * Figures and a report page for experiment folders: sweep curves with 95 % CI bands, a forest
 * plot of paired band differences, and the sizing curve with its service-level line. Pure:
 * plain data in, figures out; `writeExperimentReport` writes them through the writer of a folder being built.
 */
import { forestPlot, lineChart, sizingChart, type LineSeries } from './charts.js';
import { runReportFiles, type ReportFigure, type ReportTable, type KeyValue } from './html.js';
import type { FolderWriter } from './write.js';

/** Mean and 95 % CI half-width of one metric at one point. */
export interface MetricEstimate {
  mean: number;
  halfWidth: number;
}

/** Metrics worth a figure, in this order, when a sweep produced them. */
const HEADLINE_METRICS: ReadonlyArray<{ metric: string; label: string; unit?: string }> = [
  { metric: 'gate_open_rate', label: 'Gate open rate' },
  { metric: 'wait_p95_s', label: 'Wait p95', unit: 's' },
  { metric: 'wrong_gate_per_10k_taps', label: 'Wrong-gate binds per 10,000 taps' },
  { metric: 'collision_per_10k_taps', label: 'Collisions per 10,000 taps' },
  { metric: 'tap_to_open_p95_ms', label: 'Tap to gate open, p95', unit: 'ms' },
  { metric: 'throughput_peak_ppm_per_gate', label: 'Peak throughput per gate', unit: 'passengers/min' },
  { metric: 'host_p99_ms', label: 'Host response p99', unit: 'ms' },
];

const slug = (text: string): string => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();

/**
 * Sweep curves: x = the first varied path whose values are all numbers; one series per
 * combination of the other paths' values. One figure per headline metric that varies, plus the
 * latency p50 metrics. Empty when no path is numeric.
 */
export function sweepFigures(paths: readonly string[], points: ReadonlyArray<{ values: readonly string[]; estimates: ReadonlyMap<string, MetricEstimate> }>): ReportFigure[] {
  const xIndex = paths.findIndex((_, i) => points.every((p) => Number.isFinite(Number(p.values[i]))));
  if (xIndex < 0 || points.length < 2) return [];
  const xPath = paths[xIndex] as string;
  const groupOf = (values: readonly string[]): string => paths.map((path, i) => (i === xIndex ? '' : `${path.split('.').pop()}=${values[i]}`)).filter((s) => s !== '').join(', ');
  const metricNames = new Set(points.flatMap((p) => [...p.estimates.keys()]));
  const latency = [...metricNames].filter((m) => m.startsWith('latency_p50_ms_')).map((m) => ({ metric: m, label: `Tap latency p50 (${m.slice('latency_p50_ms_'.length)})`, unit: 'ms' }));
  const figures: ReportFigure[] = [];
  for (const h of [...HEADLINE_METRICS, ...latency]) {
    const groups = new Map<string, Array<{ x: number; y: number; lo: number; hi: number }>>();
    for (const p of points) {
      const e = p.estimates.get(h.metric);
      if (e === undefined || !Number.isFinite(e.mean)) continue;
      const half = Number.isFinite(e.halfWidth) ? e.halfWidth : 0;
      const key = groupOf(p.values);
      const list = groups.get(key) ?? [];
      list.push({ x: Number(p.values[xIndex]), y: e.mean, lo: e.mean - half, hi: e.mean + half });
      groups.set(key, list);
    }
    const all = [...groups.values()].flat();
    if (all.length < 2 || all.every((pt) => pt.y === all[0]?.y)) continue;
    const series: LineSeries[] = [...groups].map(([name, pts]) => ({ name: name === '' ? h.label : name, points: pts.sort((a, b) => a.x - b.x), markers: true }));
    figures.push({
      file: `sweep-${slug(h.metric)}.svg`,
      caption: `${h.label} against ${xPath} (mean over replications, band = 95 % CI).`,
      svg: lineChart({
        title: `${h.label} vs ${xPath.split('.').pop() ?? xPath}`,
        subtitle: `sweep over ${xPath}; shaded: 95 % confidence interval`,
        x: { label: xPath },
        y: { label: h.label, ...(h.unit === undefined ? {} : { unit: h.unit }) },
        series,
        ...(groups.size > 1 ? { legendTitle: 'Point' } : {}),
      }),
    });
  }
  return figures;
}

/** Paired differences: relative to config b's mean, in %, one forest plot per pair of configs. */
export function compareFigures(rows: ReadonlyArray<{ metric: string; a: string; b: string; meanB: number; diff: { mean: number; lower: number; upper: number } }>): ReportFigure[] {
  const pairs = [...new Set(rows.map((r) => `${r.a}|${r.b}`))];
  const figures: ReportFigure[] = [];
  for (const pair of pairs) {
    const [a, b] = pair.split('|') as [string, string];
    const forest = HEADLINE_METRICS.flatMap((h) => {
      const r = rows.find((row) => row.a === a && row.b === b && row.metric === h.metric);
      if (r === undefined || !Number.isFinite(r.diff.mean) || !(Math.abs(r.meanB) > 0)) return [];
      const scale = 100 / Math.abs(r.meanB);
      const lo = Number.isFinite(r.diff.lower) ? r.diff.lower * scale : r.diff.mean * scale;
      const hi = Number.isFinite(r.diff.upper) ? r.diff.upper * scale : r.diff.mean * scale;
      return [{ label: h.label, estimate: r.diff.mean * scale, lo, hi, unit: '%' }];
    });
    if (forest.length === 0) continue;
    figures.push({
      file: `compare-${slug(a)}-vs-${slug(b)}.svg`,
      caption: `Paired differences ${a} − ${b} on common random numbers, as % of the ${b} mean, with 95 % CIs.`,
      svg: forestPlot({ title: `${a} − ${b}: paired differences`, subtitle: 'relative to the second configuration; 95 % CI', x: { label: `${a} − ${b}`, unit: '% of ' + b }, rows: forest }),
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

/** Write figures/*.svg and index.html through `w`, the writer of a folder being built (writeFolderAtomic). */
export async function writeExperimentReport(w: FolderWriter, input: { title: string; intro: string; meta: readonly KeyValue[]; tables: readonly ReportTable[]; figures: readonly ReportFigure[] }): Promise<void> {
  const files = runReportFiles({ title: input.title, intro: input.intro, meta: input.meta, tables: input.tables, figures: input.figures, figureMode: 'link' });
  await w.makeFolder('figures');
  for (const f of files) await w.writeFile(f.path, f.content);
}
