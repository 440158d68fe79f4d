/**
 * The numbers of `tapsim sensitivity` (orchestrate/sensitivity.ts): per point and metric, each band's
 * mean with its 95 % CI half-width, the paired difference RCC − NFC with its CI and n; the swing of
 * each parameter (high − low of the difference) that orders the tornado and the README table.
 */
import { pairedDifference, summarize, type Summary } from '../experiment/stats.js';
import { GATE_OPEN_RATE, PAID_CORRECTLY_RATE } from '../experiment/metric-names.js';
import { formatNumber } from '../report/write.js';
import { csvText } from '../report/csv-text.js';
import { maxOf } from '../arrays.js';
import type { ResolvedScenario } from '../scenario/schema.js';
import type { SensitivityDesign, SensitivityResults } from './sensitivity.js';

/** The metrics of the comparison, derived from a replication's summary metrics. */
export const SENSITIVITY_METRICS = [
  { id: 'paid_correctly_rate', label: 'Paid correctly', unit: 'pp', scale: 100 },
  { id: 'gate_open_rate', label: 'Gate opened', unit: 'pp', scale: 100 },
  { id: 'wrong_gate_collision_per_10k_taps', label: 'Wrong gate + collision', unit: 'per 10k taps', scale: 1 },
  { id: 'latency_p50_ms', label: 'Latency p50', unit: 'ms', scale: 1 },
] as const;
export type SensitivityMetric = (typeof SENSITIVITY_METRICS)[number]['id'];
/** The three the tornado shows (their RCC − NFC difference). */
export const TORNADO_METRICS: readonly SensitivityMetric[] = ['paid_correctly_rate', 'wrong_gate_collision_per_10k_taps', 'latency_p50_ms'];

/**
 * The latency p50 of one band's run: `latency_p50_ms` when the run has one overall, else that of the
 * carrier with the largest share (`latency_p50_ms_<carrier>_<band>`), NaN when it has none.
 */
function latencyP50Ms(m: Record<string, number>, scenario: ResolvedScenario, band: string): number {
  if (m['latency_p50_ms'] !== undefined) return m['latency_p50_ms'];
  const carriers = [...scenario.carriers].sort((a, b) => b.share - a.share);
  for (const c of carriers) {
    const v = m[`latency_p50_ms_${c.id}_${band}`];
    if (v !== undefined) return v;
  }
  return NaN;
}

/** One replication's value of a sensitivity metric. */
export function metricValue(id: SensitivityMetric, m: Record<string, number>, scenario: ResolvedScenario, band: string): number {
  switch (id) {
    case 'paid_correctly_rate':
      return m[PAID_CORRECTLY_RATE] ?? NaN;
    case 'gate_open_rate':
      return m[GATE_OPEN_RATE] ?? NaN;
    case 'wrong_gate_collision_per_10k_taps':
      return (m['wrong_gate_per_10k_taps'] ?? NaN) + (m['collision_per_10k_taps'] ?? NaN);
    case 'latency_p50_ms':
      return latencyP50Ms(m, scenario, band);
  }
}

export interface SensitivityRow {
  param: string;
  level: string;
  value: string;
  metric: SensitivityMetric;
  a: Summary;
  b: Summary;
  /** Paired b − a over the replications both ran. */
  diff: Summary;
}

/** Every point × metric. */
export function sensitivityRows(design: SensitivityDesign, results: SensitivityResults): SensitivityRow[] {
  const rows: SensitivityRow[] = [];
  design.points.forEach((pt, pi) => {
    const [ra, rb] = results[pi] as SensitivityResults[number];
    const reps = [...ra.keys()].filter((r) => rb.has(r)).sort((x, y) => x - y);
    for (const { id } of SENSITIVITY_METRICS) {
      const va = (r: number): number => metricValue(id, ra.get(r) as Record<string, number>, pt.configs[0].scenario, design.bands[0]);
      const vb = (r: number): number => metricValue(id, rb.get(r) as Record<string, number>, pt.configs[1].scenario, design.bands[1]);
      rows.push({ param: pt.param, level: pt.level, value: pt.value, metric: id, a: summarize([...ra.keys()].map(va)), b: summarize([...rb.keys()].map(vb)), diff: pairedDifference(reps.map(vb), reps.map(va)) });
    }
  });
  return rows;
}

/** sensitivity.csv: one line per point and metric. */
export function sensitivityCsv(rows: readonly SensitivityRow[], bands: readonly [string, string]): string {
  const [a, b] = bands;
  const header = ['parameter', 'level', 'value', 'metric', `${a}_mean`, `${a}_ci95`, `${a}_n`, `${b}_mean`, `${b}_ci95`, `${b}_n`, `diff_${b}_minus_${a}`, 'diff_ci95', 'diff_n'];
  const f = formatNumber;
  const lines = rows.map((r) => [r.param, r.level, r.value, r.metric, f(r.a.mean), f(r.a.halfWidth), String(r.a.n), f(r.b.mean), f(r.b.halfWidth), String(r.b.n), f(r.diff.mean), f(r.diff.halfWidth), String(r.diff.n)]);
  return csvText([header, ...lines]);
}

export interface Swing {
  param: string;
  metric: SensitivityMetric;
  base: number;
  low: number;
  high: number;
  /** 95 % CI half-widths of the low and high differences. */
  lowHw: number;
  highHw: number;
  /** |high − low| of the difference. */
  swing: number;
  lowValue: string;
  highValue: string;
}

/** The swing of the RCC − NFC difference per parameter and metric, largest first within a metric. */
export function swings(rows: readonly SensitivityRow[], metric: SensitivityMetric): Swing[] {
  const base = rows.find((r) => r.param === 'base' && r.metric === metric)?.diff.mean ?? NaN;
  const params = [...new Set(rows.filter((r) => r.param !== 'base').map((r) => r.param))];
  const out = params.map((param) => {
    const low = rows.find((r) => r.param === param && r.level === 'low' && r.metric === metric);
    const high = rows.find((r) => r.param === param && r.level === 'high' && r.metric === metric);
    const l = low?.diff.mean ?? NaN;
    const h = high?.diff.mean ?? NaN;
    return { param, metric, base, low: l, high: h, lowHw: low?.diff.halfWidth ?? NaN, highHw: high?.diff.halfWidth ?? NaN, swing: Math.abs(h - l), lowValue: low?.value ?? '', highValue: high?.value ?? '' };
  });
  return out.sort((x, y) => (Number.isFinite(y.swing) ? y.swing : -1) - (Number.isFinite(x.swing) ? x.swing : -1));
}

/** Three significant digits, no exponent below 1e-3 (a table for people). */
function short(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) < 5e-4 ? '0' : String(Number(v.toPrecision(3)));
}

/**
 * The README's table: the `top` parameters by their largest swing relative to the largest of the same
 * metric, with the three differences (± 95 % half-width) at low / high.
 */
export function swingMarkdown(rows: readonly SensitivityRow[], bands: readonly [string, string], top: number): string {
  const byMetric = TORNADO_METRICS.map((m) => ({ m, def: SENSITIVITY_METRICS.find((d) => d.id === m)!, list: swings(rows, m) }));
  const params = byMetric[0]?.list.map((s) => s.param) ?? [];
  // A parameter ranks by its largest swing relative to the largest swing of the same metric.
  const rank = (p: string): number =>
    maxOf(
      byMetric.map(({ list }) => {
        const top1 = maxOf(list.map((x) => (Number.isFinite(x.swing) ? x.swing : 0)), 0);
        const s = list.find((x) => x.param === p)?.swing ?? NaN;
        return top1 > 0 && Number.isFinite(s) ? s / top1 : 0;
      }),
      0,
    );
  const order = [...params].sort((x, y) => rank(y) - rank(x)).slice(0, top);
  const [a, b] = bands;
  const pm = (v: number, hw: number, scale: number): string => `${short(v * scale)}${Number.isFinite(hw) && hw * scale >= 5e-4 ? ` ± ${short(hw * scale)}` : ''}`;
  const cell = (s: Swing | undefined, scale: number): string => (s === undefined ? '—' : `${pm(s.low, s.lowHw, scale)} / ${pm(s.high, s.highHw, scale)} (swing ${short(s.swing * scale)})`);
  const head = ['parameter', 'low / high', ...byMetric.map(({ def }) => `${def.label}, ${b} − ${a} (${def.unit})`)];
  const lines = order.map((p) => {
    const first = byMetric[0]?.list.find((s) => s.param === p);
    return [p, `${first?.lowValue ?? ''} / ${first?.highValue ?? ''}`, ...byMetric.map(({ def, list }) => cell(list.find((s) => s.param === p), def.scale))];
  });
  const base = byMetric.map(({ def, list }) => `${def.label} ${short((list[0]?.base ?? NaN) * def.scale)} ${def.unit}`).join(', ');
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`), '', `Base (${b} − ${a}): ${base}.`].join('\n') + '\n';
}
